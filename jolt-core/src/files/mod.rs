//! The files of proofs and keys: one format, written and read by the host API
//! (`jolt::host::{write_proof, read_proof, …}`) and by the `jolt` command line alike.
//!
//! Every file starts with 8 magic bytes naming its kind ([`Kind`]), a little-endian `u32`
//! format version ([`VERSION`]) and one byte naming the commitment scheme ([`Scheme`]); the
//! body follows, compressed ark-serialize:
//! * proof (`b"JOLTPRF\0"`): the [`Statement`] the prover made the proof for, then the
//!   sharded proof's bytes ([`ShardedProof::to_bytes`]; a run that fits one shard has one);
//! * verifier key (`b"JOLTKEY\0"`): [`VerifierKey::to_bytes`];
//! * prover key (`b"JOLTPKY\0"`): [`ProverKey::to_bytes`];
//! * shard proof (`b"JOLTSHD\0"`, `jolt prove-shard`): [`ShardProof::to_bytes`];
//! * zero-knowledge proof (`b"JOLTZKP\0"`, Dory only): the [`Statement`], then the
//!   [`ZkJoltProof`]'s bytes.
//!
//! Decoding never panics and never trusts a length prefix for allocation
//! ([`crate::utils::serialization`]); trailing bytes are an error.
//!
//! The statement in a proof file is the prover's word, never trusted: [`verify`] checks the
//! proof against the verifier's own claim, and reads the statement only to explain a
//! rejection (which part of the claim differs from what the proof was made for).

mod statement;

pub use statement::{explain, verify, verify_zk, Rejection, Statement};

use std::ops::{Deref, DerefMut};

use crate::commitment::dory::Dory;
use crate::commitment::hyperkzg::HyperKzg;
use crate::commitment::CommitmentScheme;
use crate::continuations::{ShardProof, ShardedProof};
use crate::utils::serialization::{from_bytes, to_bytes, SafeVec};
use crate::zkvm::zk::ZkJoltProof;
use crate::zkvm::{PreprocessingError, ProverKey, VerifierKey};
use jolt_instructions::CustomInstruction;

/// The format version every file carries.
pub const VERSION: u32 = 6;

/// The kinds of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A proof of a run, with its statement.
    Proof,
    /// A verifier key.
    VerifierKey,
    /// A prover key.
    ProverKey,
    /// One shard's proof (`jolt prove-shard`).
    Shard,
    /// A zero-knowledge proof of a run, with its statement.
    ZkProof,
}

impl Kind {
    /// The magic bytes files of this kind start with.
    pub fn magic(self) -> &'static [u8; 8] {
        match self {
            Self::Proof => b"JOLTPRF\0",
            Self::VerifierKey => b"JOLTKEY\0",
            Self::ProverKey => b"JOLTPKY\0",
            Self::Shard => b"JOLTSHD\0",
            Self::ZkProof => b"JOLTZKP\0",
        }
    }

    /// The kind's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Proof => "proof",
            Self::VerifierKey => "verifier key",
            Self::ProverKey => "prover key",
            Self::Shard => "shard proof",
            Self::ZkProof => "zero-knowledge proof",
        }
    }
}

/// The commitment scheme of a file (the byte after the format version).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// HyperKZG over BN254.
    HyperKzg = 1,
    /// Dory over BN254 (the default).
    Dory = 2,
}

impl Scheme {
    /// The scheme a file's byte names.
    pub fn from_byte(byte: u8) -> Option<Self> {
        match byte {
            1 => Some(Self::HyperKzg),
            2 => Some(Self::Dory),
            _ => None,
        }
    }

    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::HyperKzg => "HyperKZG",
            Self::Dory => "Dory",
        }
    }
}

/// A commitment scheme files can hold.
pub trait FileScheme: CommitmentScheme {
    /// Its byte in files.
    const SCHEME: Scheme;
}

impl FileScheme for HyperKzg {
    const SCHEME: Scheme = Scheme::HyperKzg;
}

impl FileScheme for Dory {
    const SCHEME: Scheme = Scheme::Dory;
}

