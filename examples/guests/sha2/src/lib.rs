//! SHA-256 with the `sha2` crate: of a buffer, and a hash chain of `n` rounds.
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::vec::Vec;
use sha2::{Digest, Sha256};

/// SHA-256 of `input` (up to 64 KiB).
#[jolt::provable(max_input_size = 65_600, max_cycles = 50_000_000)]
pub fn sha256(input: Vec<u8>) -> [u8; 32] {
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
