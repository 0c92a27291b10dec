//! Registers and RAM: read-write offline memory checking with timestamps (the Spice pattern),
//! and the range check that makes every read come from the past.
//!
//! # Accesses
//! Cycle `t` makes four register-memory accesses in **slots** `j = 0..3` and one RAM access.
//! Each access reads `(a, v_old, t_old)` and writes `(a, v_new, T)` at its own timestamp `T`:
//! ```text
//!   slot 0: a = rs1, v_old = v_new = rs1_value,              T = 4t + 1
//!   slot 1: a = rs2, v_old = v_new = rs2_value,              T = 4t + 2
//!   slot 2: a = rd,  v_old = rd_old, v_new = rd_write,       T = 4t + 3
//!   slot 3: the zero tuple (0, 0, 0) read and written (a dummy that cancels out)
//!   RAM:    a = ram_word, v_old = ram_read, v_new = ram_write, T = t + 1
//! ```
//! A row that writes no register has `rd = 0` and `rd_write = 0`, so slot 2 rewrites x0 with 0.
//! RAM cell `0` (address 0) is the no-access cell of cycles without an access; the other
//! cells hold the words of the pages the run touches, a word `w` of guest memory at address
//! `WORD_OFFSET + w` ([`WORD_OFFSET`] `= 2^31`, the `ram_word` of an access to it), and every
//! other cell is at an address no access produces (see [`MemoryInit`] for the page layout).
//! An access's `ram_word` lies in `[2^30, 2^32)` (see [`crate::zkvm`]), so the cells an
//! access can use are exactly the listed words of guest memory ([`MemoryInit::address`]).
//!
//! The memories (`Spice`): `init = (i, v0_i, 0)`, `final = (i, v_final_i, t_final_i)`, and
//! `Π init · Π write = Π read · Π final` for each, with the vector fingerprint
//! `h(a, v, t) = a·γ² + v·γ + t − τ` ([`crate::lasso::memory_checking`]). Registers start at 0
//! except `sp`, at the stack top, and the stack guard register, at the stack's bottom (with
//! the stack guard, else 0); RAM starts with the program image and the inputs
//! ([`MemoryInit`], built by the verifier).
//! The register memory's cycle side is *slotted* (entry `j·2^n + t` is slot `j` of cycle `t`,
//! see [`super::memory_common`]), of length `2^{n+2}`.
//!
//! # Timestamp range check
//! Spice is sound only if every read timestamp is below its access's timestamp. A read
//! timestamp is committed as its **gap** `g = T − t_old` (mostly one byte where `t_old` takes
//! three), and the read tuple's timestamp `t_old = T − g` is affine in it. With
//! `d = g − 1 = T − 1 − t_old` per access (in a slotted vector of length `2^{n+2}`, slot 3 the
//! RAM access), lookups into the identity table of size `2^{n+2}` (a read-only memory of
//! cells `i` without values, by sums of fractions, [`crate::lasso::memory_checking::lookups`]:
//! `Σ 1/h(d) = Σ_i m_i/h(i)` with the multiplicities `m` committed) prove
//! `0 ≤ d < 2^{n+2}`, i.e. `t_old < T` (no wrap-around: `2^{n+2} ≪ p`). The verifier derives
//! `d` and `t_old` from the gaps (affine). The write timestamps are public functions of the
//! cycle index, computed by the verifier, never committed.
//!
//! # Committed witness
//! Cycle side (`2^n` each, [`cols`]): `rs1, rs2, rd, rs1_value, rs2_value, rd_old, rd_write,
//! gap_rs1, gap_rs2, gap_rd, ram_word, ram_read, ram_write, gap_ram`; memory side:
//! `reg_final_value, reg_final_ts` (`2^6`), `ram_final_value, ram_final_ts` (`2^m`),
//! the range multiplicities (`2^{n+2}`). In the zkVM the first seven and the RAM columns are the
//! constraint system's columns.
//!
//! # Soundness
//! The verifier computes every init tuple, every public address and every write timestamp
//! itself; the RAM init MLE costs `O(image + inputs)` plus the page list's size. All evaluations go to the
//! opening accumulator, whose batched opening the caller MUST verify. Left to the constraint
//! system: `rd_write = 0` when `rd = 0` (x0 is never written a non-zero value, so it reads 0),
//! `ram_write = ram_read` on cycles without a store, and that `ram_word` is 0 exactly on
//! cycles without an access, and that an access's `ram_word` lies in `[2^30, 2^32)`. The
//! memory check (with the timestamp range check) pins `ram_word` to the address of a cell
//! whose init and final tuples the verifier builds: an address matching no cell is rejected.
//! The verifier's address MLE costs `O(2^{m−p} + 2^p)` for pages of `2^p` words
//! ([`MemoryInit::address_mle`]). The caller's transcript must already bind the program and
//! the inputs; the RAM statement absorbed here binds the initial registers and the page list.
//!
//! Variable order: `x_0` is the most significant bit of an index (slot bits first).

