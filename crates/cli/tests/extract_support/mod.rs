//! Shared helpers for the `sitrep extract` integration tests: run the binary,
//! make scratch directories, read the closing summary.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run printed and returned.
pub struct Run {
    /// Exit status code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// The number of documents the closing summary reports.
    pub fn documents(&self) -> u64 {
        self.summary_number("documents read")
    }

    /// The number of records the closing summary reports.
    pub fn records(&self) -> u64 {
        self.summary_number("records written")
    }

    fn summary_number(&self, label: &str) -> u64 {
        let line = self
            .stderr
            .lines()
            .rev()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("no summary with {label:?} in stderr:\n{}", self.stderr));
        let before = &line[..line.find(label).unwrap_or(0)];
        before
            .split_whitespace()
            .last()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no number before {label:?} in {line:?}"))
    }
}

/// Runs `sitrep` with `args` and `stdin`, from the workspace root.
pub fn sitrep(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sitrep binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("sitrep finishes");
    let _ = feeder.join();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The workspace root (where `examples/` and `docs/` are).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh, empty directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("extract-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Gzip-compresses bytes.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}

/// A short realistic article.
pub const ARTICLE: &str = "MOGADISHU, March 4 (Frontline Wire) - A car bomb exploded outside a police station in Mogadishu on Tuesday, killing six people, police said.";

/// A JSONL line for an article.
pub fn jsonl_line(id: &str, text: &str) -> String {
    format!(
        "{}\n",
        serde_json::json!({"id": id, "text": text, "published": "2024-03-05"})
    )
}
