//! The zkVM proof object, its commitments and the verifier's typed errors.

use super::boundary::PauseProof;
use super::byte_range::{ByteRangeError, ByteRangeProof};
use super::bytecode_checking::{BytecodeError, BytecodeProof};
use super::commitment_layout::Groups;
use super::io_check::{IoError, IoProof};
use super::preprocessing::PreprocessingError;
use super::read_write_memory::private_input::PrivateInputProof;
use super::read_write_memory::{RwError, RwProof};
use crate::commitment::ipa::IpaProof;
use crate::commitment::{CommitmentScheme, OpeningError};
use crate::field::Fr;
use crate::lasso::memory_checking::{MemoryCheckingError, MemoryCheckingProof};
use crate::lasso::surge::{SurgeError, SurgeProof};
use crate::opening_accumulator::{AccumulatorError, BatchedOpeningProof};
use crate::r1cs::spartan::{SpartanError, SpartanProof};
use crate::subprotocols::blindfold::BlindFoldError;
use crate::transcript::{labels, Absorb, Transcript};
use crate::utils::serialization::{from_bytes, impl_canonical_fields, to_bytes, SafeVec};

/// Every commitment of a proof, by the sub-proof that introduces it. Polynomials that several
/// sub-proofs use are committed once, in the first group that has them.
#[derive(Clone)]
pub struct JoltCommitments<PCS: CommitmentScheme> {
    /// The constraint system's columns, in column order (bytecode fields, register and RAM
    /// values, Surge's chunks, table flags and output are among them).
    pub witness: SafeVec<PCS::Commitment>,
    /// The bytecode's multiplicities.
    pub bytecode: SafeVec<PCS::Commitment>,
    /// Registers/RAM polynomials that are not constraint-system columns:
    /// [`RW_OWN_COLUMNS`], then the five final-state polynomials.
    pub read_write: SafeVec<PCS::Commitment>,
    /// Surge's `E_m` of the memories whose subtable is not the identity (an identity memory's
    /// `E_m` is its chunk, a constraint-system column), then the multiplicities `m_i`.
    pub surge: SafeVec<PCS::Commitment>,
    /// The byte range check's multiplicities.
    pub byte_range: SafeVec<PCS::Commitment>,
}

/// The cycle-side registers/RAM columns committed in [`JoltCommitments::read_write`] (the
/// others are constraint-system columns).
pub const RW_OWN_COLUMNS: [usize; 5] = {
    use super::read_write_memory::cols::*;
    [RD_OLD, GAP_RS1, GAP_RS2, GAP_RD, GAP_RAM]
};

impl<PCS: CommitmentScheme> JoltCommitments<PCS> {
    fn all(&self) -> [&SafeVec<PCS::Commitment>; 5] {
        [
            &self.witness,
            &self.bytecode,
            &self.read_write,
            &self.surge,
            &self.byte_range,
        ]
    }

    /// Absorbs every commitment, each group with its length first.
    pub fn append_to_transcript(&self, transcript: &mut Transcript) {
        for group in self.all() {
            transcript.append_u64(labels::NUM_VARS, group.len() as u64);
            for c in group.iter() {
                transcript.append(labels::COMMITMENT, c);
            }
        }
    }

    /// The groups, for the sub-checks to take their commitments from
    /// ([`super::commitment_layout`]).
    pub fn groups(&self) -> Groups<'_, PCS::Commitment> {
        Groups {
            witness: &self.witness,
            bytecode: &self.bytecode,
            read_write: &self.read_write,
            surge: &self.surge,
            byte_range: &self.byte_range,
        }
    }

    /// The number of commitments.
    pub fn len(&self) -> usize {
        self.all().iter().map(|g| g.len()).sum()
    }

    /// Whether there are none (never, for a well-formed proof).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<PCS: CommitmentScheme> PartialEq for JoltCommitments<PCS> {
    fn eq(&self, other: &Self) -> bool {
        self.all() == other.all()
    }
}

impl<PCS: CommitmentScheme> std::fmt::Debug for JoltCommitments<PCS> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JoltCommitments")
            .field("count", &self.len())
            .finish()
    }
}