pub mod page_commitments;
pub mod private_input;
pub mod private_input_zk;
pub mod prove;
mod ram_cells;
pub mod verify;
pub mod witness;
pub mod zk;

pub use prove::{leaves, leaves_with, prove, prove_evals, prove_standalone};
pub use ram_cells::{log_cells, pages_of, MemoryInit, PageError, LOG_PAGE};
pub use verify::{
    fingerprint_setup, memory_checking_error, verify, verify_evals, verify_fingerprint,
    verify_standalone, verify_standalone_bytes,
};
pub use witness::{accesses, CycleAccess, RwWitness};

use super::memory_common::StandaloneProof;
use crate::field::Fr;
use crate::lasso::memory_checking::{CheckedProof, MemoryCheckingError};
use crate::opening_accumulator::AccumulatorError;
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// `log2` of the register memory size (32 + virtual registers, padded).
pub const LOG_REGISTERS: usize = jolt_instructions::REGISTER_COUNT
    .next_power_of_two()
    .trailing_zeros() as usize;
/// Slots per cycle in the register and range memories.
pub const LOG_SLOTS: usize = 2;
/// Largest supported `n`.
pub const MAX_LOG_CYCLES: usize = 29;

/// Cycle-side column indices.
pub mod cols {
    /// `rs1`: the register slot 0 reads.
    pub const RS1: usize = 0;
    /// `rs2`: the register slot 1 reads.
    pub const RS2: usize = 1;
    /// `rd`: the register slot 2 writes (0 when the row writes none).
    pub const RD: usize = 2;
    /// The value read from `rs1` (slot 0 reads and rewrites it).
    pub const RS1_VALUE: usize = 3;
    /// The value read from `rs2` (slot 1 reads and rewrites it).
    pub const RS2_VALUE: usize = 4;
    /// `rd`'s value before the cycle, which slot 2 reads.
    pub const RD_OLD: usize = 5;
    /// The value slot 2 writes to `rd` (0 when the row writes no register).
    pub const RD_WRITE: usize = 6;
    /// The read gap `T − t_old` of slot 0: its timestamp `T` minus the timestamp `t_old` of
    /// the last write of `rs1` (0 if never). Mostly one byte, where `t_old` takes three.
    pub const GAP_RS1: usize = 7;
    /// The read gap of slot 1 (`rs2`).
    pub const GAP_RS2: usize = 8;
    /// The read gap of slot 2 (`rd`).
    pub const GAP_RD: usize = 9;
    /// The RAM cell address of the cycle's access ([`ram_word`](super::ram_word)), 0 without one.
    pub const RAM_WORD: usize = 10;
    /// The word the RAM access reads (the cell's value before the cycle).
    pub const RAM_READ: usize = 11;
    /// The word the RAM access writes (equal to the read on cycles without a store).
    pub const RAM_WRITE: usize = 12;
    /// The read gap of the RAM access: its timestamp `t + 1` minus the cycle + 1 of the cell's
    /// last write (0 if never).
    pub const GAP_RAM: usize = 13;
    /// Cycle-side columns.
    pub const NUM: usize = 14;
    /// Register columns opened at the register point (`RS1..=GAP_RD`).
    pub const NUM_REG: usize = 10;
    /// RAM columns opened at the RAM point (`RAM_WORD..=GAP_RAM`).
    pub const NUM_RAM: usize = 4;
    /// Range columns opened at the range point: the four read gaps.
    pub const RANGE_OPENED: [usize; 4] = [GAP_RS1, GAP_RS2, GAP_RD, GAP_RAM];
}

/// Committed polynomials: the cycle columns, then reg final value/ts, RAM final value/ts,
/// the range multiplicities.
pub const NUM_POLYS: usize = cols::NUM + 5;

/// `ram_word` of an access to the word at byte address `4·w`: `WORD_OFFSET + w` (0 is the
/// no-access cell, which no access can reach; see the module documentation).
pub const WORD_OFFSET: u64 = 1 << 31;
/// Memory-side address of padding cell `j` (above the guest memory): `PADDING_ADDRESS + j`,
/// a value no access can produce.
pub const PADDING_ADDRESS: u64 = 1 << 32;

