use super::*;
use crate::commitment::test_utils;

#[test]
fn hyrax_completeness_small_sizes() {
    let setup = HyraxSetup::new(16);
    test_utils::completeness::<Hyrax>(&setup, &setup, &(0..=16).collect::<Vec<_>>());
}

#[test]
#[ignore = "2^20 evaluations: run with --release --ignored"]
fn hyrax_completeness_2_pow_17_to_20() {
    let setup = HyraxSetup::new(20);
    test_utils::completeness::<Hyrax>(&setup, &setup, &(17..=20).collect::<Vec<_>>());
}

#[test]
fn hyrax_rejects_opening_with_wrong_value_point_or_commitment() {
    let setup = HyraxSetup::new(8);
    for n in [1, 4, 7] {
        let [value, point, commitment] = test_utils::soundness::<Hyrax>(&setup, &setup, n);
        assert_eq!(
            value,
            Err(OpeningError::EvaluationMismatch),
            "wrong value, n = {n}"
        );
        // x_0 is a column variable when there is one row, a row variable otherwise.
        let expected = if n <= 4 {
            OpeningError::EvaluationMismatch
        } else {
            OpeningError::CommitmentMismatch
        };
        assert_eq!(point, Err(expected), "wrong point, n = {n}");
        assert_eq!(
            commitment,
            Err(OpeningError::CommitmentMismatch),
            "wrong commitment, n = {n}"
        );
    }
}

#[test]
fn hyrax_rejects_tampered_row_combination() {
    let setup = HyraxSetup::new(8);
    let poly = test_utils::random_poly(6, false);
    let (c, point, value, proof) = test_utils::prove_one::<Hyrax>(&setup, &poly);
    let mut tampered = proof.clone();
    // Shifting u by a vector orthogonal to R keeps ⟨u, R⟩ but breaks the commitment check.
    let right = crate::poly::EqPolynomial::evals(&point[3..]);
    tampered.row_combination[0] += right[1];
    tampered.row_combination[1] -= right[0];
    assert_eq!(
        test_utils::verify_one::<Hyrax>(&setup, &c, &point, &value, &tampered),
        Err(OpeningError::CommitmentMismatch)
    );
    let mut short = proof.clone();
    short.row_combination.pop();
    assert!(matches!(
        test_utils::verify_one::<Hyrax>(&setup, &c, &point, &value, &short),
        Err(OpeningError::ProofShape(_))
    ));
}

#[test]
fn hyrax_rejects_batch_with_one_wrong_claim() {
    let setup = HyraxSetup::new(8);
    for err in test_utils::batch_errors::<Hyrax>(&setup, &setup, 7) {
        assert_eq!(err, Err(OpeningError::EvaluationMismatch));
    }
}

#[test]
fn hyrax_commitments_are_padding_invariant() {
    let setup = HyraxSetup::new(8);
    let small = test_utils::random_poly(5, false);
    let mut padded = small.to_dense().into_evals();
    padded.resize(1 << 8, Fr::from(0u64));
    let big = Hyrax::commit(&setup, &padded.into());
    let c = Hyrax::commit(&setup, &small);
    let combined = Hyrax::combine_commitments(&[&c], &[Fr::from(1u64)]).unwrap();
    // Same rows; the padded one has identity rows after them.
    use ark_ec::AffineRepr;
    assert_eq!(combined.row_commitments.len(), 2);
    assert_eq!(combined.row_commitments[..], big.row_commitments[..2]);
    assert!(big.row_commitments[2..].iter().all(|g| g.is_zero()));
}
