//! The zero-knowledge accumulator end to end: hidden values of hiding commitments, opened at
//! shared and distinct points, with the circuit's BlindFold proof.

use super::zk::{ZkOpeningProof, ZkProverAccumulator, ZkVerifierAccumulator};
use super::AccumulatorError;
use crate::commitment::dory::zk::commit_hiding;
use crate::commitment::dory::{DorySetup, Gt};
use crate::commitment::test_utils::random_poly;
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::subprotocols::blindfold::{
    self, BlindFoldProof, Circuit, PedersenGenerators, ROW_WIDTH,
};
use crate::transcript::{labels, Absorb, Sample, Transcript};
use ark_bn254::G1Affine;
use ark_ec::AffineRepr;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::CanonicalSerialize;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const N: usize = 6;

struct Run {
    commitments: Vec<Gt>,
    values_row: G1Affine,
    opening: ZkOpeningProof,
    blindfold: BlindFoldProof,
    /// The cleartext messages (the claims' values and what the transparent accumulator
    /// would send).
    clear: Vec<Fr>,
}

/// A named change to a proof.
type Tamper<'a> = (&'static str, Box<dyn Fn(&mut Run) + 'a>);

fn polys() -> Vec<MultilinearPolynomial<Fr>> {
    vec![
        random_poly(N, false),
        random_poly(4, true),
        random_poly(N, true),
        random_poly(3, false),
    ]
}

fn points(t: &mut Transcript) -> Vec<Vec<Fr>> {
    let shared: Vec<Fr> = t.challenge_vector(labels::CHALLENGE, N);
    vec![
        shared.clone(),
        t.challenge_vector(labels::CHALLENGE, 4),
        shared,
        t.challenge_vector(labels::CHALLENGE, 3),
    ]
}

/// Proves the claims of `polys`; the prover's row of values holds the true values changed by
/// `lie`.
fn prove(polys: &[MultilinearPolynomial<Fr>], seed: u64, lie: impl Fn(&mut Vec<Fr>)) -> Run {
    let setup = DorySetup::new(N);
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let (commitments, blinds): (Vec<Gt>, Vec<Fr>) = polys
        .iter()
        .map(|p| commit_hiding(&setup, p, &mut rng))
        .unzip();
    let mut t = Transcript::new(b"zk-acc");
    for c in &commitments {
        t.append(labels::COMMITMENT, c);
    }
    let points = points(&mut t);
    let values: Vec<Fr> = polys
        .iter()
        .zip(&points)
        .map(|(p, r)| p.evaluate(r))
        .collect();
    let mut sent = values.clone();
    lie(&mut sent);
    let mut circuit = Circuit::for_prover();
    let (values_row, vars) = circuit.prover_row(&sent, &gens, &mut rng);
    t.append(labels::COMMITMENT, &values_row);
    let mut acc = ZkProverAccumulator::new();
    for (i, p) in polys.iter().enumerate() {
        acc.append(
            p.clone(),
            points[i].clone(),
            values[i],
            vars[i].clone(),
            blinds[i],
        );
    }
    let opening = acc.prove(&setup, &mut circuit, &gens, &mut t, &mut rng);
    let blindfold = blindfold::prove(&circuit, &mut t, &mut rng);
    let mut clear = circuit.message_values().unwrap();
    clear.retain(|v| *v != Fr::ZERO);
    Run {
        commitments,
        values_row,
        opening,
        blindfold,
        clear,
    }
}

fn verify(run: &Run) -> Result<(), AccumulatorError> {
    let setup = DorySetup::new(N);
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let mut t = Transcript::new(b"zk-acc");
    for c in &run.commitments {
        t.append(labels::COMMITMENT, c);
    }
    let points = points(&mut t);
    let mut circuit = Circuit::for_verifier();
    let vars = circuit.verifier_row(run.values_row, points.len());
    t.append(labels::COMMITMENT, &run.values_row);
    let mut acc = ZkVerifierAccumulator::new();
    for ((c, r), v) in run.commitments.iter().zip(&points).zip(vars) {
        acc.append(*c, r.clone(), v);
    }
    acc.verify(&setup, &run.opening, &mut circuit, &gens, &mut t)?;
    blindfold::verify(&circuit, &run.blindfold, &mut t).map_err(AccumulatorError::BlindFold)
}

#[test]
fn hidden_claims_verify() {
    let run = prove(&polys(), 1, |_| {});
    assert_eq!(verify(&run), Ok(()));
}

#[test]
fn a_wrong_hidden_value_is_rejected() {
    let polys = polys();
    for i in 0..4 {
        let run = prove(&polys, 2, |v| v[i] += Fr::ONE);
        assert!(
            verify(&run).is_err(),
            "claim {i} accepted with a wrong value"
        );
    }
}

#[test]
fn another_commitment_is_rejected() {
    let polys = polys();
    let mut run = prove(&polys, 3, |_| {});
    let setup = DorySetup::new(N);
    let mut rng = ChaCha20Rng::seed_from_u64(30);
    run.commitments[1] = commit_hiding(&setup, &polys[3], &mut rng).0;
    assert!(verify(&run).is_err());
}

#[test]
fn tampered_proofs_are_rejected() {
    let run = prove(&polys(), 4, |_| {});
    let g = G1Affine::generator();
    let cases: Vec<Tamper<'_>> = vec![
        (
            "sumcheck round",
            Box::new(|r| r.opening.sumcheck.rounds[0] = g),
        ),
        ("eval row", Box::new(|r| r.opening.evals[0] = g)),
        ("eval rows dropped", Box::new(|r| r.opening.evals.0.clear())),
        ("value row", Box::new(|r| r.opening.value = g)),
        ("y_com", Box::new(|r| r.opening.opening.y_com = g)),
        (
            "dory response",
            Box::new(|r| r.opening.opening.scalar_product.r1 += Fr::ONE),
        ),
        ("equality", Box::new(|r| r.opening.equality.z += Fr::ONE)),
        ("values row", Box::new(|r| r.values_row = g)),
        ("blindfold", Box::new(|r| r.blindfold.random_u += Fr::ONE)),
    ];
    for (name, tamper) in cases {
        let mut bad = Run {
            commitments: run.commitments.clone(),
            values_row: run.values_row,
            opening: run.opening.clone(),
            blindfold: run.blindfold.clone(),
            clear: Vec::new(),
        };
        tamper(&mut bad);
        assert!(verify(&bad).is_err(), "{name} accepted");
    }
}

/// No value the transparent accumulator would send (the claims' values) appears in the
/// zero-knowledge proof, and two runs on the same polynomials differ.
#[test]
fn proofs_hide_the_values() {
    let polys = polys();
    let a = prove(&polys, 5, |_| {});
    let b = prove(&polys, 6, |_| {});
    assert_ne!(a.opening, b.opening);
    assert_eq!(verify(&b), Ok(()));
    let mut bytes = Vec::new();
    a.opening.serialize_compressed(&mut bytes).unwrap();
    a.blindfold.serialize_compressed(&mut bytes).unwrap();
    assert!(a.clear.len() > 20);
    for v in &a.clear {
        let mut needle = Vec::new();
        v.serialize_compressed(&mut needle).unwrap();
        assert!(
            !bytes.windows(32).any(|w| w == needle.as_slice()),
            "a claimed value appears in the proof"
        );
    }
}
