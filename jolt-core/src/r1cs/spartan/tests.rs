//! Completeness and named attacks on a toy uniform system that uses every builder feature.

use super::*;
use crate::commitment::hyrax::{Hyrax, HyraxSetup};
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::opening_accumulator::{ProverOpeningAccumulator, VerifierOpeningAccumulator};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::r1cs::builder::R1csBuilder;
use crate::r1cs::shape::UniformShape;
use crate::subprotocols::sumcheck::{ProductSumcheck, SumcheckError, SumcheckInstance};
use crate::transcript::{labels as tl, Absorb, Transcript};
use crate::utils::serialization::{from_bytes, to_bytes};
use ark_ff::{AdditiveGroup, Field};
use ark_std::rand::{Rng, SeedableRng};
use ark_std::{test_rng, UniformRand};

const FLAG: usize = 2;
const SEL: usize = 3;
const PROD: usize = 4;
const OUT: usize = 5;

/// A counter machine: `x(t+1) = x(t) + step(t)`; `flag` boolean; `sel = flag ? x : step`;
/// `prod = x·step`; `out = (sel + 1)·(step − 2)` (negative values, a dense column);
/// `flag ⇒ y(t+1) = sel(t)` (a conditional cross-step link).
pub(super) fn toy_shape() -> UniformShape {
    let mut b = R1csBuilder::new();
    let [x, step, flag, sel, prod, out, y] =
        ["x", "step", "flag", "sel", "prod", "out", "y"].map(|n| b.var(n));
    b.constrain_eq("counter", x.next(), x + step);
    b.constrain_binary("flag is a bit", flag);
    b.constrain_if_else("select", flag, x, step, sel);
    b.constrain_prod("product", x, step, prod);
    b.constrain_prod("affine product", sel + 1i128, step - 2i128, out);
    b.constrain_eq_if("conditional link", flag, y.next(), sel);
    b.build()
}

/// An honest witness over `2^log_t` cycles; `glitch = Some(j)` breaks the counter link
/// between cycles `j` and `j + 1` (and nothing else).
pub(super) fn toy_witness(log_t: usize, glitch: Option<usize>) -> Vec<MultilinearPolynomial<Fr>> {
    let t_len = 1usize << log_t;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(log_t as u64);
    let mut cols: Vec<Vec<i64>> = vec![vec![0; t_len]; 7];
    let mut x = 5i64;
    let mut y = 7i64;
    for t in 0..t_len {
        let step: i64 = rng.gen_range(0..1000);
        // The last cycle has flag = 1 and sel ≠ 0: only the mask makes it pass.
        let flag: i64 = if t + 1 == t_len {
            1
        } else {
            rng.gen_range(0..2)
        };
        let sel = if flag == 1 { x } else { step };
        let row = [x, step, flag, sel, x * step, (sel + 1) * (step - 2), y];
        for (c, v) in cols.iter_mut().zip(row) {
            c[t] = v;
        }
        x += step + i64::from(glitch == Some(t));
        y = if flag == 1 { sel } else { rng.gen_range(0..50) };
    }
    cols.into_iter()
        .enumerate()
        .map(|(k, c)| {
            if k == OUT {
                c.iter().map(|v| Fr::from(*v)).collect::<Vec<_>>().into()
            } else if k == FLAG {
                c.iter().map(|v| *v as u8).collect::<Vec<_>>().into()
            } else {
                c.iter().map(|v| *v as u64).collect::<Vec<_>>().into()
            }
        })
        .collect()
}

const DOMAIN: &[u8] = b"spartan-test";

fn prove_toy(shape: &UniformShape, witness: &[MultilinearPolynomial<Fr>]) -> SpartanProof<Fr> {
    prove(shape, witness, &mut Transcript::new(DOMAIN)).0
}

/// Verifies and performs the caller's obligation directly on the witness (an opening would).
fn verify_toy(
    shape: &UniformShape,
    log_t: usize,
    proof: &SpartanProof<Fr>,
    witness: &[MultilinearPolynomial<Fr>],
) -> Result<(), SpartanError> {
    let claims = verify(shape, log_t, proof, &mut Transcript::new(DOMAIN))?;
    for (w, v) in witness.iter().zip(&claims.evals) {
        assert_eq!(
            w.evaluate(&claims.point),
            *v,
            "claims must be the witness evaluations"
        );
    }
    Ok(())
}

