use super::*;
use crate::settings::STORAGE_KEY;

fn shown(settings: &Settings) -> Vec<&'static str> {
    MetricKind::ALL
        .into_iter()
        .filter(|kind| settings.display(*kind) != Display::Hide)
        .map(MetricKind::id)
        .collect()
}

#[test]
fn the_default_is_hide_all() {
    assert_eq!(Settings::default().preset(), Some(Preset::HideAll));
}

#[test]
fn each_preset_sets_every_kind_as_the_popup_test_expects() {
    // tests/e2e/popup.test.mjs checks the same stored metrics after each button.
    let mut settings = Settings::default();
    settings.metrics.insert(MetricKind::Likes, Display::Hover);
    settings.apply_preset(Preset::HideAll);
    assert_eq!(shown(&settings), Vec::<&str>::new());
    settings.apply_preset(Preset::KeepReplies);
    assert_eq!(shown(&settings), ["replies"]);
    assert_eq!(settings.display(MetricKind::Replies), Display::Show);
    settings.apply_preset(Preset::KeepProfileCounts);
    assert_eq!(
        shown(&settings),
        [
            "followers",
            "following",
            "subscribers",
            "stars",
            "reputation",
            "connections",
            "posts"
        ]
    );
    assert_eq!(settings.display(MetricKind::Likes), Display::Hide);
    assert_eq!(settings.display(MetricKind::Replies), Display::Hide);
    settings.apply_preset(Preset::Rough);
    assert!(MetricKind::ALL
        .into_iter()
        .all(|kind| settings.display(kind) == Display::Coarse));
    for preset in Preset::ALL {
        settings.apply_preset(preset);
        assert_eq!(settings.preset(), Some(preset), "{preset:?} is recognised");
        assert_eq!(settings.metrics.len(), MetricKind::ALL.len());
    }
}

#[test]
fn a_preset_leaves_everything_but_the_numbers() {
    let mut settings = Settings {
        enabled: false,
        badge: false,
        ..Settings::default()
    };
    settings.toggle_pause("x.com");
    settings.sites.insert("reddit".into(), false);
    let before = settings.clone();
    settings.apply_preset(Preset::KeepReplies);
    assert_eq!(
        Settings {
            metrics: before.metrics.clone(),
            ..settings.clone()
        },
        before
    );
    // And it may be stored.
    let value = settings.to_storage_value().expect("storable");
    assert!(STORAGE_KEY.len() + value.to_string().len() < 1000);
}

#[test]
fn one_kind_changed_by_hand_is_no_preset() {
    let mut settings = Settings::default();
    settings.apply_preset(Preset::KeepReplies);
    settings.metrics.insert(MetricKind::Views, Display::Hover);
    assert_eq!(settings.preset(), None);
}

#[test]
fn ids_round_trip_and_are_distinct() {
    for preset in Preset::ALL {
        assert_eq!(Preset::from_id(preset.id()), Some(preset));
    }
    assert_eq!(Preset::from_id("nonsense"), None);
    let mut ids: Vec<_> = Preset::ALL.into_iter().map(Preset::id).collect();
    ids.dedup();
    assert_eq!(ids.len(), Preset::ALL.len());
}
