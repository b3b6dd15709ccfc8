//! The `sitrep/1` JSON line of a record, written directly.
//!
//! The derived `Serialize` (an internally tagged enum flattened behind `schema`) gives
//! the same bytes, but went through serde's map machinery for every field and escaped
//! every string byte by byte: a tenth of extraction's instructions, since the output
//! is four times the input. Here strings are copied eight clean bytes at a time and
//! numbers are formatted by serde_json itself, so the line is byte for byte what
//! serde_json writes (the tests compare them on records with every field set).
//!
//! Every struct is destructured without `..`: a field added to the model does not
//! compile until it is written here too.

use std::io::Write;

use chrono::Datelike;

use serde::Serialize;

use crate::{
    Acled, Actor, Count, Event, EventDate, Evidence, Figure, Location, Period, Place, Plover,
    Record, SCHEMA,
};

/// Appends the JSON line of `record` (no newline).
pub(crate) fn write_record(out: &mut Vec<u8>, record: &Record) {
    let mut o = Object::open(out);
    o.key("schema");
    o.str(SCHEMA);
    match record {
        Record::Event(e) => {
            o.key("kind");
            o.str("event");
            event(&mut o, e);
        }
        Record::Figure(f) => {
            o.key("kind");
            o.str("figure");
            figure(&mut o, f);
        }
        Record::Place(p) => {
            o.key("kind");
            o.str("place");
            place(&mut o, p);
        }
    }
    o.close();
}

fn event(o: &mut Object, e: &Event) {
    let Event {
        id,
        doc_id,
        date,
        acled,
        plover,
        cameo,
        actor1,
        actor2,
        location,
        killed,
        injured,
        arrested,
        abducted,
        fatalities,
        attribution,
        evidence,
        trigger,
        confidence,
    } = e;
    o.key("id");
    o.str(id);
    o.key("doc_id");
    o.str(doc_id);
    o.key("date");
    event_date(o.out, date);
    o.key("acled");
    o.nullable(acled.as_ref(), self::acled);
    o.key("plover");
    o.nullable(plover.as_ref(), self::plover);
    o.key("cameo");
    o.opt_str(cameo);
    o.key("actor1");
    o.nullable(actor1.as_ref(), actor);
    o.key("actor2");
    o.nullable(actor2.as_ref(), actor);
    o.key("location");
    o.nullable(location.as_ref(), self::location);
    o.key("killed");
    o.nullable(killed.as_ref(), count);
    o.key("injured");
    o.nullable(injured.as_ref(), count);
    if let Some(arrested) = arrested {
        o.key("arrested");
        count(o.out, arrested);
    }
    if let Some(abducted) = abducted {
        o.key("abducted");
        count(o.out, abducted);
    }
    o.key("fatalities");
    o.number(fatalities);
    o.key("attribution");
    o.opt_str(attribution);
    o.key("evidence");
    self::evidence(o.out, evidence);
    if let Some(trigger) = trigger {
        o.key("trigger");
        o.str(trigger);
    }
    o.key("confidence");
    o.number(confidence);
}

fn figure(o: &mut Object, f: &Figure) {
    let Figure {
        id,
        doc_id,
        measure,
        population,
        value,
        period,
        location,
        attribution,
        evidence,
    } = f;
    o.key("id");
    o.str(id);
    o.key("doc_id");
    o.str(doc_id);
    o.key("measure");
    o.str(measure);
    o.key("population");
    o.opt_str(population);
    o.key("value");
    count(o.out, value);
    o.key("period");
    o.nullable(period.as_ref(), self::period);
    o.key("location");
    o.nullable(location.as_ref(), self::location);
    o.key("attribution");
    o.opt_str(attribution);
    o.key("evidence");
    self::evidence(o.out, evidence);
}

