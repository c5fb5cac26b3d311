use super::*;
use serde_json::json;

#[test]
fn defaults_hide_everything_and_keep_the_badge() {
    let settings = Settings::default();
    assert!(settings.enabled && settings.badge && settings.memory);
    for kind in MetricKind::ALL {
        assert_eq!(settings.display(kind), Display::Hide);
    }
}

#[test]
fn a_bad_field_falls_back_alone() {
    let (settings, warnings) = Settings::from_json_value(&json!({
        "enabled": "yes please",
        "badge": false,
        "metrics": {"likes": "show", "views": "sideways", "nonsense": "hide"}
    }));
    assert!(
        settings.enabled,
        "bad master switch falls back to its default"
    );
    assert!(!settings.badge, "good field kept");
    assert_eq!(settings.display(MetricKind::Likes), Display::Show);
    assert_eq!(settings.display(MetricKind::Views), Display::Hide);
    let fields: Vec<&str> = warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(fields, ["enabled", "metrics.nonsense", "metrics.views"]);
}

#[test]
fn garbage_gives_defaults_with_a_warning_and_null_gives_defaults_silently() {
    let (settings, warnings) = Settings::from_json_value(&json!([1, 2, 3]));
    assert_eq!(settings, Settings::default());
    assert_eq!(warnings.len(), 1);
    let (settings, warnings) = Settings::from_json_value(&serde_json::Value::Null);
    assert_eq!(settings, Settings::default());
    assert!(warnings.is_empty());
}

#[test]
fn round_trips_through_json() {
    let mut settings = Settings::default();
    settings
        .metrics
        .insert(MetricKind::Replies, Display::Coarse);
    settings.paused_hosts.push("x.com".into());
    let value = serde_json::to_value(&settings).unwrap();
    let (back, warnings) = Settings::from_json_value(&value);
    assert!(warnings.is_empty());
    assert_eq!(back, settings);
}
