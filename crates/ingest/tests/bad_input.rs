//! Each kind of bad input becomes one error item naming its file and line;
//! the stream goes on and nothing panics. Invalid UTF-8 is repaired, not skipped:
//! its notice is followed by the document.

use std::io::Write;
use std::path::{Path, PathBuf};

use sitrep_ingest::{read_paths, IngestOptions, Reader};

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("ingest-bad")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Reads `content` as file `name` and returns, per item, `Ok(id)` or `Err(message)`.
fn check(name: &str, content: &[u8], expected: &[Result<&str, &str>]) {
    let dir = scratch(name);
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    let origin = path.display().to_string();
    let got: Vec<Result<String, String>> = read_paths(vec![path], IngestOptions::default())
        .map(|item| {
            item.map(|d| d.id)
                .map_err(|e| e.to_string().replace(&origin, "FILE"))
        })
        .collect();
    assert_eq!(got.len(), expected.len(), "{name}: {got:?}");
    for (got, expected) in got.iter().zip(expected) {
        match (got, expected) {
            (Ok(id), Ok(want)) => assert_eq!(id, want, "{name}"),
            (Err(message), Err(want)) => assert!(
                message.starts_with(want),
                "{name}: {message:?} should start with {want:?}"
            ),
            _ => panic!("{name}: got {got:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn broken_jsonl_lines_are_reported_by_line() {
    let mut content = Vec::new();
    content.extend_from_slice(
        b"{\"id\": \"ok-1\", \"text\": \"Troops repelled an attack on the base.\"}\n",
    );
    content.extend_from_slice(b"{\"id\": \"broken\", \"text\": \"unterminated\n");
    content.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"Caf\xe9 bombing\"}\n");
    content.extend_from_slice(b"{\"id\": \"empty\", \"text\": \"   \"}\n");
    content.extend_from_slice(b"{\"id\": \"none\", \"title\": \"headline only\"}\n");
    content.extend_from_slice(b"[1, 2, 3]\n");
    content.extend_from_slice(b"{\"id\": \"ok-2\", \"text\": \"Rebels seized the town.\"}\r\n");
    check(
        "mixed.jsonl",
        &content,
        &[
            Ok("ok-1"),
            Err("FILE:2: not a JSON document"),
            Err("FILE:3: not valid UTF-8 (byte 0xe9 at column 30); read the invalid bytes as Windows-1252"),
            Ok("latin1"),
            Err("FILE:4: document has no text"),
            Err("FILE:5: document has no text"),
            Err("FILE:6: not a JSON document"),
            Ok("ok-2"),
        ],
    );
}

#[test]
fn a_50_mb_line_is_skipped_without_stopping_the_stream() {
    let dir = scratch("huge");
    let path = dir.join("huge.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(
        file,
        "{{\"id\": \"before\", \"text\": \"A car bomb exploded.\"}}"
    )
    .unwrap();
    write!(file, "{{\"id\": \"huge\", \"text\": \"").unwrap();
    let chunk = "word ".repeat(1 << 16);
    for _ in 0..(50 << 20) / chunk.len() {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    writeln!(file, "\"}}").unwrap();
    writeln!(
        file,
        "{{\"id\": \"after\", \"text\": \"Police arrested two men.\"}}"
    )
    .unwrap();
    drop(file);
    let got: Vec<Result<String, String>> = read_paths(vec![path], IngestOptions::default())
        .map(|item| item.map(|d| d.id).map_err(|e| e.to_string()))
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0], Ok("before".to_string()));
    let err = got[1].as_ref().unwrap_err();
    assert!(
        err.contains("huge.jsonl:2: record is larger than the 16 MiB limit"),
        "{err}"
    );
    assert_eq!(got[2], Ok("after".to_string()));
}

#[test]
fn the_size_limit_applies_to_whole_files_and_can_be_changed() {
    let dir = scratch("limit");
    let path = dir.join("long.txt");
    std::fs::write(&path, "x".repeat(5000)).unwrap();
    let items: Vec<_> = Reader::default()
        .max_document_bytes(4096)
        .read_paths(vec![path.clone()])
        .collect();
    assert!(items[0]
        .as_ref()
        .unwrap_err()
        .message
        .contains("larger than the 4 KiB limit"));
    let items: Vec<_> = Reader::default()
        .max_document_bytes(8192)
        .read_paths(vec![path])
        .collect();
    assert!(items[0].is_ok());
}

#[test]
fn bad_text_files() {
    check(
        "latin1.txt",
        b"First line is fine.\nSecond line has caf\xe9.\n",
        &[Err("FILE:2: not valid UTF-8 (byte 0xe9)"), Ok("latin1.txt")],
    );
    check("empty.txt", b"", &[Err("FILE: document has no text")]);
    check(
        "blank.txt",
        b" \n\t\n",
        &[Err("FILE: document has no text")],
    );
    check(
        "binary.txt",
        &[0u8, 159, 146, 150, 0xff, 0xfe],
        &[Err("FILE:1: not valid UTF-8"), Ok("binary.txt")],
    );
}

#[test]
fn bad_html_pages() {
    check(
        "empty.html",
        b"<html><head><title>Nothing here</title></head><body></body></html>",
        &[Err("FILE: no article text found")],
    );
    check(
        "scripts.html",
        b"<html><body><script>var a = 1;</script><style>p{}</style></body></html>",
        &[Err("FILE: no article text found")],
    );
    check(
        "soup.html",
        b"<<p>><div <b>Soldiers</i> repelled </table>an attack &amp;&bogus; <td>on the base.",
        &[Ok("soup.html")],
    );
    let deep = format!("{}Deep text.", "<div><b>".repeat(100_000));
    check("deep.html", deep.as_bytes(), &[Ok("deep.html")]);
    check(
        "bytes.html",
        b"<html>\xff\xfe</html>",
        &[Err("FILE:1: not valid UTF-8"), Ok("bytes.html")],
    );
}

#[test]
fn bad_feeds_and_gzip() {
    check(
        "broken.rss",
        b"<rss><channel><item><title>cut off",
        &[Err("FILE: not a readable RSS or Atom feed")],
    );
    check(
        "notafeed.xml",
        b"<?xml version=\"1.0\"?><catalog><book/></catalog>",
        &[Err("FILE: not a readable RSS or Atom feed")],
    );
    check(
        "truncated.jsonl.gz",
        &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xab],
        &[Err("FILE:1: cannot read")],
    );
    check(
        "notgzip.txt.gz",
        b"plain bytes, not gzip",
        &[Err("FILE: cannot read")],
    );
}

