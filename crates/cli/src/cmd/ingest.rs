//! `sitrep ingest` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep ingest`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep ingest` is not implemented yet")
}
