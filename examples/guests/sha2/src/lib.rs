//! SHA-256 of a buffer, a hash chain of `n` rounds, and knowledge of a private preimage: with
//! the `sha2` crate (plain RV32IM), and with the SHA-256 instructions of `jolt-precompiles`
//! (custom-0, registered by the host with `jolt_precompiles::sha256::EXTENSIONS`).
//!
//! The buffer arguments of `sha256_plain` and `sha256_precompile` are
//! [`ByteBuf`](serde_bytes::ByteBuf)s: encoded exactly as a `Vec<u8>` (the host passes one), but
//! decoded in one block, where a `Vec<u8>` argument is decoded byte by byte (about 25 cycles a
//! byte, as much as the hash itself with the instructions).
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::vec::Vec;
use jolt_precompiles::sha256;
use serde_bytes::ByteBuf;
use sha2::{Digest, Sha256};

/// SHA-256 of `input` (up to 64 KiB), with the `sha2` crate.
#[jolt::provable(max_input_size = 65_600, max_cycles = 50_000_000)]
pub fn sha256(input: Vec<u8>) -> [u8; 32] {
    Sha256::digest(input).into()
}

/// SHA-256 of `input` (up to 64 KiB), with the `sha2` crate.
#[jolt::provable(max_input_size = 65_600, max_cycles = 50_000_000)]
pub fn sha256_plain(input: ByteBuf) -> [u8; 32] {
    Sha256::digest(&input).into()
}

/// SHA-256 of `input` (up to 64 KiB), with the SHA-256 instructions.
#[jolt::provable(max_input_size = 65_600, max_cycles = 50_000_000)]
pub fn sha256_precompile(input: ByteBuf) -> [u8; 32] {
    sha256::digest(&input)
}

/// `n` rounds of h <- SHA-256(h), starting from `seed`, with the `sha2` crate.
#[jolt::provable(max_cycles = 200_000_000)]
pub fn sha256_chain(seed: [u8; 32], n: u32) -> [u8; 32] {
    let mut h = seed;
    for _ in 0..n {
        h = Sha256::digest(h).into();
    }
    h
}

/// `n` rounds of h <- SHA-256(h), starting from `seed`, with the SHA-256 instructions.
#[jolt::provable(max_cycles = 200_000_000)]
pub fn sha256_chain_precompile(seed: [u8; 32], n: u32) -> [u8; 32] {
    let mut h = seed;
    for _ in 0..n {
        h = sha256::digest(&h);
    }
    h
}

// ANCHOR: private
/// Knowledge of a SHA-256 preimage: whether the private `preimage` (up to 4 KiB) hashes to the
/// public `digest`, with the SHA-256 instructions. A proof of `true` shows that its prover
/// knows a preimage of `digest`; the verifier never sees it. Its RAM is small (256 KiB), so
/// that a zero-knowledge proof, whose RAM is the whole of it, stays cheap.
#[jolt::provable(
    max_private_input_size = 4200,
    max_cycles = 10_000_000,
    memory_size = 262_144
)]
pub fn knows_preimage(digest: [u8; 32], #[private] preimage: ByteBuf) -> bool {
    sha256::digest(&preimage) == digest
}
// ANCHOR_END: private
