//! Offline memory checking: multiset equality of memory accesses through fingerprints and
//! batched grand products, for `k` memories at once.
//!
//! Each memory access is a tuple `(a, v, t)` (address, value, timestamp or access count),
//! fingerprinted as
//! ```text
//!   h(a, v, t) = a·γ² + v·γ + t − τ          (γ, τ drawn from the transcript)
//! ```
//! Four multisets per memory: `init` and `final` over the `2^m` memory cells, `read` and
//! `write` over the `2^n` cycles. The argument proves, for every memory `k`,
//! ```text
//!   Π init_k · Π write_k = Π read_k · Π final_k
//! ```
//! with two batched grand products ([`crate::subprotocols::grand_product`]): one over the
//! `2k` cycle-side vectors `[read_0, write_0, read_1, write_1, …]` (length `2^n`, point
//! `r_cycle`), one over the `2k` memory-side vectors `[init_0, final_0, …]` (length `2^m`,
//! point `r_mem`).
//!
//! * **Read-only, Lasso style** (lookups, bytecode): `init = (i, v_i, 0)`, `read = (a_t, v_t,
//!   c_t)`, `write = (a_t, v_t, c_t + 1)`, `final = (i, v_i, f_i)`, where `c_t` counts the
//!   earlier reads of `a_t` and `f_i` all reads of cell `i`.
//! * **Read-write, Spice style** (registers, RAM): `init = (i, v0_i, 0)`, `read = (a_t, v_old,
//!   t_old)`, `write = (a_t, v_new, t_now)`, `final = (i, v_final_i, t_final_i)`; the caller
//!   adds the range check `t_old < t_now`.
//!
//! The tuple polynomials come from the caller: it builds the leaves with
//! [`Fingerprint::leaves`] and, after [`verify::verify`], proves what each leaf vector is.
//!
//! # Transcript
//! The caller absorbs the commitments to every tuple polynomial, then draws `γ, τ` with
//! [`Fingerprint::draw`]. The cycle-side grand product runs first, then the memory side.
//!
//! # Soundness
//! [`verify::verify`] checks the grand products and the multiset equation. It returns the
//! leaf evaluations at `r_cycle` and `r_mem` ([`verify::MemoryCheckingClaims`]) that the
//! caller **MUST** check: each claim must equal `h(a(r), v(r), t(r))` for the tuple
//! polynomials' evaluations, through [`verify::MemoryCheckingClaims::check_cycle_side`] and
//! [`verify::MemoryCheckingClaims::check_memory_side`]. The evaluations of committed
//! polynomials must then be opened; the **init-side evaluations (and any public column such as
//! the address `i` or a read-only table `v_i`) the verifier computes itself**, never from the
//! proof. All memories of one call share `n` and `m`; a fingerprint is zero with probability
//! `≤ 1/|F|` per leaf.
//!
//! Variable order: `x_0` is the most significant bit of a cycle or cell index.

pub mod prove;
pub mod verify;

pub use prove::{prove, MemoryCheckingOpenings};
pub use verify::{verify, MemoryCheckingClaims};

use crate::field::JoltField;
use crate::subprotocols::grand_product::{GrandProductError, GrandProductProof};
use crate::transcript::Sample;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// The fingerprint challenges `(γ, τ)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint<F> {
    /// `γ`: combines address, value and timestamp.
    pub gamma: F,
    /// `τ`: the shift that makes the product a fingerprint of the multiset.
    pub tau: F,
}

impl<F: JoltField> Fingerprint<F> {
    /// Draws `γ, τ` (after the caller absorbed the commitments to the tuple polynomials).
    pub fn draw<T: Sample>(transcript: &mut T) -> Self {
        let gamma = transcript.challenge_scalar(super::labels::MEMORY_CHECKING_GAMMA);
        let tau = transcript.challenge_scalar(super::labels::MEMORY_CHECKING_TAU);
        Self { gamma, tau }
    }

    /// `h(a, v, t) = a·γ² + v·γ + t − τ`.
    #[inline]
    pub fn h(&self, a: F, v: F, t: F) -> F {
        (a * self.gamma + v) * self.gamma + t - self.tau
    }

    /// `h` of a tuple of evaluations.
    #[inline]
    pub fn of(&self, tuple: &TupleEvals<F>) -> F {
        self.h(tuple.a, tuple.v, tuple.t)
    }

    /// The `len` leaves `h(tuple(i))`, in parallel.
    pub fn leaves<G>(&self, len: usize, tuple: G) -> Vec<F>
    where
        G: Fn(usize) -> (F, F, F) + Send + Sync,
    {
        crate::cfg_into_iter!(0..len)
            .map(|i| {
                let (a, v, t) = tuple(i);
                self.h(a, v, t)
            })
            .collect()
    }
}

/// The evaluations `a(r), v(r), t(r)` of one multiset's tuple polynomials at a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TupleEvals<F> {
    /// Address.
    pub a: F,
    /// Value.
    pub v: F,
    /// Timestamp or access count.
    pub t: F,
}

/// A memory-checking proof: the two batched grand products.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct MemoryCheckingProof<F: JoltField> {
    /// Over `[read_0, write_0, read_1, write_1, …]` (cycle side).
    pub read_write: GrandProductProof<F>,
    /// Over `[init_0, final_0, init_1, final_1, …]` (memory side).
    pub init_final: GrandProductProof<F>,
}

/// One of the four multisets of a memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Multiset {
    /// Initial contents.
    Init,
    /// Reads.
    Read,
    /// Writes.
    Write,
    /// Final contents.
    Final,
}

/// Why memory checking rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemoryCheckingError {
    /// A statement with no memory.
    #[error("memory checking: no memories")]
    NoMemories,
    /// The cycle-side grand product failed.
    #[error("memory checking, read/write grand product: {0}")]
    ReadWrite(GrandProductError),
    /// The memory-side grand product failed.
    #[error("memory checking, init/final grand product: {0}")]
    InitFinal(GrandProductError),
    /// `init · write ≠ read · final` for a memory.
    #[error("memory checking: multiset equality fails for memory {memory}")]
    MultisetMismatch {
        /// Memory index.
        memory: usize,
    },
    /// The caller supplied a wrong number of tuple evaluations.
    #[error("memory checking: expected {expected} tuple evaluations for {multiset:?}, got {got}")]
    TupleCount {
        /// Which multiset.
        multiset: Multiset,
        /// Number of memories.
        expected: usize,
        /// Tuples supplied.
        got: usize,
    },
    /// A grand product's leaf claim does not match the fingerprint of the tuple evaluations.
    #[error("memory checking: {multiset:?} leaf claim of memory {memory} does not match its tuple")]
    LeafMismatch {
        /// Which multiset.
        multiset: Multiset,
        /// Memory index.
        memory: usize,
    },
}

#[cfg(test)]
mod tests;
