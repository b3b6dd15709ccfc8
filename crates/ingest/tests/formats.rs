//! Every input format read end to end from real files: the documents, their
//! ids and metadata, in a stable order.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use sitrep_ingest::{read_paths, Format, IngestOptions, Reader};
use sitrep_model::Document;

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("ingest-formats")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn read_all(paths: Vec<PathBuf>) -> Vec<Document> {
    read_paths(paths, IngestOptions::default())
        .map(|item| item.unwrap_or_else(|err| panic!("unexpected error item: {err}")))
        .collect()
}

const JSONL: &str = concat!(
    r#"{"id": "kb-1", "text": "A roadside bomb killed four soldiers near Gao.", "published": "2023-05-18", "title": "Bomb", "url": "https://x.example/1", "source": "Wire"}"#,
    "\n",
    r#"{"id": 42, "body": "Police arrested 31 protesters in Nairobi.", "published": "2024-02-12T10:00:00+03:00"}"#,
    "\n\n",
    r#"{"content": "Shelling hit Kharkiv overnight.", "date": "Fri, 28 Feb 2020 10:15:00 GMT", "extra": {"ignored": true}}"#,
    "\n",
);

const HTML: &str = r#"<html><head><title>Clash in Tame - Wire</title>
<link rel="canonical" href="https://wire.example/tame"><meta property="article:published_time" content="2022-06-14T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Clash in Tame</h1><p>By Ana Lima</p>
<p>At least eleven fighters were killed in clashes between two armed groups in the municipality of Tame, in the eastern department of Arauca, on Monday, the army said in a statement.</p>
<p>Read more: Who are the armed groups in Arauca?</p>
<p>The army said it had sent two battalions to the area to protect villagers, some of whom had fled towards the regional capital.</p></article></body></html>"#;

const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Frontline Wire</title>
<item><title>Strike</title><link>https://wire.example/a</link><guid>wire-a</guid><pubDate>Thu, 03 Nov 2022 12:00:00 GMT</pubDate><description>&lt;p&gt;An air strike on a market killed nine people.&lt;/p&gt;</description></item>
<item><title>Raid</title><link>https://wire.example/b</link><description>Police arrested eight suspects in Marawi.</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title><id>urn:monitor</id><updated>2023-03-02T00:00:00Z</updated>
<entry><title>Shelling</title><id>urn:monitor:7</id><updated>2023-03-02T09:00:00Z</updated><link href="https://monitor.example/7"/>
<content type="html">&lt;p&gt;Artillery fire killed five civilians in Sagaing.&lt;/p&gt;</content></entry></feed>"#;

#[test]
fn jsonl_documents_with_ids_aliases_and_dates() {
    let dir = scratch("jsonl");
    let path = dir.join("wire.jsonl");
    std::fs::write(&path, JSONL).unwrap();
    let docs = read_all(vec![path]);
    let summary: Vec<(&str, &str, Option<String>)> = docs
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                d.text.as_str(),
                d.published.map(|p| p.to_string()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "kb-1",
                "A roadside bomb killed four soldiers near Gao.",
                Some("2023-05-18".into())
            ),
            (
                "42",
                "Police arrested 31 protesters in Nairobi.",
                Some("2024-02-12".into())
            ),
            (
                "wire.jsonl:4",
                "Shelling hit Kharkiv overnight.",
                Some("2020-02-28".into())
            ),
        ]
    );
    assert_eq!(docs[0].title.as_deref(), Some("Bomb"));
    assert_eq!(docs[0].url.as_deref(), Some("https://x.example/1"));
    assert_eq!(docs[0].source.as_deref(), Some("Wire"));
}

#[test]
fn ndjson_and_published_default() {
    let dir = scratch("ndjson");
    let path = dir.join("feed.ndjson");
    std::fs::write(&path, "{\"text\": \"Gunmen abducted 27 pupils.\"}\n{\"text\": \"x\", \"published\": \"2021-07-09\"}\n").unwrap();
    let options = IngestOptions {
        published: chrono::NaiveDate::from_ymd_opt(2021, 7, 10),
    };
    let docs: Vec<Document> = read_paths(vec![path], options)
        .map(Result::unwrap)
        .collect();
    assert_eq!(docs[0].published.unwrap().to_string(), "2021-07-10");
    assert_eq!(
        docs[1].published.unwrap().to_string(),
        "2021-07-09",
        "a document's own date wins"
    );
}

#[test]
fn txt_is_one_document_named_after_the_file() {
    let dir = scratch("txt");
    let path = dir.join("mali-ied.txt");
    std::fs::write(
        &path,
        "\u{feff}BAMAKO, May 18 - A roadside bomb killed four soldiers.\n",
    )
    .unwrap();
    let docs = read_all(vec![path]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "mali-ied.txt");
    assert_eq!(
        docs[0].text, "BAMAKO, May 18 - A roadside bomb killed four soldiers.\n",
        "BOM dropped, text kept as is"
    );
}

