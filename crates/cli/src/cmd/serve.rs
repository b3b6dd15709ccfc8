//! `sitrep serve` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep serve`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep serve` is not implemented yet")
}
