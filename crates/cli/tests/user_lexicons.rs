//! `sitrep --lexicons DIR`: a user's lexicon file replaces the bundled one with the same
//! path, and a misspelt file name is refused at start-up with a clear error; `sitrep lexicon
//! test` runs every trigger's example sentence, bundled or the user's.

mod extract_support;

use extract_support::{scratch, sitrep};

const ARTICLE: &str = "Gunmen zorched four farmers in a village near Jos on Monday, police said.\n";

/// A made-up violence verb with an example that uses it.
const ZORCH: &str = "zorch\tV\tevent\t@violence\tASSAULT\t-\t190\tGunmen zorched two guards.\n";

/// A lexicon directory whose violence triggers are the bundled ones plus `extra` rows.
fn user_lexicons(name: &str, extra: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("triggers")).expect("scratch dir");
    let bundled = include_str!("../../../lexicons/triggers/violence.tsv");
    std::fs::write(
        dir.join("triggers/violence.tsv"),
        format!("{bundled}{extra}"),
    )
    .expect("write lexicon");
    dir
}

fn events(stdout: &str) -> usize {
    stdout
        .lines()
        .filter(|l| l.contains("\"kind\":\"event\""))
        .count()
}

#[test]
fn a_user_trigger_file_replaces_the_bundled_one() {
    let dir = user_lexicons("user-lexicons-extend", ZORCH);
    let args = ["extract", "--published", "2024-03-05", "-"];
    let bundled = sitrep(&args, ARTICLE.as_bytes());
    assert_eq!(bundled.code, 0, "{}", bundled.stderr);
    assert_eq!(events(&bundled.stdout), 0, "{}", bundled.stdout);

    let dir_arg = dir.display().to_string();
    let mut with_dir = vec!["--lexicons", dir_arg.as_str()];
    with_dir.extend(args);
    let user = sitrep(&with_dir, ARTICLE.as_bytes());
    assert_eq!(user.code, 0, "{}", user.stderr);
    assert_eq!(events(&user.stdout), 1, "{}", user.stdout);
    assert!(user.stdout.contains("\"Attack\""), "{}", user.stdout);
    assert!(
        user.stderr.contains("triggers/violence.tsv"),
        "{}",
        user.stderr
    );
}

#[test]
fn a_misspelt_lexicon_file_is_refused() {
    let dir = scratch("user-lexicons-typo");
    std::fs::create_dir_all(dir.join("triggers")).expect("scratch dir");
    std::fs::write(dir.join("triggers/violance.tsv"), "# empty\n").expect("write lexicon");
    let dir_arg = dir.display().to_string();
    let run = sitrep(
        &["--lexicons", &dir_arg, "extract", "-"],
        ARTICLE.as_bytes(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("violance.tsv is not a lexicon sitrep knows"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_bundled_trigger_example_matches_its_entry() {
    let run = sitrep(&["lexicon", "test"], b"");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("FAIL"), "{}", run.stdout);
    assert!(run.stdout.contains("examples pass"), "{}", run.stdout);
}

#[test]
fn a_user_trigger_whose_example_does_not_match_fails_the_lexicon_test() {
    let extra = "zorch\tV\tevent\t@violence\tASSAULT\t-\t190\tGunmen attacked two guards.\n";
    let dir = user_lexicons("user-lexicons-bad-example", extra);
    let dir_arg = dir.display().to_string();
    let run = sitrep(&["--lexicons", &dir_arg, "lexicon", "test"], b"");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("FAIL"), "{}", run.stdout);
    assert!(run.stdout.contains("zorch"), "{}", run.stdout);
}
