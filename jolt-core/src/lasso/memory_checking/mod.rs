//! Offline memory checking: multiset equality of memory accesses through fingerprints and
//! batched grand products, and lookups into read-only memories through sums of fractions,
//! for several memories at once (one GKR).
//!
//! Each memory access is a tuple `(a, v_1, …, v_k, t)` (address, `k ≥ 0` values stored at that
//! address, timestamp or access count), fingerprinted as
//! ```text
//!   h(a, v, t) = a·γ^{k+1} + Σ_{j=1..k} v_j·γ^{k+1−j} + t − τ      (γ, τ drawn from the transcript)
//!              = ((…((a·γ + v_1)·γ + v_2)…)·γ + v_k)·γ + t − τ       (Horner)
//! ```
//! For `k = 1` this is the usual `a·γ² + v·γ + t − τ` (registers, RAM, bytecode). A memory
//! with `k > 1` values is several memories read at the same addresses with the same counts or
//! timestamps (Surge folds all subtables of one chunk into one memory this way), so one grand
//! product per multiset covers all of them.
//!
//! Four multisets per memory: `init` and `final` over the `2^m` memory cells, `read` and
//! `write` over the `2^n` cycles. The argument proves, for every memory `k`,
//! ```text
//!   Π init_k · Π write_k = Π read_k · Π final_k
//! ```
//! with one batched grand product ([`crate::subprotocols::grand_product`]) over the
//! cycle-side vectors `[read_0, write_0, read_1, write_1, …]` (memory `k`'s of length
//! `2^{n_k}`, ending at its point `r_cycle_k`) followed by the memory-side vectors
//! `[init_0, final_0, …]` (length `2^{m_k}`, point `r_mem_k`), followed by the read-only
//! memories' `[reads_0, table_0, …]` ([`lookups`]). Memories of equal sizes share their
//! points.
//!
//! Several checks (each with its own fingerprint) may share **one** grand product
//! ([`prove_batch`], [`verify_batch`]): their vectors, each check's in the order above, are
//! batched together, so vectors of different checks share the layer sumchecks' rounds (a
//! proof pays the rounds of its deepest vector once instead of once per check). Each check
//! keeps its own multiset equations and leaf claims.
//!
//! * **Read-only, by logarithmic derivatives** ([`lookups`]: instruction lookups, bytecode,
//!   range checks): `Σ_t 1/h(a_t, v_t, 0) = Σ_i m_i/h(i, v_i, 0)`, two sums of fractions in
//!   the same GKR, without per-read counts.
//! * **Read-only, Lasso style** (products, as for a read-write memory): `init = (i, v_i, 0)`,
//!   `read = (a_t, v_t, c_t)`, `write = (a_t, v_t, c_t + 1)`, `final = (i, v_i, f_i)`, where
//!   `c_t` counts the earlier reads of `a_t` and `f_i` all reads of cell `i`.
//! * **Read-write, Spice style** (registers, RAM): `init = (i, v0_i, 0)`, `read = (a_t, v_old,
//!   t_old)`, `write = (a_t, v_new, t_now)`, `final = (i, v_final_i, t_final_i)`; the caller
//!   adds the range check `t_old < t_now`.
//!
//! The tuple polynomials come from the caller: it builds the leaves with
//! [`IntegerFingerprint::computed`] (one value, integer tuples) or
//! [`Fingerprint::leaves_vec`] (`k` values) and, after
//! [`verify::verify`], proves what each leaf vector is. Since `h` is `t − τ` plus a term
//! without `t`, `h(a, v, t + δ) = h(a, v, t) + δ`: a prover may derive `write` from `read` and
//! `final` from `init` by adding the count vector.
//!
//! # Transcript
//! The caller absorbs the commitments to every tuple polynomial, then draws `γ, τ` with
//! [`Fingerprint::draw`], then runs the grand product.
//!
//! # Soundness
//! [`verify::verify`] checks the grand products and the multiset equation. It returns the
//! leaf evaluations at `r_cycle` and `r_mem` ([`verify::MemoryCheckingClaims`]) that the
//! caller **MUST** check: each claim must equal `h(a(r), v(r), t(r))` for the tuple
//! polynomials' evaluations, through [`verify::MemoryCheckingClaims::check_cycle_side`] and
//! [`verify::MemoryCheckingClaims::check_memory_side`] (`h` is affine in every tuple entry,
//! so `h` of the evaluations is the evaluation of the leaves). The evaluations of committed
//! polynomials must then be opened; the **init-side evaluations (and any public column such as
//! the address `i` or a read-only table `v_i`) the verifier computes itself**, never from the
//! proof. **All four multisets of one memory must
//! use the same width `k`** (the caller fixes `k` per memory from public data; the checks
//! reject a read/write or init/final pair of different widths).
//!
//! ## Why the vector fingerprint is sound
//! Fix the width `k` and read `φ_X(u) = a·X^{k+1} + Σ_j v_j·X^{k+1−j} + t` as a polynomial in
//! `X` of degree `≤ k+1`. Its coefficients are exactly the entries of `u ∈ F^{k+2}`, so distinct
//! tuples give distinct polynomials (no range condition on the entries is needed, unlike a
//! packing such as `a + 2^16·v`), and by Schwartz–Zippel they collide at a random `γ` with
//! probability `≤ (k+1)/|F|`. Union-bounding over the pairs among the `N` distinct tuples of
//! both sides, `φ_γ` is injective on them except with probability `≤ N²(k+1)/(2|F|)`. Given
//! that, two different multisets of tuples are two different multisets of field elements
//! `{φ_γ(u)}`, so the monic polynomials `Π (φ_γ(u) − Y)` in `Y` (degree `N`, with those
//! roots) differ, and `τ`, drawn **separately** from `γ` (a `τ` derived from `γ` would not be
//! a fresh point of this polynomial), makes the products agree with probability `≤ N/|F|`.
//! (In one step: `Π (φ_X(u) − Y)` over the two multisets differ as polynomials in `(X, Y)` of
//! total degree `≤ N(k+1)`, so the failure probability is at most `N(k+1)/|F|`.) With
//! `N ≤ 2^33` and `k < 2^8` over the 254-bit field this is negligible; the grand products add
//! their own sumcheck error. The tuple entries must be fixed (committed) before `γ, τ` are
//! drawn, which the transcript order ensures.
//!
//! Variable order: `x_0` is the most significant bit of a cycle or cell index.