/// Why bytes are not a file of the expected kind.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Shorter than the magic bytes.
    #[error("not a jolt {} file (too short)", .0.name())]
    TooShort(Kind),
    /// Other magic bytes: another kind of file.
    #[error("not a jolt {} file (wrong magic bytes)", .0.name())]
    NotThisKind(Kind),
    /// The header ends early.
    #[error("the {} file is truncated", .0.name())]
    Truncated(Kind),
    /// Another format version.
    #[error("{} file format version {version} is not supported (this jolt reads version {VERSION}): write it again with this jolt", .kind.name())]
    Version {
        /// The kind of file.
        kind: Kind,
        /// The file's version.
        version: u32,
    },
    /// The scheme byte names no scheme.
    #[error("the {} file names an unknown commitment scheme ({byte})", .kind.name())]
    UnknownScheme {
        /// The kind of file.
        kind: Kind,
        /// The scheme byte.
        byte: u8,
    },
    /// The file is for another scheme than the reader's.
    #[error("the {} file is for {}, not {}", .kind.name(), .found.name(), .expected.name())]
    WrongScheme {
        /// The kind of file.
        kind: Kind,
        /// The file's scheme.
        found: Scheme,
        /// The reader's scheme.
        expected: Scheme,
    },
    /// The body does not decode.
    #[error("the {} file is corrupt: its contents do not decode", .0.name())]
    Corrupt(Kind),
    /// The key decodes but does not load.
    #[error("the key file does not load: {0}")]
    Key(PreprocessingError),
}

fn with_header(kind: Kind, scheme: Scheme, body: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(13 + body.len());
    bytes.extend_from_slice(kind.magic());
    bytes.extend_from_slice(&VERSION.to_le_bytes());
    bytes.push(scheme as u8);
    bytes.extend_from_slice(body);
    bytes
}

/// Checks the magic bytes and version of a file of `kind`; returns its scheme and body.
pub fn header(kind: Kind, bytes: &[u8]) -> Result<(Scheme, &[u8]), FileError> {
    let (head, rest) = bytes
        .split_first_chunk::<8>()
        .ok_or(FileError::TooShort(kind))?;
    if head != kind.magic() {
        return Err(FileError::NotThisKind(kind));
    }
    let (version, body) = rest
        .split_first_chunk::<4>()
        .ok_or(FileError::Truncated(kind))?;
    let version = u32::from_le_bytes(*version);
    if version != VERSION {
        return Err(FileError::Version { kind, version });
    }
    let (byte, body) = body.split_first().ok_or(FileError::Truncated(kind))?;
    let scheme = Scheme::from_byte(*byte).ok_or(FileError::UnknownScheme { kind, byte: *byte })?;
    Ok((scheme, body))
}

/// The body of a file of `kind` for `PCS`.
fn body<PCS: FileScheme>(kind: Kind, bytes: &[u8]) -> Result<&[u8], FileError> {
    let (found, body) = header(kind, bytes)?;
    if found != PCS::SCHEME {
        return Err(FileError::WrongScheme {
            kind,
            found,
            expected: PCS::SCHEME,
        });
    }
    Ok(body)
}

/// A proof of one run with the statement the prover made it for (see the module
/// documentation: the statement only explains rejections). It reads as its [`ShardedProof`].
#[derive(Clone, Debug)]
pub struct Proof<PCS: CommitmentScheme> {
    /// What the prover claims the proof proves.
    pub statement: Statement,
    /// The proof.
    pub proof: ShardedProof<PCS>,
}

impl<PCS: CommitmentScheme> Deref for Proof<PCS> {
    type Target = ShardedProof<PCS>;
    fn deref(&self) -> &ShardedProof<PCS> {
        &self.proof
    }
}

impl<PCS: CommitmentScheme> DerefMut for Proof<PCS> {
    fn deref_mut(&mut self) -> &mut ShardedProof<PCS> {
        &mut self.proof
    }
}

impl<PCS: FileScheme> Proof<PCS> {
    /// The proof file's bytes.
    pub fn to_file(&self) -> Vec<u8> {
        let body = (self.statement.to_data(), SafeVec(self.proof.to_bytes()));
        with_header(Kind::Proof, PCS::SCHEME, &to_bytes(&body))
    }

    /// Decodes a proof file.
    pub fn from_file(bytes: &[u8]) -> Result<Self, FileError> {
        let corrupt = FileError::Corrupt(Kind::Proof);
        let (statement, proof): (statement::StatementData, SafeVec<u8>) =
            from_bytes(body::<PCS>(Kind::Proof, bytes)?).map_err(|_| corrupt.clone())?;
        Ok(Self {
            statement: Statement::from_data(statement),
            proof: ShardedProof::from_bytes(&proof).map_err(|_| corrupt)?,
        })
    }
}

/// A zero-knowledge proof of one run with the statement the prover made it for (the
/// statement only explains rejections, as for a [`Proof`]).
#[derive(Clone, Debug)]
pub struct ZkProof {
    /// What the prover claims the proof proves.
    pub statement: Statement,
    /// The proof.
    pub proof: ZkJoltProof,
}

