//! `sitrep extract` reads every input format: the closing summary counts the
//! documents each one yields, and the exit status is 0.

mod extract_support;

use extract_support::{gzip, jsonl_line, scratch, sitrep, ARTICLE};

const HTML: &str = "<html><head><title>Bomb</title></head><body><nav><a href='/'>Home</a></nav><article><p>A car bomb exploded outside a police station in the centre of Mogadishu on Tuesday, killing six people and wounding eleven, police and hospital officials said.</p><p>Read more: Attacks in the capital</p></article></body></html>";
const RSS: &str = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><guid>a</guid><description>A car bomb killed six people.</description></item><item><guid>b</guid><description>Police arrested two suspects.</description></item></channel></rss>";
const ATOM: &str = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>M</title><id>m</id><updated>2024-03-05T00:00:00Z</updated><entry><title>t</title><id>m1</id><updated>2024-03-05T00:00:00Z</updated><summary>Clashes killed four fighters.</summary></entry></feed>";

fn check(files: &[(&str, Vec<u8>)], documents: u64) {
    let dir = scratch(&format!("formats-{}", files[0].0));
    for (name, content) in files {
        std::fs::write(dir.join(name), content).unwrap();
    }
    let run = sitrep(&["extract", dir.to_str().unwrap()], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.documents(), documents, "{}", run.stderr);
}

#[test]
fn every_format_and_its_gzip_variant() {
    let jsonl = format!(
        "{}{}",
        jsonl_line("one", ARTICLE),
        jsonl_line("two", ARTICLE)
    );
    let table: [(&str, &[u8], u64); 6] = [
        ("a.txt", ARTICLE.as_bytes(), 1),
        ("b.jsonl", jsonl.as_bytes(), 2),
        ("c.ndjson", jsonl.as_bytes(), 2),
        ("d.html", HTML.as_bytes(), 1),
        ("e.rss", RSS.as_bytes(), 2),
        ("f.atom", ATOM.as_bytes(), 1),
    ];
    for (name, content, documents) in table {
        check(&[(name, content.to_vec())], documents);
        check(&[(&format!("{name}.gz"), gzip(content))], documents);
    }
    check(&[("page.htm", HTML.as_bytes().to_vec())], 1);
    check(&[("feed.xml", RSS.as_bytes().to_vec())], 2);
}

#[test]
fn directories_recursively_and_files_named_directly() {
    let dir = scratch("tree");
    std::fs::create_dir_all(dir.join("2024/03")).unwrap();
    std::fs::write(dir.join("2024/03/a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("2024/b.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("c.jsonl"), jsonl_line("c", ARTICLE)).unwrap();
    std::fs::write(dir.join("README.md"), "not an input format").unwrap();
    let run = sitrep(&["extract", dir.to_str().unwrap()], b"");
    assert_eq!((run.code, run.documents()), (0, 3), "{}", run.stderr);
    let file = dir.join("2024/b.txt");
    let run = sitrep(
        &["extract", dir.to_str().unwrap(), file.to_str().unwrap()],
        b"",
    );
    assert_eq!((run.code, run.documents()), (0, 4), "{}", run.stderr);
}

#[test]
fn standard_input_is_sniffed() {
    let jsonl = format!(
        "{}{}{}",
        jsonl_line("1", ARTICLE),
        jsonl_line("2", ARTICLE),
        jsonl_line("3", ARTICLE)
    );
    for (args, stdin, documents) in [
        (vec!["extract"], jsonl.clone().into_bytes(), 3),
        (vec!["extract", "-"], jsonl.clone().into_bytes(), 3),
        (vec!["extract", "-"], gzip(jsonl.as_bytes()), 3),
        (vec!["extract", "-"], HTML.as_bytes().to_vec(), 1),
        (vec!["extract", "-"], RSS.as_bytes().to_vec(), 2),
        (vec!["extract", "-"], ARTICLE.as_bytes().to_vec(), 1),
    ] {
        let run = sitrep(&args, &stdin);
        assert_eq!(
            (run.code, run.documents()),
            (0, documents),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn the_bundled_examples_are_read() {
    let run = sitrep(&["extract", "examples/"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.documents(),
        10,
        "5 txt + 1 html + 4 jsonl lines: {}",
        run.stderr
    );
}
