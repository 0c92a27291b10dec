use super::*;
use crate::commitment::test_utils;
use crate::transcript::Sample;
use ark_bn254::{Bn254, Fq12, G1Affine, G2Affine};
use ark_ec::pairing::Pairing;
use ark_ec::AffineRepr;
use ark_ff::{AdditiveGroup, Field, PrimeField, UniformRand};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::test_rng;
use num_bigint::BigUint;
use num_integer::Integer;

#[test]
fn dory_completeness_small_sizes() {
    let bound = DorySetup::new(12);
    for n in 0..=12 {
        test_utils::completeness::<Dory>(&DorySetup::new(n), &bound, &[n]);
    }
}

#[test]
fn dory_rejects_opening_with_wrong_value_point_or_commitment() {
    for n in [1, 4, 7] {
        let setup = DorySetup::new(n);
        for (what, result) in ["value", "point", "commitment"]
            .iter()
            .zip(test_utils::soundness::<Dory>(&setup, &setup, n))
        {
            assert_eq!(
                result,
                Err(OpeningError::PairingCheck),
                "wrong {what}, n = {n}"
            );
        }
    }
}

#[test]
fn dory_batch_rejects_every_wrong_value() {
    let setup = DorySetup::new(9);
    for e in test_utils::batch_errors::<Dory>(&setup, &setup, 9) {
        assert_eq!(e, Err(OpeningError::PairingCheck));
    }
}

#[test]
fn dory_commitment_is_invariant_under_zero_padding_and_homomorphic() {
    let setup = DorySetup::new(9);
    let small = test_utils::random_poly(5, true);
    let mut padded = small.to_dense().into_evals();
    padded.resize(1 << 9, Fr::from(0u64));
    let padded: MultilinearPolynomial<Fr> = padded.into();
    let c_small = Dory::commit(&setup, &small);
    assert_eq!(c_small, Dory::commit(&setup, &padded));
    let other = test_utils::random_poly(9, false);
    let k = [Fr::from(3u64), Fr::from(7u64)];
    let combined = MultilinearPolynomial::linear_combination(&[&small, &other], &k);
    assert_eq!(
        Dory::combine_commitments(&[&c_small, &Dory::commit(&setup, &other)], &k),
        Some(Dory::commit(&setup, &combined.into()))
    );
}

#[test]
fn dory_rejects_a_point_longer_than_the_setup_and_a_wrong_round_count() {
    let setup = DorySetup::new(6);
    let poly = test_utils::random_poly(6, false);
    let (c, point, value, mut proof) = test_utils::prove_one::<Dory>(&setup, &poly);
    let long: Vec<Fr> = (0..7u64).map(Fr::from).collect();
    assert!(matches!(
        test_utils::verify_one::<Dory>(&setup, &c, &long, &value, &proof),
        Err(OpeningError::PointTooLong { max: 6, got: 7 })
    ));
    // A larger verifier bound accepts the proof; a shorter point (other shape) does not.
    let bound = DorySetup::new(20);
    assert_eq!(
        test_utils::verify_one::<Dory>(&bound, &c, &point, &value, &proof),
        Ok(())
    );
    assert!(test_utils::verify_one::<Dory>(&bound, &c, &point[1..], &value, &proof).is_err());
    proof.first.pop();
    assert_eq!(
        test_utils::verify_one::<Dory>(&setup, &c, &point, &value, &proof),
        Err(OpeningError::ProofShape("number of reduce rounds ≠ σ"))
    );
}

