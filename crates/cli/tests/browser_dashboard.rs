//! The dashboard in a real browser: `sitrep ingest` a multi-source sample,
//! `sitrep serve` it on loopback, and drive Debian's headless Chromium with
//! playwright-core (tests/browser/dashboard.mjs): load, filter, click an event
//! (evidence highlighted in its article), brush the timeline, paste an article.
//! A screenshot is left in test-artifacts/dashboard.png.
//!
//! Needs `scripts/setup-browser.sh` (chromium, node, npm ci). Missing pieces
//! fail the test with what to install; SITREP_SKIP_BROWSER=1 skips it openly.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn require(ok: bool, what: &str) {
    assert!(
        ok,
        "browser test: {what} is missing. Install it with `bash scripts/setup-browser.sh` \
         (Debian chromium + chromium-driver, Node.js, npm ci of playwright-core), \
         or set SITREP_SKIP_BROWSER=1 to skip this test on purpose."
    );
}

#[test]
fn dashboard_works_in_headless_chromium() {
    if std::env::var("SITREP_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("browser test SKIPPED because SITREP_SKIP_BROWSER=1");
        return;
    }
    let browser_dir = repo().join("crates/cli/tests/browser");
    let chromium = std::env::var("SITREP_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    require(
        Path::new(&chromium).exists(),
        &format!("Chromium ({chromium})"),
    );
    require(
        Command::new("node").arg("--version").output().is_ok(),
        "Node.js (`node`)",
    );
    require(
        browser_dir.join("node_modules/playwright-core").exists(),
        "crates/cli/tests/browser/node_modules/playwright-core",
    );

    let work = std::env::temp_dir().join(format!("sitrep-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("temp dir");
    let db = work.join("dashboard.db");
    let sample = repo().join("crates/dedup/test_data");
    let ingest = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(sample.join("multi_source.jsonl"))
        .arg("--records")
        .arg(sample.join("multi_source.events.jsonl"))
        .output()
        .expect("run sitrep ingest");
    assert!(
        ingest.status.success(),
        "sitrep ingest failed: {}",
        String::from_utf8_lossy(&ingest.stderr)
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .arg("serve")
        .arg("--db")
        .arg(&db)
        .arg("--addr")
        .arg("127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start sitrep serve");
    let stdout = child.stdout.take().expect("server stdout");
    let server = Server(child);
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read the server's first line");
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in the server's first line: {first:?}"))
        .to_string();

    let artifacts = repo().join("test-artifacts");
    let started = Instant::now();
    let mut node = Command::new("node")
        .arg(browser_dir.join("dashboard.mjs"))
        .arg(&url)
        .arg(&artifacts)
        .env("SITREP_CHROMIUM", &chromium)
        .current_dir(&browser_dir)
        .spawn()
        .expect("start node");
    // Bounded: a hung browser fails the test instead of stalling CI.
    let status = loop {
        if let Some(status) = node.try_wait().expect("wait for node") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = node.kill();
            panic!("the browser test did not finish within 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    drop(server);
    let _ = std::fs::remove_dir_all(&work);
    assert!(
        status.success(),
        "the browser test failed (its steps are printed above)"
    );
}
