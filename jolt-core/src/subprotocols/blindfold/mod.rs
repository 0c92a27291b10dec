//! BlindFold: proves in zero knowledge that the checks a verifier would make on a proof's
//! hidden messages all hold.
//!
//! A zero-knowledge prover commits to each message (a round polynomial, a block of
//! evaluations) as a hiding Pedersen row ([`pedersen`]), and the verifier records its checks
//! on them as a [`Circuit`] ([`circuit`]; for sumchecks, [`sumcheck`]). BlindFold then proves
//! that the committed rows satisfy the circuit, seen as a relaxed R1CS ([`r1cs`]):
//! ```text
//!   (A z) ∘ (B z) = u · (C z) + E,      z = (W, u, 0, …)
//! ```
//! 1. **Real instance** `(W₁, u₁ = 1, E₁ = 0)`: `W₁`'s message rows are the commitments
//!    already sent; the prover commits the auxiliary rows (products) now.
//! 2. **Random instance** `(W₂, u₂, E₂)`: `W₂` and `u₂` uniform, `E₂ = A z₂ ∘ B z₂ − u₂ C z₂`;
//!    the prover commits `W₂`'s rows and `E₂`'s, and sends `u₂`.
//! 3. **Cross term** `T = A z₁ ∘ B z₂ + A z₂ ∘ B z₁ − u₁ C z₂ − u₂ C z₁`, committed by rows.
//! 4. **Fold** with a challenge `r ≠ 0` (Nova): `W = W₁ + r W₂`, `u = 1 + r u₂`,
//!    `E = r T + r² E₂`; both sides fold the commitments, the prover the blinds.
//! 5. **Spartan** on the folded instance, in the clear: the outer sumcheck
//!    `Σ_x eq(τ, x) · (Az(x) Bz(x) − u Cz(x) − E(x)) = 0` (degree 3) gives `r_x` and the
//!    claims `Az(r_x), Bz(r_x), Cz(r_x)`; `E(r_x)` is opened from the folded `E` rows. The
//!    inner sumcheck `Σ_y M(r_x, y) z(y) = Az + ρ Bz + ρ² Cz` with
//!    `M = A + ρB + ρ²C` (degree 2) gives `r_y`; the verifier evaluates `M(r_x, r_y)` itself
//!    from the sparse matrices and opens `W̃` from the folded `W` rows ([`opening`]).
//!
//! # Soundness
//! Pedersen rows are binding (discrete log in G1), so every message is fixed before the
//! challenge that follows it. The verifier fixes the real instance's `u₁ = 1` and `E₁ = 0`
//! itself (`E₁` has no commitment), so from two accepting foldings of one real instance the
//! knowledge extractor of Nova obtains a `W₁` satisfying the **strict** R1CS, and Spartan and
//! the row openings are sound for the folded relation (error `O((k + ℓ)/|F|)`). A satisfying
//! `W₁` is exactly a set of messages the transparent verifier accepts under the same
//! challenges, since those challenges come from the one main transcript. Everything is
//! absorbed before the challenges that depend on it: the auxiliary rows, the random
//! instance, `u₂` and the cross term before `r`; then Spartan's messages in order.
//!
//! # Zero knowledge
//! Simulator, in the random-oracle model: every message row commitment is a uniform group
//! element (its blind is uniform). For BlindFold, since `W₂`, `u₂` are uniform and `r ≠ 0`, the
//! folded `(W, u)` is uniform and independent of `W₁`, and `E` is a function of it. The
//! simulator samples `(W, u)` and folded blinds, computes `E`, samples `r`, the auxiliary and
//! the cross-term commitments uniformly, and solves the random instance's commitments and `u₂`
//! from the folded ones: `C_{W₂} = (C_W − C_{W₁}) / r`, `u₂ = (u − 1) / r`,
//! `C_{E₂} = (C_E − r C_T) / r²`. Spartan's messages and the two openings are computed from
//! `(W, u, E)` and their blinds alone, so they are distributed as in a real proof. The random
//! instance uses fresh blinds on every row.
//!
//! # What it costs
//! With `2^ℓ` grid rows and `2^k` constraints: the prover commits `2^ℓ` random rows and
//! `2 · 2^{⌊k/2⌋}` rows of `2^{⌈k/2⌉}` for `E₂` and `T`, runs two sumchecks of `k` and
//! `ℓ + 4` rounds and two row openings; the verifier does two MSMs of about `2^{ℓ+1}` and
//! `2^{⌊k/2⌋+1}` points and evaluates the matrices in `O(nnz)`.

