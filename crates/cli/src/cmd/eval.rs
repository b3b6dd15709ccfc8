//! `sitrep eval` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep eval`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep eval` is not implemented yet")
}
