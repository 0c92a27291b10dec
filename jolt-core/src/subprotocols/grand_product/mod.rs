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
//! # Prover memory
//! An input is a vector of values or a function of the index ([`Leaves`]), read in blocks and
//! never stored: a memory check's leaves are cheap fingerprints of compact columns. Of the
//! layers, the prover keeps those of at most `n − 3` variables (freed once used) and
//! recomputes the two largest from the input when their turn comes.
//!
//! # Transcript
//! Absorbs the outputs `P_b`; per layer: draws `λ`, runs the sumcheck, absorbs `L`, `R`,
//! draws `μ`.
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
use crate::subprotocols::sumcheck::{SumcheckError, SumcheckProof};
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// One GKR layer: the sumcheck and the evaluations of the two halves of the layer below.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct LayerProof<F: JoltField> {
    /// The layer sumcheck.
    pub sumcheck: SumcheckProof<F>,
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
    /// A layer sumcheck failed.
    #[error("grand product layer {layer}: {source}")]
    Sumcheck {
        /// Layer index (0 = output).
        layer: usize,
        /// The sumcheck failure.
        source: SumcheckError,
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