/// The `ram_word` of a cycle: `WORD_OFFSET + address / 4` for a load or store, 0 otherwise.
pub fn ram_word(access: bool, address: u32) -> u64 {
    if access {
        WORD_OFFSET + u64::from(address / 4)
    } else {
        0
    }
}

/// A registers-and-RAM proof (without its grand product, commitments and opening): the
/// tuple evaluations at the grand product's points (registers, RAM and the timestamp range
/// check, in [`RwMemory`] order).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct RwProof {
    /// `RS1..=GAP_RD` at the register cycle point.
    pub reg_cycle_evals: SafeVec<Fr>,
    /// Final value and timestamp at the register cell point.
    pub reg_final_evals: SafeVec<Fr>,
    /// `RAM_WORD..=GAP_RAM` at the RAM cycle point.
    pub ram_cycle_evals: SafeVec<Fr>,
    /// Final value and timestamp at the RAM cell point.
    pub ram_final_evals: SafeVec<Fr>,
    /// [`cols::RANGE_OPENED`] at the range cycle point (the multiplicities' evaluation at
    /// the range cell point is the GKR's claim).
    pub range_cycle_evals: SafeVec<Fr>,
}

/// The claims on the final state that a registers-and-RAM proof leaves in the accumulator:
/// the final register values and the final RAM values, each at a cell point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinalClaims {
    /// The register cell point ([`LOG_REGISTERS`] coordinates).
    pub register_point: Vec<Fr>,
    /// The final register values' MLE there.
    pub register_value: Fr,
    /// The RAM cell point (`m` coordinates).
    pub ram_point: Vec<Fr>,
    /// The final RAM values' MLE there.
    pub ram_value: Fr,
}

/// A self-contained registers-and-RAM proof.
pub type RwStandaloneProof<PCS> = StandaloneProof<PCS, CheckedProof<Fr, RwProof>>;

/// Which memory an error is about (also their order in the one memory-checking proof).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RwMemory {
    /// The register file: four accesses per cycle, in slots.
    Registers,
    /// RAM: at most one access per cycle.
    Ram,
    /// The timestamp range check (the check's one read-only memory).
    TimestampRange,
}

impl RwMemory {
    /// The memory at `index` of the memory-checking proof.
    pub fn from_index(index: usize) -> Option<Self> {
        [Self::Registers, Self::Ram, Self::TimestampRange]
            .get(index)
            .copied()
    }
}

/// Why a registers-and-RAM proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RwError {
    /// A wrong number of commitments or evaluations.
    #[error("read-write memory: {what} has {got} entries, expected {expected}")]
    Shape {
        /// The part of the proof or statement with the wrong length (e.g. `"cycle evaluations"`).
        what: &'static str,
        /// The length the verifier derives from the statement.
        expected: usize,
        /// The length it has.
        got: usize,
    },
    /// Too many cycles.
    #[error("read-write memory: 2^{0} cycles is not supported")]
    TooManyCycles(usize),
    /// A memory check failed.
    #[error("read-write memory, {memory:?}: {error}")]
    MemoryChecking {
        /// The memory whose check failed.
        memory: RwMemory,
        /// How its check failed.
        error: MemoryCheckingError,
    },
    /// The grand product shared by the three memories failed.
    #[error("read-write memory: {0}")]
    GrandProduct(MemoryCheckingError),
    /// The batched opening failed.
    #[error("read-write memory: {0}")]
    Opening(AccumulatorError),
    /// The proof bytes do not decode.
    #[error("read-write memory: malformed proof bytes")]
    Deserialization,
}

const STATEMENT: &[u8] = b"rw_memory_statement";
const EVALS: &[u8] = b"rw_memory_evals";

fn statement(ram: &MemoryInit, log_cycles: usize, transcript: &mut crate::transcript::Transcript) {
    use crate::transcript::Absorb;
    for x in [
        log_cycles as u64,
        LOG_REGISTERS as u64,
        ram.registers.len() as u64,
        ram.log_size as u64,
        ram.first_word,
        ram.end_word,
        ram.pages.len() as u64,
    ] {
        transcript.append_u64(STATEMENT, x);
    }
    for &x in ram.registers.iter().chain(&ram.pages) {
        transcript.append_u64(STATEMENT, x.into());
    }
}