#[test]
fn html_page_main_text_and_metadata() {
    let dir = scratch("html");
    let path = dir.join("tame.html");
    std::fs::write(&path, HTML).unwrap();
    let docs = read_all(vec![path]);
    let doc = &docs[0];
    assert_eq!(doc.id, "tame.html");
    assert_eq!(doc.title.as_deref(), Some("Clash in Tame"));
    assert_eq!(doc.url.as_deref(), Some("https://wire.example/tame"));
    assert_eq!(doc.published.unwrap().to_string(), "2022-06-14");
    assert!(
        doc.text.starts_with("At least eleven fighters"),
        "{}",
        doc.text
    );
    assert!(
        doc.text.ends_with("towards the regional capital."),
        "{}",
        doc.text
    );
    for dropped in ["Home", "Ana Lima", "Read more"] {
        assert!(
            !doc.text.contains(dropped),
            "{dropped} left in {}",
            doc.text
        );
    }
}

#[test]
fn rss_and_atom_items_are_documents() {
    let dir = scratch("feeds");
    std::fs::write(dir.join("wire.rss"), RSS).unwrap();
    std::fs::write(dir.join("monitor.atom"), ATOM).unwrap();
    let docs = read_all(vec![dir.join("wire.rss"), dir.join("monitor.atom")]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["wire-a", "https://wire.example/b", "urn:monitor:7"]);
    assert_eq!(
        docs[0].text,
        "An air strike on a market killed nine people."
    );
    assert_eq!(docs[0].published.unwrap().to_string(), "2022-11-03");
    assert_eq!(docs[0].source.as_deref(), Some("Frontline Wire"));
    assert_eq!(docs[1].url.as_deref(), Some("https://wire.example/b"));
    assert_eq!(
        docs[2].text,
        "Artillery fire killed five civilians in Sagaing."
    );
    assert_eq!(docs[2].published.unwrap().to_string(), "2023-03-02");
}

#[test]
fn gzip_variants_of_every_format() {
    let dir = scratch("gz");
    for (name, content) in [
        ("a.jsonl.gz", JSONL),
        ("b.txt.gz", "A landmine killed three herders."),
        ("c.html.gz", HTML),
        ("d.rss.gz", RSS),
        ("e.atom.gz", ATOM),
    ] {
        std::fs::write(dir.join(name), gzip(content.as_bytes())).unwrap();
    }
    let docs = read_all(vec![dir.clone()]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "kb-1",
            "42",
            "a.jsonl.gz:4",
            "b.txt.gz",
            "c.html.gz",
            "wire-a",
            "https://wire.example/b",
            "urn:monitor:7"
        ]
    );
    assert_eq!(docs[3].text, "A landmine killed three herders.");
}

#[test]
fn directories_are_walked_recursively_in_sorted_order() {
    let dir = scratch("tree");
    std::fs::create_dir_all(dir.join("b/deeper")).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    for (name, text) in [
        ("z.txt", "last file at the top"),
        ("b/deeper/x.txt", "deep file"),
        ("b/m.txt", "middle file"),
        ("a/k.txt", "first directory"),
        ("a/notes.md", "not an article format: skipped"),
        (".hidden.txt", "hidden: skipped"),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let first = read_all(vec![dir.clone()]);
    let ids: Vec<&str> = first.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a/k.txt", "b/deeper/x.txt", "b/m.txt", "z.txt"]);
    assert_eq!(read_all(vec![dir]), first, "same input, same order and ids");
}

#[test]
fn readers_sniff_their_format() {
    for (bytes, expected_ids) in [
        (JSONL.as_bytes().to_vec(), vec!["kb-1", "42", "stdin:4"]),
        (HTML.as_bytes().to_vec(), vec!["stdin"]),
        (
            RSS.as_bytes().to_vec(),
            vec!["wire-a", "https://wire.example/b"],
        ),
        (b"Plain text about an ambush.".to_vec(), vec!["stdin"]),
        (gzip(JSONL.as_bytes()), vec!["kb-1", "42", "stdin:4"]),
    ] {
        let ids: Vec<String> = Reader::new(IngestOptions::default())
            .read_reader(std::io::Cursor::new(bytes), "stdin", None)
            .map(|d| d.unwrap().id)
            .collect();
        assert_eq!(ids, expected_ids);
    }
    let forced: Vec<_> = Reader::default()
        .read_reader(std::io::Cursor::new("{not json}"), "x", Some(Format::Txt))
        .collect();
    assert_eq!(forced[0].as_ref().unwrap().text, "{not json}");
}

#[test]
fn unknown_extensions_named_explicitly_are_sniffed() {
    let dir = scratch("sniff");
    std::fs::write(dir.join("dump.data"), JSONL).unwrap();
    std::fs::write(dir.join("page"), HTML).unwrap();
    let docs = read_all(vec![dir.join("dump.data"), dir.join("page")]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["kb-1", "42", "dump.data:4", "page"]);
}
