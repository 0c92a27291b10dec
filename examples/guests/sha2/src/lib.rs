//! SHA-256 with the `sha2` crate: a hash chain of `n` rounds.
#![cfg_attr(feature = "guest", no_std)]

use sha2::{Digest, Sha256};

/// SHA-256 of `input`.
#[jolt::provable(max_cycles = 50_000_000)]
pub fn sha256(input: [u8; 32]) -> [u8; 32] {
    Sha256::digest(input).into()
}

/// `n` rounds of h <- SHA-256(h), starting from `seed`.
#[jolt::provable(max_cycles = 200_000_000)]
pub fn sha256_chain(seed: [u8; 32], n: u32) -> [u8; 32] {
    let mut h = seed;
    for _ in 0..n {
        h = Sha256::digest(h).into();
    }
    h
}