fn place(o: &mut Object, p: &Place) {
    let Place {
        doc_id,
        text,
        start,
        end,
        name,
        country,
        admin1,
        lat,
        lon,
        geonameid,
        feature,
        precision,
    } = p;
    o.key("doc_id");
    o.str(doc_id);
    o.key("text");
    o.str(text);
    o.key("start");
    o.number(start);
    o.key("end");
    o.number(end);
    o.key("name");
    o.opt_str(name);
    o.key("country");
    o.opt_str(country);
    o.key("admin1");
    o.opt_str(admin1);
    o.key("lat");
    o.number(lat);
    o.key("lon");
    o.number(lon);
    o.key("geonameid");
    o.number(geonameid);
    o.key("feature");
    o.opt_str(feature);
    o.key("precision");
    o.str(precision.as_str());
}

fn event_date(out: &mut Vec<u8>, d: &EventDate) {
    let EventDate {
        value,
        precision,
        text,
    } = d;
    let mut o = Object::open(out);
    o.key("value");
    match value {
        // chrono writes a date as its Debug form ("2020-02-28"), written here
        // digit by digit for the years 0 to 9999.
        Some(day) if (0..=9999).contains(&day.year()) => {
            let digit = |n: u32, unit: u32| b'0' + (n / unit % 10) as u8;
            let (y, m, d) = (day.year() as u32, day.month(), day.day());
            o.out.extend_from_slice(&[
                b'"',
                digit(y, 1000),
                digit(y, 100),
                digit(y, 10),
                digit(y, 1),
                b'-',
                digit(m, 10),
                digit(m, 1),
                b'-',
                digit(d, 10),
                digit(d, 1),
                b'"',
            ]);
        }
        Some(day) => {
            let _ = write!(o.out, "\"{day:?}\"");
        }
        None => o.null(),
    }
    o.key("precision");
    o.str(precision.as_str());
    o.key("text");
    o.opt_str(text);
    o.close();
}

fn acled(out: &mut Vec<u8>, a: &Acled) {
    let Acled {
        event_type,
        sub_event_type,
    } = a;
    let mut o = Object::open(out);
    o.key("event_type");
    o.str(event_type);
    o.key("sub_event_type");
    o.str(sub_event_type);
    o.close();
}

fn plover(out: &mut Vec<u8>, p: &Plover) {
    let Plover { kind, mode } = p;
    let mut o = Object::open(out);
    o.key("type");
    o.str(kind);
    o.key("mode");
    o.opt_str(mode);
    o.close();
}

fn actor(out: &mut Vec<u8>, a: &Actor) {
    let Actor {
        text,
        name,
        country,
        kind,
        code,
    } = a;
    let mut o = Object::open(out);
    o.key("text");
    o.str(text);
    o.key("name");
    o.opt_str(name);
    o.key("country");
    o.opt_str(country);
    o.key("kind");
    o.opt_str(kind);
    o.key("code");
    o.opt_str(code);
    o.close();
}

fn location(out: &mut Vec<u8>, l: &Location) {
    let Location {
        text,
        name,
        country,
        admin1,
        admin2,
        lat,
        lon,
        geonameid,
        precision,
    } = l;
    let mut o = Object::open(out);
    o.key("text");
    o.opt_str(text);
    o.key("name");
    o.opt_str(name);
    o.key("country");
    o.opt_str(country);
    o.key("admin1");
    o.opt_str(admin1);
    if let Some(admin2) = admin2 {
        o.key("admin2");
        o.str(admin2);
    }
    o.key("lat");
    o.number(lat);
    o.key("lon");
    o.number(lon);
    o.key("geonameid");
    o.number(geonameid);
    o.key("precision");
    o.str(precision.as_str());
    o.close();
}

fn count(out: &mut Vec<u8>, c: &Count) {
    let Count { min, max } = c;
    let mut o = Object::open(out);
    o.key("min");
    o.number(min);
    o.key("max");
    o.number(max);
    o.close();
}

