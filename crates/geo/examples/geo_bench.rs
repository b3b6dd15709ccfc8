//! Measures the gazetteer's load time and memory and the geoparser's speed:
//! `cargo run --release -p sitrep-geo --example geo_bench [FILE_OR_DIR...]`.
//! Every file is one document (a directory contributes each file in it); with no
//! arguments a built-in paragraph is used. `GEO_BENCH_ROUNDS` sets the number of passes.

use std::path::Path;
use std::time::Instant;

use sitrep_geo::Gazetteer;

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// User + system CPU seconds of this process (from /proc; 0 when unavailable).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn read_documents(path: &Path, out: &mut Vec<String>) {
    if path.is_dir() {
        let mut names: Vec<_> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        names.sort();
        for name in names {
            read_documents(&name, out);
        }
    } else if let Ok(text) = std::fs::read_to_string(path) {
        out.push(text);
    } else {
        eprintln!("geo_bench: cannot read {}", path.display());
    }
}

fn main() {
    let started = Instant::now();
    let gazetteer = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("geo_bench: {e}");
            std::process::exit(1);
        }
    };
    let load = started.elapsed();
    let stats = gazetteer.stats();
    println!(
        "gazetteer: {:.1} MB compressed, {} entries, {} names; load {:.0} ms; peak memory {:.0} MB",
        stats.compressed_bytes as f64 / 1e6,
        stats.by_kind.iter().map(|(_, n)| n).sum::<usize>(),
        stats.names,
        load.as_secs_f64() * 1000.0,
        peak_memory_mb().unwrap_or(0.0)
    );
    let mut documents = Vec::new();
    for arg in std::env::args().skip(1) {
        read_documents(Path::new(&arg), &mut documents);
    }
    if documents.is_empty() {
        documents.push(
            "Rebels retook Saraqeb, a town in Idlib province, after Syrian government forces \
             shelled villages near Aleppo and Hama. Turkey sent troops to the border area. "
                .repeat(20),
        );
    }
    let bytes: usize = documents.iter().map(String::len).sum();
    let rounds = std::env::var("GEO_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or((20_000_000 / bytes.max(1)).clamp(1, 200));
    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let mut mentions = 0;
    for _ in 0..rounds {
        for document in &documents {
            mentions += gazetteer.geoparse(document).mentions().len();
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_started;
    println!(
        "geoparse: {:.2} MB/s wall, {:.2} MB/s of CPU time, {:.0} documents/s \
         ({} documents, {} bytes, {} mentions), one core",
        (bytes * rounds) as f64 / elapsed / 1e6,
        (bytes * rounds) as f64 / cpu.max(0.01) / 1e6,
        (documents.len() * rounds) as f64 / elapsed,
        documents.len(),
        bytes,
        mentions / rounds
    );
    println!("peak memory {:.0} MB", peak_memory_mb().unwrap_or(0.0));
}
