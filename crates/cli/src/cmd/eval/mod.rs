//! `sitrep eval`: score sitrep against human-coded data. One file per data set.

mod geo;

use std::process::ExitCode;

/// Arguments of `sitrep eval`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    set: Set,
}

#[derive(clap::Subcommand)]
enum Set {
    /// Geoparsing gold sets (LGL, GeoVirus XML): toponym recall, accuracy within 161 km.
    Geo(geo::Args),
}

/// Runs the chosen evaluation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.set {
        Set::Geo(args) => geo::run(args),
    }
}
