//! Deterministic dev / held-out split by a stable hash of each item's id.

use serde::Serialize;
use sitrep_model::stable_hash;

/// Which part of a data set to evaluate. One item in three (by a stable hash of its id)
/// is held out; tune on `Dev`, report `Holdout`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// Every item.
    #[default]
    All,
    /// The two thirds meant for development and tuning.
    Dev,
    /// The third kept out of tuning.
    Holdout,
}

impl Split {
    /// Whether the item with this id belongs to the split.
    pub fn includes(self, id: &str) -> bool {
        match self {
            Split::All => true,
            Split::Dev => !is_held_out(id),
            Split::Holdout => is_held_out(id),
        }
    }

    /// The split's name as the CLI and reports write it.
    pub fn name(self) -> &'static str {
        match self {
            Split::All => "all",
            Split::Dev => "dev",
            Split::Holdout => "holdout",
        }
    }
}

/// Whether an id falls in the held-out third.
pub fn is_held_out(id: &str) -> bool {
    stable_hash(&[id.trim().as_bytes()]).is_multiple_of(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_partition_ids_and_hold_out_about_a_third() {
        let ids: Vec<String> = (0..3000).map(|n| format!("ROW{n}")).collect();
        let held = ids.iter().filter(|id| Split::Holdout.includes(id)).count();
        let dev = ids.iter().filter(|id| Split::Dev.includes(id)).count();
        assert_eq!(held + dev, ids.len());
        assert!((850..1150).contains(&held), "{held}");
        assert!(ids.iter().all(|id| Split::All.includes(id)));
        assert_eq!(is_held_out("ROW7"), is_held_out("ROW7"));
    }
}
