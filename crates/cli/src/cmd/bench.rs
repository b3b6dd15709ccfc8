//! `sitrep bench` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep bench`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep bench` is not implemented yet")
}
