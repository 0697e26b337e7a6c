//! A fast hasher for maps keyed by [`ElementId`](super::ElementId).
//!
//! The standard map hashes with SipHash, made to resist crafted keys but slow for the one
//! `u64` an id is: looking up every element of a large canvas each frame was a third of the
//! frame. Ids come from files, so a plain multiply would not do (a file of ids all multiples
//! of a power of two would land in one bucket and make every lookup linear). This one mixes
//! the id with a key drawn at random when the program starts through a bijective finalizer
//! (MurmurHash3's `fmix64`): every bit of the id reaches the bits the map uses, and without
//! the key a file cannot know which ids share a bucket.

use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// The random key of this process.
fn key() -> u64 {
    static KEY: OnceLock<u64> = OnceLock::new();
    *KEY.get_or_init(|| {
        std::collections::hash_map::RandomState::new().hash_one(0x006d_616c_6269_6c64_u64)
    })
}

/// Builds an [`IdHasher`] with the process's key.
#[derive(Clone, Copy, Debug)]
pub struct IdHashing {
    key: u64,
}

impl Default for IdHashing {
    fn default() -> Self {
        Self { key: key() }
    }
}

impl BuildHasher for IdHashing {
    type Hasher = IdHasher;
    fn build_hasher(&self) -> IdHasher {
        IdHasher { state: self.key }
    }
}

/// The hasher behind [`IdHashing`]; an id is one `write_u64`.
#[derive(Clone, Copy, Debug)]
pub struct IdHasher {
    state: u64,
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

impl Hasher for IdHasher {
    fn write_u64(&mut self, v: u64) {
        self.state = fmix64(self.state.rotate_left(29) ^ v);
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }

    fn finish(&self) -> u64 {
        // The key again, so that a map's hashes are not the plain finalizer of the id.
        fmix64(self.state ^ 0x9e37_79b9_7f4a_7c15)
    }
}

/// A map keyed by element id, hashed with [`IdHashing`].
pub type IdMap<V> = std::collections::HashMap<super::ElementId, V, IdHashing>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ElementId;

    #[test]
    fn ids_a_file_could_craft_spread_over_the_buckets() {
        // Multiples of a large power of two share every low bit: with a plain multiplicative
        // hash they would all fall in one bucket.
        let low_bits = |k: u64| IdHashing::default().hash_one(ElementId(k)) & 0xfff;
        let mut seen = std::collections::HashSet::new();
        for i in 0..4096u64 {
            seen.insert(low_bits(i << 40));
        }
        // 4,096 keys into 4,096 buckets: about 63 % distinct when spread at random.
        assert!(seen.len() > 2_300, "{} distinct buckets", seen.len());
        let mut seen = std::collections::HashSet::new();
        for i in 0..4096u64 {
            seen.insert(low_bits(i));
        }
        assert!(seen.len() > 2_300, "{} distinct buckets", seen.len());
    }

    #[test]
    fn a_map_of_crafted_ids_stays_fast() {
        let mut map: IdMap<usize> = IdMap::default();
        for i in 0..100_000u64 {
            map.insert(ElementId(i << 32), i as usize);
        }
        let start = std::time::Instant::now();
        let mut sum = 0usize;
        for i in 0..100_000u64 {
            sum += map.get(&ElementId(i << 32)).copied().unwrap_or(0);
        }
        assert_eq!(sum, (0..100_000usize).sum::<usize>());
        // Linear buckets would take tens of seconds; even a debug build takes milliseconds.
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }
}
