//! `sitrep query` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep query`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep query` is not implemented yet")
}
