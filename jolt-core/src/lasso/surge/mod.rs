//! Surge: proves that every cycle's lookup output is the entry of its table,
//! ```text
//!   lookup_output(t) = T_{f(t)}[query(t)]     for t ∈ {0,1}^n   (0 for cycles without lookup)
//! ```
//! for a fixed, ordered set of decomposable tables (`&'static dyn Instruction`). Each table
//! entry is `g_f(s_1[dim_{i_1}], …)`: subtables `s` of `M = 2^16` entries read at the `C`
//! chunks `dim_i` of the query, combined by the collation polynomial `g_f`.
//!
//! # Committed witness (names from the Lasso paper)
//! * `dim_i` (`i < C`): the chunk indices of each cycle's query (`u16`);
//! * `E_m` for every **memory** `m = (subtable s, chunk i)` used by some table:
//!   `E_m(t) = s[dim_i(t)]`, read at every cycle;
//! * `m_i` (`i < C`): the multiplicities, `m_i(j)` the cycles reading cell `j` at chunk `i`.
//!   All memories of chunk `i` are read at the same addresses `dim_i`, so they share them;
//! * `flag_f`: one-hot table flags (all zero for a cycle without lookup);
//! * `lookup_output` (also what the constraint system uses).
//!
//! # Protocol
//! 1. Draw `r ∈ F^n`; the prover sends `lookup_output(r)`. **Primary sumcheck** (degree
//!    `2 + max deg g_f`):
//!    `Σ_x eq(r, x) · Σ_f flag_f(x) · g_f(E(x)) = lookup_output(r)`; at its point `r_z` the
//!    prover sends `flag_f(r_z)`, `E_m(r_z)`, and the verifier checks the reduced claim.
//! 2. **Lookups into the subtables** ([`crate::lasso::memory_checking::lookups`], by sums of
//!    fractions). All memories of chunk `i` are read at the same addresses `dim_i`, so they
//!    are **folded into one read-only memory per chunk** whose cell `j` holds the vector
//!    `(s[j])_{s ∈ S_i}`, `S_i` the subtables read at chunk `i` in memory order
//!    ([`SurgePreprocessing::chunk_memories`]):
//!    `Σ_t 1/h(dim_i(t), (E_m(t))_{m ∈ i}) = Σ_j m_i(j)/h(j, (s[j])_{s ∈ S_i})`, with the
//!    vector fingerprint `h = (a·γ^k + Σ_j v_j·γ^{k−j})·γ − τ`, `k = |S_i|`. That is `C`
//!    memories (two GKR vectors each) whatever the number of tables, instead of one per
//!    (subtable, chunk). Folding loses nothing: a read vector tuple that is a cell's tuple
//!    has every component in its component memory. At `r_cycle` the prover sends `dim_i` and
//!    `E_m`; `m_i(r_mem)` is the GKR's claim. The verifier computes the identity `j` and the
//!    subtable MLEs `s(r_mem)` ([`jolt_instructions::Subtable::evaluate_mle`]) itself and
//!    folds them the same way. Lookup errors name the chunk `i` as the memory.
//!
//! # Transcript
//! The caller absorbs the commitments ([`SurgeCommitments::append_to_transcript`]) first.
//! Surge absorbs the statement (table names, memory layout, `n`), then draws `r`, absorbs
//! `lookup_output(r)`, runs the sumcheck, absorbs the primary evaluations, draws `γ, τ`, runs
//! the grand products (in the zkVM, one shared with the other memory checks) and absorbs the
//! memory-checking evaluations.
//!
//! # Soundness
//! Every evaluation the prover sends is appended to the opening accumulator, whose batched
//! opening the caller **MUST** verify against the commitments (the [`standalone`] functions do
//! this). Both sides must build [`SurgePreprocessing`] from the same instruction list; it is
//! de-duplicated by name in a fixed order. The chunks are proven to be read from the tables;
//! tying them to the operands (per [`jolt_instructions::IndexPacking`]) is the constraint
//! system's job.
//!
//! Variable order: `x_0` is the most significant bit of a cycle or chunk index; chunk 0 is the
//! most significant chunk.

pub mod preprocessing;
mod primary;
pub mod prove;
pub mod standalone;
pub mod verify;
pub mod witness;
pub mod zk;

pub use preprocessing::SurgePreprocessing;
pub use prove::{prove, prove_evals, prove_lookups, SurgePrimary};
pub use standalone::{
    prove_standalone, verify_standalone, verify_standalone_bytes, SurgeStandaloneProof,
};
pub use verify::{verify, verify_evals, verify_lookups, SurgeVerified};
pub use witness::{SurgeCommitments, SurgeWitness};

use crate::field::Fr;
use crate::lasso::memory_checking::MemoryCheckingError;
use crate::opening_accumulator::AccumulatorError;
use crate::subprotocols::sumcheck::{SumcheckError, SumcheckProof};
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// A Surge proof (without its memory-checking grand product, the commitments and the final
/// batched opening).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct SurgeProof {
    /// `lookup_output(r)`.
    pub lookup_output_eval: Fr,
    /// The primary sumcheck.
    pub primary_sumcheck: SumcheckProof<Fr>,
    /// `flag_f(r_z)` for each table.
    pub flag_evals: SafeVec<Fr>,
    /// `E_m(r_z)` for each memory.
    pub primary_e_evals: SafeVec<Fr>,
    /// `dim_i(r_cycle)`.
    pub dim_evals: SafeVec<Fr>,
    /// `E_m(r_cycle)`.
    pub e_evals: SafeVec<Fr>,
}

/// Why a Surge proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SurgeError {
    /// A part of the proof or of the commitments has the wrong number of entries.
    #[error("surge: {what} has {got} entries, expected {expected}")]
    Shape {
        /// Which part.
        what: &'static str,
        /// Entries the statement requires.
        expected: usize,
        /// Entries present.
        got: usize,
    },
    /// A zero-knowledge sumcheck's proof has the wrong shape.
    #[error("surge: {0}")]
    Committed(crate::subprotocols::blindfold::BlindFoldError),
    /// The number of cycles is out of the supported range.
    #[error("surge: 2^{log_cycles} cycles is not supported (at most 2^{max})")]
    TooManyCycles {
        /// `n`.
        log_cycles: usize,
        /// Largest supported `n`.
        max: usize,
    },
    /// The primary sumcheck failed (including its final check).
    #[error("surge primary sumcheck: {0}")]
    PrimarySumcheck(SumcheckError),
    /// Memory checking failed.
    #[error("surge: {0}")]
    MemoryChecking(MemoryCheckingError),
    /// The batched opening failed (standalone verification).
    #[error("surge: {0}")]
    Opening(AccumulatorError),
    /// The proof bytes do not decode.
    #[error("surge: malformed proof bytes")]
    Deserialization,
}

/// Largest supported `n` (multiplicities are stored as `u32`).
pub const MAX_LOG_CYCLES: usize = 31;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod zk_tests;
