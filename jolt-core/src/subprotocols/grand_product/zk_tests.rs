//! The zero-knowledge GKR end to end: products, fractions and unit fractions of several
//! lengths in one batch, the caller's checks done as constraints against the true values, and
//! the circuit's BlindFold proof.

use super::leaves::{Input, Leaves};
use super::zk::{prove_zk, verify_zk, ZkGrandProductProof};
use super::Shape;
use crate::field::Fr;
use crate::poly::DensePolynomial;
use crate::subprotocols::blindfold::{
    self, BlindFoldProof, Circuit, Lc, PedersenGenerators, ROW_WIDTH,
};
use crate::transcript::Transcript;
use ark_bn254::G1Affine;
use ark_ec::AffineRepr;
use ark_ff::Field;
use ark_serialize::CanonicalSerialize;
use ark_std::UniformRand;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// A vector of the batch: values, and numerators for fractions (`None`: unit).
#[derive(Clone)]
enum Vector {
    Product(Vec<Fr>),
    Fraction(Option<Vec<Fr>>, Vec<Fr>),
}

fn batch(seed: u64) -> Vec<Vector> {
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let mut v = |n: usize| -> Vec<Fr> { (0..1 << n).map(|_| Fr::rand(&mut rng)).collect() };
    vec![
        Vector::Product(v(5)),
        Vector::Fraction(Some(v(3)), v(3)),
        Vector::Fraction(None, v(4)),
        Vector::Fraction(None, v(0)),
        Vector::Product(v(0)),
    ]
}

fn inputs(vectors: &[Vector]) -> Vec<Input<'static, Fr>> {
    vectors
        .iter()
        .map(|v| match v {
            Vector::Product(x) => Input::Product(Leaves::Values(x.clone())),
            Vector::Fraction(p, q) => Input::Fraction {
                numerators: p.clone().map(Leaves::Values),
                denominators: Leaves::Values(q.clone()),
            },
        })
        .collect()
}

/// The caller's checks against the true vectors: outputs `(P)` or `(p, q)` with `p/q` the
/// true sum, and the input claims the vectors' evaluations at their points.
fn check_against(
    circuit: &mut Circuit,
    vectors: &[Vector],
    claim: &super::zk::ZkGrandProductClaim,
) {
    let eval = |x: &[Fr], point: &[Fr]| DensePolynomial::new(x.to_vec()).evaluate(point);
    for (b, v) in vectors.iter().enumerate() {
        let (outputs, inputs, point) =
            (&claim.outputs[b], &claim.input_claims[b], &claim.points[b]);
        match v {
            Vector::Product(x) => {
                circuit.assert_equal(&outputs[0], &Lc::constant(x.iter().product()));
                circuit.assert_equal(&inputs[0], &Lc::constant(eval(x, point)));
            }
            Vector::Fraction(p, q) => {
                let one = vec![Fr::ONE; q.len()];
                let p_values = p.as_ref().unwrap_or(&one);
                let sum: Fr = p_values
                    .iter()
                    .zip(q)
                    .map(|(a, b)| *a * b.inverse().unwrap())
                    .sum();
                // p_out = sum · q_out.
                circuit.assert_equal(&outputs[0], &(&outputs[1] * sum));
                let mut k = 0;
                if p.is_some() {
                    circuit.assert_equal(&inputs[0], &Lc::constant(eval(p_values, point)));
                    k = 1;
                }
                circuit.assert_equal(&inputs[k], &Lc::constant(eval(q, point)));
            }
        }
    }
}

#[derive(Clone)]
struct Run {
    gkr: ZkGrandProductProof,
    blindfold: BlindFoldProof,
    messages: Vec<Fr>,
}

/// A named change to a proof.
type Tamper<'a> = (&'static str, Box<dyn Fn(&mut Run) + 'a>);