#[test]
fn dory_setup_is_derived_from_the_public_seed_only() {
    let a = DorySetup::new(8);
    let bytes = crate::utils::serialization::to_bytes(&a);
    assert_eq!(bytes, 4u32.to_le_bytes());
    let b: DorySetup = crate::utils::serialization::from_bytes(&bytes).unwrap();
    let (pa, pb) = (a.parameters(), DorySetup::new(10).parameters());
    assert_eq!(b, a);
    // A smaller size's generators are a prefix of a larger one's.
    assert_eq!(pa.g1_affine[..], pb.g1_affine[..16]);
    assert_eq!(pa.g2_affine[..], pb.g2_affine[..16]);
    let on_curve = |g: &G1Affine| g.is_on_curve() && g.is_in_correct_subgroup_assuming_on_curve();
    assert!(pb.g1_affine.iter().all(on_curve));
    let on_curve = |g: &G2Affine| g.is_on_curve() && g.is_in_correct_subgroup_assuming_on_curve();
    assert!(pb.g2_affine.iter().all(on_curve));
    assert_ne!(pa.g1_affine[0], G1Affine::generator());
    assert_ne!(pa.g2_affine[0], G2Affine::generator());
    for bad in [0u32, MAX_LOG_COLS + 1] {
        assert!(crate::utils::serialization::from_bytes::<DorySetup>(&bad.to_le_bytes()).is_err());
    }
}

/// The two facts [`gt::is_in_gt`] rests on, recomputed: `p ≡ 6u² (mod r)` and
/// `gcd(p − 6u², Φ_12(p)) = r`.
#[test]
fn gt_membership_test_is_exact_for_bn254() {
    let u = BigUint::from(4_965_661_367_192_848_881u64);
    let six_u2 = BigUint::from(6u32) * &u * &u;
    let limbs = six_u2.to_u64_digits();
    assert_eq!(limbs, gt::SIX_U_SQUARED.to_vec());
    let p: BigUint = ark_bn254::Fq::MODULUS.into();
    let r: BigUint = ark_bn254::Fr::MODULUS.into();
    let p2 = &p * &p;
    let phi = &p2 * &p2 - &p2 + 1u32;
    assert_eq!(&p % &r, &six_u2 % &r);
    assert_eq!((&p - &six_u2).gcd(&phi), r);
}

#[test]
fn gt_membership_accepts_pairings_and_rejects_other_elements() {
    let mut rng = test_rng();
    for _ in 0..4 {
        let x = Bn254::pairing(G1Affine::rand(&mut rng), G2Affine::rand(&mut rng)).0;
        assert!(gt::is_in_gt(&x));
        // A random element is not even in the cyclotomic subgroup.
        let y = Fq12::rand(&mut rng);
        assert!(!gt::is_in_gt(&y));
        // y^{(p^6 − 1)(p^2 + 1)} is in the cyclotomic subgroup, but not of order r.
        let mut z = y;
        z.frobenius_map_in_place(6);
        z *= y.inverse().unwrap();
        let mut z2 = z;
        z2.frobenius_map_in_place(2);
        let w = z2 * z;
        assert_eq!(w.pow(ark_bn254::Fr::MODULUS) == Fq12::ONE, gt::is_in_gt(&w));
        assert!(!gt::is_in_gt(&w));
    }
    assert!(!gt::is_in_gt(&Fq12::ZERO));
    // A decoded non-member is rejected, in both encodings.
    let mut bytes = Vec::new();
    Fq12::rand(&mut rng)
        .serialize_uncompressed(&mut bytes)
        .unwrap();
    assert!(Gt::deserialize_uncompressed(&bytes[..]).is_err());
    for _ in 0..4 {
        // (c + w)/(c − w) has norm 1, but is in GT only for a negligible fraction of c.
        let bytes = crate::utils::serialization::to_bytes(&ark_bn254::Fq6::rand(&mut rng));
        assert!(crate::utils::serialization::from_bytes::<Gt>(&bytes).is_err());
    }
}

