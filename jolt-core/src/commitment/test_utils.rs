//! Scheme-independent completeness and soundness tests, run by each scheme's test module.

use super::{CommitmentScheme, OpeningError};
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{labels, Absorb, Sample, Transcript};
use ark_ff::Field;
use ark_std::{rand::Rng, test_rng, UniformRand};

pub(crate) fn random_poly(n: usize, compact: bool) -> MultilinearPolynomial<Fr> {
    let mut rng = test_rng();
    if compact {
        (0..1 << n)
            .map(|_| rng.gen::<u16>())
            .collect::<Vec<_>>()
            .into()
    } else {
        (0..1 << n)
            .map(|_| Fr::rand(&mut rng))
            .collect::<Vec<_>>()
            .into()
    }
}

/// The prover's side: commit, absorb, draw the point, open.
pub(crate) fn prove_one<PCS: CommitmentScheme>(
    setup: &PCS::ProverSetup,
    poly: &MultilinearPolynomial<Fr>,
) -> (PCS::Commitment, Vec<Fr>, Fr, PCS::Proof) {
    let commitment = PCS::commit(setup, poly);
    let mut t = Transcript::new(b"pcs-test");
    t.append(labels::COMMITMENT, &commitment);
    let point: Vec<Fr> = t.challenge_vector(labels::OPENING_POINT, poly.num_vars());
    let value = poly.evaluate(&point);
    let proof = PCS::open(setup, poly, &point, &mut t);
    (commitment, point, value, proof)
}

/// The verifier's side, mirroring [`prove_one`] (the point is re-derived, then `point` is
/// used, so that tests can substitute a wrong one).
pub(crate) fn verify_one<PCS: CommitmentScheme>(
    vsetup: &PCS::VerifierSetup,
    commitment: &PCS::Commitment,
    point: &[Fr],
    value: &Fr,
    proof: &PCS::Proof,
) -> Result<(), OpeningError> {
    let mut t = Transcript::new(b"pcs-test");
    t.append(labels::COMMITMENT, commitment);
    let _: Vec<Fr> = t.challenge_vector(labels::OPENING_POINT, point.len());
    PCS::verify(vsetup, commitment, point, value, proof, &mut t)
}

pub(crate) fn completeness<PCS: CommitmentScheme>(
    setup: &PCS::ProverSetup,
    vsetup: &PCS::VerifierSetup,
    sizes: &[usize],
) {
    for &n in sizes {
        for compact in [false, true] {
            let poly = random_poly(n, compact);
            let (c, point, value, proof) = prove_one::<PCS>(setup, &poly);
            assert_eq!(
                verify_one::<PCS>(vsetup, &c, &point, &value, &proof),
                Ok(()),
                "n = {n}, compact = {compact}"
            );
        }
    }
}

/// The three single-opening attacks; returns the verifier's errors for
/// (wrong value, wrong point, wrong commitment).
pub(crate) fn soundness<PCS: CommitmentScheme>(
    setup: &PCS::ProverSetup,
    vsetup: &PCS::VerifierSetup,
    n: usize,
) -> [Result<(), OpeningError>; 3] {
    let poly = random_poly(n, false);
    let (c, point, value, proof) = prove_one::<PCS>(setup, &poly);
    assert!(verify_one::<PCS>(vsetup, &c, &point, &value, &proof).is_ok());
    let wrong_value = verify_one::<PCS>(vsetup, &c, &point, &(value + Fr::ONE), &proof);
    let mut wrong_point = point.clone();
    if let Some(x) = wrong_point.first_mut() {
        *x += Fr::ONE;
    }
    let wrong_point = verify_one::<PCS>(vsetup, &c, &wrong_point, &value, &proof);
    let other = PCS::commit(setup, &random_poly(n, true));
    let wrong_commitment = verify_one::<PCS>(vsetup, &other, &point, &value, &proof);
    [wrong_value, wrong_point, wrong_commitment]
}

/// Batch open at one point; every single wrong claim is rejected with an error.
pub(crate) fn batch_errors<PCS: CommitmentScheme>(
    setup: &PCS::ProverSetup,
    vsetup: &PCS::VerifierSetup,
    n: usize,
) -> Vec<Result<(), OpeningError>> {
    let polys: Vec<MultilinearPolynomial<Fr>> = (0..4)
        .map(|i| {
            let mut e = random_poly(n, false).to_dense().into_evals();
            e[0] += Fr::from(i as u64);
            e.into()
        })
        .collect();
    let refs: Vec<&MultilinearPolynomial<Fr>> = polys.iter().collect();
    let commitments = PCS::batch_commit(setup, &refs);
    let point: Vec<Fr> = (0..n as u64).map(|i| Fr::from(i * 31 + 5)).collect();
    let values: Vec<Fr> = polys.iter().map(|p| p.evaluate(&point)).collect();
    let proof = PCS::batch_open(setup, &refs, &point, &mut Transcript::new(b"batch"));
    let crefs: Vec<&PCS::Commitment> = commitments.iter().collect();
    let run = |values: &[Fr], crefs: &[&PCS::Commitment]| {
        PCS::batch_verify(
            vsetup,
            crefs,
            &point,
            values,
            &proof,
            &mut Transcript::new(b"batch"),
        )
    };
    assert_eq!(run(&values, &crefs), Ok(()));
    assert!(matches!(
        run(&values[1..], &crefs),
        Err(OpeningError::BatchShape { .. })
    ));
    (0..values.len())
        .map(|i| {
            let mut bad = values.clone();
            bad[i] += Fr::ONE;
            run(&bad, &crefs)
        })
        .collect()
}
