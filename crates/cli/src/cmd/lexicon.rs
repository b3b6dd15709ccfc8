//! `sitrep lexicon`: check the lexicon files and run every entry's example.

use std::process::ExitCode;

use sitrep_lexicon::actors::ActorLexicon;
use sitrep_lexicon::triggers::TriggerLexicon;

/// Arguments of `sitrep lexicon`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Parse every bundled lexicon file and run each trigger's example sentence.
    Test,
}

/// Runs the lexicon check; exit 1 when an example fails.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::Test => test(),
    }
}

fn test() -> anyhow::Result<ExitCode> {
    let triggers = TriggerLexicon::embedded()?;
    let actors = ActorLexicon::embedded()?;
    let mut failures = 0usize;
    for (index, entry) in triggers.entries().iter().enumerate() {
        let found = triggers.find(&entry.example);
        if !found.iter().any(|m| m.entry == index) {
            failures += 1;
            println!(
                "FAIL {} {:?}: example {:?} does not match",
                entry.source, entry.pattern, entry.example
            );
        }
    }
    let total = triggers.entries().len();
    println!(
        "triggers: {total} entries, {} examples pass",
        total - failures
    );
    println!("actors: {:?}", actors.stats());
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