impl_canonical_fields!([PCS: CommitmentScheme] JoltCommitments<PCS> where [] {
    witness, bytecode, read_write, surge, byte_range
});

/// A proof that a program, run on the public inputs, halted with the public outputs, panic
/// flag and exit code; or, for one segment of a longer run, that the machine goes from its
/// start ([`super::boundary::Start`]) to its end in its cycles.
#[derive(Clone)]
pub struct JoltProof<PCS: CommitmentScheme> {
    /// `log2` of the padded number of cycles.
    pub log_cycles: u32,
    /// The number of real cycles: the exit call's halting row is cycle `cycles − 1`.
    pub cycles: u64,
    /// `log2` of the number of RAM cells the proof covers.
    pub log_ram: u32,
    /// The pages of guest memory the RAM holds, increasing (see
    /// [`super::read_write_memory::MemoryInit`]).
    pub ram_pages: SafeVec<u32>,
    /// The commitments.
    pub commitments: JoltCommitments<PCS>,
    /// The uniform constraint system.
    pub spartan: SpartanProof<Fr>,
    /// The instruction lookups.
    pub surge: SurgeProof,
    /// Bytecode read-only memory checking.
    pub bytecode: BytecodeProof,
    /// Registers and RAM read-write memory checking.
    pub read_write: RwProof,
    /// The byte range check.
    pub byte_range: ByteRangeProof,
    /// The one grand product of the four memory checks (Surge, bytecode, registers and RAM,
    /// byte range, in that order: [`crate::lasso::memory_checking::prove_batch`]).
    pub memory_checking: MemoryCheckingProof<Fr>,
    /// A resumed segment: the initial RAM's opening at the RAM cell point against the state's
    /// page commitments ([`super::boundary::page_commitments::verify_opening`]).
    pub start_ram: Option<IpaProof>,
    /// A segment starting at the entry of a program with a private input region: the
    /// region's commitments and their opening ([`super::read_write_memory::private_input`]).
    pub private_input: Option<PrivateInputProof>,
    /// A halting segment: the I/O check of the final memory.
    pub io: Option<IoProof>,
    /// A paused segment: its state and what ties it to the run ([`PauseProof`]).
    pub pause: Option<PauseProof>,
    /// The one batched opening of every evaluation claim.
    pub opening: BatchedOpeningProof<PCS>,
}

impl_canonical_fields!([PCS: CommitmentScheme] JoltProof<PCS> where [] {
    log_cycles, cycles, log_ram, ram_pages, commitments, spartan, surge, bytecode, read_write, byte_range, memory_checking, start_ram, private_input, io, pause, opening
});

impl<PCS: CommitmentScheme> PartialEq for JoltProof<PCS> {
    fn eq(&self, other: &Self) -> bool {
        to_bytes(self) == to_bytes(other)
    }
}

impl<PCS: CommitmentScheme> std::fmt::Debug for JoltProof<PCS> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JoltProof")
            .field("log_cycles", &self.log_cycles)
            .field("cycles", &self.cycles)
            .field("log_ram", &self.log_ram)
            .field("ram_pages", &self.ram_pages.len())
            .field("bytes", &self.size_in_bytes())
            .finish()
    }
}

impl<PCS: CommitmentScheme> JoltProof<PCS> {
    /// The proof's encoding (compressed ark-serialize).
    pub fn to_bytes(&self) -> Vec<u8> {
        to_bytes(self)
    }

    /// Decodes a proof (validated, no trailing bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ZkvmError> {
        from_bytes(bytes).map_err(|_| ZkvmError::Deserialization)
    }

    /// The encoded size of each part, in field order.
    pub fn size_breakdown(&self) -> Vec<(&'static str, usize)> {
        use ark_serialize::CanonicalSerialize as S;
        vec![
            ("ram_pages", self.ram_pages.compressed_size()),
            ("commitments", self.commitments.compressed_size()),
            ("spartan", self.spartan.compressed_size()),
            ("surge", self.surge.compressed_size()),
            ("bytecode", self.bytecode.compressed_size()),
            ("read_write", self.read_write.compressed_size()),
            ("byte_range", self.byte_range.compressed_size()),
            ("memory_checking", self.memory_checking.compressed_size()),
            ("start_ram", self.start_ram.compressed_size()),
            ("private_input", self.private_input.compressed_size()),
            ("io", self.io.compressed_size()),
            ("pause", self.pause.compressed_size()),
            ("opening", self.opening.compressed_size()),
        ]
    }

    /// The size of [`Self::to_bytes`].
    pub fn size_in_bytes(&self) -> usize {
        ark_serialize::CanonicalSerialize::compressed_size(self)
    }
}

