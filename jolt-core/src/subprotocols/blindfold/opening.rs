//! A vector committed row by row with hiding Pedersen commitments, and its opening at a
//! point (Hyrax with blinds).
//!
//! The `2^{a+b}` entries form `2^a` rows of `2^b`; row `i` is committed as
//! `C_i = Σ_j M[i][j] G_j + β_i H`. To open at `r = (r_row, r_col)` with `L = eq(r_row, ·)` and
//! `R = eq(r_col, ·)`, the prover sends the row combination `c = Lᵀ M` and the combined blind
//! `β = ⟨L, β⟩`; the verifier checks
//! ```text
//!   Σ_j c_j G_j + β H = Σ_i L_i C_i      and takes the value   M̃(r) = ⟨c, R⟩.
//! ```
//! # Soundness
//! Binding under discrete log (see [`super::pedersen`]); the caller must have absorbed the row
//! commitments before drawing `r`. The opening reveals `c` and `β`: it is used only on the
//! folded BlindFold witness, which is uniformly random (see [`super`]).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]

use super::pedersen::PedersenGenerators;
use super::BlindFoldError;
use crate::commitment::msm::msm_serial;
use crate::field::Fr;
use crate::poly::dense::inner_product_serial;
use crate::poly::EqPolynomial;
use crate::transcript::{Absorb, Transcript};
use crate::utils::serialization::SafeVec;
use ark_bn254::{G1Affine, G1Projective};
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};
use ark_std::UniformRand;

const ROW_COMBINATION: &[u8] = b"blindfold_row_combination";

/// The opening of a row-committed vector at a point.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct RowOpening {
    /// `c = Lᵀ M`.
    pub combination: SafeVec<Fr>,
    /// `β = ⟨L, β_i⟩`.
    pub blind: Fr,
}

/// Commits the rows of `2^b` entries of `values` (a whole number of rows), each under a fresh
/// blind. Returns the commitments and the blinds.
pub(super) fn commit_rows<R: RngCore + CryptoRng>(
    values: &[Fr],
    log_cols: usize,
    generators: &PedersenGenerators,
    rng: &mut R,
) -> (Vec<G1Affine>, Vec<Fr>) {
    let num_rows = values.len() >> log_cols;
    let blinds: Vec<Fr> = (0..num_rows).map(|_| Fr::rand(rng)).collect();
    (
        generators.commit_batch(values, 1 << log_cols, &blinds),
        blinds,
    )
}

/// The opening of `values` (rows of `2^b`, blinds `blinds`) at the row point `r_row`.
pub(super) fn open_rows(
    values: &[Fr],
    blinds: &[Fr],
    log_cols: usize,
    r_row: &[Fr],
    transcript: &mut Transcript,
) -> RowOpening {
    let left = EqPolynomial::evals(r_row);
    let mut combination = vec![Fr::ZERO; 1 << log_cols];
    for (row, l) in values.chunks(1 << log_cols).zip(&left) {
        for (c, v) in combination.iter_mut().zip(row) {
            *c += *v * l;
        }
    }
    transcript.append_scalars(ROW_COMBINATION, &combination);
    RowOpening {
        combination: combination.into(),
        blind: inner_product_serial(&left, blinds),
    }
}

/// Checks `opening` against `Σ_i L_i C_i` (`combined`, computed by the caller) and returns the
/// value `⟨c, eq(r_col, ·)⟩`.
pub(super) fn check_rows(
    generators: &PedersenGenerators,
    combined: G1Projective,
    opening: &RowOpening,
    r_col: &[Fr],
    transcript: &mut Transcript,
) -> Result<Fr, BlindFoldError> {
    if opening.combination.len() != 1 << r_col.len() {
        return Err(BlindFoldError::Shape("row combination length"));
    }
    transcript.append_scalars(ROW_COMBINATION, &opening.combination);
    let lhs = generators
        .commit_projective(&opening.combination, &opening.blind)
        .ok_or(BlindFoldError::Shape(
            "row combination longer than the generators",
        ))?;
    if lhs != combined {
        return Err(BlindFoldError::Opening);
    }
    let right = EqPolynomial::evals_serial(r_col, Fr::ONE);
    Ok(inner_product_serial(&opening.combination, &right))
}

/// `Σ_i scalars_i · points_i` for the verifier (one thread), over pairs of slices.
pub(super) fn combine_commitments(points: &[&[G1Affine]], scalars: &[&[Fr]]) -> G1Projective {
    points
        .iter()
        .zip(scalars)
        .fold(G1Projective::ZERO, |acc, (p, s)| acc + msm_serial(p, s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poly::DensePolynomial;
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn an_opening_gives_the_evaluation_and_a_changed_one_is_rejected() {
        let gens = PedersenGenerators::new(8);
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
        let values: Vec<Fr> = (0..32).map(|_| Fr::rand(&mut rng)).collect();
        let (rows, blinds) = commit_rows(&values, 3, &gens, &mut rng);
        assert_eq!(rows.len(), 4);
        let r: Vec<Fr> = (0..5).map(|_| Fr::rand(&mut rng)).collect();
        let (r_row, r_col) = r.split_at(2);
        let opening = open_rows(&values, &blinds, 3, r_row, &mut Transcript::new(b"t"));
        let left = EqPolynomial::evals(r_row);
        let combined = combine_commitments(&[&rows], &[&left]);
        let value = check_rows(&gens, combined, &opening, r_col, &mut Transcript::new(b"t"));
        assert_eq!(value, Ok(DensePolynomial::new(values).evaluate(&r)));

        let mut bad = opening.clone();
        bad.combination[1] += Fr::ONE;
        assert_eq!(
            check_rows(&gens, combined, &bad, r_col, &mut Transcript::new(b"t")),
            Err(BlindFoldError::Opening)
        );
        let mut bad = opening.clone();
        bad.blind += Fr::ONE;
        assert_eq!(
            check_rows(&gens, combined, &bad, r_col, &mut Transcript::new(b"t")),
            Err(BlindFoldError::Opening)
        );
        let mut bad = opening;
        bad.combination.0.pop();
        assert!(matches!(
            check_rows(&gens, combined, &bad, r_col, &mut Transcript::new(b"t")),
            Err(BlindFoldError::Shape(_))
        ));
    }
}
