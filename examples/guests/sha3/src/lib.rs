//! Keccak-256 and SHA3-256 with the `sha3` crate: of a buffer, and a Keccak-256 hash chain.
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::vec::Vec;
use sha3::{Digest, Keccak256, Sha3_256};

/// Keccak-256 (Ethereum's hash) and SHA3-256 of the same bytes.
#[jolt::provable(max_cycles = 50_000_000)]
pub fn keccak_and_sha3(input: Vec<u8>) -> ([u8; 32], [u8; 32]) {
    (
        Keccak256::digest(&input).into(),
        Sha3_256::digest(&input).into(),
    )
}

/// `n` rounds of h <- Keccak-256(h), starting from `seed`.
#[jolt::provable(max_cycles = 200_000_000)]
pub fn keccak_chain(seed: [u8; 32], n: u32) -> [u8; 32] {
    let mut h = seed;
    for _ in 0..n {
        h = Keccak256::digest(h).into();
    }
    h
}
