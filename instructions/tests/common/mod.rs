//! Operands shared by the tests: seeded random pairs plus the edge cases.

#![allow(dead_code)] // each test binary uses part of this module

pub mod encode;
pub mod machine;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The edge operands: 0, 1, -1, i32::MIN, i32::MAX.
pub const EDGES: [u32; 5] = [0, 1, u32::MAX, i32::MIN as u32, i32::MAX as u32];

/// A seeded rng, so failures reproduce.
pub fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// Operand pairs: every pair of edges, edges against shift amounts 0, 31, 32, 33, and `n` random
/// pairs (a third of them with x and y equal in all but one byte, so comparisons reach every
/// chunk, and some with small y).
pub fn operand_pairs(seed: u64, n: usize) -> Vec<(u32, u32)> {
    let mut rng = rng(seed);
    let mut pairs = Vec::with_capacity(n + 64);
    for &x in &EDGES {
        for &y in &EDGES {
            pairs.push((x, y));
        }
        for y in [0, 31, 32, 33] {
            pairs.push((x, y));
            pairs.push((y, x));
        }
    }
    for k in 0..n {
        let x: u32 = rng.gen();
        let y = match k % 4 {
            0 => x ^ (rng.gen::<u32>() & (0xff << (8 * rng.gen_range(0..4)))),
            1 => rng.gen_range(0..64),
            _ => rng.gen(),
        };
        pairs.push((x, y));
    }
    pairs
}
