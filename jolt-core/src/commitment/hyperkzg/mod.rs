//! HyperKZG over BN254: a multilinear commitment from univariate KZG (Gemini-style folding,
//! as in Nova's HyperKZG).
//!
//! The `2^n` evaluations of `p` are the coefficients of a univariate polynomial
//! `f_0(X) = Σ_i p_i X^i`, committed as `C = [f_0(τ)]_1`. To prove `p(x) = v`, fold the
//! lowest index bit away one variable at a time (`x_{n−1}` first, since `x_0` is the most
//! significant bit): `f_{j+1}(Y) = (1 − x_{n−1−j})·E_j(Y) + x_{n−1−j}·O_j(Y)` where
//! `f_j(X) = E_j(X²) + X·O_j(X²)`; then `f_n = v`. The prover
//! 1. commits to `f_1 … f_{n−1}` (absorbed), draws `r`;
//! 2. sends `f_j(r), f_j(−r), f_j(r²)` for all `j` (absorbed), draws `q`;
//! 3. proves the three evaluations of `B(X) = Σ_j q^j f_j(X)` at `u ∈ {r, −r, r²}` with one
//!    witness `W = [(B(X) − I(X)) / Z(X)]_1` (absorbed), where `Z = Π_u (X − u)` and `I` is
//!    the polynomial of degree ≤ 2 through the three `(u, B(u))` (one MSM instead of three).
//!
//! The verifier checks, for each `j` (with `f_n(r²) := v`),
//! ```text
//!   2r · f_{j+1}(r²) = r·(1 − x)·(f_j(r) + f_j(−r)) + x·(f_j(r) − f_j(−r)),   x = x_{n−1−j}
//! ```
//! and one pairing equation, with `I(τ)` and `Z(τ)` taken in the exponent from
//! `[1, τ, τ²]_1` and `[1, τ, τ², τ³]_2`:
//! ```text
//!   e( C_B − [I(τ)]_1, H ) = e( W, [Z(τ)]_2 ).
//! ```
//! The points must be distinct: the verifier rejects `r ∈ {0, 1, −1}`.
//! # Soundness
//! Binding under the `q`-SDH assumption **with an SRS whose `τ` nobody knows**: the
//! [`HyperKzgParameters`] are a powers-of-tau ceremony's, validated on load ([`ptau`]). The
//! [`HyperKzgParameters::InsecureDevelopment`] SRS derives `τ` from a public seed: it is for
//! development and tests only, anyone can forge openings against it, and
//! [`CommitmentScheme::is_insecure`] says so of its verifier key. The caller must absorb the
//! commitment before the evaluation point is drawn.

mod prove;
pub mod ptau;
mod srs;
mod verify;

pub use ptau::PtauError;
pub use srs::{HyperKzgParameters, HyperKzgSrs, HyperKzgVerifierKey, INSECURE_DEV_SEED};

use crate::cfg_iter;
use crate::commitment::scheme::{CommitmentScheme, OpeningError, SetupError};
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{Absorb, AppendToTranscript, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::utils::serialization::SafeVec;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// Coefficients `[c_0, c_1, c_2]` of the polynomial of degree ≤ 2 through `(u_t, y_t)`
/// (the points must be distinct; the verifier rejects challenges that make them collide).
fn interpolate(u: &[Fr; 3], y: &[Fr]) -> [Fr; 3] {
    let mut c = [Fr::ZERO; 3];
    for t in 0..3 {
        let (a, b) = (u[(t + 1) % 3], u[(t + 2) % 3]);
        // y_t · (X − a)(X − b) / ((u_t − a)(u_t − b))
        let scale = y.get(t).copied().unwrap_or(Fr::ZERO)
            * ((u[t] - a) * (u[t] - b)).inverse().unwrap_or(Fr::ZERO);
        c[0] += scale * a * b;
        c[1] -= scale * (a + b);
        c[2] += scale;
    }
    c
}

/// The HyperKZG scheme (a marker type).
#[derive(Clone, Copy, Debug, Default)]
pub struct HyperKzg;

/// A HyperKZG commitment `[f(τ)]_1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct HyperKzgCommitment(pub G1Affine);

impl AppendToTranscript for HyperKzgCommitment {
    fn append_to_transcript<T: Absorb + ?Sized>(&self, label: &'static [u8], t: &mut T) {
        t.append_serializable(label, &self.0);
    }
}

/// A HyperKZG opening proof.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct HyperKzgProof {
    /// Commitments to the folded polynomials `f_1 … f_{n−1}`.
    pub folds: SafeVec<G1Affine>,
    /// `evals[t][j] = f_j(u_t)` for `u = (r, −r, r²)`, `j < max(n, 1)`.
    pub evals: SafeVec<SafeVec<Fr>>,
    /// The KZG witness `[(B − I)/Z (τ)]_1` of the three evaluations of `B`.
    pub witness: G1Affine,
}

