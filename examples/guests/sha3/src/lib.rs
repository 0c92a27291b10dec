//! Keccak-256 and SHA3-256: with the `sha3` crate (plain RV32IM), and with the Keccak
//! instructions of `jolt-precompiles` (custom-0, registered by the host with
//! `jolt_precompiles::keccak::tables::EXTENSIONS`). Of a buffer, and as a Keccak-256 hash chain.
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::vec::Vec;
use core::fmt;

use jolt_precompiles::keccak;
use serde::de::{Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};
use sha3::{Digest, Keccak256, Sha3_256};

/// A byte buffer argument, encoded as a `Vec<u8>` is (the host may pass either) but decoded
/// as one block: a `Vec<u8>` argument is decoded byte by byte, about 25 cycles a byte, which
/// would outweigh the hash being measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BytesVisitor;
        impl Visitor<'_> for BytesVisitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a byte buffer")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
        }
        deserializer.deserialize_bytes(BytesVisitor)
    }
}

/// Keccak-256 (Ethereum's hash) and SHA3-256 of the same bytes, with the `sha3` crate.
#[jolt::provable(max_cycles = 50_000_000)]
pub fn keccak_and_sha3(input: Vec<u8>) -> ([u8; 32], [u8; 32]) {
    (
        Keccak256::digest(&input).into(),
        Sha3_256::digest(&input).into(),
    )
}

/// Keccak-256 of the bytes with the `sha3` crate.
#[jolt::provable(max_cycles = 50_000_000)]
pub fn keccak256_plain(input: Bytes) -> [u8; 32] {
    Keccak256::digest(&input.0).into()
}

/// Keccak-256 of the bytes with the Keccak instructions.
#[jolt::provable(max_cycles = 50_000_000)]
pub fn keccak256_precompile(input: Bytes) -> [u8; 32] {
    keccak::keccak256(&input.0)
}

/// Keccak-256 and SHA3-256 of the same bytes with the Keccak instructions.
#[jolt::provable(max_cycles = 50_000_000)]
pub fn keccak_and_sha3_precompile(input: Bytes) -> ([u8; 32], [u8; 32]) {
    (keccak::keccak256(&input.0), keccak::sha3_256(&input.0))
}

/// `n` rounds of h <- Keccak-256(h), starting from `seed`, with the `sha3` crate.
#[jolt::provable(max_cycles = 200_000_000)]
pub fn keccak_chain(seed: [u8; 32], n: u32) -> [u8; 32] {
    let mut h = seed;
    for _ in 0..n {
        h = Keccak256::digest(h).into();
    }
    h
}

/// `n` rounds of h <- Keccak-256(h), starting from `seed`, with the Keccak instructions.
#[jolt::provable(max_cycles = 200_000_000)]
pub fn keccak_chain_precompile(seed: [u8; 32], n: u32) -> [u8; 32] {
    let mut h = seed;
    for _ in 0..n {
        h = keccak::keccak256(&h);
    }
    h
}
