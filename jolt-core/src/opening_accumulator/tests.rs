use super::*;
use crate::commitment::hyperkzg::{HyperKzg, HyperKzgSrs};
use crate::commitment::hyrax::{Hyrax, HyraxSetup};
use crate::commitment::test_utils::random_poly;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{labels, Absorb, Sample, Transcript};
use ark_ff::Field;

/// Claims on polynomials of different sizes, some sharing a point; returns the verifier's
/// result (with `tamper` applied to the claimed values the verifier sees).
fn run<PCS: CommitmentScheme>(
    setup: &PCS::ProverSetup,
    vsetup: &PCS::VerifierSetup,
    tamper: impl Fn(&mut Vec<Fr>, &mut BatchedOpeningProof<PCS>),
) -> Result<(), AccumulatorError> {
    let polys: Vec<MultilinearPolynomial<Fr>> = vec![
        random_poly(6, false),
        random_poly(4, true),
        random_poly(6, true),
        random_poly(0, false),
    ];
    let commitments: Vec<PCS::Commitment> = polys.iter().map(|p| PCS::commit(setup, p)).collect();
    let mut t = Transcript::new(b"acc-test");
    for c in &commitments {
        t.append(labels::COMMITMENT, c);
    }
    let mut prover = ProverOpeningAccumulator::<PCS>::new();
    let shared: Vec<Fr> = t.challenge_vector(labels::CHALLENGE, 6);
    let points: Vec<Vec<Fr>> = vec![
        shared.clone(),
        t.challenge_vector(labels::CHALLENGE, 4),
        shared.clone(),
        vec![],
    ];
    let mut values = Vec::new();
    for (p, r) in polys.iter().zip(&points) {
        let v = p.evaluate(r);
        values.push(v);
        prover.append(p.clone(), r.clone(), v);
    }
    let mut proof = prover.prove(setup, &mut t);

    let mut t = Transcript::new(b"acc-test");
    for c in &commitments {
        t.append(labels::COMMITMENT, c);
    }
    let _: Vec<Fr> = t.challenge_vector(labels::CHALLENGE, 6);
    let _: Vec<Fr> = t.challenge_vector(labels::CHALLENGE, 4);
    tamper(&mut values, &mut proof);
    let mut verifier = VerifierOpeningAccumulator::<PCS>::new();
    for ((c, r), v) in commitments.iter().zip(&points).zip(&values) {
        verifier.append(c.clone(), r.clone(), *v);
    }
    verifier.verify(vsetup, &proof, &mut t)
}

fn check_scheme<PCS: CommitmentScheme>(setup: &PCS::ProverSetup, vsetup: &PCS::VerifierSetup) {
    assert_eq!(run::<PCS>(setup, vsetup, |_, _| {}), Ok(()));
    // One wrong claim among many.
    for i in 0..4 {
        let r = run::<PCS>(setup, vsetup, |v, _| v[i] += Fr::ONE);
        assert!(
            matches!(
                r,
                Err(AccumulatorError::Sumcheck(
                    SumcheckError::FinalEvaluation { .. }
                ))
            ),
            "claim {i}: {r:?}"
        );
    }
    // A wrong reduced evaluation passes the sumcheck check only if the opening fails.
    let r = run::<PCS>(setup, vsetup, |_, p| p.evals[1] += Fr::ONE);
    assert!(matches!(r, Err(AccumulatorError::Sumcheck(_))), "{r:?}");
    let r = run::<PCS>(setup, vsetup, |_, p| {
        p.evals.pop();
    });
    assert!(
        matches!(r, Err(AccumulatorError::WrongNumberOfEvals { .. })),
        "{r:?}"
    );
}

#[test]
fn accumulator_hyperkzg() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 6);
    check_scheme::<HyperKzg>(&srs, &srs.verifier_key());
}

#[test]
fn accumulator_hyrax() {
    let setup = HyraxSetup::new(6);
    check_scheme::<Hyrax>(&setup, &setup);
}

#[test]
fn accumulator_rejects_wrong_opening() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 6);
    let r = run::<HyperKzg>(&srs, &srs.verifier_key(), |_, p| {
        p.opening.witness = p.opening.folds[0];
    });
    assert!(matches!(r, Err(AccumulatorError::Opening(_))), "{r:?}");
    let setup = HyraxSetup::new(6);
    let r = run::<Hyrax>(&setup, &setup, |_, p| {
        p.opening.row_combination[0] += Fr::ONE
    });
    assert!(matches!(r, Err(AccumulatorError::Opening(_))), "{r:?}");
}
