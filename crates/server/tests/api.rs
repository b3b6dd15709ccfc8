//! The HTTP API end to end: a real server on a loopback port over a seeded store.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{mpsc, Arc, OnceLock};

use chrono::NaiveDate;
use sitrep_model::{
    Acled, Actor, Count, DatePrecision, Document, Event, EventDate, Evidence, GeoPrecision,
    Location,
};
use sitrep_pipeline::Pipeline;
use sitrep_server::{ServerConfig, SharedRule};
use sitrep_store::{DocumentRecords, SingletonRule, Store};

const ARTICLE: &str = "Gunmen attacked the village of Kamba on Friday. \
At least six farmers were killed by the gunmen in Kamba, a local official said. \
The army later deployed to the area.";

/// An event whose evidence is the sentence starting with `sentence` in `text`.
fn event(id: &str, doc: &str, text: &str, sentence: &str, day: u32, killed: u32) -> Event {
    let start = text.find(sentence).expect("sentence in text");
    let end = text[start..]
        .find(". ")
        .map_or(text.len(), |i| start + i + 1);
    Event {
        id: id.into(),
        doc_id: doc.into(),
        date: EventDate {
            value: NaiveDate::from_ymd_opt(2023, 9, day),
            precision: DatePrecision::Day,
            text: Some("on Friday".into()),
        },
        acled: Some(Acled {
            event_type: "Violence against civilians".into(),
            sub_event_type: "Attack".into(),
        }),
        actor1: Some(Actor {
            text: "gunmen".into(),
            kind: Some("unidentified armed group".into()),
            ..Actor::default()
        }),
        location: Some(Location {
            text: Some("Kamba".into()),
            name: Some("Kamba".into()),
            country: Some("NG".into()),
            admin1: Some("Kebbi".into()),
            lat: Some(11.85),
            lon: Some(3.65),
            precision: GeoPrecision::Town,
            ..Location::default()
        }),
        killed: Some(Count::range(Some(killed), None)),
        fatalities: killed,
        evidence: Evidence {
            sentence_index: 1,
            start: text[..start].chars().count(),
            end: text[..end].chars().count(),
            sentence: text[start..end].into(),
        },
        confidence: 0.9,
        ..Event::default()
    }
}

/// Starts one server for all tests over a store with 150 events.
fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("sitrep-api-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let db: PathBuf = dir.join("api.db");
        let _ = std::fs::remove_file(&db);
        let mut store = Store::open(&db).expect("store");
        let batch: Vec<DocumentRecords> = (0..150)
            .map(|i| {
                let doc = format!("kamba-{i}");
                DocumentRecords {
                    events: vec![event(
                        &format!("ev-{i}"),
                        &doc,
                        ARTICLE,
                        "At least six",
                        1 + i % 28,
                        6 + i,
                    )],
                    document: Document {
                        id: doc,
                        text: ARTICLE.into(),
                        title: Some("Gunmen kill farmers in Kamba".into()),
                        ..Document::default()
                    },
                    ..DocumentRecords::default()
                }
            })
            .collect();
        store.ingest_batch(&batch, &SingletonRule).expect("seed");
        drop(store);
        let (send, receive) = mpsc::channel();
        let config = ServerConfig {
            db,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            max_body: 64 * 1024,
            ..ServerConfig::default()
        };
        let pipeline = Arc::new(Pipeline::load_default().expect("pipeline"));
        let rule: SharedRule = Arc::new(SingletonRule);
        std::thread::spawn(move || {
            sitrep_server::run(config, pipeline, rule, |addr| {
                let _ = send.send(addr);
            })
            .expect("server runs");
        });
        receive.recv().expect("server started")
    })
}

/// Sends one request; returns (status, content type, body).
fn request(method: &str, path: &str, content_type: &str, body: &[u8]) -> (u16, String, String) {
    let mut stream = TcpStream::connect(server()).expect("connect");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("send");
    // A refused body may close the connection early; the answer is still read.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let content_type = head
        .lines()
        .find_map(|l| l.strip_prefix("content-type: "))
        .unwrap_or("")
        .to_string();
    (status, content_type, body.to_string())
}

fn get(path: &str) -> (u16, String, String) {
    request("GET", path, "text/plain", b"")
}

/// One row: a GET answers with `status` and a body containing `needle`.
fn check(path: &str, status: u16, needle: &str) {
    let (found, content_type, body) = get(path);
    assert_eq!(found, status, "GET {path}: {body}");
    assert!(
        body.contains(needle),
        "GET {path}: {needle:?} not in {body:.300}"
    );
    if status >= 400 {
        assert_eq!(content_type, "application/json", "GET {path}");
        let error: serde_json::Value = serde_json::from_str(&body).expect("JSON error");
        assert!(error["error"]["message"].is_string(), "GET {path}: {body}");
    }
}

