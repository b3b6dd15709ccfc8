//! `sitrep gazetteer` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep gazetteer`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep gazetteer` is not implemented yet")
}
