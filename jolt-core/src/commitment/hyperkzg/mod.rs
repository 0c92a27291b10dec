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
//! 3. proves the three evaluations of `B(X) = Σ_j q^j f_j(X)` at `u ∈ {r, −r, r²}` with
//!    witnesses `W_u = [(B(X) − B(u)) / (X − u)]_1` (absorbed), draws `d`.
//!
//! The verifier checks, for each `j` (with `f_n(r²) := v`),
//! ```text
//!   2r · f_{j+1}(r²) = r·(1 − x)·(f_j(r) + f_j(−r)) + x·(f_j(r) − f_j(−r)),   x = x_{n−1−j}
//! ```
//! and one pairing equation combining the three KZG openings with powers of `d`:
//! ```text
//!   e( Σ_u d^u (C_B − B(u)·G + u·W_u), H ) = e( Σ_u d^u W_u, τH ).
//! ```
//! # Soundness
//! Binding under the `q`-SDH assumption **with an SRS whose `τ` nobody knows**. The
//! [`HyperKzgSrs::setup_insecure_dev`] SRS derives `τ` from a public seed: it is for
//! development and tests only, anyone can forge openings against it. Production use must load
//! an SRS from a ceremony ([`HyperKzgSrs::load`]). The caller must absorb the commitment before
//! the evaluation point is drawn.

mod prove;
mod srs;
mod verify;

pub use srs::{HyperKzgSrs, HyperKzgVerifierKey, INSECURE_DEV_SEED};

use crate::cfg_iter;
use crate::commitment::scheme::{CommitmentScheme, OpeningError};
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{Absorb, AppendToTranscript, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::utils::serialization::SafeVec;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

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
    /// The KZG witnesses `W_r, W_{−r}, W_{r²}`.
    pub witnesses: SafeVec<G1Affine>,
}

impl CommitmentScheme for HyperKzg {
    type ProverSetup = HyperKzgSrs;
    type VerifierSetup = HyperKzgVerifierKey;
    type Commitment = HyperKzgCommitment;
    type Proof = HyperKzgProof;

    /// The development SRS's verifier key (its size does not depend on `max_num_vars`).
    fn verifier_setup(_max_num_vars: usize) -> HyperKzgVerifierKey {
        HyperKzgSrs::setup_insecure_dev(1).verifier_key()
    }

    /// **INSECURE development SRS** ([`HyperKzgSrs::setup_insecure_dev`]) with `2^num_vars`
    /// powers. Production provers load ceremony parameters instead.
    fn prover_setup(_max_num_vars: usize, num_vars: usize) -> HyperKzgSrs {
        HyperKzgSrs::setup_insecure_dev(1 << num_vars)
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
mod tests;