#[test]
fn endpoints_answer_with_data_or_clear_json_errors() {
    check("/api/events?limit=2", 200, "\"count\":2");
    check(
        "/api/events?country=ng&admin1=kebbi&event_type=Attack&limit=1",
        200,
        "\"count\":1",
    );
    check(
        "/api/events?q=SIX+FARMERS&actor=gunmen&bbox=3,11,4,12&limit=1",
        200,
        "Kamba",
    );
    check("/api/events?country=FR", 200, "\"count\":0");
    check("/api/events?from=2023-09-28", 200, "2023-09-28");
    check("/api/events?format=csv&limit=3", 200, "event_id,event_date");
    check(
        "/api/events?format=geojson&limit=3",
        200,
        "\"FeatureCollection\"",
    );
    check("/api/events/ev-7", 200, "\"sources\":[{\"event\":");
    check("/api/documents/kamba-7", 200, "Gunmen attacked the village");
    check("/api/stats?country=NG", 200, "\"incidents\":150");
    check("/api/openapi.json", 200, "\"/api/events/{id}\"");
    check("/", 200, "<");
    check("/api/events?from=yesterday", 400, "YYYY-MM-DD");
    check("/api/events?limit=5000", 400, "limit");
    check("/api/events?bbox=1,2", 400, "bbox");
    check("/api/events?cursor=zzz", 400, "cursor");
    check("/api/events?format=xml", 400, "format");
    check("/api/events?colour=red", 400, "known parameters");
    check("/api/stats?limit=3", 400, "only filters");
    check("/api/events/nope", 404, "nope");
    check("/api/documents/nope", 404, "nope");
    check("/api/nothing", 404, "openapi");
    check("/assets/nothing.js", 404, "asset");
}

#[test]
fn cursor_paging_walks_every_event_once() {
    let mut seen = std::collections::BTreeSet::new();
    let mut cursor = String::new();
    loop {
        let (status, _, body) = get(&format!("/api/events?limit=40&cursor={cursor}"));
        assert_eq!(status, 200, "{body}");
        let page: serde_json::Value = serde_json::from_str(&body).expect("JSON page");
        for event in page["events"].as_array().expect("events") {
            assert!(seen.insert(event["id"].as_str().unwrap_or("").to_string()));
        }
        match page["next"].as_str() {
            Some(next) => cursor = next.to_string(),
            None => break,
        }
    }
    assert_eq!(seen.len(), 150);
}

#[test]
fn posted_articles_are_extracted_stored_and_bounded() {
    let one = br#"{"text": "Police fired tear gas at protesters in Lagos on Monday.", "published": "2023-10-02"}"#;
    let (status, _, body) = request("POST", "/api/documents", "application/json", one);
    assert_eq!(status, 200, "{body}");
    let answer: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let id = answer["documents"][0]["id"]
        .as_str()
        .expect("an id")
        .to_string();
    assert_eq!(answer["documents"][0]["status"], "added");
    assert!(answer["documents"][0]["events"].is_array());
    check(&format!("/api/documents/{id}"), 200, "tear gas");
    let (_, _, again) = request("POST", "/api/documents", "application/json", one);
    assert!(again.contains("\"unchanged\""), "{again}");

    let many = br#"{"documents": [{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]}"#;
    let (status, _, body) = request(
        "POST",
        "/api/documents?store=false",
        "application/json",
        many,
    );
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"status\":null"), "{body}");
    check("/api/documents/a", 404, "a");

    let (status, _, body) = request("POST", "/api/documents", "text/plain", b"A bare article.");
    assert_eq!((status, body.contains("\"added\"")), (200, true), "{body}");

    let rows: Vec<(&str, &[u8], u16, &str)> = vec![
        ("application/json", b"{not json", 400, "not a document"),
        ("application/json", br#"{"text": ""}"#, 400, "empty"),
        ("application/json", br#"[]"#, 400, "from 1 to"),
        (
            "application/json",
            br#"{"text": "x", "published": "soon"}"#,
            400,
            "published",
        ),
        (
            "application/json",
            br#"{"text": "x", "colour": "red"}"#,
            400,
            "not a document",
        ),
        ("text/plain", b"\xff\xfe", 400, "UTF-8"),
    ];
    for (content_type, body, status, needle) in rows {
        let (found, _, answer) = request("POST", "/api/documents", content_type, body);
        assert_eq!(found, status, "{answer}");
        assert!(answer.contains(needle), "{needle:?} not in {answer}");
    }
    let huge = vec![b'a'; 100 * 1024];
    let (status, _, answer) = request("POST", "/api/documents", "text/plain", &huge);
    assert_eq!(status, 413, "{answer}");
    assert!(answer.contains("limit"), "{answer}");
}
