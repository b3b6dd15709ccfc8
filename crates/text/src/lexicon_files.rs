//! Where lexicon files come from: the copies compiled into the binary, or a user's
//! lexicon directory given at start-up (`sitrep --lexicons DIR`).
//!
//! A user directory has the layout of the repository's `lexicons/`. Every file in it
//! replaces the bundled file with the same relative path (`triggers/violence.tsv`);
//! bundled files it does not have stay in use. The directory is read once, before the
//! first lexicon is compiled, so a bad file is reported at start-up and never mid-run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The text of a lexicon file: the user's copy when one was loaded, else the bundled one.
///
/// `relative` is the path under `lexicons/` (`"numbers/words.tsv"`), `bundled` the
/// compiled-in content. Use the [`lexicon!`](crate::lexicon) macro, which supplies both.
pub fn text(relative: &str, bundled: &'static str) -> &'static str {
    USER_FILES
        .get()
        .and_then(|files| files.get(relative).copied())
        .unwrap_or(bundled)
}

/// The content of a lexicon file by its path under `lexicons/`, honouring the user's
/// lexicon directory: `lexicon!("numbers/words.tsv")`.
#[macro_export]
macro_rules! lexicon {
    ($relative:literal) => {
        $crate::lexicon_files::text(
            $relative,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../lexicons/",
                $relative
            )),
        )
    };
}

static USER_FILES: OnceLock<HashMap<String, &'static str>> = OnceLock::new();

/// Why a user's lexicon directory was refused.
#[derive(Debug, thiserror::Error)]
pub enum LexiconDirError {
    /// The directory or a file in it could not be read.
    #[error("cannot read {path}: {source}; check the path and its permissions")]
    Read {
        /// The path that failed.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file is not valid UTF-8.
    #[error("{path} is not UTF-8 text; save it as UTF-8 and run again")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// A `.tsv` file that no bundled lexicon has: most likely a misspelt name.
    #[error(
        "{path} is not a lexicon sitrep knows (bundled files: {}); rename it or remove it",
        BUNDLED.join(", ")
    )]
    Unknown {
        /// The file.
        path: PathBuf,
    },
    /// A lexicon directory was already loaded in this process.
    #[error("a lexicon directory is already in use; give --lexicons once")]
    AlreadySet,
}

/// Loads the user's lexicon directory: every `.tsv` file under `dir` replaces the
/// bundled file with the same relative path. Returns the relative paths replaced.
///
/// Call it once, before any lexicon is used; lexicons compiled earlier keep the
/// bundled text.
pub fn use_dir(dir: &Path) -> Result<Vec<String>, LexiconDirError> {
    let mut files = HashMap::new();
    read_dir(dir, "", &mut files)?;
    let mut replaced: Vec<String> = files.keys().cloned().collect();
    replaced.sort();
    USER_FILES
        .set(files)
        .map_err(|_| LexiconDirError::AlreadySet)?;
    Ok(replaced)
}

fn read_dir(
    dir: &Path,
    prefix: &str,
    files: &mut HashMap<String, &'static str>,
) -> Result<(), LexiconDirError> {
    let read_error = |source| LexiconDirError::Read {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let relative = format!("{prefix}{name}");
        if path.is_dir() {
            read_dir(&path, &format!("{relative}/"), files)?;
        } else if name.ends_with(".tsv") {
            if !BUNDLED.contains(&relative.as_str()) {
                return Err(LexiconDirError::Unknown { path });
            }
            let bytes = std::fs::read(&path).map_err(|source| LexiconDirError::Read {
                path: path.clone(),
                source,
            })?;
            let content =
                String::from_utf8(bytes).map_err(|_| LexiconDirError::NotUtf8 { path })?;
            files.insert(
                relative,
                Box::leak(content.into_boxed_str()) as &'static str,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_list_has_every_lexicon_folder() {
        for file in [
            "triggers/violence.tsv",
            "actors/groups.tsv",
            "numbers/words.tsv",
            "dates/months.tsv",
            "text/abbreviations.tsv",
        ] {
            assert!(BUNDLED.contains(&file), "{file} missing from {BUNDLED:?}");
        }
    }

    #[test]
    fn bundled_text_is_used_without_a_user_dir() {
        let text = crate::lexicon!("text/abbreviations.tsv");
        assert!(
            text.lines().any(|l| l.trim() == "Gen."),
            "abbreviations lost"
        );
    }
}