/// Why a zkVM proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZkvmError {
    /// The proof's statement does not fit the verifier key or the public I/O.
    #[error("statement: {0}")]
    Statement(String),
    /// The proof claims more cycles than the program's bound (or than it pads to, or none).
    #[error("the proof claims {cycles} cycles; the program's bound is {max_cycles} and the proof pads to {padded}")]
    Cycles {
        /// The run's cycles through the end of the proof's segment (its start cycle plus the
        /// proof's cycles; `u64::MAX` if that overflows).
        cycles: u64,
        /// The program's cycle bound, from the verifier key.
        max_cycles: u64,
        /// `2^n`: the number of cycles the proof pads to.
        padded: u64,
    },
    /// A commitment group has the wrong size.
    #[error("{what} commitments: expected {expected}, got {got}")]
    Commitments {
        /// The group (e.g. `"constraint-system"`, `"registers/RAM"`).
        what: &'static str,
        /// The number the verifier derives from its key.
        expected: usize,
        /// The number the proof has.
        got: usize,
    },
    /// The constraint system is not satisfied.
    #[error("{0}")]
    Spartan(SpartanError),
    /// An instruction lookup is wrong.
    #[error("{0}")]
    Surge(SurgeError),
    /// The grand product shared by the memory checks (lookups, bytecode, registers and RAM,
    /// byte range) failed.
    #[error("lookups, bytecode, registers and RAM, byte range: {0}")]
    MemoryChecking(MemoryCheckingError),
    /// A cycle did not execute a row of the program.
    #[error("{0}")]
    Bytecode(BytecodeError),
    /// Registers or RAM are inconsistent.
    #[error("{0}")]
    ReadWrite(RwError),
    /// A byte column is out of range.
    #[error("{0}")]
    ByteRange(ByteRangeError),
    /// The final memory does not hold the claimed outputs or panic flag.
    #[error("{0}")]
    Io(IoError),
    /// The proof does not end the way its statement says (halted or paused), or does not
    /// start the way it says (entry or resumed).
    #[error("the proof's ends do not match its statement: {0}")]
    Ends(&'static str),
    /// A paused segment's last cycle does not lead to its paused state's row.
    #[error("pause: {0}")]
    Transition(&'static str),
    /// A paused segment's final registers are not its paused state's.
    #[error("pause: the final registers are not the paused state's registers")]
    PausedRegisters,
    /// The RAM at a segment's start or end does not open against its state's page
    /// commitments.
    #[error("the {which} RAM does not match the state's page commitments: {error}")]
    Pages {
        /// `"start"` or `"end"`: which state's commitments.
        which: &'static str,
        /// How the page opening failed.
        error: OpeningError,
    },
    /// The private input's commitments do not fit the program's private input region, or the
    /// RAM does not open against them.
    #[error("the private input does not open against its commitments: {0}")]
    PrivateInput(OpeningError),
    /// The batched opening failed.
    #[error("{0}")]
    Opening(AccumulatorError),
    /// The zero-knowledge proof of the verifier's checks failed: the committed messages do
    /// not satisfy them.
    #[error("{0}")]
    BlindFold(BlindFoldError),
    /// The proof bytes do not decode.
    #[error("the proof is corrupt: its bytes do not decode")]
    Deserialization,
    /// The verifier key does not decode.
    #[error("{0}")]
    Key(PreprocessingError),
    /// The key's commitment parameters have a known trapdoor and were not allowed.
    #[error(
        "the verifier key was made with the INSECURE development SRS (its trapdoor is public, \
         so anyone can forge proofs against it): refused. To accept it for development, call \
         VerifierKey::allow_insecure_parameters (command line: jolt verify --allow-insecure)"
    )]
    InsecureParameters,
}
