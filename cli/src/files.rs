//! The files `jolt prove` and `jolt preprocess` write, and their decoding from untrusted bytes.
//!
//! Both start with 8 magic bytes, a little-endian `u32` format version and one byte naming the
//! commitment scheme ([`Scheme`]):
//! * proof file: `b"JOLTPRF\0"`, version, then the compressed ark-serialize encoding of the
//!   tuple `(inputs, outputs, panic, exit_code, proof)` — the claimed public I/O
//!   ([`ProgramIo`]) and the sharded proof's own bytes ([`ShardedProof::to_bytes`]; a run
//!   that fits one shard has one), the byte strings as `u64` length + bytes;
//! * shard file (`jolt prove-shard`): `b"JOLTSHD\0"`, version, scheme, then
//!   [`ShardProof::to_bytes`];
//! * key file: `b"JOLTKEY\0"`, version, scheme, then [`VerifierKey::to_bytes`].
//!
//! Decoding never panics and never trusts a length prefix for allocation
//! ([`jolt_core::utils::serialization`]); trailing bytes are an error.

use crate::scheme::{CliScheme, Scheme};
use jolt_core::continuations::{ShardProof, ShardedProof};
use jolt_core::utils::serialization::{from_bytes, to_bytes, SafeVec};
use jolt_core::zkvm::VerifierKey;
use jolt_tracer::ProgramIo;

pub const PROOF_MAGIC: &[u8; 8] = b"JOLTPRF\0";
pub const KEY_MAGIC: &[u8; 8] = b"JOLTKEY\0";
pub const SHARD_MAGIC: &[u8; 8] = b"JOLTSHD\0";
/// The format version every file carries.
pub const VERSION: u32 = 4;

type ProofBody = (SafeVec<u8>, SafeVec<u8>, bool, u32, SafeVec<u8>);

fn with_header(magic: &[u8; 8], scheme: Scheme, body: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(13 + body.len());
    bytes.extend_from_slice(magic);
    bytes.extend_from_slice(&VERSION.to_le_bytes());
    bytes.push(scheme as u8);
    bytes.extend_from_slice(body);
    bytes
}

/// The commitment scheme of a file of kind `what` (after checking magic bytes and version).
pub fn scheme_of(magic: &[u8; 8], what: &str, bytes: &[u8]) -> Result<Scheme, String> {
    header(magic, what, bytes).map(|(scheme, _)| scheme)
}

/// Checks that a file of kind `what` is for `PCS`; returns the body.
fn body<'a, PCS: CliScheme>(
    magic: &[u8; 8],
    what: &str,
    bytes: &'a [u8],
) -> Result<&'a [u8], String> {
    let (scheme, body) = header(magic, what, bytes)?;
    if scheme != PCS::TAG {
        return Err(format!(
            "the {what} file is for {}, not {}",
            scheme.name(),
            PCS::TAG.name()
        ));
    }
    Ok(body)
}

/// Checks the magic bytes and version of a file of kind `what`; returns the scheme and the
/// body.
fn header<'a>(magic: &[u8; 8], what: &str, bytes: &'a [u8]) -> Result<(Scheme, &'a [u8]), String> {
    let (head, rest) = bytes
        .split_first_chunk::<8>()
        .ok_or_else(|| format!("not a jolt {what} file (too short)"))?;
    if head != magic {
        return Err(format!("not a jolt {what} file (wrong magic bytes)"));
    }
    let (version, body) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| format!("the {what} file is truncated"))?;
    let version = u32::from_le_bytes(*version);
    if version != VERSION {
        return Err(format!(
            "{what} file format version {version} is not supported (this jolt reads version {VERSION})"
        ));
    }
    let (byte, body) = body
        .split_first()
        .ok_or_else(|| format!("the {what} file is truncated"))?;
    let scheme = Scheme::from_byte(*byte)
        .ok_or_else(|| format!("the {what} file names an unknown commitment scheme ({byte})"))?;
    Ok((scheme, body))
}