fn prove(vectors: &[Vector], seed: u64) -> Run {
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let mut t = Transcript::new(b"zk-gkr");
    let mut circuit = Circuit::for_prover();
    let (gkr, claim, values) = prove_zk(inputs(vectors), &mut circuit, &gens, &mut t, &mut rng);
    for (hidden, clear) in claim.input_claims.iter().zip(&values) {
        let numeric: Vec<Fr> = hidden.iter().map(|h| circuit.value(h).unwrap()).collect();
        assert_eq!(&numeric, clear);
    }
    check_against(&mut circuit, vectors, &claim);
    let blindfold = blindfold::prove(&circuit, &mut t, &mut rng);
    Run {
        gkr,
        blindfold,
        messages: circuit.message_values().unwrap(),
    }
}

fn verify(vectors: &[Vector], run: &Run) -> Result<(), String> {
    let shapes: Vec<Shape> = inputs(vectors).iter().map(Input::shape).collect();
    let mut t = Transcript::new(b"zk-gkr");
    let mut circuit = Circuit::for_verifier();
    let claim = verify_zk(&shapes, &run.gkr, &mut circuit, &mut t).map_err(|e| e.to_string())?;
    check_against(&mut circuit, vectors, &claim);
    blindfold::verify(&circuit, &run.blindfold, &mut t).map_err(|e| e.to_string())
}

#[test]
fn a_batch_proves_in_zero_knowledge() {
    let vectors = batch(1);
    let run = prove(&vectors, 10);
    assert_eq!(verify(&vectors, &run), Ok(()));
}

#[test]
fn another_vector_is_rejected() {
    let vectors = batch(2);
    let run = prove(&vectors, 11);
    for b in 0..vectors.len() {
        let mut other = vectors.clone();
        match &mut other[b] {
            Vector::Product(x) => x[0] += Fr::ONE,
            Vector::Fraction(_, q) => q[0] += Fr::ONE,
        }
        assert!(
            verify(&other, &run).is_err(),
            "vector {b} changed and accepted"
        );
    }
}

#[test]
fn tampered_proofs_are_rejected() {
    let vectors = batch(3);
    let run = prove(&vectors, 12);
    let g = G1Affine::generator();
    let cases: Vec<Tamper<'_>> = vec![
        ("output row", Box::new(|r| r.gkr.outputs[0] = g)),
        ("outputs dropped", Box::new(|r| r.gkr.outputs.0.clear())),
        ("round row", Box::new(|r| r.gkr.layers[3].rounds[1] = g)),
        ("claims row", Box::new(|r| r.gkr.layers[2].claims[0] = g)),
        (
            "claims dropped",
            Box::new(|r| {
                r.gkr.layers[4].claims.0.pop();
            }),
        ),
        (
            "a layer dropped",
            Box::new(|r| {
                r.gkr.layers.0.pop();
            }),
        ),
        (
            "a round dropped",
            Box::new(|r| {
                r.gkr.layers[2].rounds.0.pop();
            }),
        ),
    ];
    for (name, tamper) in cases {
        let mut bad = run.clone();
        tamper(&mut bad);
        assert!(verify(&vectors, &bad).is_err(), "{name} accepted");
    }
}

/// The leak detector: none of the transparent GKR's messages under this run's challenges
/// (outputs, round values, layer claims) appears in the proof; two proofs differ.
#[test]
fn proofs_hide_the_layers() {
    let vectors = batch(4);
    let a = prove(&vectors, 13);
    let b = prove(&vectors, 14);
    assert_ne!(a.gkr, b.gkr);
    let mut bytes = Vec::new();
    a.gkr.serialize_compressed(&mut bytes).unwrap();
    a.blindfold.serialize_compressed(&mut bytes).unwrap();
    let mut hidden = a.messages.clone();
    hidden.retain(|v| *v != Fr::from(0u64) && *v != Fr::ONE);
    assert!(hidden.len() > 40);
    for v in &hidden {
        let mut needle = Vec::new();
        v.serialize_compressed(&mut needle).unwrap();
        assert!(
            !bytes.windows(32).any(|w| w == needle.as_slice()),
            "a message leaks"
        );
    }
}
