//! Spartan for a uniform R1CS: proves that `K` committed columns `w_k` (each a multilinear
//! polynomial in `n_t = log T` variables) satisfy a [`UniformShape`] at every cycle.
//!
//! Notation: `c ∈ {0,1}^{n_c}` indexes constraints (`N` padded to `2^{n_c}` with empty rows),
//! `t ∈ {0,1}^{n_t}` cycles, and
//! `Az(t, c) = Σ_k A_cur[c][k] w_k(t) + A_one[c] + Σ_k A_next[c][k] w_k(t+1)` with
//! `w_k(T) := 0` (likewise `Bz`, `Cz`). The cross-step rows `X` are dropped at the last cycle by
//! the mask `m(t, c) = 1 − [c ∈ X]·[t = T−1]`.
//!
//! **Outer sumcheck** (degree 3, `n_t + n_c` rounds), with `τ` from the transcript:
//! ```text
//!   0 = Σ_{t,c} E(t,c) · (Az(t,c)·Bz(t,c) − Cz(t,c)),    E(t,c) = eq(τ,(t,c))·m(t,c)
//! ```
//! It ends at `r = (r_t, r_c)`; the prover sends `Az(r), Bz(r), Cz(r)` and the verifier checks
//! the reduced claim `= Ẽ(r)·(Az(r)·Bz(r) − Cz(r))`, where
//! `Ẽ(r) = eq(τ,r) − eq(τ_t,1…1)·eq(r_t,1…1)·Σ_{c∈X} eq(τ_c,c)·eq(r_c,c)`.
//!
//! **Inner sumcheck** (degree 2, `n_t` rounds), with `ρ = (ρ_A, ρ_B, ρ_C)` from the
//! transcript. Uniformity gives `Ãz(r) = Σ_t eq(r_t,t)·Az(t, r_c)`, hence
//! ```text
//!   ρ_A Az(r) + ρ_B Bz(r) + ρ_C Cz(r) − M_one
//!       = Σ_{s ∈ {0,1}^{n_t}} eq(r_t, s)·W_cur(s) + sh(r_t, s)·W_next(s)
//! ```
//! with `M = Σ_c eq(r_c,c)(ρ_A A + ρ_B B + ρ_C C)[c]` split into the column weights
//! `M_cur[k]`, `M_next[k]`, `M_one` ([`UniformShape::combine_rows`], `O(nnz)`),
//! `W_cur = Σ_k M_cur[k] w_k`, `W_next = Σ_k M_next[k] w_k`, and the shift polynomial
//! `sh(r, s) = Σ_{t < T−1} eq(r, t)·eq(s, t+1)` (evaluated in `O(n_t)` by [`shift_mle`]).
//! It ends at a point `s`; the prover sends `w_k(s)` for all `k`; the verifier checks the
//! reduced claim `= eq(r_t,s)·Σ_k M_cur[k] w_k(s) + sh(r_t,s)·Σ_k M_next[k] w_k(s)`.
//!
//! # Transcript
//! Absorbs the shape ([`UniformShape::append_to_transcript`]) and `n_t`, draws `τ`, runs the
//! outer sumcheck, absorbs `Az(r), Bz(r), Cz(r)`, draws `ρ`, runs the inner sumcheck,
//! absorbs the `w_k(s)`.
//!
//! # Soundness
//! The caller MUST have absorbed the commitments of the `w_k` before calling the prover /
//! verifier, and MUST then prove / check the returned [`WitnessClaims`] — `w_k(s) = v_k`
//! for every `k` — against those commitments (one batched opening through the opening
//! accumulator). The verifier takes the shape from the caller (built from code, never from
//! the proof). Cross-step rows are not enforced at `t = T − 1`: a caller that needs them there
//! must pad the trace.
//!
//! Variable order: `x_0` is the most significant bit everywhere; the outer point is
//! `r = (r_t ‖ r_c)`, cycle bits first (they are bound first).
//!
//! # Prover cost
//! No table of `T·2^{n_c}` entries is ever built: `E` stays factored (`eq(τ_t, ·)`,
//! `eq(τ_c, ·)` and the last-cycle mask), and `Az, Bz, Cz` are computed from the compact
//! witness columns in small integers, their weighted sums accumulated unreduced
//! ([`crate::field::WideSum`]): the first three cycle rounds from one integer pass
//! (`first_rounds`), further rounds streamed, and the rows materialized (bound) only once
//! they fit a fixed budget of `2^24` field elements (`outer`). The inner sumcheck holds four
//! tables of `T` field elements, built from the columns with table lookups for `u8` columns
//! (`columns`). The protocol and the proofs are the same as with dense tables. For the RV32IM
//! shape (80 rows, 71 columns) at `T = 2^20` the prover's peak is about 500 MB on top of the
//! witness (`cargo run --release -p jolt-core --example spartan 20`).
//!
//! [`UniformShape`]: super::shape::UniformShape
//! [`UniformShape::combine_rows`]: super::shape::UniformShape::combine_rows
//! [`UniformShape::append_to_transcript`]: super::shape::UniformShape::append_to_transcript