#[test]
fn missing_paths_are_reported_and_others_still_read() {
    let dir = scratch("missing");
    std::fs::write(dir.join("ok.txt"), "Gunmen killed two farmers.").unwrap();
    let got: Vec<_> = read_paths(
        vec![dir.join("nope.txt"), dir.join("ok.txt")],
        IngestOptions::default(),
    )
    .collect();
    assert!(got[0]
        .as_ref()
        .unwrap_err()
        .message
        .starts_with("cannot open"));
    assert_eq!(got[1].as_ref().unwrap().id, "ok.txt");
}

#[test]
fn a_repaired_document_keeps_its_text() {
    let dir = scratch("repaired");
    let path = dir.join("news.jsonl");
    std::fs::write(
        &path,
        b"{\"id\": \"a\", \"text\": \"Police fired tear gas in S\xe3o Paulo on Monday.\"}\n",
    )
    .unwrap();
    let items: Vec<_> = read_paths(vec![path], IngestOptions::default()).collect();
    let notice = items[0].as_ref().unwrap_err();
    assert!(!notice.skipped, "{notice}");
    assert_eq!(notice.outcome(), "repaired");
    let document = items[1].as_ref().unwrap();
    assert_eq!(
        document.text,
        "Police fired tear gas in S\u{e3}o Paulo on Monday."
    );
}
