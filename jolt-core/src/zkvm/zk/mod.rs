//! The zero-knowledge mode of the zkVM (Dory only): a proof that reveals nothing about the
//! run beyond its public statement: the program (the key), the public inputs, the outputs,
//! the panic flag, the exit code and the padded length `2^n`.
//!
//! # What changes from the transparent proof ([`super::prover`], [`super::verifier`])
//! * **Commitments** are hiding: every Dory commitment is `C + ρ·HT` with a fresh `ρ`
//!   ([`crate::commitment::dory::zk`]).
//! * **Messages**: every sumcheck round, GKR round and layer claim, and every evaluation is a
//!   hiding Pedersen row of one BlindFold circuit
//!   ([`Circuit`](crate::subprotocols::blindfold::Circuit)); the verifier's checks over them
//!   are the circuit's constraints, proven at the end by one [`BlindFoldProof`]
//!   ([`crate::subprotocols::blindfold`]). Only commitments and public data enter the
//!   transcript.
//! * **The opening** is Dory's zero-knowledge evaluation proof of the combined claims, whose
//!   value stays committed ([`crate::opening_accumulator::zk`]).
//! * **The statement** hides what the transparent proof states about the run itself:
//!   - the cycle count: only `2^n` is public. Instead of the halting claim at cycle
//!     `cycles − 1`, the last cycle is the halting row or padding (`halt(2^n − 1) +
//!     noop(2^n − 1) = 1`, with `halt(2^n − 1)` hidden), which with the constraint "padding
//!     starts only after the halting row and never ends" means the run halted exactly once
//!     and then only padded; and the exit code is the final value of `a0` (padding writes
//!     no register), an opening of the final registers at `a0`'s cell.
//!   - the RAM's page list: the RAM holds every page of guest memory, so it does not follow
//!     the pages the run touches ([`zk_pages`]). A zero-knowledge proof's RAM costs the
//!     layout's whole `memory_size`; keep it small.
//! * **The private input region** is one hiding commitment, tied to the initial RAM by a
//!   committed sumcheck ([`crate::zkvm::read_write_memory::private_input_zk`]).
//! * Continuations (pause and resume) are not supported in this mode: a zero-knowledge proof
//!   is of a whole run.
//!
//! # Soundness
//! Each sub-check is its transparent counterpart with the checks recorded as constraints
//! under the same challenges; BlindFold makes the committed messages satisfy them, and the
//! zero-knowledge opening binds the hidden evaluations to the hiding commitments. The cycle
//! bound is the padded length: a zero-knowledge proof shows a run of at most `2^n ≤
//! 2^⌈log2 max_cycles⌉` cycles.
//!
//! # Zero knowledge
//! A simulator that knows only the statement samples every commitment and row as a random
//! group element (hiding, perfectly), runs the public-coin challenges, and simulates the
//! zero-knowledge Dory proof and BlindFold (both honest-verifier zero-knowledge: a folded
//! instance with a uniformly random instance is uniform, see
//! [`crate::subprotocols::blindfold`]). The proof's shape depends only on the key and `n`.

pub mod prover;
pub mod verifier;

use super::byte_range_zk::ZkByteRangeProof;
use super::bytecode_zk::ZkBytecodeProof;
use super::io_check_zk::ZkIoProof;
use super::preprocessing::VerifierKey;
use super::proof::{JoltCommitments, ZkvmError};
use super::read_write_memory::private_input_zk::ZkPrivateInputProof;
use super::read_write_memory::zk::ZkRwProof;
use super::read_write_memory::{pages_of, LOG_REGISTERS};
use super::statement::guest_words;
use crate::commitment::dory::Dory;
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::lasso::memory_checking::zk::ZkMemoryCheckingProof;
use crate::lasso::surge::zk::ZkSurgeProof;
use crate::opening_accumulator::zk::ZkOpeningProof;
use crate::r1cs::spartan::zk::ZkSpartanProof;
use crate::subprotocols::blindfold::BlindFoldProof;
use crate::utils::serialization::{from_bytes, to_bytes};
use ark_bn254::G1Affine;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

pub use prover::prove_zk;
/// The operating system's randomness: the generator a zero-knowledge proof's blinds should
/// come from outside tests.
pub use rand::rngs::OsRng;
pub use verifier::{verify_zk, verify_zk_bytes};

/// The transcript's domain of zero-knowledge proofs (distinct from the transparent one).
pub const ZK_DOMAIN: &[u8] = b"jolt zkvm zero-knowledge proof";

/// The transcript label of the row of `halt(2^n − 1)`.
const HALT: &[u8] = b"zkvm_halt_row";

/// The register whose final value is the exit code.
const A0: usize = 10;

/// A zero-knowledge proof that a program, run on the public inputs, halted with the public
/// outputs, panic flag and exit code (see the [module documentation](self)).
#[derive(Clone, Debug, PartialEq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkJoltProof {
    /// `log2` of the padded number of cycles (the only length the proof states).
    pub log_cycles: u32,
    /// The hiding commitments.
    pub commitments: JoltCommitments<Dory>,
    /// The uniform constraint system.
    pub spartan: ZkSpartanProof,
    /// The row of `halt(2^n − 1)`.
    pub halt: G1Affine,
    /// The instruction lookups, with their own grand product.
    pub surge: ZkSurgeProof,
    /// The one grand product of the bytecode, registers/RAM and byte range checks.
    pub memory_checking: ZkMemoryCheckingProof,
    /// Bytecode memory checking.
    pub bytecode: ZkBytecodeProof,
    /// Registers and RAM.
    pub read_write: ZkRwProof,
    /// The byte range check.
    pub byte_range: ZkByteRangeProof,
    /// The I/O check of the final memory.
    pub io: ZkIoProof,
    /// A program with a private input region: the region's commitment and its tie to the
    /// initial RAM.
    pub private_input: Option<ZkPrivateInputProof>,
    /// The zero-knowledge opening of every claim.
    pub opening: ZkOpeningProof,
    /// The proof that the committed messages satisfy every check.
    pub blindfold: BlindFoldProof,
}

impl ZkJoltProof {
    /// The proof's encoding (compressed ark-serialize).
    pub fn to_bytes(&self) -> Vec<u8> {
        to_bytes(self)
    }

    /// Decodes a proof (validated, no trailing bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ZkvmError> {
        from_bytes(bytes).map_err(|_| ZkvmError::Deserialization)
    }
}

/// The RAM pages of a zero-knowledge proof: every page of guest memory, so the list depends
/// only on the key.
pub fn zk_pages<PCS: CommitmentScheme>(vk: &VerifierKey<PCS>) -> Vec<u32> {
    let (first, end) = guest_words(&vk.layout);
    pages_of(first, end)
        .filter_map(|p| u32::try_from(p).ok())
        .collect()
}

/// The register cell point of `a0` (most significant bit first).
fn a0_point() -> Vec<Fr> {
    (0..LOG_REGISTERS)
        .rev()
        .map(|bit| {
            if A0 >> bit & 1 == 1 {
                Fr::ONE
            } else {
                Fr::ZERO
            }
        })
        .collect()
}

/// The cycle point of the last cycle `2^n − 1`.
fn last_cycle_point(n: usize) -> Vec<Fr> {
    vec![Fr::ONE; n]
}

/// The cycle point of cycle 0.
fn first_cycle_point(n: usize) -> Vec<Fr> {
    vec![Fr::ZERO; n]
}