mod columns;
mod first_rounds;
mod outer;
pub mod prove;
mod rows;
pub mod verify;
pub mod zk;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod zk_tests;

pub use prove::prove;
pub use verify::verify;

use crate::field::JoltField;
use crate::subprotocols::sumcheck::{SumcheckError, SumcheckProof};
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// Transcript labels of this protocol.
pub mod labels {
    /// The uniform shape.
    pub const SHAPE: &[u8] = b"spartan_shape";
    /// `log2` of the number of cycles.
    pub const LOG_CYCLES: &[u8] = b"spartan_log_cycles";
    /// The outer zero-check point `τ`.
    pub const TAU: &[u8] = b"spartan_tau";
    /// `Az(r), Bz(r), Cz(r)`.
    pub const OUTER_CLAIMS: &[u8] = b"spartan_outer_claims";
    /// The coefficients `ρ` batching the three inner claims.
    pub const INNER_BATCHING: &[u8] = b"spartan_inner_batching";
    /// The witness evaluations `w_k(s)`.
    pub const WITNESS_EVALS: &[u8] = b"spartan_witness_evals";
}

/// A Spartan proof for a uniform R1CS.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct SpartanProof<F: JoltField> {
    /// The outer sumcheck (degree 3, `n_t + n_c` rounds).
    pub outer: SumcheckProof<F>,
    /// `Az(r)`.
    pub az: F,
    /// `Bz(r)`.
    pub bz: F,
    /// `Cz(r)`.
    pub cz: F,
    /// The inner sumcheck (degree 2, `n_t` rounds).
    pub inner: SumcheckProof<F>,
    /// `w_k(s)` for every column `k`.
    pub witness_evals: SafeVec<F>,
}

/// What Spartan reduces to: every column `w_k` evaluates to `evals[k]` at `point`.
/// The caller MUST prove (prover) / check (verifier) these against the commitments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WitnessClaims<F> {
    /// The point `s` (length `n_t`).
    pub point: Vec<F>,
    /// `w_k(s)`, one per column.
    pub evals: Vec<F>,
}

/// Why a Spartan proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpartanError {
    /// The statement is malformed (e.g. an absurd number of cycles).
    #[error("spartan: malformed statement ({0})")]
    Statement(&'static str),
    /// The outer sumcheck failed (shape, or its final check).
    #[error("spartan outer sumcheck: {0}")]
    Outer(SumcheckError),
    /// The inner sumcheck failed (shape, or its final check against the witness evaluations).
    #[error("spartan inner sumcheck: {0}")]
    Inner(SumcheckError),
    /// A zero-knowledge sumcheck's proof has the wrong shape.
    #[error("spartan: {0}")]
    Committed(crate::subprotocols::blindfold::BlindFoldError),
    /// The proof carries the wrong number of witness evaluations.
    #[error("spartan: expected {expected} witness evaluations, the proof has {got}")]
    WrongNumberOfWitnessEvals {
        /// Number of columns `K`.
        expected: usize,
        /// Evaluations in the proof.
        got: usize,
    },
}

/// Draws `ρ = (ρ_A, ρ_B, ρ_C)`.
pub(crate) fn draw_rho<F: JoltField>(transcript: &mut crate::transcript::Transcript) -> [F; 3] {
    use crate::transcript::Sample;
    [0, 1, 2].map(|_| transcript.challenge_scalar(labels::INNER_BATCHING))
}

/// Largest supported `log2(T)`.
pub const MAX_LOG_CYCLES: usize = 40;

/// `sh(r, s) = Σ_{t=0}^{T−2} eq(r, t)·eq(s, t+1)`, the MLE of "`s = t + 1`", in `O(n)`.
///
/// `t + 1` flips the trailing ones of `t` and the zero above them: summing over the position
/// `k` (from the least significant bit) of that zero,
/// `sh = Σ_k Π_{i<k} r_i(1−s_i) · (1−r_k)s_k · Π_{i>k} eq(r_i, s_i)` (bits counted from the
/// LSB, i.e. the points read backwards).
pub fn shift_mle<F: JoltField>(r: &[F], s: &[F]) -> F {
    if r.len() != s.len() {
        return F::ZERO;
    }
    // LSB first.
    let pairs: Vec<(F, F)> = r
        .iter()
        .rev()
        .copied()
        .zip(s.iter().rev().copied())
        .collect();
    // high[k] = Π_{i>k} eq(r_i, s_i), built from the top down.
    let mut high = vec![F::ONE; pairs.len()];
    let mut acc = F::ONE;
    for (h, (a, b)) in high.iter_mut().zip(&pairs).rev() {
        *h = acc;
        acc *= *a * b + (F::ONE - a) * (F::ONE - b);
    }
    let mut low = F::ONE;
    let mut sum = F::ZERO;
    for ((a, b), h) in pairs.iter().zip(&high) {
        sum += low * (F::ONE - a) * b * h;
        low *= *a * (F::ONE - b);
    }
    sum
}
