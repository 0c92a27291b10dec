//! The sharded proof object and the chain verifier's typed errors.

use crate::commitment::CommitmentScheme;
use crate::utils::serialization::{from_bytes, impl_canonical_fields, to_bytes, SafeVec};
use crate::zkvm::boundary::MachineState;
use crate::zkvm::{JoltProof, ZkvmError};

/// The proof of one shard.
#[derive(Clone, Debug)]
pub struct ShardProof<PCS: CommitmentScheme> {
    /// The cycles of the run before the shard.
    pub start_cycle: u64,
    /// The state the shard resumes; `None` for the first shard, which starts at the entry.
    pub start: Option<MachineState>,
    /// The zkVM proof of the shard's segment.
    pub proof: JoltProof<PCS>,
}

impl_canonical_fields!([PCS: CommitmentScheme] ShardProof<PCS> where [] {
    start_cycle, start, proof
});

impl<PCS: CommitmentScheme> PartialEq for ShardProof<PCS> {
    fn eq(&self, other: &Self) -> bool {
        self.to_bytes() == other.to_bytes()
    }
}

impl<PCS: CommitmentScheme> PartialEq for ShardedProof<PCS> {
    fn eq(&self, other: &Self) -> bool {
        self.to_bytes() == other.to_bytes()
    }
}

impl<PCS: CommitmentScheme> ShardProof<PCS> {
    /// The shard proof's encoding (compressed ark-serialize).
    pub fn to_bytes(&self) -> Vec<u8> {
        to_bytes(self)
    }

    /// Decodes a shard proof (validated, no trailing bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ShardError> {
        from_bytes(bytes).map_err(|_| ShardError::Deserialization)
    }
}

/// A proof of a whole run: its shard proofs, in run order.
#[derive(Clone, Debug)]
pub struct ShardedProof<PCS: CommitmentScheme> {
    /// The shard proofs, the first starting at the program's entry and each later one resuming
    /// the state its predecessor paused in; the last one halts.
    pub shards: SafeVec<ShardProof<PCS>>,
}

impl_canonical_fields!([PCS: CommitmentScheme] ShardedProof<PCS> where [] { shards });

impl<PCS: CommitmentScheme> ShardedProof<PCS> {
    /// The proof's encoding (compressed ark-serialize).
    pub fn to_bytes(&self) -> Vec<u8> {
        to_bytes(self)
    }

    /// Decodes a proof (validated, no trailing bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ShardError> {
        from_bytes(bytes).map_err(|_| ShardError::Deserialization)
    }

    /// The encoded size in bytes.
    pub fn size_in_bytes(&self) -> usize {
        ark_serialize::CanonicalSerialize::compressed_size(self)
    }

    /// The run's cycles (the shards' real cycles).
    pub fn cycles(&self) -> u64 {
        self.shards
            .iter()
            .fold(0u64, |sum, s| sum.saturating_add(s.proof.cycles))
    }
}

/// How a shard's start state differs from the state the chain holds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// The first shard claims to resume a state instead of starting at the entry.
    #[error("the first shard does not start at the program's entry")]
    FirstShardResumes,
    /// A later shard claims to start at the entry.
    #[error("the shard claims to start at the program's entry")]
    MissingStart,
    /// The shard starts at another cycle than the previous one ended at.
    #[error("it starts at cycle {got}, but the previous shard ended at cycle {expected}")]
    Position {
        /// The cycle the previous shards ended at (`0` for the first shard).
        expected: u64,
        /// The shard's claimed [`ShardProof::start_cycle`].
        got: u64,
    },
    /// The shard starts at another row than the previous one paused at.
    #[error("it starts at bytecode row {got}, but the previous shard paused at row {expected}")]
    Row {
        /// The bytecode row the previous shard paused at.
        expected: u32,
        /// The row the shard's start state claims.
        got: u32,
    },
    /// A register differs.
    #[error("register {index} starts at {got:#x}, but the previous shard left {expected:#x}")]
    Register {
        /// The register's number (`0..32`, `x0` first).
        index: usize,
        /// Its value in the previous shard's end state.
        expected: u32,
        /// Its value in the shard's start state.
        got: u32,
    },
    /// A page's contents differ (its commitment is not the chain's).
    #[error("RAM page {page:#x} does not hold what the run left in it")]
    Page {
        /// The page's number: it holds the words (byte address / 4) `page·2^p ..
        /// (page + 1)·2^p`, `p =` [`LOG_PAGE`](crate::zkvm::read_write_memory::LOG_PAGE).
        page: u32,
    },
    /// The state does not have one commitment per listed page.
    #[error("it commits to {got} pages, but lists {expected}")]
    PageCount {
        /// The number of pages the shard's proof lists.
        expected: usize,
        /// The number of page commitments in its start state.
        got: usize,
    },
}

/// Why a sharded proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShardError {
    /// No shard at all.
    #[error("the proof has no shards")]
    NoShards,
    /// A shard's start does not chain to the previous shard's end.
    #[error("shard {shard}: {error}")]
    Link {
        /// The shard's index in the proof, from 0.
        shard: usize,
        /// Which part of the state does not chain.
        error: LinkError,
    },
    /// The last shard paused instead of halting: the proof does not cover the whole run.
    #[error("the last shard (shard {shard}) did not halt: the proof stops before the run ends")]
    NotHalted {
        /// The last shard's index, from 0.
        shard: usize,
    },
    /// A shard's proof is rejected.
    #[error("shard {shard}: {error}")]
    Shard {
        /// The shard's index in the proof, from 0.
        shard: usize,
        /// The zkVM verifier's rejection of the shard's segment proof.
        error: ZkvmError,
    },
    /// The claimed I/O does not fit the program (e.g. too many input bytes).
    #[error("{0}")]
    Statement(ZkvmError),
    /// The proof bytes do not decode.
    #[error("the proof is corrupt: its bytes do not decode")]
    Deserialization,
}
