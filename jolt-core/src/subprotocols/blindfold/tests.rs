//! BlindFold end to end on zero-knowledge sumchecks: `Σ_x a(x)·b(x)·c(x) = S` for a public `S`
//! and hidden `a, b, c`, batched with `Σ_x d(x)·e(x) = S'` over fewer variables. The final
//! evaluations are a committed row whose products the circuit checks (binding them to
//! committed polynomials is the job of a hiding opening, not tested here).

use super::sumcheck::{self as committed, CommittedSumcheckProof};
use super::*;
use crate::poly::MultilinearPolynomial;
use crate::subprotocols::sumcheck::{self as transparent, ProductSumcheck, SumcheckInstance};
use crate::transcript::{labels as tlabels, Absorb, Transcript};
use ark_ec::AffineRepr;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::CanonicalSerialize;
use ark_std::UniformRand;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// Hidden polynomials: `a, b, c` over `n` variables, `d, e` over `n − 2`.
#[derive(Clone)]
struct Witness {
    abc: Vec<Vec<Fr>>,
    de: Vec<Vec<Fr>>,
}

impl Witness {
    fn random(n: usize, seed: u64) -> Self {
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        let mut poly = |vars: usize| (0..1 << vars).map(|_| Fr::rand(&mut rng)).collect();
        Self {
            abc: vec![poly(n), poly(n), poly(n)],
            de: vec![poly(n - 2), poly(n - 2)],
        }
    }

    fn sums(&self) -> (Fr, Fr) {
        let abc = (0..self.abc[0].len())
            .map(|i| self.abc[0][i] * self.abc[1][i] * self.abc[2][i])
            .sum();
        let de = (0..self.de[0].len())
            .map(|i| self.de[0][i] * self.de[1][i])
            .sum();
        (abc, de)
    }
}

/// The zero-knowledge proof of the two sums.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize)]
struct ToyProof {
    sumcheck: CommittedSumcheckProof,
    evaluations: ark_bn254::G1Affine,
    blindfold: BlindFoldProof,
}

fn polys(values: &[Vec<Fr>]) -> Vec<MultilinearPolynomial<Fr>> {
    values.iter().map(|v| v.clone().into()).collect()
}

/// The final check, shared by both sides: `c_n = abc(r) + ρ_1 · de(r')` over the committed
/// evaluations `(a, b, c, d, e)`.
fn final_check(circuit: &mut Circuit, claim: &committed::CommittedClaim, evals: &[Lc]) {
    let ab = circuit.product(&evals[0], &evals[1]);
    let abc = circuit.product(&ab, &evals[2]);
    let de = circuit.product(&evals[3], &evals[4]);
    let expected = Lc::combination([&abc, &de], &claim.coefficients);
    circuit.assert_equal(&claim.value, &expected);
}

fn transcript(sums: (Fr, Fr)) -> Transcript {
    let mut t = Transcript::new(b"blindfold toy");
    t.append_scalars(tlabels::CLAIM, &[sums.0, sums.1]);
    t
}

/// Proves the claimed `sums` (the true ones unless a test lies) for `w`; `tamper` may change
/// the evaluations row before it is committed.
fn prove_toy(w: &Witness, sums: (Fr, Fr), seed: u64, tamper: impl Fn(&mut Vec<Fr>)) -> ToyProof {
    let n = w.abc[0].len().trailing_zeros() as usize;
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let mut t = transcript(sums);
    let mut circuit = Circuit::for_prover();
    let mut abc = ProductSumcheck::new(polys(&w.abc), 3, sums.0, |v: &[Fr]| v[0] * v[1] * v[2]);
    let mut de = ProductSumcheck::new(polys(&w.de), 2, sums.1, |v: &[Fr]| v[0] * v[1]);
    let claims = [Lc::constant(sums.0), Lc::constant(sums.1)];
    let (sumcheck, claim) = committed::prove(
        &mut [&mut abc, &mut de],
        &claims,
        &mut circuit,
        &gens,
        &mut t,
        &mut rng,
    );
    assert_eq!(claim.point.len(), n);
    let mut evals = abc.final_evals();
    evals.extend(de.final_evals());
    tamper(&mut evals);
    let (evaluations, vars) = circuit.prover_row(&evals, &gens, &mut rng);
    t.append(tlabels::COMMITMENT, &evaluations);
    final_check(&mut circuit, &claim, &vars);
    let blindfold = prove(&circuit, &mut t, &mut rng);
    ToyProof {
        sumcheck,
        evaluations,
        blindfold,
    }
}

