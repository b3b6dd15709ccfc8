//! Bad input never stops a run: each bad record is named on stderr with its
//! file and line, every good document is still processed (a document with invalid
//! UTF-8 too, its stray bytes read as Windows-1252), and the exit status is 2. A missing output reader (`| head`) ends the run quietly with 0.

mod extract_support;

use std::io::Write;
use std::process::{Command, Stdio};

use extract_support::{jsonl_line, scratch, sitrep, workspace_root, ARTICLE};

#[test]
fn a_jsonl_file_with_one_broken_line_one_non_utf8_line_and_one_empty_document() {
    let dir = scratch("mixed-jsonl");
    let path = dir.join("mixed.jsonl");
    let mut content = Vec::new();
    content.extend(jsonl_line("good-1", ARTICLE).into_bytes());
    content.extend(b"{\"id\": \"broken\", \"text\": \n");
    content.extend(b"{\"id\": \"latin1\", \"text\": \"Caf\xe9 attack\"}\n");
    content.extend(b"{\"id\": \"empty\", \"text\": \"\"}\n");
    content.extend(jsonl_line("good-2", ARTICLE).into_bytes());
    std::fs::write(&path, content).unwrap();
    let run = sitrep(
        &["extract", "--format", "jsonl", path.to_str().unwrap()],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.documents(), 3, "{}", run.stderr);
    for line in [2, 3, 4] {
        let origin = format!("mixed.jsonl:{line}: ");
        assert!(
            run.stderr.contains(&origin),
            "stderr must name {origin}: {}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("2 inputs skipped, 1 input repaired"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("repaired "), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    for line in run.stdout.lines() {
        let record: serde_json::Value =
            serde_json::from_str(line).expect("every output line is JSON");
        assert!(
            matches!(
                record["doc_id"].as_str(),
                Some("good-1" | "good-2" | "latin1")
            ),
            "{line}"
        );
    }
}

#[test]
fn each_bad_file_is_named_and_the_rest_read() {
    let dir = scratch("bad-files");
    let files: [(&str, Vec<u8>, &str); 6] = [
        ("a-good.txt", ARTICLE.as_bytes().to_vec(), ""),
        (
            "b-latin1.txt",
            b"Line one.\nA bomb in a caf\xe9.\n".to_vec(),
            "b-latin1.txt:2: not valid UTF-8",
        ),
        (
            "c-empty.txt",
            Vec::new(),
            "c-empty.txt: document has no text",
        ),
        (
            "d-soup.html",
            b"<html><script>x</script></html>".to_vec(),
            "d-soup.html: no article text",
        ),
        (
            "e-broken.rss",
            b"<rss><channel><item>".to_vec(),
            "e-broken.rss: not a readable RSS or Atom feed",
        ),
        ("f-good.html", format!("<p>{ARTICLE}</p>").into_bytes(), ""),
    ];
    for (name, content, _) in &files {
        std::fs::write(dir.join(name), content).unwrap();
    }
    let run = sitrep(&["extract", dir.to_str().unwrap()], b"");
    assert_eq!((run.code, run.documents()), (2, 3), "{}", run.stderr);
    for (_, _, message) in files.iter().filter(|f| !f.2.is_empty()) {
        assert!(
            run.stderr.contains(message),
            "stderr must contain {message:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_50_mb_line_is_skipped_and_the_next_line_read() {
    let dir = scratch("huge-line");
    let path = dir.join("huge.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    file.write_all(jsonl_line("before", ARTICLE).as_bytes())
        .unwrap();
    file.write_all(b"{\"id\": \"huge\", \"text\": \"").unwrap();
    let chunk = "shelling ".repeat(1 << 15);
    for _ in 0..(50 << 20) / chunk.len() + 1 {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    file.write_all(b"\"}\n").unwrap();
    file.write_all(jsonl_line("after", ARTICLE).as_bytes())
        .unwrap();
    drop(file);
    let run = sitrep(&["extract", path.to_str().unwrap()], b"");
    assert_eq!((run.code, run.documents()), (2, 2), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("huge.jsonl:2: record is larger than the 16 MiB limit"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_path_is_reported_and_the_rest_read() {
    let dir = scratch("missing");
    std::fs::write(dir.join("ok.txt"), ARTICLE).unwrap();
    let missing = dir.join("no-such-file.jsonl");
    let run = sitrep(
        &[
            "extract",
            missing.to_str().unwrap(),
            dir.join("ok.txt").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!((run.code, run.documents()), (2, 1), "{}", run.stderr);
    assert!(
        run.stderr.contains("no-such-file.jsonl: cannot open"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_standard_input_is_named_by_line() {
    let stdin = format!("{}not json at all\n", jsonl_line("ok", ARTICLE));
    let run = sitrep(&["extract", "-"], stdin.as_bytes());
    assert_eq!((run.code, run.documents()), (2, 1), "{}", run.stderr);
    assert!(
        run.stderr.contains("<stdin>:2: not a JSON document"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "--format", "geojson", "examples/"])
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn fatal_errors_exit_1() {
    let run = sitrep(&["extract", "--max-doc-size", "lots", "examples/"], b"");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("is not a size"), "{}", run.stderr);
}