fn period(out: &mut Vec<u8>, p: &Period) {
    let Period { from, to } = p;
    let mut o = Object::open(out);
    o.key("from");
    o.opt_str(from);
    o.key("to");
    o.opt_str(to);
    o.close();
}

fn evidence(out: &mut Vec<u8>, e: &Evidence) {
    let Evidence {
        sentence_index,
        start,
        end,
        sentence,
    } = e;
    let mut o = Object::open(out);
    o.key("sentence_index");
    o.number(sentence_index);
    o.key("start");
    o.number(start);
    o.key("end");
    o.number(end);
    o.key("sentence");
    o.str(sentence);
    o.close();
}

/// A JSON object being written: keys are separated by commas.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Object<'a> {
    fn open(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, first: true }
    }

    /// A key (plain ASCII, nothing to escape) and its colon.
    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn str(&mut self, s: &str) {
        write_str(self.out, s);
    }

    fn opt_str(&mut self, s: &Option<String>) {
        match s {
            Some(s) => write_str(self.out, s),
            None => self.null(),
        }
    }

    fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    /// A number (or an optional one), formatted by serde_json.
    fn number<T: Serialize + ?Sized>(&mut self, n: &T) {
        // Writing a number into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *self.out, n);
    }

    fn nullable<T>(&mut self, value: Option<&T>, write: fn(&mut Vec<u8>, &T)) {
        match value {
            Some(value) => write(self.out, value),
            None => self.null(),
        }
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

/// What serde_json writes after a backslash for each byte that needs escaping
/// (0 for bytes written as they are): the short escapes, else `\u00XX`.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Whether any of the eight bytes of `v` is a control byte, a quote or a backslash.
fn needs_escape(v: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    (below(v, 0x20) | zero(v ^ (ONES * u64::from(b'"'))) | zero(v ^ (ONES * u64::from(b'\\')))) != 0
}

/// Appends `s` as a JSON string, escaped exactly as serde_json escapes it.
fn write_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !needs_escape(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escape = ESCAPE[usize::from(b)];
        if escape != 0 {
            out.extend_from_slice(&bytes[run..i]);
            out.push(b'\\');
            out.push(escape);
            if escape == b'u' {
                out.extend_from_slice(b"00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
            run = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::{DatePrecision, GeoPrecision};

    /// What the derived `Serialize` writes for the record behind `schema`.
    fn serde_line(record: &Record) -> String {
        #[derive(Serialize)]
        struct Envelope<'a> {
            schema: &'static str,
            #[serde(flatten)]
            record: &'a Record,
        }
        serde_json::to_string(&Envelope {
            schema: SCHEMA,
            record,
        })
        .unwrap()
    }

    fn line(record: &Record) -> String {
        let mut out = Vec::new();
        write_record(&mut out, record);
        String::from_utf8(out).unwrap()
    }

    fn location(admin2: Option<&str>) -> Location {
        Location {
            text: Some("southern \"Idlib\"".into()),
            name: Some("Idlib".into()),
            country: Some("SY".into()),
            admin1: Some("Idlib".into()),
            admin2: admin2.map(str::to_string),
            lat: Some(35.9306),
            lon: Some(-36.6339),
            geonameid: Some(169_389),
            precision: GeoPrecision::Region,
        }
    }

    fn evidence(sentence: &str) -> Evidence {
        Evidence {
            sentence_index: 3,
            start: 120,
            end: 120 + sentence.chars().count(),
            sentence: sentence.into(),
        }
    }

    #[test]
    fn records_are_written_as_serde_writes_them() {
        let actor = Actor {
            text: "Assad's forces".into(),
            name: Some("Military Forces of Syria".into()),
            country: Some("SYR".into()),
            kind: Some("military".into()),
            code: Some("SYRMIL".into()),
        };
        let full = Event {
            id: "e1".into(),
            doc_id: "doc \\ 1".into(),
            date: EventDate {
                value: NaiveDate::from_ymd_opt(2020, 2, 28),
                precision: DatePrecision::Day,
                text: Some("on Friday".into()),
            },
            acled: Some(Acled {
                event_type: "Explosions/Remote violence".into(),
                sub_event_type: "Air/drone strike".into(),
            }),
            plover: Some(Plover {
                kind: "ASSAULT".into(),
                mode: Some("aerial".into()),
            }),
            cameo: Some("195".into()),
            actor1: Some(actor.clone()),
            actor2: Some(Actor {
                name: None,
                ..actor
            }),
            location: Some(location(Some("Ariha"))),
            killed: Some(Count::exact(33)),
            injured: Some(Count::range(Some(24), None)),
            arrested: Some(Count::exact(2)),
            abducted: Some(Count::range(None, Some(9))),
            fatalities: 33,
            attribution: Some("the ministry".into()),
            evidence: evidence("Tab\there, line\nbreak, \u{1} and é — “quotes” \"plain\"."),
            trigger: Some("air strike".into()),
            confidence: 0.6,
        };
        let bare = Event {
            confidence: 0.5,
            ..Event::default()
        };
        let sparse = Event {
            location: Some(location(None)),
            date: EventDate {
                precision: DatePrecision::Month,
                ..EventDate::default()
            },
            ..bare.clone()
        };
        let figure = Figure {
            id: "f1".into(),
            doc_id: "d".into(),
            measure: "displaced".into(),
            population: Some("civilians".into()),
            value: Count::range(Some(950_000), None),
            period: Some(Period {
                from: Some("2019-12".into()),
                to: None,
            }),
            location: Some(location(None)),
            attribution: Some("United Nations".into()),
            evidence: evidence("Almost 950,000 have fled since early December."),
        };
        let place = Place {
            doc_id: "d".into(),
            text: "Idlib".into(),
            start: 4,
            end: 9,
            name: Some("Idlib".into()),
            country: Some("SY".into()),
            admin1: None,
            lat: Some(35.93),
            lon: Some(36.63),
            geonameid: Some(169_389),
            feature: Some("city".into()),
            precision: GeoPrecision::Town,
        };
        let records = [
            Record::Event(full),
            Record::Event(bare),
            Record::Event(sparse),
            Record::Figure(figure),
            Record::Figure(Figure::default()),
            Record::Place(place),
            Record::Place(Place::default()),
        ];
        for record in &records {
            assert_eq!(line(record), serde_line(record));
        }
    }

    #[test]
    fn dates_are_written_in_their_debug_form() {
        for (y, m, d) in [
            (2020, 2, 28),
            (0, 1, 1),
            (7, 10, 9),
            (999, 12, 31),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-1, 6, 15),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut out = Vec::new();
            super::event_date(
                &mut out,
                &EventDate {
                    value: Some(day),
                    precision: DatePrecision::Day,
                    text: None,
                },
            );
            let out = String::from_utf8(out).unwrap();
            assert!(out.contains(&format!("\"value\":\"{day:?}\"")), "{out}");
        }
    }

    #[test]
    fn ids_are_sixteen_hex_digits() {
        for hash in [0, 1, 0xab, 0x0123_4567_89ab_cdef, u64::MAX] {
            assert_eq!(crate::hex_id(hash), format!("{hash:016x}"));
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        let mut texts: Vec<String> = (0u8..0x80)
            .map(|b| format!("ab{}cdefghij", b as char))
            .collect();
        texts.extend([
            String::new(),
            "\"".into(),
            "\\\\".into(),
            "exactly8".into(),
            "sixteen bytes ok".into(),
            "twelve bytes\u{7f}\u{1f}".into(),
            "é\u{2014}ü \u{1F600} \"q\" \\ end".into(),
        ]);
        for text in texts {
            let mut out = Vec::new();
            write_str(&mut out, &text);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&text).unwrap()
            );
        }
    }
}
