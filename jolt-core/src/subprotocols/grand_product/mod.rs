//! Batched grand products and sums of fractions by a layered GKR circuit (Thaler's "GKR for
//! products"; for fractions, the LogUp-GKR of Papini and Haböck).
//!
//! Proves, for `k` vectors of lengths `2^{n_b}` at once, either the product `P_b = Π_i v_b[i]`
//! of a vector of field elements, or the sum `p_b/q_b = Σ_i p_b[i]/q_b[i]` of a vector of
//! fractions (held as the pair `(p_b, q_b)`; numerators may be all one, and are then not
//! given), reducing the claims to **one evaluation claim per input polynomial**; vectors of
//! the same length share their point.
//!
//! Layers: `V^{(n_b)}_b = v_b` (as a multilinear polynomial in `n_b` variables) and
//! `V^{(m)}_b(x) = V^{(m+1)}_b(0, x) ⊕ V^{(m+1)}_b(1, x)`, i.e. each layer combines the lower
//! half of the previous one with its upper half, by `a ⊕ b = a·b` for products and by
//! `(p, q) ⊕ (p', q') = (p·q' + p'·q, q·q')` for fractions (so `p/q ⊕ p'/q' = p/q + p'/q'`
//! whenever the denominators are non-zero); `V^{(0)}_b` is the output `P_b` or `(p_b, q_b)`.
//! For the claims `V^{(m)}_{b,c}(r) = c_{b,c}` on every component `c` of every active vector
//! (one for a product, two for fractions) the layer sumcheck proves
//! ```text
//!   Σ_{x ∈ {0,1}^m} eq(r, x) · Σ_b T_b(x) = Σ_{b,c} λ_{b,c} c_{b,c},
//!   T_b = λ_b · L_b(x) · R_b(x)                                           (product)
//!   T_b = λ_{b,0} · (P_L Q_R + P_R Q_L)(x) + λ_{b,1} · (Q_L Q_R)(x)         (fractions)
//!   L_b(x) = V^{(m+1)}_b(0, x),  R_b(x) = V^{(m+1)}_b(1, x),  (P_L, Q_L) = L_b, (P_R, Q_R) = R_b
//! ```
//! (degree 3; the `λ_{b,c}` are the successive powers of one challenge), over the vectors
//! still *active* at layer `m` (those with `n_b > m`: layers are aligned at the output, so
//! every active vector's layer `m` has `m` variables and all share the point). Each
//! component's equation is a polynomial identity in `x` that the random linear combination
//! and the sumcheck test at once. A vector of `n_b` variables leaves the batch after layer
//! `n_b − 1` with its input claims at the point reached there. The prover then sends the
//! components of `L_b(r')`, `R_b(r')` at the sumcheck point `r'`; the verifier checks
//! `eq(r, r') · Σ_b T_b` against the reduced claim, draws `μ`, and continues with
//! `V^{(m+1)}_{b,c}(μ, r') = L_{b,c} + μ (R_{b,c} − L_{b,c})`. For unit numerators the input
//! layer has only its denominators: `P_L = P_R = 1` are not sent, and the numerators' input
//! claim is 1 by construction (the verifier checks an output numerator of 1 for a vector of
//! one fraction).
//!
//! # The layer sumcheck's messages
//! Round `j` binds `x_j`; with `s_{<j}` the earlier challenges, the round polynomial factors as
//! `h_j(X) = e_j · eq(r_j, X) · q_j(X)`, where `e_j = Π_{i<j} eq(r_i, s_i)` is known to the
//! verifier and `q_j(X) = Σ_{x'} eq(r_{>j}, x') · Σ_b T_b(s_{<j}, X, x')` has degree 2. The
//! prover sends two values of `q_j` instead of three coefficients of `h_j`:
//! `q_j(0)` (or `q_j(1)` when `r_j = 0`) and `q_j(2)`. Tracking `c_j = claim_j / e_j`, the round
//! identity `h_j(0) + h_j(1) = claim_j` reads `(1 − r_j)·q_j(0) + r_j·q_j(1) = c_j`, which gives
//! the value not sent; then `c_{j+1} = q_j(s_j)`, and the layer ends with the check
//! `c_m = Σ_b T_b` (the honest prover's `q_{m−1}(s_{m−1})` is exactly that sum).
//! This is the standard sumcheck for `eq(r, x) · Σ_b T_b(x)` with the prover's messages
//! restricted to polynomials `h_j` of that form: `h_j(0) + h_j(1) = claim_j` holds by
//! construction, `claim_{j+1} = h_j(s_j)`, and the final check `c_m = Σ_b T_b` implies the
//! standard one, `claim_m = e_m · Σ_b T_b`. The soundness error stays `≤ 3m/|F|` per layer,
//! plus `(w − 1)/|F|` for the batching of `w` claims.
//!
//! # Prover memory
//! An input is a vector of values or a function of the index ([`Leaves`]), read in blocks and
//! never stored: a memory check's leaves are cheap fingerprints of compact columns. Of the
//! layers, the prover keeps those of at most `n − 2` variables (freed once used) and reads the
//! largest as combinations of two input entries, block by block, never storing it; a vector's input and layers are freed when it leaves the batch.
//!
//! # Transcript
//! Absorbs the outputs (each vector's `P_b` or `p_b, q_b`, in order); per layer: draws `λ`;
//! per round absorbs the two values of `q_j` and draws `s_j`; absorbs the components of `L`,
//! then of `R`, draws `μ`.
//!
//! # Soundness
//! [`verify()`](verify::verify) returns the outputs (from the proof: the caller MUST compare them with
//! what it expects, e.g. equality of two multiset fingerprints, and reject a zero
//! denominator `q_b` where it divides by it) and the claims on the input polynomials at their
//! points, which the caller MUST check, typically by openings of the committed polynomials.
//! The verifier fixes every vector's length and kind; every length must be a power of two.
//!
//! Variable order: `x_0` is the most significant index bit; the lower/upper halves of a layer
//! are split by `x_0`, so the final point is in the crate's usual order.