/// The torus encoding: half the bytes, the identity and pairings round-trip exactly, it agrees
/// with the uncompressed encoding, and a coordinate at or above `p` is rejected.
#[test]
fn gt_compressed_encoding_round_trips_and_is_canonical() {
    use crate::utils::serialization::{from_bytes, to_bytes};
    let mut rng = test_rng();
    let mut elements = vec![Gt::default()];
    for _ in 0..8 {
        let x = Bn254::pairing(G1Affine::rand(&mut rng), G2Affine::rand(&mut rng));
        elements.push(Gt(x));
        // Its inverse has the same `a` and the opposite `b`.
        elements.push(Gt(-x));
    }
    for x in &elements {
        let bytes = to_bytes(x);
        assert_eq!(bytes.len(), 192);
        assert_eq!(&from_bytes::<Gt>(&bytes).unwrap(), x);
        assert_eq!(gt::from_torus(&gt::to_torus(&x.0 .0)), x.0 .0);
        let mut full = Vec::new();
        x.serialize_uncompressed(&mut full).unwrap();
        assert_eq!(full.len(), 384);
        assert_eq!(&Gt::deserialize_uncompressed(&full[..]).unwrap(), x);
    }
    assert!(to_bytes(&Gt::default()).iter().all(|b| *b == 0));
    assert!(from_bytes::<Gt>(&[0xff; 192]).is_err());
}

#[test]
fn dory_combination_rows_equal_the_rows_of_the_combination_and_verify() {
    use ark_ec::CurveGroup;
    let setup = DorySetup::new(9);
    let a = test_utils::random_poly(9, true);
    let b = test_utils::random_poly(5, true);
    let c = test_utils::random_poly(9, false);
    let polys = [&a, &b, &a, &c];
    let coeffs: Vec<Fr> = [3u64, 5, 7, 11].map(Fr::from).to_vec();
    let combined: MultilinearPolynomial<Fr> =
        MultilinearPolynomial::linear_combination(&polys, &coeffs).into();
    let params = setup.parameters();
    let direct = crate::commitment::matrix::commit_rows(&params.g1_affine[..1 << 5], &combined);
    let merged = combination::row_commitments(&setup, &polys, &coeffs);
    assert_eq!(
        G1Projective::normalize_batch(&direct),
        G1Projective::normalize_batch(&merged)
    );
    let commitments: Vec<Gt> = polys.iter().map(|p| Dory::commit(&setup, p)).collect();
    let refs: Vec<&Gt> = commitments.iter().collect();
    let c_combined = Dory::combine_commitments(&refs, &coeffs).unwrap();
    let point: Vec<Fr> = (0..9u64).map(|i| Fr::from(i * 13 + 2)).collect();
    let proof = Dory::open_combination(
        &setup,
        &polys,
        &coeffs,
        &combined,
        &point,
        &mut Transcript::new(b"comb"),
    );
    let value = combined.evaluate(&point);
    assert_eq!(
        Dory::verify(
            &setup,
            &c_combined,
            &point,
            &value,
            &proof,
            &mut Transcript::new(b"comb")
        ),
        Ok(())
    );
}

/// `dory-pcs`'s own verifier on the transcript of [`test_utils::verify_one`].
fn dory_pcs_accepts(c: &Gt, point: &[Fr], value: &Fr, proof: &DoryProof) -> bool {
    let mut t = Transcript::new(b"pcs-test");
    t.append(labels::COMMITMENT, c);
    let _: Vec<Fr> = t.challenge_vector(labels::OPENING_POINT, point.len());
    let sigma = setup::log_cols_for(point.len());
    let nu = point.len().saturating_sub(sigma);
    t.append_scalars(labels::OPENING_POINT, point);
    t.append_scalar(labels::OPENING_VALUE, value);
    dory_pcs::verify::<_, BN254, G1Routines, G2Routines, _>(
        ArkGT(c.0),
        ArkFr(*value),
        &bridge::dory_point(point, nu + sigma),
        &proof.to_dory(nu, sigma),
        DoryParameters::get(sigma as u32).verifier.clone(),
        &mut bridge::DoryTranscript(&mut t),
    )
    .is_ok()
}

