//! HyperKZG prover: commit, fold, evaluate at `r, −r, r²`, one KZG witness for the three.

use super::{interpolate, HyperKzgCommitment, HyperKzgProof, HyperKzgSrs};
use crate::cfg_iter;
use crate::commitment::msm::{msm, msm_wide};
use crate::field::Fr;
use crate::poly::{DensePolynomial, MultilinearPolynomial};
use crate::transcript::{labels, Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_bn254::G1Projective;
use ark_ec::CurveGroup;
use ark_ff::{AdditiveGroup, Field};

/// `[f(τ)]_1` for `f(X) = Σ_i p_i X^i`.
pub(super) fn commit(srs: &HyperKzgSrs, poly: &MultilinearPolynomial<Fr>) -> HyperKzgCommitment {
    assert!(
        poly.len() <= srs.max_len(),
        "hyperkzg: polynomial larger than the SRS"
    );
    HyperKzgCommitment(msm(&srs.g1_powers[..poly.len()], poly).into_affine())
}

/// `f(x)` for coefficients `f` (Horner).
fn eval_univariate(coeffs: &[Fr], x: Fr) -> Fr {
    coeffs.iter().rev().fold(Fr::ZERO, |acc, c| acc * x + c)
}

/// Coefficients of `(f(X) − f(u)) / (X − u)` (synthetic division; the remainder is dropped).
fn divide_by_linear(coeffs: &[Fr], u: Fr) -> Vec<Fr> {
    let n = coeffs.len();
    if n <= 1 {
        return vec![Fr::ZERO];
    }
    let mut quotient = vec![Fr::ZERO; n - 1];
    let mut acc = Fr::ZERO;
    for i in (1..n).rev() {
        acc = acc * u + coeffs[i];
        quotient[i - 1] = acc;
    }
    quotient
}

/// Proves `poly(point) = value` (see the module documentation).
pub(super) fn open(
    srs: &HyperKzgSrs,
    poly: &MultilinearPolynomial<Fr>,
    point: &[Fr],
    transcript: &mut Transcript,
) -> HyperKzgProof {
    let n = poly.num_vars();
    assert_eq!(point.len(), n, "hyperkzg open: point has the wrong length");
    assert!(
        poly.len() <= srs.max_len(),
        "hyperkzg: polynomial larger than the SRS"
    );
    let value = poly.evaluate(point);
    transcript.append_scalars(labels::OPENING_POINT, point);
    transcript.append_scalar(labels::OPENING_VALUE, &value);

    // 1. f_0 = p; f_{j+1} = f_j with x_{n-1-j} bound (pairs (2i, 2i+1)).
    let mut folded: Vec<Vec<Fr>> = Vec::with_capacity(n.max(1));
    folded.push(poly.to_dense().into_evals());
    for j in 0..n.saturating_sub(1) {
        let mut next = DensePolynomial::new(folded[j].clone());
        next.bind_bottom(point[n - 1 - j]);
        folded.push(next.into_evals());
    }
    let fold_comms: Vec<G1Projective> = cfg_iter!(folded[1..])
        .map(|f| msm_wide(&srs.g1_powers[..f.len()], f))
        .collect();
    let fold_comms = G1Projective::normalize_batch(&fold_comms);
    transcript.append_serializable(labels::HYPERKZG_FOLDS, &fold_comms);

    // 2. Evaluations at r, −r, r².
    let r: Fr = transcript.challenge_scalar(labels::HYPERKZG_R);
    let us = [r, -r, r.square()];
    let evals: Vec<Vec<Fr>> = us
        .iter()
        .map(|u| cfg_iter!(folded).map(|f| eval_univariate(f, *u)).collect())
        .collect();
    for e in &evals {
        transcript.append_scalars(labels::HYPERKZG_EVALS, e);
    }

    // 3. B = Σ_j q^j f_j and one witness W = [(B − I)/Z (τ)] for the three points, where
    //    Z = Π_u (X − u) and I interpolates B at them (B − I vanishes on them).
    let q_powers: Vec<Fr> = transcript.challenge_powers(labels::HYPERKZG_Q, folded.len());
    let len = folded[0].len();
    let mut b = vec![Fr::ZERO; len];
    for (f, q) in folded.iter().zip(&q_powers) {
        b.iter_mut().zip(f).for_each(|(bi, fi)| *bi += *q * fi);
    }
    let values: Vec<Fr> = evals
        .iter()
        .map(|e| e.iter().zip(&q_powers).map(|(v, q)| *v * q).sum())
        .collect();
    let interpolant = interpolate(&us, &values);
    for (bi, ii) in b.iter_mut().zip(&interpolant) {
        *bi -= ii;
    }
    let quotient = us.iter().fold(b, |acc, u| divide_by_linear(&acc, *u));
    let witness = msm_wide(&srs.g1_powers[..quotient.len()], &quotient).into_affine();
    transcript.append_serializable(labels::HYPERKZG_WITNESSES, &witness);

    HyperKzgProof {
        folds: fold_comms.into(),
        evals: evals.into_iter().map(Into::into).collect::<Vec<_>>().into(),
        witness,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn division_matches_naive() {
        let mut rng = test_rng();
        let f: Vec<Fr> = (0..9).map(|_| Fr::rand(&mut rng)).collect();
        let u = Fr::rand(&mut rng);
        let x = Fr::rand(&mut rng);
        let q = divide_by_linear(&f, u);
        assert_eq!(
            eval_univariate(&q, x) * (x - u),
            eval_univariate(&f, x) - eval_univariate(&f, u)
        );
    }

    #[test]
    fn interpolation_passes_through_the_points() {
        let mut rng = test_rng();
        let u = [Fr::rand(&mut rng), Fr::rand(&mut rng), Fr::rand(&mut rng)];
        let y = [Fr::rand(&mut rng), Fr::rand(&mut rng), Fr::rand(&mut rng)];
        let c = interpolate(&u, &y);
        for t in 0..3 {
            assert_eq!(eval_univariate(&c, u[t]), y[t]);
        }
    }
}
