use super::*;
use crate::field::Fr;
use crate::poly::{MultilinearPolynomial, UniPoly};
use crate::transcript::Transcript;
use ark_ff::Field;
use ark_std::{test_rng, UniformRand};

fn random_polys(k: usize, n: usize) -> Vec<MultilinearPolynomial<Fr>> {
    let mut rng = test_rng();
    (0..k)
        .map(|_| {
            (0..1 << n)
                .map(|_| Fr::rand(&mut rng))
                .collect::<Vec<_>>()
                .into()
        })
        .collect()
}

fn product(v: &[Fr]) -> Fr {
    v.iter().product()
}

/// Proves Π_j p_j summed over the cube; returns what the verifier needs.
fn prove_product(
    polys: Vec<MultilinearPolynomial<Fr>>,
) -> (SumcheckProof<Fr>, Fr, Vec<Fr>, Vec<Fr>) {
    let degree = polys.len();
    let mut inst = ProductSumcheck::new_computing_claim(polys, degree, product);
    let claim = inst.input_claim();
    let mut t = Transcript::new(b"sumcheck-test");
    let (proof, r, _) = prove(&mut inst, &mut t);
    (proof, claim, r, inst.final_evals())
}

/// Verifies and performs the caller's final check against the true polynomials.
fn verify_product(
    polys: &[MultilinearPolynomial<Fr>],
    claim: Fr,
    proof: &SumcheckProof<Fr>,
) -> Result<Vec<Fr>, SumcheckError> {
    let n = polys[0].num_vars();
    let mut t = Transcript::new(b"sumcheck-test");
    let out = verify(claim, n, polys.len(), proof, &mut t)?;
    let evals: Vec<Fr> = polys.iter().map(|p| p.evaluate(&out.point)).collect();
    out.check(product(&evals))?;
    Ok(out.point)
}

#[test]
fn round_polynomials_match_naive() {
    let n = 4;
    let polys = random_polys(3, n);
    let mut inst = ProductSumcheck::new_computing_claim(polys.clone(), 3, product);
    let claim = inst.input_claim();
    // Naive first round: h(t) = Σ_{x'} Π_j ((1−t) p_j(0,x') + t p_j(1,x')).
    let half = 1 << (n - 1);
    let naive: Vec<Fr> = (0..=3u64)
        .map(|t| {
            let t = Fr::from(t);
            (0..half)
                .map(|i| {
                    polys
                        .iter()
                        .map(|p| (Fr::ONE - t) * p.get(i) + t * p.get(i + half))
                        .product::<Fr>()
                })
                .sum()
        })
        .collect();
    assert_eq!(inst.compute_round_evals(claim), naive);
    assert_eq!(naive[0] + naive[1], claim);
    // The same after binding one variable.
    let r = Fr::from(77u64);
    let h = UniPoly::from_evals(&naive);
    inst.bind(r);
    let bound: Vec<MultilinearPolynomial<Fr>> = polys
        .iter()
        .map(|p| {
            let mut q = p.clone();
            q.bind_top(r);
            q
        })
        .collect();
    let next = ProductSumcheck::new_computing_claim(bound, 3, product);
    assert_eq!(next.input_claim(), h.evaluate(r));
    assert_eq!(
        inst.compute_round_evals(h.evaluate(r)),
        next.compute_round_evals(h.evaluate(r))
    );
}

#[test]
fn completeness_degrees_1_to_4() {
    for degree in 1..=4 {
        for n in [0, 1, 5] {
            let polys = random_polys(degree, n);
            let (proof, claim, r, finals) = prove_product(polys.clone());
            let point = verify_product(&polys, claim, &proof).expect("honest proof verifies");
            assert_eq!(point, r);
            let direct: Vec<Fr> = polys.iter().map(|p| p.evaluate(&r)).collect();
            assert_eq!(finals, direct);
        }
    }
}

#[test]
fn compact_polynomials_prove_like_dense() {
    let values: Vec<u16> = (0..64u16).map(|i| i.wrapping_mul(1031)).collect();
    let compact: MultilinearPolynomial<Fr> = values.clone().into();
    let dense: MultilinearPolynomial<Fr> = values
        .iter()
        .map(|v| Fr::from(*v as u64))
        .collect::<Vec<_>>()
        .into();
    let other = random_polys(1, 6).remove(0);
    let (p1, c1, _, _) = prove_product(vec![compact, other.clone()]);
    let (p2, c2, _, _) = prove_product(vec![dense.clone(), other.clone()]);
    assert_eq!((p1, c1), (p2.clone(), c2));
    assert!(verify_product(&[dense, other], c2, &p2).is_ok());
}