#[test]
fn shift_mle_matches_brute_force() {
    let mut rng = test_rng();
    for n in 0..6 {
        let r: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
        let s: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
        let (er, es) = (EqPolynomial::evals(&r), EqPolynomial::evals(&s));
        let naive: Fr = (0..(1usize << n).saturating_sub(1))
            .map(|t| er[t] * es[t + 1])
            .sum();
        assert_eq!(shift_mle(&r, &s), naive, "n = {n}");
    }
}

#[test]
fn builder_features_and_witness_check() {
    let shape = toy_shape();
    assert_eq!(shape.num_constraints(), 6);
    assert_eq!(shape.cross_step_rows().collect::<Vec<_>>(), vec![0, 5]);
    assert_eq!(shape.check_witness(&toy_witness(5, None)), Ok(()));
    let err = shape.check_witness(&toy_witness(5, Some(9))).unwrap_err();
    assert_eq!((err.cycle, err.constraint), (9, 0));
}

#[test]
fn completeness_for_all_sizes() {
    let shape = toy_shape();
    for log_t in 4..=10 {
        let witness = toy_witness(log_t, None);
        let proof = prove_toy(&shape, &witness);
        assert_eq!(
            verify_toy(&shape, log_t, &proof, &witness),
            Ok(()),
            "log T = {log_t}"
        );
        let bytes = to_bytes(&proof);
        assert_eq!(from_bytes::<SpartanProof<Fr>>(&bytes).unwrap(), proof);
    }
}

#[test]
fn completeness_with_batched_opening() {
    let shape = toy_shape();
    let log_t = 6;
    let witness = toy_witness(log_t, None);
    let setup = HyraxSetup::new(log_t);
    let commitments: Vec<_> = witness.iter().map(|w| Hyrax::commit(&setup, w)).collect();

    let mut t = Transcript::new(DOMAIN);
    commitments.iter().for_each(|c| t.append(tl::COMMITMENT, c));
    let (proof, claims) = prove(&shape, &witness, &mut t);
    let mut acc = ProverOpeningAccumulator::<Hyrax>::new();
    for (w, v) in witness.iter().zip(&claims.evals) {
        acc.append(w.clone(), claims.point.clone(), *v);
    }
    let opening = acc.prove(&setup, &mut t);

    let mut t = Transcript::new(DOMAIN);
    commitments.iter().for_each(|c| t.append(tl::COMMITMENT, c));
    let claims = verify(&shape, log_t, &proof, &mut t).unwrap();
    let mut acc = VerifierOpeningAccumulator::<Hyrax>::new();
    for (c, v) in commitments.iter().zip(&claims.evals) {
        acc.append(c.clone(), claims.point.clone(), *v);
    }
    assert!(acc.verify(&setup, &opening, &mut t).is_ok());
}

fn is_final_eval(e: &SumcheckError) -> bool {
    matches!(e, SumcheckError::FinalEvaluation { .. })
}

#[test]
fn rejects_changed_witness_value() {
    let shape = toy_shape();
    for (col, cycle) in [(PROD, 5), (SEL, 0), (OUT, 15), (FLAG, 7)] {
        let mut witness = toy_witness(4, None);
        let mut dense = witness[col].to_dense().into_evals();
        dense[cycle] += Fr::ONE;
        witness[col] = dense.into();
        assert!(shape.check_witness(&witness).is_err());
        let proof = prove_toy(&shape, &witness);
        match verify_toy(&shape, 4, &proof, &witness) {
            Err(SpartanError::Outer(e)) if is_final_eval(&e) => {}
            other => panic!("column {col}, cycle {cycle}: {other:?}"),
        }
    }
}

#[test]
fn rejects_broken_cross_step_link() {
    let shape = toy_shape();
    for glitch in [0, 7, 14] {
        let witness = toy_witness(4, Some(glitch));
        let proof = prove_toy(&shape, &witness);
        match verify_toy(&shape, 4, &proof, &witness) {
            Err(SpartanError::Outer(e)) if is_final_eval(&e) => {}
            other => panic!("glitch at {glitch}: {other:?}"),
        }
    }
}

