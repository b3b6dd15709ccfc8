//! Measures the gazetteer's load time and memory and the geoparser's speed:
//! `cargo run --release -p sitrep-geo --example geo_bench [FILE]`.

use std::time::Instant;

use sitrep_geo::Gazetteer;

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
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
    let text = std::env::args()
        .nth(1)
        .and_then(|path| std::fs::read_to_string(path).ok())
        .unwrap_or_else(|| {
            "Rebels retook Saraqeb, a town in Idlib province, after Syrian government forces \
             shelled villages near Aleppo and Hama. Turkey sent troops to the border area. "
                .repeat(20)
        });
    let rounds = 200;
    let started = Instant::now();
    let mut mentions = 0;
    for _ in 0..rounds {
        mentions += gazetteer.geoparse(&text).mentions().len();
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "geoparse: {:.2} MB/s, {:.0} documents/s of {} bytes ({} mentions each), one core",
        (text.len() * rounds) as f64 / elapsed / 1e6,
        rounds as f64 / elapsed,
        text.len(),
        mentions / rounds
    );
}
