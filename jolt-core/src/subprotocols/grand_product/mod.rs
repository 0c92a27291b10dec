//! Batched grand products by a layered GKR circuit (Thaler's "GKR for products").
//!
//! Proves, for `k` vectors `v_b` of lengths `2^{n_b}` at once, that `P_b = Π_i v_b[i]`,
//! reducing the claim to **one evaluation claim per input vector**; vectors of the same
//! length share their point.
//!
//! Layers: `V^{(n_b)}_b = v_b` (as a multilinear polynomial in `n_b` variables) and
//! `V^{(m)}_b(x) = V^{(m+1)}_b(0, x) · V^{(m+1)}_b(1, x)`, i.e. each layer multiplies the lower
//! half of the previous one with its upper half; `V^{(0)}_b = P_b`.
//! For a claim `V^{(m)}_b(r) = c_b` the layer sumcheck proves
//! ```text
//!   Σ_{x ∈ {0,1}^m} eq(r, x) · Σ_b λ^b · L_b(x) · R_b(x) = Σ_b λ^b c_b,
//!   L_b(x) = V^{(m+1)}_b(0, x),  R_b(x) = V^{(m+1)}_b(1, x)
//! ```
//! (degree 3), over the vectors still *active* at layer `m` (those with `n_b > m`: layers are
//! aligned at the output, so every active vector's layer `m` has `m` variables and all share
//! the point). A vector of `n_b` variables leaves the batch after layer `n_b − 1` with its
//! input claim at the point reached there. The prover then sends `L_b(r')`, `R_b(r')` at the sumcheck point `r'`; the
//! verifier checks `eq(r, r') · Σ_b λ^b L_b R_b` against the reduced claim, draws `μ`, and
//! continues with `V^{(m+1)}_b(μ, r') = L_b + μ (R_b − L_b)`.
//!
//! # The layer sumcheck's messages
//! Round `j` binds `x_j`; with `s_{<j}` the earlier challenges, the round polynomial factors as
//! `h_j(X) = e_j · eq(r_j, X) · q_j(X)`, where `e_j = Π_{i<j} eq(r_i, s_i)` is known to the
//! verifier and `q_j(X) = Σ_{x'} eq(r_{>j}, x') · Σ_b λ^b L_b(s_{<j}, X, x') R_b(s_{<j}, X, x')`
//! has degree 2. The prover sends two values of `q_j` instead of three coefficients of `h_j`:
//! `q_j(0)` (or `q_j(1)` when `r_j = 0`) and `q_j(2)`. Tracking `c_j = claim_j / e_j`, the round
//! identity `h_j(0) + h_j(1) = claim_j` reads `(1 − r_j)·q_j(0) + r_j·q_j(1) = c_j`, which gives
//! the value not sent; then `c_{j+1} = q_j(s_j)`, and the layer ends with the check
//! `c_m = Σ_b λ^b L_b R_b` (the honest prover's `q_{m−1}(s_{m−1})` is exactly that sum).
//! This is the standard sumcheck for `eq(r, x) · Σ_b λ^b L_b(x) R_b(x)` with the prover's
//! messages restricted to polynomials `h_j` of that form: `h_j(0) + h_j(1) = claim_j` holds by
//! construction, `claim_{j+1} = h_j(s_j)`, and the final check `c_m = Σ λ^b L_b R_b` implies the
//! standard one, `claim_m = e_m · Σ λ^b L_b R_b`. The soundness error stays `≤ 3m/|F|` per
//! layer.
//!
//! # Prover memory
//! An input is a vector of values or a function of the index ([`Leaves`]), read in blocks and
//! never stored: a memory check's leaves are cheap fingerprints of compact columns. Of the
//! layers, the prover keeps those of at most `n − 3` variables (freed once used) and reads the
//! two largest as products of two or four input entries, block by block, never storing them;
//! a vector's input and layers are freed when it leaves the batch.
//!
//! # Transcript
//! Absorbs the outputs `P_b`; per layer: draws `λ`; per round absorbs the two values of `q_j`
//! and draws `s_j`; absorbs `L`, `R`, draws `μ`.
//!
//! # Soundness
//! [`verify()`](verify::verify) returns the outputs `P_b` (from the proof: the caller MUST compare them with
//! what it expects, e.g. equality of two multiset fingerprints) and the claims
//! `v_b(point) = input_claims[b]`, which the caller MUST check, typically by an opening of
//! the committed `v_b`. Every length must be a power of two.
//!
//! Variable order: `x_0` is the most significant index bit; the lower/upper halves of a layer
//! are split by `x_0`, so the final point is in the crate's usual order.

mod layer;
mod leaves;
pub mod prove;
pub mod verify;

pub use leaves::{LeafFn, Leaves};
pub use prove::prove;
pub use verify::{verify, GrandProductClaim};

use crate::field::JoltField;
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// One round of a layer sumcheck: two values of its quadratic factor `q_j` (module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct LayerRound<F: JoltField> {
    /// `q_j(0)`, or `q_j(1)` when `r_j = 0`.
    pub known: F,
    /// `q_j(2)`.
    pub at_two: F,
}

/// One GKR layer: the sumcheck and the evaluations of the two halves of the layer below.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct LayerProof<F: JoltField> {
    /// The layer sumcheck's rounds (`m` of them at layer `m`).
    pub rounds: SafeVec<LayerRound<F>>,
    /// `L_b(r')` for each vector `b`.
    pub left: SafeVec<F>,
    /// `R_b(r')` for each vector `b`.
    pub right: SafeVec<F>,
}

/// A batched grand-product proof.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct GrandProductProof<F: JoltField> {
    /// The claimed products `P_b`.
    pub outputs: SafeVec<F>,
    /// Layers from the output (`m = 0`) down to the inputs (`m = n − 1`).
    pub layers: SafeVec<LayerProof<F>>,
}

/// Why a grand-product proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GrandProductError {
    /// The statement has no vectors.
    #[error("grand product: no vectors")]
    Empty,
    /// The proof claims a different number of products than the statement has vectors.
    #[error("grand product: expected {expected} outputs, got {got}")]
    WrongNumberOfOutputs {
        /// Vectors in the statement.
        expected: usize,
        /// Outputs in the proof.
        got: usize,
    },
    /// The proof has a different number of layers than `n`.
    #[error("grand product: expected {expected} layers, got {got}")]
    WrongNumberOfLayers {
        /// `n`.
        expected: usize,
        /// Layers in the proof.
        got: usize,
    },
    /// A layer does not carry one left and one right claim per vector.
    #[error("grand product layer {layer}: expected {expected} left/right claims")]
    LayerShape {
        /// Layer index (0 = output).
        layer: usize,
        /// Vectors in the statement.
        expected: usize,
    },
    /// A layer sumcheck does not have one round per variable of the layer.
    #[error("grand product layer {layer}: expected {expected} sumcheck rounds, got {got}")]
    WrongNumberOfRounds {
        /// Layer index (0 = output): its number of rounds.
        layer: usize,
        /// Rounds of the statement.
        expected: usize,
        /// Rounds in the proof.
        got: usize,
    },
    /// The left/right claims do not match the layer sumcheck's reduced claim.
    #[error("grand product layer {layer}: left/right claims do not match the sumcheck")]
    LayerCheck {
        /// Layer index (0 = output).
        layer: usize,
    },
}

#[cfg(test)]
mod tests;
