//! `sitrep places` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep places`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep places` is not implemented yet")
}
