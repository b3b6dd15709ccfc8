//! `sitrep eval geo` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep eval geo`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the geoparsing evaluation.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep eval geo` is not implemented yet")
}
