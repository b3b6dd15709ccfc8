//! `sitrep lexicon` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `sitrep lexicon`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sitrep lexicon` is not implemented yet")
}