#[test]
fn batched_sumcheck_with_different_sizes() {
    let a = random_polys(2, 3);
    let b = random_polys(3, 5);
    let c = random_polys(1, 5);
    let mut ia = ProductSumcheck::new_computing_claim(a.clone(), 2, product);
    let mut ib = ProductSumcheck::new_computing_claim(b.clone(), 3, product);
    let mut ic = ProductSumcheck::new_computing_claim(c.clone(), 1, product);
    let claims = [
        (ia.input_claim(), 3),
        (ib.input_claim(), 5),
        (ic.input_claim(), 5),
    ];
    let mut t = Transcript::new(b"batched");
    let (proof, r, _) = prove_batched(&mut [&mut ia, &mut ib, &mut ic], &mut t);
    assert_eq!(r.len(), 5);

    let mut t = Transcript::new(b"batched");
    let out = verify_batched(&claims, 3, &proof, &mut t).expect("honest batch verifies");
    let eval = |polys: &[MultilinearPolynomial<Fr>], k: usize| {
        let point = out.instance_point(k).unwrap();
        product(&polys.iter().map(|p| p.evaluate(point)).collect::<Vec<_>>())
    };
    let evals = [eval(&a, 0), eval(&b, 1), eval(&c, 2)];
    assert!(out.check(&evals).is_ok());
    // The prover's final evaluations agree with the instance points.
    assert_eq!(product(&ia.final_evals()), evals[0]);

    // One wrong claim in the batch is caught.
    let mut bad = claims;
    bad[1].0 += Fr::ONE;
    let mut t = Transcript::new(b"batched");
    let out = verify_batched(&bad, 3, &proof, &mut t).unwrap();
    assert!(matches!(
        out.check(&evals),
        Err(SumcheckError::FinalEvaluation { .. })
    ));
}

#[test]
fn rejects_changed_round_polynomial() {
    let polys = random_polys(3, 4);
    let (mut proof, claim, _, _) = prove_product(polys.clone());
    for round in 0..4 {
        for coeff in 0..3 {
            let mut p = proof.clone();
            p.round_polys[round].coeffs_except_linear[coeff] += Fr::ONE;
            assert!(matches!(
                verify_product(&polys, claim, &p),
                Err(SumcheckError::FinalEvaluation { .. })
            ));
        }
    }
    proof.round_polys[0].coeffs_except_linear.push(Fr::ONE);
    assert_eq!(
        verify_product(&polys, claim, &proof),
        Err(SumcheckError::WrongDegree {
            round: 0,
            expected: 3,
            got: 4
        })
    );
}

#[test]
fn rejects_changed_claimed_sum() {
    let polys = random_polys(2, 4);
    let (proof, claim, _, _) = prove_product(polys.clone());
    assert!(matches!(
        verify_product(&polys, claim + Fr::ONE, &proof),
        Err(SumcheckError::FinalEvaluation { .. })
    ));
}

#[test]
fn rejects_changed_final_evaluation() {
    let polys = random_polys(2, 4);
    let (proof, claim, _, mut finals) = prove_product(polys.clone());
    // A caller that checks against prover-supplied final values (to be opened later) sees a
    // mismatch as soon as one of them is changed.
    finals[1] += Fr::ONE;
    let mut t = Transcript::new(b"sumcheck-test");
    let out = verify(claim, 4, 2, &proof, &mut t).unwrap();
    assert!(matches!(
        out.check(product(&finals)),
        Err(SumcheckError::FinalEvaluation { .. })
    ));
}

#[test]
fn rejects_wrong_number_of_rounds() {
    let polys = random_polys(2, 4);
    let (mut proof, claim, _, _) = prove_product(polys.clone());
    proof.round_polys.pop();
    assert_eq!(
        verify_product(&polys, claim, &proof),
        Err(SumcheckError::WrongNumberOfRounds {
            expected: 4,
            got: 3
        })
    );
    let mut t = Transcript::new(b"sumcheck-test");
    assert!(matches!(
        verify_batched::<Fr>(&[], 2, &proof, &mut t),
        Err(SumcheckError::MalformedBatch(_))
    ));
}