pub mod circuit;
pub mod equality;
pub mod interpolation;
pub mod opening;
pub mod pedersen;
mod prove;
pub mod r1cs;
pub mod sumcheck;
mod verify;

pub use circuit::{Circuit, Lc, ROW_WIDTH};
pub use opening::RowOpening;
pub use pedersen::PedersenGenerators;
pub use prove::prove;
pub use verify::verify;

use crate::field::Fr;
use crate::subprotocols::sumcheck::{SumcheckError, SumcheckProof};
use crate::transcript::{Absorb, Transcript};
use crate::utils::serialization::SafeVec;
use ark_bn254::G1Affine;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// Labels of BlindFold's messages and challenges.
mod labels {
    pub(super) const AUX_ROWS: &[u8] = b"blindfold_aux_rows";
    pub(super) const RANDOM_INSTANCE: &[u8] = b"blindfold_random_instance";
    pub(super) const CROSS_TERM: &[u8] = b"blindfold_cross_term";
    pub(super) const FOLD: &[u8] = b"blindfold_fold";
    pub(super) const TAU: &[u8] = b"blindfold_tau";
    pub(super) const OUTER_EVALS: &[u8] = b"blindfold_outer_evals";
    pub(super) const INNER_BATCHING: &[u8] = b"blindfold_inner_batching";
}

/// The proof that a circuit's committed rows satisfy it.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct BlindFoldProof {
    /// The real instance's auxiliary rows.
    pub aux_rows: SafeVec<G1Affine>,
    /// The random instance's `W₂` rows.
    pub random_rows: SafeVec<G1Affine>,
    /// The random instance's `u₂`.
    pub random_u: Fr,
    /// The random instance's `E₂` rows.
    pub random_error_rows: SafeVec<G1Affine>,
    /// The cross term's rows.
    pub cross_rows: SafeVec<G1Affine>,
    /// Spartan's outer sumcheck.
    pub outer: SumcheckProof<Fr>,
    /// `Az(r_x)`, `Bz(r_x)`, `Cz(r_x)` of the folded instance.
    pub outer_evals: SafeVec<Fr>,
    /// The folded `E` at `r_x`.
    pub error_opening: RowOpening,
    /// Spartan's inner sumcheck.
    pub inner: SumcheckProof<Fr>,
    /// The folded `W` at `r_y`.
    pub witness_opening: RowOpening,
}

/// Why a BlindFold proof, or a committed sumcheck, was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlindFoldError {
    /// A part of the proof has the wrong size for the circuit.
    #[error("blindfold: malformed proof ({0})")]
    Shape(&'static str),
    /// The folding challenge was zero (probability `1/|F|`).
    #[error("blindfold: zero folding challenge")]
    ZeroChallenge,
    /// A row opening does not match its commitments.
    #[error("blindfold: a row opening does not match the committed rows")]
    Opening,
    /// Two commitments that must hold one value do not.
    #[error("blindfold: a committed value differs from the one it must equal")]
    Equality,
    /// One of Spartan's sumchecks failed: the committed rows do not satisfy the circuit.
    #[error("blindfold: the committed messages fail the verifier's checks ({0})")]
    Sumcheck(#[from] SumcheckError),
}

/// Absorbs row commitments one by one.
fn absorb_rows(label: &'static [u8], rows: &[G1Affine], transcript: &mut Transcript) {
    for row in rows {
        transcript.append(label, row);
    }
}

/// `log2` of the columns of the error grid for `2^k` constraints: `⌈k/2⌉`.
fn error_log_cols(log_constraints: usize) -> usize {
    log_constraints.div_ceil(2)
}

/// The generators BlindFold commits with: enough for a row of the witness grid and a row of
/// the error grid.
fn generators(log_constraints: usize) -> PedersenGenerators {
    PedersenGenerators::new(ROW_WIDTH.max(1 << error_log_cols(log_constraints)))
}

#[cfg(test)]
mod tests;
