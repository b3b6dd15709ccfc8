//! Publication dates as inputs write them: `2020-02-28`, RFC 3339
//! timestamps, RFC 2822 (RSS `pubDate`), `2020/02/28` and `20200228`.

use chrono::{DateTime, NaiveDate};

/// Parses the calendar date a timestamp names (its local date, as written).
pub(crate) fn parse_published(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Some(date) = value
        .get(..10)
        .and_then(|head| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
    {
        return Some(date);
    }
    if let Some(date) = value
        .get(..10)
        .and_then(|head| NaiveDate::parse_from_str(head, "%Y/%m/%d").ok())
    {
        return Some(date);
    }
    if let Ok(time) = DateTime::parse_from_rfc2822(value) {
        return Some(time.date_naive());
    }
    value
        .get(..8)
        .filter(|head| head.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|head| NaiveDate::parse_from_str(head, "%Y%m%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let expected = expected.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        assert_eq!(parse_published(input), expected, "parsing {input:?}");
    }

    #[test]
    fn parses_dates() {
        check("2020-02-28", Some("2020-02-28"));
        check("2020-02-28T23:10:00+03:00", Some("2020-02-28"));
        check(" 2019-11-03T08:00:00Z", Some("2019-11-03"));
        check("Fri, 28 Feb 2020 10:15:00 GMT", Some("2020-02-28"));
        check("Tue, 5 Mar 2024 06:00:00 +0100", Some("2024-03-05"));
        check("2021/07/14 09:00", Some("2021-07-14"));
        check("20220105", Some("2022-01-05"));
        check("yesterday", None);
        check("", None);
        check("2020-13-45", None);
    }
}
