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
fn hyperkzg_srs_save_and_load() {
    let srs = HyperKzgSrs::setup_insecure_dev(16);
    let path = std::env::temp_dir().join(format!("jolt-core-srs-test-{}.bin", std::process::id()));
    srs.save(&path).unwrap();
    let loaded = HyperKzgSrs::load(&path).unwrap();
    assert_eq!(loaded, srs);
    // A corrupted file is rejected, not accepted or panicking.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[20] ^= 0xff;
    std::fs::write(&path, &bytes).unwrap();
    assert!(HyperKzgSrs::load(&path).is_err());
    std::fs::remove_file(&path).ok();
    // The development SRS is deterministic.
    assert_eq!(HyperKzgSrs::setup_insecure_dev(16), srs);
}