fn honest() -> (
    UniformShape,
    Vec<MultilinearPolynomial<Fr>>,
    SpartanProof<Fr>,
) {
    let shape = toy_shape();
    let witness = toy_witness(5, None);
    let proof = prove_toy(&shape, &witness);
    (shape, witness, proof)
}

#[test]
fn rejects_changed_round_polynomial_in_each_sumcheck() {
    let (shape, witness, proof) = honest();
    for round in 0..proof.outer.round_polys.len() {
        for coeff in 0..3 {
            let mut bad = proof.clone();
            bad.outer.round_polys[round].coeffs_except_linear[coeff] += Fr::ONE;
            match verify_toy(&shape, 5, &bad, &witness) {
                Err(SpartanError::Outer(e)) if is_final_eval(&e) => {}
                other => panic!("outer round {round}: {other:?}"),
            }
        }
    }
    for round in 0..proof.inner.round_polys.len() {
        let mut bad = proof.clone();
        bad.inner.round_polys[round].coeffs_except_linear[1] -= Fr::ONE;
        match verify_toy(&shape, 5, &bad, &witness) {
            Err(SpartanError::Inner(e)) if is_final_eval(&e) => {}
            other => panic!("inner round {round}: {other:?}"),
        }
    }
}

#[test]
fn rejects_wrong_final_claims() {
    let (shape, witness, proof) = honest();
    for which in 0..3 {
        let mut bad = proof.clone();
        *[&mut bad.az, &mut bad.bz, &mut bad.cz][which] += Fr::ONE;
        match verify_toy(&shape, 5, &bad, &witness) {
            Err(SpartanError::Outer(e)) if is_final_eval(&e) => {}
            other => panic!("outer claim {which}: {other:?}"),
        }
    }
    for k in 0..shape.num_vars() {
        let mut bad = proof.clone();
        bad.witness_evals[k] += Fr::ONE;
        match verify_toy(&shape, 5, &bad, &witness) {
            Err(SpartanError::Inner(e)) if is_final_eval(&e) => {}
            other => panic!("witness eval {k}: {other:?}"),
        }
    }
}

#[test]
fn rejects_wrong_number_of_rounds_and_evals() {
    let (shape, witness, proof) = honest();
    let mut bad = proof.clone();
    bad.outer.round_polys.pop();
    assert!(matches!(
        verify_toy(&shape, 5, &bad, &witness),
        Err(SpartanError::Outer(SumcheckError::WrongNumberOfRounds {
            expected: 8,
            got: 7
        }))
    ));
    let mut bad = proof.clone();
    let extra = bad.inner.round_polys[0].clone();
    bad.inner.round_polys.push(extra);
    assert!(matches!(
        verify_toy(&shape, 5, &bad, &witness),
        Err(SpartanError::Inner(SumcheckError::WrongNumberOfRounds {
            expected: 5,
            got: 6
        }))
    ));
    // The verifier's own cycle count, not the proof's, fixes the round count.
    assert!(matches!(
        verify(&shape, 6, &proof, &mut Transcript::new(DOMAIN)),
        Err(SpartanError::Outer(
            SumcheckError::WrongNumberOfRounds { .. }
        ))
    ));
    assert!(matches!(
        verify(&shape, 1000, &proof, &mut Transcript::new(DOMAIN)),
        Err(SpartanError::Statement(_))
    ));
    let mut bad = proof.clone();
    bad.witness_evals.pop();
    assert!(matches!(
        verify_toy(&shape, 5, &bad, &witness),
        Err(SpartanError::WrongNumberOfWitnessEvals {
            expected: 7,
            got: 6
        })
    ));
    let mut bad = proof;
    bad.outer.round_polys[2].coeffs_except_linear.push(Fr::ZERO);
    assert!(matches!(
        verify_toy(&shape, 5, &bad, &witness),
        Err(SpartanError::Outer(SumcheckError::WrongDegree {
            round: 2,
            ..
        }))
    ));
}