fn verify_toy(n: usize, sums: (Fr, Fr), proof: &ToyProof) -> Result<(), BlindFoldError> {
    let mut t = transcript(sums);
    let mut circuit = Circuit::for_verifier();
    let claims = [(Lc::constant(sums.0), n), (Lc::constant(sums.1), n - 2)];
    let claim = committed::verify(&claims, 3, &proof.sumcheck, &mut circuit, &mut t)?;
    let vars = circuit.verifier_row(proof.evaluations, 5);
    t.append(tlabels::COMMITMENT, &proof.evaluations);
    final_check(&mut circuit, &claim, &vars);
    verify(&circuit, &proof.blindfold, &mut t)
}

const N: usize = 6;

#[test]
fn an_honest_proof_verifies() {
    let w = Witness::random(N, 1);
    let proof = prove_toy(&w, w.sums(), 10, |_| {});
    assert_eq!(verify_toy(N, w.sums(), &proof), Ok(()));
}

#[test]
fn a_wrong_sum_is_rejected() {
    let w = Witness::random(N, 2);
    let (s, s2) = w.sums();
    for sums in [(s + Fr::ONE, s2), (s, s2 - Fr::ONE)] {
        let proof = prove_toy(&w, sums, 11, |_| {});
        assert!(matches!(
            verify_toy(N, sums, &proof),
            Err(BlindFoldError::Sumcheck(_))
        ));
    }
}

#[test]
fn wrong_evaluations_are_rejected() {
    let w = Witness::random(N, 3);
    for k in 0..5 {
        let proof = prove_toy(&w, w.sums(), 12, |e| e[k] += Fr::ONE);
        assert!(
            verify_toy(N, w.sums(), &proof).is_err(),
            "evaluation {k} changed"
        );
    }
}

#[test]
fn a_proof_does_not_verify_another_statement() {
    let w = Witness::random(N, 4);
    let proof = prove_toy(&w, w.sums(), 13, |_| {});
    let (s, s2) = w.sums();
    assert!(verify_toy(N, (s + Fr::ONE, s2), &proof).is_err());
}

/// Every field of the proof, changed, is rejected with a typed error.
#[test]
fn tampered_proofs_are_rejected() {
    let w = Witness::random(N, 5);
    let proof = prove_toy(&w, w.sums(), 14, |_| {});
    let g = ark_bn254::G1Affine::generator();
    let mut cases: Vec<(&str, ToyProof)> = Vec::new();
    let mut add = |name: &'static str, f: &dyn Fn(&mut ToyProof)| {
        let mut p = proof.clone();
        f(&mut p);
        cases.push((name, p));
    };
    add("round commitment", &|p| p.sumcheck.rounds[1] = g);
    add("a round dropped", &|p| {
        p.sumcheck.rounds.0.pop();
    });
    add("evaluations commitment", &|p| p.evaluations = g);
    add("aux row", &|p| p.blindfold.aux_rows[0] = g);
    add("aux rows dropped", &|p| p.blindfold.aux_rows.0.clear());
    add("random row", &|p| p.blindfold.random_rows[0] = g);
    add("random u", &|p| p.blindfold.random_u += Fr::ONE);
    add("random error row", &|p| {
        p.blindfold.random_error_rows[0] = g
    });
    add("cross row", &|p| p.blindfold.cross_rows[0] = g);
    add("cross rows dropped", &|p| {
        p.blindfold.cross_rows.0.pop();
    });
    add("outer round", &|p| {
        p.blindfold.outer.round_polys[0].coeffs_except_linear[0] += Fr::ONE
    });
    add("outer evaluation", &|p| {
        p.blindfold.outer_evals[2] += Fr::ONE
    });
    add("outer evaluations short", &|p| {
        p.blindfold.outer_evals.0.pop();
    });
    add("error opening", &|p| {
        p.blindfold.error_opening.combination[0] += Fr::ONE
    });
    add("error blind", &|p| {
        p.blindfold.error_opening.blind += Fr::ONE
    });
    add("inner round", &|p| {
        p.blindfold.inner.round_polys[2].coeffs_except_linear[0] += Fr::ONE
    });
    add("witness opening", &|p| {
        p.blindfold.witness_opening.combination[7] += Fr::ONE
    });
    add("witness opening short", &|p| {
        p.blindfold.witness_opening.combination.0.pop();
    });
    add("witness blind", &|p| {
        p.blindfold.witness_opening.blind += Fr::ONE
    });
    for (name, p) in cases {
        assert!(verify_toy(N, w.sums(), &p).is_err(), "{name} accepted");
    }
}

fn bytes(proof: &ToyProof) -> Vec<u8> {
    let mut out = Vec::new();
    proof.serialize_compressed(&mut out).unwrap();
    out
}

/// Whether the 32-byte encoding of `x` occurs in `haystack`.
fn contains(haystack: &[u8], x: &Fr) -> bool {
    let mut needle = Vec::new();
    x.serialize_compressed(&mut needle).unwrap();
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_slice())
}

