//! `sitrep serve`: the HTTP API and the dashboard over the event store.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use sitrep_pipeline::Pipeline;
use sitrep_server::{ServerConfig, SharedRule};

use super::ingest::DedupRule;

/// Arguments of `sitrep serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The database file (created if missing).
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Address to listen on; port 0 picks a free port (printed at start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Worker threads.
    #[arg(long, default_value_t = 2)]
    pub threads: usize,
    /// Database read connections.
    #[arg(long, default_value_t = 4)]
    pub readers: usize,
    /// Largest accepted request body, in bytes.
    #[arg(long, default_value_t = 4 << 20)]
    pub max_body: usize,
}

/// Serves until interrupted (Ctrl-C).
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::load_default().context("loading lexicons and gazetteer")?;
    let config = ServerConfig {
        db: args.db,
        addr: args.addr,
        readers: args.readers,
        threads: args.threads,
        max_body: args.max_body,
    };
    let rule: SharedRule = Arc::new(DedupRule);
    sitrep_server::run(config, Arc::new(pipeline), rule, |addr| {
        println!("sitrep: serving the dashboard on http://{addr}/ and the API on http://{addr}/api/ (Ctrl-C stops)");
        // The first line tells scripts and tests the port; make sure it leaves now.
        let _ = std::io::stdout().flush();
    })?;
    Ok(ExitCode::SUCCESS)
}
