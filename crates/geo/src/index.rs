//! The name index: an open-addressing hash table from the FNV hash of a folded name to its
//! postings (gazetteer entries), which also marks every word-boundary prefix of a name
//! ("new" and "new york" for "new york mills") so that recognition extends a match one
//! token at a time and stops as soon as no name can continue.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Posting bit: the name may only follow a comma ("Alexandria, La.").
pub(crate) const CHAIN_ONLY: u32 = 1 << 31;
/// Slot bit (in `len`): some longer name starts with this key.
const PREFIX: u32 = 1 << 31;

/// A hasher for keys that already are hashes.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A set of key hashes.
pub(crate) type HashedSet = HashSet<u64, BuildHasherDefault<PassThrough>>;
/// A map from key hashes.
pub(crate) type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    hash: u64,
    start: u32,
    /// Number of postings, with the `PREFIX` bit.
    len: u32,
}

/// What the index knows about one key.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hit<'a> {
    /// Entry ids, with the `CHAIN_ONLY` bit.
    pub postings: &'a [u32],
    /// Whether a longer name starts with this key.
    pub prefix: bool,
}

/// Name hashes to postings; see the module documentation.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    slots: Vec<Slot>,
    postings: Vec<u32>,
    mask: usize,
}

fn nonzero(hash: u64) -> u64 {
    hash.max(1)
}

impl NameIndex {
    /// Builds the index from (key hash, posting) pairs and the hashes of name prefixes.
    pub fn build(mut pairs: Vec<(u64, u32)>, mut prefixes: Vec<u64>) -> NameIndex {
        pairs.iter_mut().for_each(|p| p.0 = nonzero(p.0));
        let mut pairs = bucket_sort(pairs, |p| p.0);
        pairs.dedup();
        prefixes.iter_mut().for_each(|p| *p = nonzero(*p));
        let mut prefixes = bucket_sort(prefixes, |&p| p);
        prefixes.dedup();
        let distinct = pairs.chunk_by(|a, b| a.0 == b.0).count() + prefixes.len();
        let capacity = (distinct * 3 / 2 + 16).next_power_of_two();
        let mut index = NameIndex {
            slots: vec![Slot::default(); capacity],
            postings: pairs.iter().map(|p| p.1).collect(),
            mask: capacity - 1,
        };
        let mut start = 0usize;
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            let slot = index.slot_mut(run[0].0);
            slot.start = start as u32;
            slot.len = run.len() as u32;
            start += run.len();
        }
        for hash in prefixes {
            index.slot_mut(hash).len |= PREFIX;
        }
        index
    }

    fn slot_mut(&mut self, hash: u64) -> &mut Slot {
        let mut i = (hash as usize ^ (hash >> 32) as usize) & self.mask;
        while self.slots[i].hash != 0 && self.slots[i].hash != hash {
            i = (i + 1) & self.mask;
        }
        let slot = &mut self.slots[i];
        slot.hash = hash;
        slot
    }

    /// The postings and prefix flag of a key hash.
    #[inline]
    pub fn get(&self, hash: u64) -> Hit<'_> {
        if self.slots.is_empty() {
            return Hit::default();
        }
        let hash = nonzero(hash);
        let mut i = (hash as usize ^ (hash >> 32) as usize) & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.hash == hash {
                let len = (slot.len & !PREFIX) as usize;
                let start = slot.start as usize;
                return Hit {
                    postings: self.postings.get(start..start + len).unwrap_or(&[]),
                    prefix: slot.len & PREFIX != 0,
                };
            }
            if slot.hash == 0 {
                return Hit::default();
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of (name, entry) pairs.
    pub fn len(&self) -> usize {
        self.postings.len()
    }
}

/// Sorts by a 64-bit key: a counting pass on the top 16 bits, then each small bucket.
fn bucket_sort<T: Copy + Ord>(items: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    let Some(&first) = items.first() else {
        return items;
    };
    let bucket = |item: &T| (key(item) >> 48) as usize;
    let mut starts = vec![0usize; (1 << 16) + 1];
    for item in &items {
        starts[bucket(item) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut out = vec![first; items.len()];
    let mut next = starts.clone();
    for item in &items {
        let b = bucket(item);
        out[next[b]] = *item;
        next[b] += 1;
    }
    for window in starts.windows(2) {
        out[window[0]..window[1]].sort_unstable();
    }
    out
}