pub mod lookups;
pub mod prove;
pub mod verify;
pub mod zk;

pub use lookups::{LookupClaims, LookupLeaves, LookupOpenings};
pub use prove::{prove, prove_batch, CheckLeaves, MemoryCheckingOpenings};
pub use verify::{verify, verify_batch, CheckSetup, CheckStatement, MemoryCheckingClaims};

use crate::field::{JoltField, ScaledDigits, WideSum};
use crate::subprotocols::grand_product::{GrandProductError, GrandProductProof, Leaves};
use crate::transcript::Sample;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use std::sync::Arc;

/// The fingerprint challenges `(γ, τ)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint<F> {
    /// `γ`: combines address, values and timestamp.
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

    /// `h(a, v, t) = a·γ^{k+1} + Σ_j v_j·γ^{k+1−j} + t − τ` for `k = v.len()` values (Horner:
    /// `k + 1` multiplications).
    #[inline]
    pub fn h(&self, a: F, v: &[F], t: F) -> F {
        v.iter().fold(a, |acc, v| acc * self.gamma + v) * self.gamma + t - self.tau
    }

    /// [`Self::h`] of tuples of integers (one value or none), without multiplying; shared by
    /// the computed leaves that use it.
    pub fn integers(&self) -> Arc<IntegerFingerprint<F>> {
        Arc::new(IntegerFingerprint {
            a: ScaledDigits::new(self.gamma.square(), 64),
            v: ScaledDigits::new(self.gamma, 64),
            t: ScaledDigits::new(F::one(), 64),
            tau: self.tau,
        })
    }

    /// `h` of a tuple of evaluations.
    #[inline]
    pub fn of(&self, tuple: &TupleEvals<F>) -> F {
        self.h(tuple.a, &tuple.v, tuple.t)
    }

    /// The `len` leaves `h(a_i, v_i, t_i)` of a memory with `width` values: `tuple(i, v)`
    /// fills `v` (of length `width`) with `v_i` and returns `(a_i, t_i)`. In parallel, one
    /// value buffer per block.
    pub fn leaves_vec<G>(&self, len: usize, width: usize, tuple: G) -> Vec<F>
    where
        G: Fn(usize, &mut [F]) -> (F, F) + Send + Sync,
    {
        leaves_in_blocks(len, width, |i, v: &mut [F]| {
            let (a, t) = tuple(i, v);
            self.h(a, v, t)
        })
    }

    /// [`Self::leaves_vec`] for tuples of integers (`tuple(i, v)` fills `v` and returns
    /// `(a_i, t_i)`): each leaf `Σ` weight·integer is summed unreduced and reduced once
    /// ([`WideSum`]), instead of `k + 1` multiplications and `k` conversions.
    pub fn integer_leaves_vec<G>(&self, len: usize, width: usize, tuple: G) -> Vec<F>
    where
        G: Fn(usize, &mut [u64]) -> (u64, u64) + Send + Sync,
    {
        // The weights of a, v_0, …, v_{k−1}, t: γ^{k+1}, γ^k, …, γ, 1.
        let mut weights = vec![F::one(); width + 2];
        for i in (0..=width).rev() {
            weights[i] = weights[i + 1] * self.gamma;
        }
        leaves_in_blocks(len, width, |i, v: &mut [u64]| {
            let (a, t) = tuple(i, v);
            let mut sum = WideSum::ZERO;
            for (w, x) in weights
                .iter()
                .zip(std::iter::once(&a).chain(&*v).chain([&t]))
            {
                sum.add_mul_u64(w, *x);
            }
            sum.reduce() - self.tau
        })
    }
}