/// Encodes a proof file: the claimed public I/O and the proof.
pub fn encode_proof<PCS: CliScheme>(io: &ProgramIo, proof: &ShardedProof<PCS>) -> Vec<u8> {
    let body: ProofBody = (
        io.inputs.clone().into(),
        io.outputs.clone().into(),
        io.panic,
        io.exit_code,
        proof.to_bytes().into(),
    );
    with_header(PROOF_MAGIC, PCS::TAG, &to_bytes(&body))
}

/// Decodes a proof file into the claimed public I/O and the proof.
pub fn decode_proof<PCS: CliScheme>(
    bytes: &[u8],
) -> Result<(ProgramIo, ShardedProof<PCS>), String> {
    let body = body::<PCS>(PROOF_MAGIC, "proof", bytes)?;
    let (inputs, outputs, panic, exit_code, proof): ProofBody = from_bytes(body)
        .map_err(|_| "the proof file is corrupt: its public I/O does not decode".to_string())?;
    let proof = ShardedProof::<PCS>::from_bytes(&proof).map_err(|e| e.to_string())?;
    let io = ProgramIo {
        inputs: inputs.into_inner(),
        outputs: outputs.into_inner(),
        panic,
        exit_code,
    };
    Ok((io, proof))
}

/// Encodes a shard file.
pub fn encode_shard<PCS: CliScheme>(shard: &ShardProof<PCS>) -> Vec<u8> {
    with_header(SHARD_MAGIC, PCS::TAG, &shard.to_bytes())
}

/// Decodes a shard file.
pub fn decode_shard<PCS: CliScheme>(bytes: &[u8]) -> Result<ShardProof<PCS>, String> {
    let body = body::<PCS>(SHARD_MAGIC, "shard proof", bytes)?;
    ShardProof::from_bytes(body).map_err(|e| e.to_string())
}

/// Encodes a key file.
pub fn encode_key<PCS: CliScheme>(vk: &VerifierKey<PCS>) -> Vec<u8> {
    with_header(KEY_MAGIC, PCS::TAG, &vk.to_bytes())
}

/// Decodes a key file.
pub fn decode_key<PCS: CliScheme>(bytes: &[u8]) -> Result<VerifierKey<PCS>, String> {
    let body = body::<PCS>(KEY_MAGIC, "key", bytes)?;
    VerifierKey::from_bytes(body).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jolt_core::commitment::hyperkzg::HyperKzg;

    #[test]
    fn headers_are_checked() {
        let file = with_header(PROOF_MAGIC, Scheme::HyperKzg, b"body");
        assert_eq!(
            body::<HyperKzg>(PROOF_MAGIC, "proof", &file),
            Ok(&b"body"[..])
        );
        assert_eq!(scheme_of(PROOF_MAGIC, "proof", &file), Ok(Scheme::HyperKzg));
        let wrong_kind = body::<HyperKzg>(KEY_MAGIC, "key", &file).unwrap_err();
        assert!(wrong_kind.contains("not a jolt key file"), "{wrong_kind}");
        let mut future = file.clone();
        future[8] = 9;
        let err = body::<HyperKzg>(PROOF_MAGIC, "proof", &future).unwrap_err();
        assert!(err.contains("version 9 is not supported"), "{err}");
        let mut unknown = file.clone();
        unknown[12] = 0;
        let err = scheme_of(PROOF_MAGIC, "proof", &unknown).unwrap_err();
        assert!(err.contains("unknown commitment scheme"), "{err}");
        for cut in [0, 5, 8, 11, 12] {
            assert!(body::<HyperKzg>(PROOF_MAGIC, "proof", &file[..cut]).is_err());
        }
    }

    #[test]
    fn a_lying_length_prefix_is_an_error() {
        let mut body = Vec::new();
        body.extend_from_slice(&(1u64 << 60).to_le_bytes());
        body.extend_from_slice(&[0; 16]);
        let err = decode_proof::<HyperKzg>(&with_header(PROOF_MAGIC, Scheme::HyperKzg, &body))
            .unwrap_err();
        assert!(err.contains("corrupt"), "{err}");
    }
}