/// The deferred verifier accepts and rejects exactly what `dory-pcs`'s verifier does: honest
/// proofs of several shapes (`ν < σ` and `ν = σ`), and each message, the value and the point
/// tampered with.
#[test]
fn deferred_verifier_agrees_with_dory_pcs_on_honest_and_tampered_proofs() {
    let mut rng = test_rng();
    let g1 = G1Affine::rand(&mut rng);
    let g2 = G2Affine::rand(&mut rng);
    let t = Gt(Bn254::pairing(g1, g2));
    for n in [1, 2, 5, 8] {
        let setup = DorySetup::new(n);
        let poly = test_utils::random_poly(n, n % 2 == 0);
        let (c, point, value, proof) = test_utils::prove_one::<Dory>(&setup, &poly);
        let ours = |c: &Gt, point: &[Fr], value: &Fr, proof: &DoryProof| {
            test_utils::verify_one::<Dory>(&setup, c, point, value, proof).is_ok()
        };
        assert!(ours(&c, &point, &value, &proof), "honest, n = {n}");
        assert!(dory_pcs_accepts(&c, &point, &value, &proof), "n = {n}");

        let mut tampered: Vec<DoryProof> = Vec::new();
        let mut edit = |f: &dyn Fn(&mut DoryProof)| {
            let mut p = proof.clone();
            f(&mut p);
            tampered.push(p);
        };
        edit(&|p| p.vmv_c = Gt(p.vmv_c.0 + t.0));
        edit(&|p| p.vmv_d2 = Gt(p.vmv_d2.0 + t.0));
        edit(&|p| p.vmv_e1 = (p.vmv_e1 + g1).into());
        edit(&|p| p.final_e1 = (p.final_e1 + g1).into());
        edit(&|p| p.final_e2 = (p.final_e2 + g2).into());
        for r in 0..proof.first.len() {
            edit(&|p| p.first[r].d1_left = Gt(p.first[r].d1_left.0 + t.0));
            edit(&|p| p.first[r].d1_right = Gt(p.first[r].d1_right.0 + t.0));
            edit(&|p| p.first[r].d2_left = Gt(p.first[r].d2_left.0 + t.0));
            edit(&|p| p.first[r].d2_right = Gt(p.first[r].d2_right.0 + t.0));
            edit(&|p| p.first[r].e1_beta = (p.first[r].e1_beta + g1).into());
            edit(&|p| p.first[r].e2_beta = (p.first[r].e2_beta + g2).into());
            edit(&|p| p.second[r].c_plus = Gt(p.second[r].c_plus.0 + t.0));
            edit(&|p| p.second[r].c_minus = Gt(p.second[r].c_minus.0 + t.0));
            edit(&|p| p.second[r].e1_plus = (p.second[r].e1_plus + g1).into());
            edit(&|p| p.second[r].e1_minus = (p.second[r].e1_minus + g1).into());
            edit(&|p| p.second[r].e2_plus = (p.second[r].e2_plus + g2).into());
            edit(&|p| p.second[r].e2_minus = (p.second[r].e2_minus + g2).into());
        }
        for (i, p) in tampered.iter().enumerate() {
            assert!(
                !ours(&c, &point, &value, p),
                "tampered message {i}, n = {n}"
            );
            assert!(
                !dory_pcs_accepts(&c, &point, &value, p),
                "message {i}, n = {n}"
            );
        }
        let wrong_value = value + Fr::from(1u64);
        assert!(!ours(&c, &point, &wrong_value, &proof));
        assert!(!dory_pcs_accepts(&c, &point, &wrong_value, &proof));
        let mut wrong_point = point.clone();
        wrong_point[0] += Fr::from(1u64);
        assert!(!ours(&c, &wrong_point, &value, &proof));
        assert!(!dory_pcs_accepts(&c, &wrong_point, &value, &proof));
        let wrong_c = Gt(c.0 + t.0);
        assert!(!ours(&wrong_c, &point, &value, &proof));
        assert!(!dory_pcs_accepts(&wrong_c, &point, &value, &proof));
    }
}