/// The leak detector: none of the values the transparent sumcheck would send (its round
/// polynomials, the final evaluations) appears in the zero-knowledge proof, and proving twice
/// gives two different proofs that both verify.
#[test]
fn proofs_hide_the_transparent_messages_and_are_randomized() {
    let w = Witness::random(N, 6);
    let sums = w.sums();
    let first = prove_toy(&w, sums, 15, |_| {});
    let second = prove_toy(&w, sums, 16, |_| {});
    assert_ne!(first, second);
    assert_eq!(verify_toy(N, sums, &first), Ok(()));
    assert_eq!(verify_toy(N, sums, &second), Ok(()));

    // The values the transparent protocol reveals, under the same challenges.
    let mut t = transcript(sums);
    let mut abc = ProductSumcheck::new(polys(&w.abc), 3, sums.0, |v: &[Fr]| v[0] * v[1] * v[2]);
    let mut de = ProductSumcheck::new(polys(&w.de), 2, sums.1, |v: &[Fr]| v[0] * v[1]);
    let (clear, _, _) = transparent::prove_batched(&mut [&mut abc, &mut de], &mut t);
    let mut revealed: Vec<Fr> = clear
        .round_polys
        .iter()
        .flat_map(|p| p.coeffs_except_linear.iter().copied())
        .collect();
    revealed.extend(abc.final_evals());
    revealed.extend(de.final_evals());
    // And those of the committed run itself (its own challenges).
    let mut rng = ChaCha20Rng::seed_from_u64(15);
    let mut circuit = Circuit::for_prover();
    let mut abc = ProductSumcheck::new(polys(&w.abc), 3, sums.0, |v: &[Fr]| v[0] * v[1] * v[2]);
    let mut de = ProductSumcheck::new(polys(&w.de), 2, sums.1, |v: &[Fr]| v[0] * v[1]);
    let gens = PedersenGenerators::new(ROW_WIDTH);
    committed::prove(
        &mut [&mut abc, &mut de],
        &[Lc::constant(sums.0), Lc::constant(sums.1)],
        &mut circuit,
        &gens,
        &mut transcript(sums),
        &mut rng,
    );
    let witness = circuit.witness.as_ref().unwrap();
    revealed.extend(witness.rows.iter().flatten().filter(|x| **x != Fr::ZERO));
    revealed.extend(abc.final_evals());
    revealed.extend(de.final_evals());
    assert!(revealed.len() > 40);
    let proof_bytes = bytes(&first);
    for x in &revealed {
        assert!(
            !contains(&proof_bytes, x),
            "a hidden value appears in the proof"
        );
    }
}

/// Two witnesses with the same public sums give proofs of the same size and shape.
#[test]
fn proofs_of_one_statement_have_one_shape() {
    let w = Witness::random(N, 7);
    let mut other = Witness::random(N, 8);
    // Make the other witness's sums equal the first's by adjusting one entry of c and e.
    let (s, s2) = w.sums();
    let (o, o2) = other.sums();
    let ab0 = other.abc[0][0] * other.abc[1][0];
    other.abc[2][0] += (s - o) * ab0.inverse().unwrap();
    let d0 = other.de[0][0];
    other.de[1][0] += (s2 - o2) * d0.inverse().unwrap();
    assert_eq!(other.sums(), (s, s2));
    let a = prove_toy(&w, (s, s2), 17, |_| {});
    let b = prove_toy(&other, (s, s2), 18, |_| {});
    assert_eq!(verify_toy(N, (s, s2), &b), Ok(()));
    assert_eq!(bytes(&a).len(), bytes(&b).len());
    assert_eq!(a.blindfold.aux_rows.len(), b.blindfold.aux_rows.len());
    assert_eq!(a.blindfold.random_rows.len(), b.blindfold.random_rows.len());
}

/// The folded witness that the openings reveal is independent of the real witness: for one
/// witness, the opened row combination takes many values over the prover's randomness, with
/// each byte close to uniform.
#[test]
fn opened_rows_look_uniform() {
    let w = Witness::random(4, 9);
    let runs = 64;
    let mut first_bytes = Vec::with_capacity(runs);
    for seed in 0..runs as u64 {
        let p = prove_toy(&w, w.sums(), 100 + seed, |_| {});
        let mut b = Vec::new();
        p.blindfold.witness_opening.combination[0]
            .serialize_compressed(&mut b)
            .unwrap();
        first_bytes.push(b[0]);
    }
    let distinct: std::collections::BTreeSet<u8> = first_bytes.iter().copied().collect();
    assert!(distinct.len() > runs / 2, "opened values repeat");
    let high = first_bytes.iter().filter(|b| **b >= 128).count();
    assert!(
        (16..=48).contains(&high),
        "biased opened values: {high}/{runs}"
    );
}