impl CommitmentScheme for HyperKzg {
    type ProverSetup = HyperKzgSrs;
    type VerifierSetup = HyperKzgVerifierKey;
    type Commitment = HyperKzgCommitment;
    type Proof = HyperKzgProof;
    type Parameters = HyperKzgParameters;

    /// The SRS's verifier key (its size does not depend on `max_num_vars`).
    fn verifier_setup(
        params: &HyperKzgParameters,
        _max_num_vars: usize,
    ) -> Result<HyperKzgVerifierKey, SetupError> {
        Ok(match params {
            HyperKzgParameters::Ceremony(srs) => srs.verifier_key(),
            HyperKzgParameters::InsecureDevelopment => *srs::insecure_dev_verifier_key(),
        })
    }

    /// The first `2^num_vars` powers of the SRS.
    fn prover_setup(
        params: &HyperKzgParameters,
        _max_num_vars: usize,
        num_vars: usize,
    ) -> Result<HyperKzgSrs, SetupError> {
        let needed = 1usize << num_vars;
        match params {
            HyperKzgParameters::Ceremony(srs) => {
                srs.truncated(needed).ok_or(SetupError::TooFewPowers {
                    available: srs.max_len(),
                    needed,
                    num_vars,
                })
            }
            HyperKzgParameters::InsecureDevelopment => Ok(HyperKzgSrs::setup_insecure_dev(needed)),
        }
    }

    /// Exactly the development SRS's key: its `τ` is public.
    fn is_insecure(setup: &HyperKzgVerifierKey) -> bool {
        setup == srs::insecure_dev_verifier_key()
    }

    fn commit(setup: &HyperKzgSrs, poly: &MultilinearPolynomial<Fr>) -> HyperKzgCommitment {
        prove::commit(setup, poly)
    }

    fn batch_commit(
        setup: &HyperKzgSrs,
        polys: &[&MultilinearPolynomial<Fr>],
    ) -> Vec<Self::Commitment> {
        // Parallel over the polynomials (each commitment is itself parallel inside).
        cfg_iter!(polys).map(|p| Self::commit(setup, p)).collect()
    }

    fn combine_commitments(
        commitments: &[&HyperKzgCommitment],
        coeffs: &[Fr],
    ) -> Option<HyperKzgCommitment> {
        if commitments.len() != coeffs.len() {
            return None;
        }
        // Serial on purpose: the verifier calls this.
        let sum: G1Projective = commitments.iter().zip(coeffs).map(|(c, k)| c.0 * k).sum();
        Some(HyperKzgCommitment(sum.into_affine()))
    }

    fn open(
        setup: &HyperKzgSrs,
        poly: &MultilinearPolynomial<Fr>,
        point: &[Fr],
        transcript: &mut Transcript,
    ) -> HyperKzgProof {
        prove::open(setup, poly, point, transcript)
    }

    fn verify(
        setup: &HyperKzgVerifierKey,
        commitment: &HyperKzgCommitment,
        point: &[Fr],
        value: &Fr,
        proof: &HyperKzgProof,
        transcript: &mut Transcript,
    ) -> Result<(), OpeningError> {
        verify::verify(setup, commitment, point, value, proof, transcript)
    }
}

#[cfg(test)]
mod ptau_tests;
#[cfg(test)]
mod tests;