#[test]
fn rejects_proof_for_another_shape() {
    let (_, witness, proof) = honest();
    let mut b = R1csBuilder::new();
    let [x, step, flag, sel, prod, out, y] =
        ["x", "step", "flag", "sel", "prod", "out", "y"].map(|n| b.var(n));
    b.constrain_eq("counter", x.next(), x + step);
    b.constrain_binary("flag is a bit", flag);
    b.constrain_if_else("select", flag, x, step, sel);
    b.constrain_prod("product", x, step, prod);
    b.constrain_prod("affine product", sel + 1i128, step - 3i128, out); // −3, not −2
    b.constrain_eq_if("conditional link", flag, y.next(), sel);
    let other = b.build();
    assert!(verify_toy(&other, 5, &proof, &witness).is_err());
}

#[test]
fn random_and_truncated_bytes_never_panic() {
    let (shape, _, proof) = honest();
    let bytes = to_bytes(&proof);
    let check = |b: &[u8]| {
        if let Ok(p) = from_bytes::<SpartanProof<Fr>>(b) {
            let _ = verify(&shape, 5, &p, &mut Transcript::new(DOMAIN));
        }
    };
    for len in (0..bytes.len()).step_by(7) {
        assert!(
            from_bytes::<SpartanProof<Fr>>(&bytes[..len]).is_err(),
            "truncated to {len}"
        );
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    for _ in 0..200 {
        let len = rng.gen_range(0..2 * bytes.len());
        let random: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
        check(&random);
        let mut flipped = bytes.clone();
        let i = rng.gen_range(0..flipped.len());
        flipped[i] ^= 1 << rng.gen_range(0..8);
        if let Ok(p) = from_bytes::<SpartanProof<Fr>>(&flipped) {
            assert!(
                verify(&shape, 5, &p, &mut Transcript::new(DOMAIN)).is_err(),
                "byte {i}"
            );
        }
    }
}

/// The outer sumcheck the slow way: dense `E(t,c) = eq(τ,(t,c))·m(t,c)`, `Az`, `Bz`, `Cz`
/// tables of `T·2^{n_c}` entries, indexed `t·2^{n_c} + c`.
fn naive_outer(
    shape: &UniformShape,
    witness: &[MultilinearPolynomial<Fr>],
    tau: &[Fr],
) -> impl SumcheckInstance<Fr> {
    use crate::r1cs::builder::Var;
    use crate::r1cs::shape::from_i128;
    let t_len = witness[0].len();
    let rows_pad = 1usize << shape.log_num_constraints();
    let mut e = EqPolynomial::evals(tau);
    for c in shape.cross_step_rows() {
        e[(t_len - 1) * rows_pad + c] = Fr::ZERO;
    }
    let mut abc = [0, 1, 2].map(|_| vec![Fr::ZERO; t_len * rows_pad]);
    for t in 0..t_len {
        let value = |v: Var| match v {
            Var::Cur(k) => witness[k].get(t),
            Var::Next(k) if t + 1 < t_len => witness[k].get(t + 1),
            Var::Next(_) => Fr::ZERO,
        };
        for (c, con) in shape.constraints().iter().enumerate() {
            for (table, lc) in abc.iter_mut().zip([&con.a, &con.b, &con.c]) {
                table[t * rows_pad + c] = lc.evaluate(value, from_i128::<Fr>);
            }
        }
    }
    let [a, b, c] = abc;
    let polys = vec![e.into(), a.into(), b.into(), c.into()];
    ProductSumcheck::new_computing_claim(polys, 3, |v: &[Fr]| v[0] * (v[1] * v[2] - v[3]))
}

/// Runs the streaming prover and the naive one on the same claims and challenges and asserts
/// equal round polynomials and final evaluations.
fn assert_outer_matches_naive(
    shape: &UniformShape,
    witness: &[MultilinearPolynomial<Fr>],
    tau: &[Fr],
    (budget, min_stream): (usize, usize),
) {
    let mut naive = naive_outer(shape, witness, tau);
    let mut fast = super::outer::OuterSumcheck::new(shape, witness, tau, budget, min_stream);
    assert_eq!(fast.num_rounds(), naive.num_rounds());
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(budget as u64);
    let mut claim = naive.input_claim();
    for round in 0..naive.num_rounds() {
        let want = naive.compute_round_evals(claim);
        assert_eq!(
            fast.compute_round_evals(claim),
            want,
            "round {round}, plan ({budget}, {min_stream})"
        );
        let r = Fr::rand(&mut rng);
        claim = crate::poly::UniPoly::from_evals(&want).evaluate(r);
        naive.bind(r);
        fast.bind(r);
    }
    assert_eq!(
        fast.final_evals(),
        naive.final_evals(),
        "plan ({budget}, {min_stream})"
    );
}

#[test]
fn outer_prover_matches_naive_reference() {
    let shape = toy_shape();
    let log_t = 6;
    let rows = 3 * shape.num_constraints();
    let mut rng = test_rng();
    let n = log_t + shape.log_num_constraints();
    let random: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
    // τ_j = 0 makes the leading eq factor vanish: q(1) is then summed, not derived.
    let mut zeros = random.clone();
    zeros[0] = Fr::ZERO;
    zeros[1] = Fr::ZERO;
    zeros[3] = Fr::ZERO;
    // Satisfying and unsatisfying (the last cycle's masked rows included) witnesses.
    for witness in [toy_witness(log_t, None), toy_witness(log_t, Some(40))] {
        for tau in [&random, &zeros] {
            // Stream every cycle round, stream 1, 2 or 3 then materialize, materialize at once.
            let plans = [
                (0, 0),
                (rows << (log_t - 1), 0),
                (1 << 23, 2),
                (rows << (log_t - 3), 0),
                (1 << 23, 0),
            ];
            for plan in plans {
                assert_outer_matches_naive(&shape, &witness, tau, plan);
            }
        }
    }
}

#[test]
fn outer_prover_falls_back_to_the_field_on_overflow() {
    // `big·big` overflows i128 and `huge` has a 2^100 coefficient: both leave the integer path.
    let mut b = R1csBuilder::new();
    let [big, sq_lo, flag] = ["big", "sq_lo", "flag"].map(|n| b.var(n));
    b.constrain_prod("square", big, big, sq_lo);
    b.constrain_eq_if("huge", flag, big * (1i128 << 100), sq_lo.next());
    b.constrain_binary("flag is a bit", flag);
    let shape = b.build();
    let log_t = 4;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
    let big_col: Vec<u64> = (0..1 << log_t)
        .map(|_| rng.gen::<u64>() | 1 << 63)
        .collect();
    let sq_col: Vec<u64> = (0..1 << log_t).map(|_| rng.gen()).collect();
    let flag_col: Vec<u8> = (0..1 << log_t).map(|_| rng.gen_range(0..2)).collect();
    let witness: Vec<MultilinearPolynomial<Fr>> =
        vec![big_col.into(), sq_col.into(), flag_col.into()];
    let n = log_t + shape.log_num_constraints();
    let tau: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
    for plan in [(0, 0), (1 << 23, 0)] {
        assert_outer_matches_naive(&shape, &witness, &tau, plan);
    }
}

#[test]
fn streaming_and_materialized_provers_give_the_same_proof() {
    let shape = toy_shape();
    let log_t = 7;
    let witness = toy_witness(log_t, None);
    let proof = prove_toy(&shape, &witness);
    let tau: Vec<Fr> = {
        let mut t = Transcript::new(DOMAIN);
        shape.append_to_transcript(labels::SHAPE, &mut t);
        t.append_u64(labels::LOG_CYCLES, log_t as u64);
        crate::transcript::Sample::challenge_vector(
            &mut t,
            labels::TAU,
            log_t + shape.log_num_constraints(),
        )
    };
    for budget in [0, (3 * shape.num_constraints()) << 2] {
        let mut t = Transcript::new(DOMAIN);
        shape.append_to_transcript(labels::SHAPE, &mut t);
        t.append_u64(labels::LOG_CYCLES, log_t as u64);
        let _: Vec<Fr> = crate::transcript::Sample::challenge_vector(
            &mut t,
            labels::TAU,
            log_t + shape.log_num_constraints(),
        );
        let mut outer = super::outer::OuterSumcheck::new(&shape, &witness, &tau, budget, 0);
        let (outer_proof, _, _) = crate::subprotocols::sumcheck::prove(&mut outer, &mut t);
        assert_eq!(outer_proof, proof.outer, "budget {budget}");
    }
}
