//! Hashes from crates.io in the guest: SHA-256 of a buffer, and SHA-256 and Keccak-256 hash
//! chains (`h ← H(h)`, `n` times).

use crate::{prove_and_verify, Error, Proven};

/// The seed of the hash chains.
pub const SEED: [u8; 32] = [7; 32];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn describe(what: String) -> impl FnOnce(Option<&[u8; 32]>) -> String {
    move |output| match output {
        Some(hash) => format!("{what} = {}", hex(hash)),
        None => format!("{what} panicked"),
    }
}

/// The buffer the SHA-256 example hashes: `len` bytes `0, 1, 2, …` (mod 256).
pub fn buffer(len: u32) -> Vec<u8> {
    (0..len).map(|i| i as u8).collect()
}

/// Proves SHA-256 of a `len`-byte buffer.
pub fn sha2(len: u32) -> Result<Proven<[u8; 32]>, Error> {
    prove_and_verify(
        sha2_guest::compile_sha256,
        &(buffer(len),),
        describe(format!("SHA-256 of {len} bytes")),
    )
}

/// Proves `n` rounds of SHA-256 from [`SEED`].
pub fn sha2_chain(n: u32) -> Result<Proven<[u8; 32]>, Error> {
    prove_and_verify(
        sha2_guest::compile_sha256_chain,
        &(SEED, n),
        describe(format!("SHA-256 iterated {n} times")),
    )
}

/// Proves `n` rounds of Keccak-256 from [`SEED`].
pub fn keccak_chain(n: u32) -> Result<Proven<[u8; 32]>, Error> {
    prove_and_verify(
        sha3_guest::compile_keccak_chain,
        &(SEED, n),
        describe(format!("Keccak-256 iterated {n} times")),
    )
}