/// `leaf(i, v)` for `i < len`, in parallel blocks, each with one scratch buffer `v` of `width`
/// values.
fn leaves_in_blocks<F, T, L>(len: usize, width: usize, leaf: L) -> Vec<F>
where
    F: JoltField,
    T: Clone + Default,
    L: Fn(usize, &mut [T]) -> F + Send + Sync,
{
    const BLOCK: usize = 1 << 10;
    let mut out = vec![F::zero(); len];
    crate::cfg_chunks_mut!(out, BLOCK)
        .enumerate()
        .for_each(|(b, block)| {
            let mut v = vec![T::default(); width];
            for (k, out) in block.iter_mut().enumerate() {
                *out = leaf(b * BLOCK + k, &mut v);
            }
        });
    out
}

/// `h(a, v, t) = a·γ² + v·γ + t − τ` for one-value tuples of integers, from digit tables of
/// `γ²`, `γ` and `1` ([`ScaledDigits`]): additions only (about 4 MiB of tables per 16 bits).
pub struct IntegerFingerprint<F> {
    a: ScaledDigits<F>,
    v: ScaledDigits<F>,
    t: ScaledDigits<F>,
    tau: F,
}

impl<F: JoltField> IntegerFingerprint<F> {
    /// `h(a, v, t)`.
    #[inline]
    pub fn h(&self, a: u64, v: u64, t: u64) -> F {
        self.a.get(a) + self.v.get(v) + self.t.get(t) - self.tau
    }

    /// `h(a, ∅, t) = a·γ + t − τ`, the fingerprint of a tuple without values.
    #[inline]
    pub fn h_without_values(&self, a: u64, t: u64) -> F {
        self.v.get(a) + self.t.get(t) - self.tau
    }

    /// The `len` leaves `h(a_i, v_i, t_i)` of a one-value memory, computed when the grand
    /// product reads them (never stored), where `tuple(i) = (a_i, v_i, t_i)`.
    pub fn computed<'a, G>(self: &Arc<Self>, len: usize, tuple: G) -> Leaves<'a, F>
    where
        G: Fn(usize) -> (u64, u64, u64) + Send + Sync + 'a,
    {
        let fp = Arc::clone(self);
        Leaves::computed(len, move |i| {
            let (a, v, t) = tuple(i);
            fp.h(a, v, t)
        })
    }
}

/// The evaluations `a(r), v_1(r), …, v_k(r), t(r)` of one multiset's tuple polynomials at a
/// point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TupleEvals<F> {
    /// Address.
    pub a: F,
    /// Values (`k` of them; one for an ordinary memory).
    pub v: Vec<F>,
    /// Timestamp or access count.
    pub t: F,
}

impl<F> TupleEvals<F> {
    /// A tuple with `k = v.len()` values.
    pub fn new(a: F, v: Vec<F>, t: F) -> Self {
        Self { a, v, t }
    }

    /// A tuple with one value (registers, RAM, bytecode).
    pub fn single(a: F, v: F, t: F) -> Self {
        Self { a, v: vec![v], t }
    }

    /// `k`: the number of values.
    pub fn width(&self) -> usize {
        self.v.len()
    }
}

/// A memory-checking proof: one batched grand product over
/// `[read_0, write_0, read_1, write_1, …, init_0, final_0, init_1, final_1, …]`.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct MemoryCheckingProof<F: JoltField> {
    /// The grand product of every multiset.
    pub grand_product: GrandProductProof<F>,
}

/// A check's proof with its own grand product (a memory check proven on its own; in the
/// zkVM the checks share one, see [`prove_batch`]).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct CheckedProof<F: JoltField, P: CanonicalSerialize + CanonicalDeserialize> {
    /// The check's grand product.
    pub memory_checking: MemoryCheckingProof<F>,
    /// The rest of the check's proof.
    pub rest: P,
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
    /// The grand product failed.
    #[error("memory checking, grand product: {0}")]
    GrandProduct(GrandProductError),
    /// The two sides of a read-only memory's lookups differ (or a denominator is zero).
    #[error("memory checking: the lookups of read-only memory {memory} are not in its table")]
    LookupMismatch {
        /// Read-only memory index (among the check's read-only memories).
        memory: usize,
    },
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
    /// The read and write (or init and final) tuples of a memory have different widths.
    #[error("memory checking: {multiset:?} tuple of memory {memory} has {got} values, expected {expected}")]
    TupleWidth {
        /// Which multiset (write or final: the second of its pair).
        multiset: Multiset,
        /// Memory index.
        memory: usize,
        /// Width of the first tuple of the pair.
        expected: usize,
        /// Width supplied.
        got: usize,
    },
    /// A grand product's leaf claim does not match the fingerprint of the tuple evaluations.
    #[error(
        "memory checking: {multiset:?} leaf claim of memory {memory} does not match its tuple"
    )]
    LeafMismatch {
        /// Which multiset.
        multiset: Multiset,
        /// Memory index.
        memory: usize,
    },
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod zk_tests;
