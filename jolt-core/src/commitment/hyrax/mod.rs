//! Hyrax over BN254 G1: a transparent commitment with `O(√N)` commitments and proofs
//! (Wahby et al. 2018, without the zero-knowledge and inner-product layers).
//!
//! The `2^n` evaluations are a matrix `M` with `2^c` columns (`c` fixed by the setup) and
//! `2^{n−c}` rows (one row if `n ≤ c`); entry `(i, j)` is evaluation `i·2^c + j`, so the first
//! `n − c` variables select the row and the last ones the column. The commitment is one
//! Pedersen vector commitment per row, `C_i = Σ_j M[i][j] · G_j`.
//!
//! Opening at `r = (r_row, r_col)`: with `L = eq(r_row, ·)` and `R = eq(r_col, ·)`,
//! `p(r) = Lᵀ M R`. The prover sends `u = Lᵀ M`; the verifier checks
//! ```text
//!   Σ_j u_j G_j = Σ_i L_i C_i      and      ⟨u, R⟩ = value.
//! ```
//! # Soundness
//! Binding under discrete log in G1. The generators are derived from a public seed: ChaCha20
//! seeded by a merlin transcript over a fixed label, each generator sampled by arkworks as a
//! random `x` coordinate lifted to the curve, so no discrete-log relation between them is
//! known to anyone. The caller must absorb the commitment before drawing the point.
//!
//! Padding: a polynomial zero-padded at the end has the same row commitments followed by
//! identity rows, so combining commitments of different sizes pads with the identity.

mod prove;
mod verify;

use crate::cfg_iter;
use crate::commitment::msm::normalize_serial;
use crate::commitment::scheme::{CommitmentScheme, OpeningError, SetupError};
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{Absorb, AppendToTranscript, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::utils::serialization::SafeVec;
use ark_bn254::{G1Affine, G1Projective};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// The Hyrax scheme (a marker type).
#[derive(Clone, Copy, Debug, Default)]
pub struct Hyrax;

/// Public generators `G_0 … G_{2^c − 1}` (shared by prover and verifier).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct HyraxSetup {
    /// `c`: log2 of the number of columns.
    pub log_cols: u32,
    /// The generators.
    pub generators: SafeVec<G1Affine>,
}

impl HyraxSetup {
    /// Generators for polynomials of up to `max_num_vars` variables: `2^{⌈max/2⌉}` columns.
    pub fn new(max_num_vars: usize) -> Self {
        use ark_std::UniformRand;
        use rand_chacha::rand_core::SeedableRng;
        let log_cols = max_num_vars.div_ceil(2);
        let mut t = merlin::Transcript::new(b"jolt-core hyrax generators v1");
        t.append_u64(b"log_cols", log_cols as u64);
        let mut seed = [0u8; 32];
        t.challenge_bytes(b"seed", &mut seed);
        let mut rng = rand_chacha::ChaCha20Rng::from_seed(seed);
        let generators: Vec<G1Affine> = (0..1usize << log_cols)
            .map(|_| G1Affine::rand(&mut rng))
            .collect();
        Self {
            log_cols: log_cols as u32,
            generators: generators.into(),
        }
    }

    /// `(log rows, log cols)` of the matrix of an `n`-variable polynomial.
    pub fn shape(&self, num_vars: usize) -> (usize, usize) {
        crate::commitment::matrix::shape(num_vars, self.log_cols as usize)
    }
}

/// A Hyrax commitment: one G1 element per row.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct HyraxCommitment {
    /// `C_i = Σ_j M[i][j] G_j`.
    pub row_commitments: SafeVec<G1Affine>,
}

impl AppendToTranscript for HyraxCommitment {
    fn append_to_transcript<T: Absorb + ?Sized>(&self, label: &'static [u8], t: &mut T) {
        t.append_serializable(label, &self.row_commitments);
    }
}

/// A Hyrax opening proof: the row combination `u = Lᵀ M`.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct HyraxProof {
    /// `u_j = Σ_i L_i M[i][j]`.
    pub row_combination: SafeVec<Fr>,
}

impl CommitmentScheme for Hyrax {
    type ProverSetup = HyraxSetup;
    type VerifierSetup = HyraxSetup;
    type Commitment = HyraxCommitment;
    type Proof = HyraxProof;

    /// Transparent: the generators are hashed to the curve.
    type Parameters = ();

    fn verifier_setup(_: &(), max_num_vars: usize) -> Result<HyraxSetup, SetupError> {
        Ok(HyraxSetup::new(max_num_vars))
    }

    /// The generators depend on `max_num_vars` only: the prover's are the verifier's.
    fn prover_setup(
        _: &(),
        max_num_vars: usize,
        _num_vars: usize,
    ) -> Result<HyraxSetup, SetupError> {
        Ok(HyraxSetup::new(max_num_vars))
    }

    fn commit(setup: &HyraxSetup, poly: &MultilinearPolynomial<Fr>) -> HyraxCommitment {
        prove::commit(setup, poly)
    }

    fn batch_commit(
        setup: &HyraxSetup,
        polys: &[&MultilinearPolynomial<Fr>],
    ) -> Vec<Self::Commitment> {
        // Parallel over the polynomials (each commitment is itself parallel inside).
        cfg_iter!(polys).map(|p| Self::commit(setup, p)).collect()
    }

    fn combine_commitments(
        commitments: &[&HyraxCommitment],
        coeffs: &[Fr],
    ) -> Option<HyraxCommitment> {
        if commitments.len() != coeffs.len() {
            return None;
        }
        let rows = commitments.iter().map(|c| c.row_commitments.len()).max()?;
        let mut out = vec![G1Projective::default(); rows];
        for (c, k) in commitments.iter().zip(coeffs) {
            for (o, g) in out.iter_mut().zip(c.row_commitments.iter()) {
                *o += *g * k;
            }
        }
        // Serial on purpose: the verifier calls this.
        Some(HyraxCommitment {
            row_commitments: normalize_serial(&out).into(),
        })
    }

    fn open(
        setup: &HyraxSetup,
        poly: &MultilinearPolynomial<Fr>,
        point: &[Fr],
        transcript: &mut Transcript,
    ) -> HyraxProof {
        prove::open(setup, poly, point, transcript)
    }

    fn verify(
        setup: &HyraxSetup,
        commitment: &HyraxCommitment,
        point: &[Fr],
        value: &Fr,
        proof: &HyraxProof,
        transcript: &mut Transcript,
    ) -> Result<(), OpeningError> {
        verify::verify(setup, commitment, point, value, proof, transcript)
    }
}

#[cfg(test)]
mod tests;
