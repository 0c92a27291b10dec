//! The files `jolt prove`, `jolt preprocess` and `jolt prove-shard` write and `jolt verify`
//! and `jolt assemble` read: the one format of [`jolt_core::files`], which the host API
//! (`jolt::host::{write_proof, read_proof, …}`) reads and writes too. Every message names
//! the file.

use std::path::Path;

use jolt_core::continuations::ShardProof;
use jolt_core::files::{self, Kind, Proof, Scheme};
use jolt_core::zkvm::VerifierKey;

use crate::scheme::CliScheme;

/// The bytes of the file at `path`.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes `bytes` to `path`.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn named(path: &Path) -> impl Fn(files::FileError) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

/// The commitment scheme of the file of `kind` at `path` holding `bytes`.
pub fn scheme_of(kind: Kind, path: &Path, bytes: &[u8]) -> Result<Scheme, String> {
    files::header(kind, bytes)
        .map(|(scheme, _)| scheme)
        .map_err(named(path))
}

/// Decodes the proof file at `path` holding `bytes`.
pub fn decode_proof<PCS: CliScheme>(path: &Path, bytes: &[u8]) -> Result<Proof<PCS>, String> {
    Proof::from_file(bytes).map_err(named(path))
}

/// Decodes the verifier key file at `path`.
pub fn read_key<PCS: CliScheme>(path: &Path) -> Result<VerifierKey<PCS>, String> {
    files::read_verifier_key_file(&read(path)?, &[]).map_err(named(path))
}

/// Decodes the shard proof file at `path`.
pub fn read_shard<PCS: CliScheme>(path: &Path) -> Result<ShardProof<PCS>, String> {
    files::read_shard_file(&read(path)?).map_err(named(path))
}
