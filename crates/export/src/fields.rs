//! One flat view of any record, shared by the CSV, GeoJSON and table writers,
//! with ACLED's numeric precision codes.

use sitrep_model::{Actor, Count, DatePrecision, GeoPrecision, Location, Record};

/// The columns every tabular format draws from.
#[derive(Debug, Default)]
pub(crate) struct Flat<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub doc_id: &'a str,
    pub event_date: Option<String>,
    pub date_precision: Option<DatePrecision>,
    pub event_type: Option<&'a str>,
    pub sub_event_type: Option<&'a str>,
    pub plover: Option<&'a str>,
    pub plover_mode: Option<&'a str>,
    pub cameo: Option<&'a str>,
    pub actor1: Option<&'a str>,
    pub actor2: Option<&'a str>,
    pub country: Option<&'a str>,
    pub admin1: Option<&'a str>,
    pub location: Option<&'a str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: Option<GeoPrecision>,
    pub fatalities: Option<u32>,
    pub killed: Option<Count>,
    pub injured: Option<Count>,
    pub measure: Option<&'a str>,
    pub population: Option<&'a str>,
    pub value: Option<Count>,
    pub attribution: Option<&'a str>,
    pub notes: Option<&'a str>,
    pub confidence: Option<f32>,
}

fn actor_name(actor: &Option<Actor>) -> Option<&str> {
    actor
        .as_ref()
        .map(|a| a.name.as_deref().unwrap_or(&a.text))
        .filter(|name| !name.is_empty())
}

impl<'a> Flat<'a> {
    fn locate(&mut self, location: &'a Option<Location>) {
        if let Some(location) = location {
            self.country = location.country.as_deref();
            self.admin1 = location.admin1.as_deref();
            self.location = location.name.as_deref().or(location.text.as_deref());
            self.lat = location.lat.filter(|lat| lat.is_finite());
            self.lon = location.lon.filter(|lon| lon.is_finite());
            self.geo_precision = Some(location.precision);
        }
    }

    /// Flattens any record.
    pub fn of(record: &'a Record) -> Flat<'a> {
        let mut flat = Flat::default();
        match record {
            Record::Event(event) => {
                flat.kind = "event";
                flat.id = &event.id;
                flat.doc_id = &event.doc_id;
                flat.event_date = event.date.value.map(|d| d.to_string());
                flat.date_precision = Some(event.date.precision);
                if let Some(acled) = &event.acled {
                    flat.event_type = Some(&acled.event_type);
                    flat.sub_event_type = Some(&acled.sub_event_type);
                }
                if let Some(plover) = &event.plover {
                    flat.plover = Some(&plover.kind);
                    flat.plover_mode = plover.mode.as_deref();
                }
                flat.cameo = event.cameo.as_deref();
                flat.actor1 = actor_name(&event.actor1);
                flat.actor2 = actor_name(&event.actor2);
                flat.locate(&event.location);
                flat.fatalities = Some(event.fatalities);
                flat.killed = event.killed;
                flat.injured = event.injured;
                flat.attribution = event.attribution.as_deref();
                flat.notes = Some(&event.evidence.sentence);
                flat.confidence = Some(event.confidence);
            }
            Record::Figure(figure) => {
                flat.kind = "figure";
                flat.id = &figure.id;
                flat.doc_id = &figure.doc_id;
                flat.measure = Some(&figure.measure);
                flat.population = figure.population.as_deref();
                flat.value = Some(figure.value);
                flat.locate(&figure.location);
                flat.attribution = figure.attribution.as_deref();
                flat.notes = Some(&figure.evidence.sentence);
            }
            Record::Place(place) => {
                flat.kind = "place";
                flat.doc_id = &place.doc_id;
                flat.country = place.country.as_deref();
                flat.admin1 = place.admin1.as_deref();
                flat.location = place.name.as_deref().or(Some(&place.text));
                flat.lat = place.lat.filter(|lat| lat.is_finite());
                flat.lon = place.lon.filter(|lon| lon.is_finite());
                flat.geo_precision = Some(place.precision);
                flat.notes = Some(&place.text);
            }
        }
        flat
    }

    /// ACLED's `time_precision`: 1 the day is known, 2 the week, 3 only the month or year.
    pub fn acled_time_precision(&self) -> Option<u8> {
        match self.date_precision? {
            DatePrecision::Day => Some(1),
            DatePrecision::Week => Some(2),
            DatePrecision::Month | DatePrecision::Year => Some(3),
            DatePrecision::Unknown => None,
        }
    }

    /// ACLED's `geo_precision`: 1 a town or point, 2 near a town, 3 a region or only the country.
    pub fn acled_geo_precision(&self) -> Option<u8> {
        match self.geo_precision? {
            GeoPrecision::Point | GeoPrecision::Town => Some(1),
            GeoPrecision::Region | GeoPrecision::Country => Some(3),
            GeoPrecision::Unknown => None,
        }
    }

    /// The lower-case precision name (`town`, `region`, …).
    pub fn geo_precision_name(&self) -> Option<&'static str> {
        self.geo_precision.map(GeoPrecision::as_str)
    }

    /// Coordinates as (longitude, latitude), when both are known.
    pub fn lon_lat(&self) -> Option<(f64, f64)> {
        Some((self.lon?, self.lat?))
    }
}

/// A count for people: `33`, `301+`, `900000-950000`, or empty.
pub(crate) fn count_text(count: Option<Count>) -> String {
    match count {
        Some(Count {
            min: Some(min),
            max: Some(max),
        }) if min == max => min.to_string(),
        Some(Count {
            min: Some(min),
            max: Some(max),
        }) => format!("{min}-{max}"),
        Some(Count {
            min: Some(min),
            max: None,
        }) => format!("{min}+"),
        Some(Count {
            min: None,
            max: Some(max),
        }) => format!("<={max}"),
        _ => String::new(),
    }
}