impl ZkProof {
    /// The zero-knowledge proof file's bytes.
    pub fn to_file(&self) -> Vec<u8> {
        let body = (self.statement.to_data(), SafeVec(self.proof.to_bytes()));
        with_header(Kind::ZkProof, Dory::SCHEME, &to_bytes(&body))
    }

    /// Decodes a zero-knowledge proof file.
    pub fn from_file(bytes: &[u8]) -> Result<Self, FileError> {
        let corrupt = FileError::Corrupt(Kind::ZkProof);
        let (statement, proof): (statement::StatementData, SafeVec<u8>) =
            from_bytes(body::<Dory>(Kind::ZkProof, bytes)?).map_err(|_| corrupt.clone())?;
        Ok(Self {
            statement: Statement::from_data(statement),
            proof: ZkJoltProof::from_bytes(&proof).map_err(|_| corrupt)?,
        })
    }
}

/// The verifier key file's bytes.
pub fn verifier_key_file<PCS: FileScheme>(vk: &VerifierKey<PCS>) -> Vec<u8> {
    with_header(Kind::VerifierKey, PCS::SCHEME, &vk.to_bytes())
}

/// Decodes a verifier key file (of a program with the custom instructions `extensions`).
pub fn read_verifier_key_file<PCS: FileScheme>(
    bytes: &[u8],
    extensions: &'static [CustomInstruction],
) -> Result<VerifierKey<PCS>, FileError> {
    VerifierKey::from_bytes_with_extensions(body::<PCS>(Kind::VerifierKey, bytes)?, extensions)
        .map_err(FileError::Key)
}

/// The prover key file's bytes.
pub fn prover_key_file<PCS: FileScheme>(pk: &ProverKey<PCS>) -> Vec<u8> {
    with_header(Kind::ProverKey, PCS::SCHEME, &pk.to_bytes())
}

/// Decodes a prover key file (with the custom instructions and commitment parameters it was
/// made with).
pub fn read_prover_key_file<PCS: FileScheme>(
    bytes: &[u8],
    extensions: &'static [CustomInstruction],
    params: &PCS::Parameters,
) -> Result<ProverKey<PCS>, FileError> {
    ProverKey::from_bytes_with_extensions(body::<PCS>(Kind::ProverKey, bytes)?, extensions, params)
        .map_err(FileError::Key)
}

/// The shard proof file's bytes.
pub fn shard_file<PCS: FileScheme>(shard: &ShardProof<PCS>) -> Vec<u8> {
    with_header(Kind::Shard, PCS::SCHEME, &shard.to_bytes())
}

/// Decodes a shard proof file.
pub fn read_shard_file<PCS: FileScheme>(bytes: &[u8]) -> Result<ShardProof<PCS>, FileError> {
    ShardProof::from_bytes(body::<PCS>(Kind::Shard, bytes)?)
        .map_err(|_| FileError::Corrupt(Kind::Shard))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_checked() {
        let file = with_header(Kind::Proof, Scheme::HyperKzg, b"body");
        assert_eq!(body::<HyperKzg>(Kind::Proof, &file), Ok(&b"body"[..]));
        assert_eq!(
            body::<Dory>(Kind::Proof, &file),
            Err(FileError::WrongScheme {
                kind: Kind::Proof,
                found: Scheme::HyperKzg,
                expected: Scheme::Dory
            })
        );
        let wrong_kind = body::<HyperKzg>(Kind::VerifierKey, &file).unwrap_err();
        assert_eq!(
            wrong_kind.to_string(),
            "not a jolt verifier key file (wrong magic bytes)"
        );
        let mut future = file.clone();
        future[8] = 9;
        let err = header(Kind::Proof, &future).unwrap_err().to_string();
        assert!(err.contains("version 9 is not supported"), "{err}");
        let mut unknown = file.clone();
        unknown[12] = 0;
        let err = header(Kind::Proof, &unknown).unwrap_err().to_string();
        assert!(err.contains("unknown commitment scheme"), "{err}");
        for cut in [0, 5, 8, 11, 12] {
            assert!(header(Kind::Proof, &file[..cut]).is_err());
        }
    }

    #[test]
    fn a_lying_length_prefix_is_an_error() {
        let mut body = Vec::new();
        body.extend_from_slice(&[0; 32]);
        body.extend_from_slice(&(1u64 << 60).to_le_bytes());
        body.extend_from_slice(&[0; 16]);
        let file = with_header(Kind::Proof, Scheme::Dory, &body);
        assert_eq!(
            Proof::<Dory>::from_file(&file).unwrap_err(),
            FileError::Corrupt(Kind::Proof)
        );
    }
}
