use super::*;
use crate::commitment::test_utils;

#[test]
fn hyperkzg_completeness_small_sizes() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 14);
    test_utils::completeness::<HyperKzg>(&srs, &srs.verifier_key(), &(0..=14).collect::<Vec<_>>());
}

#[test]
#[ignore = "2^20 evaluations: run with --release --ignored"]
fn hyperkzg_completeness_2_pow_15_to_20() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 20);
    test_utils::completeness::<HyperKzg>(&srs, &srs.verifier_key(), &(15..=20).collect::<Vec<_>>());
}

#[test]
fn hyperkzg_rejects_opening_with_wrong_value_point_or_commitment() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 8);
    let vk = srs.verifier_key();
    for n in [1, 4, 7] {
        // Value, point and commitment are all absorbed before `r` is drawn, so each change
        // moves `r` and the first folding check fails.
        let [value, point, commitment] = test_utils::soundness::<HyperKzg>(&srs, &vk, n);
        let expected = if n == 1 {
            Err(OpeningError::EvaluationMismatch)
        } else {
            Err(OpeningError::FoldConsistency { round: 0 })
        };
        assert_eq!(value, expected, "wrong value, n = {n}");
        assert_eq!(point, expected, "wrong point, n = {n}");
        assert_eq!(commitment, expected, "wrong commitment, n = {n}");
    }
}

#[test]
fn hyperkzg_pairing_rejects_wrong_commitment_on_the_same_transcript() {
    use crate::transcript::{labels, Absorb, Sample, Transcript};
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 8);
    let vk = srs.verifier_key();
    let poly = test_utils::random_poly(6, false);
    let (c, point, value, proof) = test_utils::prove_one::<HyperKzg>(&srs, &poly);
    let other = HyperKzg::commit(&srs, &test_utils::random_poly(6, true));
    let mut t = Transcript::new(b"pcs-test");
    t.append(labels::COMMITMENT, &c);
    let _: Vec<Fr> = t.challenge_vector(labels::OPENING_POINT, point.len());
    assert_eq!(
        HyperKzg::verify(&vk, &other, &point, &value, &proof, &mut t),
        Err(OpeningError::PairingCheck)
    );
}

#[test]
fn hyperkzg_rejects_tampered_proofs() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 8);
    let vk = srs.verifier_key();
    let poly = test_utils::random_poly(6, false);
    let (c, point, value, proof) = test_utils::prove_one::<HyperKzg>(&srs, &poly);
    let mut bad = proof.clone();
    bad.evals[2][1] += Fr::from(1u64);
    assert_eq!(
        test_utils::verify_one::<HyperKzg>(&vk, &c, &point, &value, &bad),
        Err(OpeningError::FoldConsistency { round: 0 })
    );
    let mut bad = proof.clone();
    bad.witness = bad.folds[0];
    assert_eq!(
        test_utils::verify_one::<HyperKzg>(&vk, &c, &point, &value, &bad),
        Err(OpeningError::PairingCheck)
    );
    let mut bad = proof.clone();
    bad.folds.pop();
    assert!(matches!(
        test_utils::verify_one::<HyperKzg>(&vk, &c, &point, &value, &bad),
        Err(OpeningError::ProofShape(_))
    ));
    // A constant polynomial (2^0 evaluations) with a wrong value.
    let constant = test_utils::random_poly(0, false);
    let (c, point, value, proof) = test_utils::prove_one::<HyperKzg>(&srs, &constant);
    assert_eq!(
        test_utils::verify_one::<HyperKzg>(&vk, &c, &point, &(value + Fr::from(1u64)), &proof),
        Err(OpeningError::EvaluationMismatch)
    );
}

#[test]
fn hyperkzg_rejects_batch_with_one_wrong_claim() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 7);
    for err in test_utils::batch_errors::<HyperKzg>(&srs, &srs.verifier_key(), 7) {
        assert_eq!(err, Err(OpeningError::FoldConsistency { round: 0 }));
    }
}

#[test]
fn only_the_development_srs_is_insecure() {
    assert_eq!(
        HyperKzgSrs::setup_insecure_dev(16),
        HyperKzgSrs::setup_insecure_dev(16),
        "the development SRS is deterministic"
    );
    let dev = HyperKzg::verifier_setup(&HyperKzgParameters::InsecureDevelopment, 10).unwrap();
    assert!(HyperKzg::is_insecure(&dev));
    let srs = HyperKzgSrs::from_tau(Fr::from(12345u64), 8);
    assert!(!HyperKzg::is_insecure(&srs.verifier_key()));
    let ceremony = HyperKzgParameters::Ceremony(std::sync::Arc::new(srs));
    let vk = HyperKzg::verifier_setup(&ceremony, 3).unwrap();
    assert!(!HyperKzg::is_insecure(&vk));
    assert_eq!(
        HyperKzg::prover_setup(&ceremony, 3, 3).map(|s| s.max_len()),
        Ok(8)
    );
    assert_eq!(
        HyperKzg::prover_setup(&ceremony, 4, 4).err(),
        Some(SetupError::TooFewPowers {
            available: 8,
            needed: 16,
            num_vars: 4
        })
    );
}
