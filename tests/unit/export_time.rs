//! Unit tests of the calendar maths (`src/export/time.rs`).

use super::*;

#[test]
fn year_month_inverts_days_from_civil() {
    assert_eq!(year_month(0), (1970, 1));
    assert_eq!(year_month(-1), (1969, 12));
    // Every month start from 1900 to 2100, and the second before it.
    for year in 1900..=2100 {
        for month in 1..=12 {
            let start = days_from_civil(year, month, 1) * 86_400;
            assert_eq!(year_month(start), (year, month as u32), "{year}-{month}");
            let before = if month == 1 {
                (year - 1, 12)
            } else {
                (year, month as u32 - 1)
            };
            assert_eq!(year_month(start - 1), before, "before {year}-{month}");
        }
    }
    // Leap days: 29 February 2024 is in February, 2100 has none.
    assert_eq!(year_month(days_from_civil(2024, 2, 29) * 86_400), (2024, 2));
    assert_eq!(
        year_month(days_from_civil(2100, 2, 28) * 86_400 + 86_400),
        (2100, 3)
    );
}

#[test]
fn year_month_reads_exported_dates() {
    let time = parse_rfc3339("2024-03-31T23:59:59Z").unwrap();
    assert_eq!(year_month(time), (2024, 3));
    let time = parse_twitter_date("Wed Oct 10 20:19:24 +0000 2018").unwrap();
    assert_eq!(year_month(time), (2018, 10));
}
