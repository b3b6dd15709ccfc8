//! Query-string parameters of `/api/events` and `/api/stats`, parsed with clear errors.

use chrono::NaiveDate;
use serde::Deserialize;
use sitrep_store::{BBox, Cursor, Filter, PageRequest, MAX_PAGE};

use crate::api::ApiError;

/// The raw parameters, every one optional and textual.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    from: Option<String>,
    to: Option<String>,
    country: Option<String>,
    admin1: Option<String>,
    event_type: Option<String>,
    actor: Option<String>,
    q: Option<String>,
    bbox: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
    format: Option<String>,
}

/// Output format of `/api/events`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `{"events": [...], "next": ...}`.
    Json,
    /// ACLED-style CSV; the next cursor is in the `X-Next-Cursor` header.
    Csv,
    /// A GeoJSON FeatureCollection with a `next` member.
    GeoJson,
}

/// Everything `/api/events` was asked for.
#[derive(Debug)]
pub struct EventsQuery {
    /// Which incidents.
    pub filter: Filter,
    /// Which page.
    pub page: PageRequest,
    /// In which format.
    pub format: Format,
}

fn date(name: &str, value: Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::bad_request(format!(
                    "{name}={text:?} is not a date; use YYYY-MM-DD, e.g. 2024-03-14"
                ))
            }),
    }
}

fn parse_raw(query: Option<&str>) -> Result<Raw, ApiError> {
    serde_urlencoded::from_str(query.unwrap_or("")).map_err(|e| {
        ApiError::bad_request(format!(
            "bad query string: {e}; known parameters: from, to, country, admin1, event_type, actor, q, bbox, limit, cursor, format"
        ))
    })
}

fn filter(raw: &mut Raw) -> Result<Filter, ApiError> {
    let bbox = match raw.bbox.take().filter(|b| !b.trim().is_empty()) {
        Some(text) => Some(
            text.parse::<BBox>()
                .map_err(|e| ApiError::bad_request(e.to_string()))?,
        ),
        None => None,
    };
    Ok(Filter {
        from: date("from", raw.from.take())?,
        to: date("to", raw.to.take())?,
        country: raw.country.take(),
        admin1: raw.admin1.take(),
        event_type: raw.event_type.take(),
        actor: raw.actor.take(),
        text: raw.q.take(),
        bbox,
    })
}

/// Parses the query string of `/api/events`.
pub fn events_query(query: Option<&str>) -> Result<EventsQuery, ApiError> {
    let mut raw = parse_raw(query)?;
    let filter = filter(&mut raw)?;
    let limit = match raw.limit.as_deref().map(str::trim) {
        None | Some("") => 100,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => {
                return Err(ApiError::bad_request(format!(
                    "limit={text:?} must be a whole number from 1 to {MAX_PAGE}"
                )))
            }
        },
    };
    let cursor = match raw.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(text) => Some(
            text.parse::<Cursor>()
                .map_err(|e| ApiError::bad_request(e.to_string()))?,
        ),
        None => None,
    };
    let format = match raw.format.as_deref().unwrap_or("json") {
        "json" => Format::Json,
        "csv" => Format::Csv,
        "geojson" => Format::GeoJson,
        other => {
            return Err(ApiError::bad_request(format!(
                "format={other:?} is not one of json, csv, geojson"
            )))
        }
    };
    Ok(EventsQuery {
        filter,
        page: PageRequest { limit, cursor },
        format,
    })
}

/// Parses the query string of `/api/stats` (the filters only).
pub fn stats_query(query: Option<&str>) -> Result<Filter, ApiError> {
    let mut raw = parse_raw(query)?;
    if raw.limit.is_some() || raw.cursor.is_some() || raw.format.is_some() {
        return Err(ApiError::bad_request(
            "/api/stats takes only filters (from, to, country, admin1, event_type, actor, q, bbox)",
        ));
    }
    filter(&mut raw)
}

/// Whether `POST /api/documents` should store what it extracts (`?store=false` only previews).
pub fn store_flag(query: Option<&str>) -> Result<bool, ApiError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Post {
        store: Option<String>,
    }
    let post: Post = serde_urlencoded::from_str(query.unwrap_or("")).map_err(|e| {
        ApiError::bad_request(format!(
            "bad query string: {e}; only store=true|false is known"
        ))
    })?;
    match post.store.as_deref() {
        None | Some("true") | Some("1") => Ok(true),
        Some("false") | Some("0") => Ok(false),
        Some(other) => Err(ApiError::bad_request(format!(
            "store={other:?} must be true or false"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str, ok: bool) {
        let result = events_query(Some(query));
        assert_eq!(result.is_ok(), ok, "{query}: {result:?}");
    }

    #[test]
    fn parameters_are_checked() {
        check("", true);
        check("from=2024-03-01&to=2024-03-31&country=sy&limit=1000", true);
        check("bbox=35,35,37,37&format=geojson&cursor=2024-03-01~7", true);
        check("event_type=Air%2Fdrone+strike&actor=JNIM&q=market", true);
        check("from=March", false);
        check("limit=0", false);
        check("limit=1001", false);
        check("limit=-3", false);
        check("bbox=1,2,3", false);
        check("cursor=abc", false);
        check("format=xml", false);
        check("colour=red", false);
        check("from=2024-03-01&from=2024-03-02", false);
    }

    #[test]
    fn the_store_flag_defaults_to_true() {
        assert!(store_flag(None).unwrap());
        assert!(!store_flag(Some("store=false")).unwrap());
        assert!(store_flag(Some("store=maybe")).is_err());
    }
}