mod layer;
mod leaves;
pub mod prove;
pub mod verify;
pub mod zk;

pub use leaves::{Input, LeafFn, Leaves};
pub use prove::prove;
pub use verify::{verify, GrandProductClaim};

use crate::field::JoltField;
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// What a GKR input vector proves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// The product of its entries.
    Product,
    /// The sum of its fractions; `unit`: the numerators are all one (not committed).
    Fraction {
        /// Whether every numerator is one.
        unit: bool,
    },
}

impl InputKind {
    /// Entries of the vector's output: `P`, or `(p, q)`.
    pub fn output_width(self) -> usize {
        match self {
            Self::Product => 1,
            Self::Fraction { .. } => 2,
        }
    }
}

/// A GKR input vector as the verifier fixes it: `2^num_vars` entries of a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// `log2` of the length.
    pub num_vars: usize,
    /// What it proves.
    pub kind: InputKind,
}

impl Shape {
    /// A product of `2^num_vars` entries.
    pub fn product(num_vars: usize) -> Self {
        Self {
            num_vars,
            kind: InputKind::Product,
        }
    }

    /// Components of the vector's layer `m` (`m ≤ num_vars`): 1 for a product or the input
    /// of unit fractions, else 2.
    pub fn width(&self, m: usize) -> usize {
        match self.kind {
            InputKind::Product => 1,
            InputKind::Fraction { unit: true } if m == self.num_vars => 1,
            InputKind::Fraction { .. } => 2,
        }
    }

    /// A sum of `2^num_vars` fractions (`unit`: all numerators one).
    pub fn fraction(num_vars: usize, unit: bool) -> Self {
        Self {
            num_vars,
            kind: InputKind::Fraction { unit },
        }
    }
}

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
    /// The components of `L_b(r')` for each vector `b`, in order.
    pub left: SafeVec<F>,
    /// The components of `R_b(r')` for each vector `b`, in order.
    pub right: SafeVec<F>,
}

/// A batched grand-product proof.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct GrandProductProof<F: JoltField> {
    /// The claimed outputs: each vector's `P_b`, or `p_b, q_b`.
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
    /// The proof claims a different number of outputs than the statement's vectors have.
    #[error("grand product: expected {expected} outputs, got {got}")]
    WrongNumberOfOutputs {
        /// Outputs of the statement's vectors.
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
    /// A layer does not carry one left and one right claim per component of each vector.
    #[error("grand product layer {layer}: expected {expected} left/right claims")]
    LayerShape {
        /// Layer index (0 = output).
        layer: usize,
        /// Components of the active vectors' layers below.
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
    /// A vector of one unit fraction claims an output numerator other than 1.
    #[error("grand product: the numerator of vector {vector}'s single unit fraction is not 1")]
    UnitNumerator {
        /// The vector.
        vector: usize,
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
#[cfg(test)]
mod zk_tests;
