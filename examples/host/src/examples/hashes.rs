//! Hashes in the guest: SHA-256 of a buffer and a SHA-256 hash chain (`h ← H(h)`, `n` times)
//! with the SHA-256 instructions of `jolt-precompiles` (or crates.io's `sha2`, for comparison);
//! knowledge of a private SHA-256 preimage; Keccak-256 of a buffer and a Keccak-256 hash chain
//! with the Keccak instructions of `jolt-precompiles`.

use jolt_precompiles::keccak::tables as keccak;
use jolt_precompiles::sha256;

use crate::{prove_and_verify, prove_and_verify_private, Error, Proven};

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

/// Proves SHA-256 of a `len`-byte buffer, with the SHA-256 instructions of `jolt-precompiles`
/// (registered here).
pub fn sha2(len: u32) -> Result<Proven<[u8; 32]>, Error> {
    prove_and_verify(
        || sha2_guest::compile_sha256_precompile()?.with_extensions(&sha256::EXTENSIONS),
        &(buffer(len),),
        describe(format!("SHA-256 of {len} bytes")),
    )
}

/// Proves SHA-256 of a `len`-byte buffer with the `sha2` crate (plain RV32IM).
pub fn sha2_plain(len: u32) -> Result<Proven<[u8; 32]>, Error> {
    prove_and_verify(
        sha2_guest::compile_sha256_plain,
        &(buffer(len),),
        describe(format!("SHA-256 of {len} bytes (sha2 crate)")),
    )
}

/// Proves knowledge of a preimage of `digest`: the guest hashes the private `preimage` with
/// the SHA-256 instructions and returns whether it matches. The verifier gets the digest and
/// the answer, never the preimage.
pub fn knows_preimage(digest: [u8; 32], preimage: &[u8]) -> Result<Proven<bool>, Error> {
    prove_and_verify_private(
        || sha2_guest::compile_knows_preimage()?.with_extensions(&sha256::EXTENSIONS),
        &(digest,),
        &(preimage.to_vec(),),
        |output: Option<&bool>| match output {
            Some(true) => format!("the prover knows a preimage of {}", hex(&digest)),
            Some(false) => format!("the private input is not a preimage of {}", hex(&digest)),
            None => "the guest panicked".into(),
        },
    )
}

/// Proves `n` rounds of SHA-256 from [`SEED`], with the SHA-256 instructions.
pub fn sha2_chain(n: u32) -> Result<Proven<[u8; 32]>, Error> {
    prove_and_verify(
        || sha2_guest::compile_sha256_chain_precompile()?.with_extensions(&sha256::EXTENSIONS),
        &(SEED, n),
        describe(format!("SHA-256 iterated {n} times")),
    )
}

/// Proves `n` rounds of Keccak-256 from [`SEED`], with the Keccak instructions of
/// `jolt-precompiles` (registered here).
pub fn keccak_chain(n: u32) -> Result<Proven<[u8; 32]>, Error> {
    prove_and_verify(
        || sha3_guest::compile_keccak_chain_precompile()?.with_extensions(&keccak::EXTENSIONS),
        &(SEED, n),
        describe(format!("Keccak-256 iterated {n} times")),
    )
}

/// Proves Keccak-256 of a `len`-byte [`buffer`], with the Keccak instructions.
pub fn keccak(len: u32) -> Result<Proven<[u8; 32]>, Error> {
    prove_and_verify(
        || sha3_guest::compile_keccak256_precompile()?.with_extensions(&keccak::EXTENSIONS),
        &(buffer(len),),
        describe(format!("Keccak-256 of {len} bytes")),
    )
}
