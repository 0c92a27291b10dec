//! Zero-knowledge Spartan end to end: hiding commitments to the columns, the zero-knowledge
//! accumulator for the witness claims, and the circuit's BlindFold proof.

use super::tests::{toy_shape, toy_witness};
use super::zk::{prove_zk, verify_zk, ZkSpartanProof};
use crate::commitment::dory::zk::commit_hiding;
use crate::commitment::dory::{DorySetup, Gt};
use crate::field::Fr;
use crate::opening_accumulator::zk::{ZkOpeningProof, ZkProverAccumulator, ZkVerifierAccumulator};
use crate::poly::MultilinearPolynomial;
use crate::r1cs::shape::UniformShape;
use crate::subprotocols::blindfold::{
    self, BlindFoldProof, Circuit, PedersenGenerators, ROW_WIDTH,
};
use crate::transcript::{labels as tl, Absorb, Transcript};
use ark_bn254::G1Affine;
use ark_ec::AffineRepr;
use ark_ff::Field;
use ark_serialize::CanonicalSerialize;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const DOMAIN: &[u8] = b"zk-spartan-test";
const LOG_T: usize = 5;

#[derive(Clone)]
struct Run {
    commitments: Vec<Gt>,
    spartan: ZkSpartanProof,
    opening: ZkOpeningProof,
    blindfold: BlindFoldProof,
    /// The cleartext messages the circuit's rows hide.
    messages: Vec<Fr>,
}

/// A named change to a proof.
type Tamper<'a> = (&'static str, Box<dyn Fn(&mut Run) + 'a>);

fn prove(shape: &UniformShape, witness: &[MultilinearPolynomial<Fr>], seed: u64) -> Run {
    let setup = DorySetup::new(LOG_T);
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let (commitments, blinds): (Vec<Gt>, Vec<Fr>) = witness
        .iter()
        .map(|w| commit_hiding(&setup, w, &mut rng))
        .unzip();
    let mut t = Transcript::new(DOMAIN);
    commitments.iter().for_each(|c| t.append(tl::COMMITMENT, c));
    let mut circuit = Circuit::for_prover();
    let (spartan, claims) = prove_zk(shape, witness, &mut circuit, &gens, &mut t, &mut rng);
    let mut acc = ZkProverAccumulator::new();
    for (k, w) in witness.iter().enumerate() {
        acc.append(
            w.clone(),
            claims.point.clone(),
            claims.evals[k],
            claims.hidden[k].clone(),
            blinds[k],
        );
    }
    let opening = acc.prove(&setup, &mut circuit, &gens, &mut t, &mut rng);
    let blindfold = blindfold::prove(&circuit, &mut t, &mut rng);
    Run {
        commitments,
        spartan,
        opening,
        blindfold,
        messages: circuit.message_values().unwrap(),
    }
}

fn verify(shape: &UniformShape, run: &Run) -> Result<(), String> {
    let setup = DorySetup::new(LOG_T);
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let mut t = Transcript::new(DOMAIN);
    run.commitments
        .iter()
        .for_each(|c| t.append(tl::COMMITMENT, c));
    let mut circuit = Circuit::for_verifier();
    let claims =
        verify_zk(shape, LOG_T, &run.spartan, &mut circuit, &mut t).map_err(|e| e.to_string())?;
    let mut acc = ZkVerifierAccumulator::new();
    for (c, v) in run.commitments.iter().zip(&claims.hidden) {
        acc.append(*c, claims.point.clone(), v.clone());
    }
    acc.verify(&setup, &run.opening, &mut circuit, &gens, &mut t)
        .map_err(|e| e.to_string())?;
    blindfold::verify(&circuit, &run.blindfold, &mut t).map_err(|e| e.to_string())
}

#[test]
fn an_honest_witness_proves_in_zero_knowledge() {
    let shape = toy_shape();
    let run = prove(&shape, &toy_witness(LOG_T, None), 1);
    assert_eq!(verify(&shape, &run), Ok(()));
}

#[test]
fn an_unsatisfying_witness_is_rejected() {
    let shape = toy_shape();
    for glitch in [0, 9, 30] {
        let witness = toy_witness(LOG_T, Some(glitch));
        assert!(shape.check_witness(&witness).is_err());
        let run = prove(&shape, &witness, 2);
        assert!(verify(&shape, &run).is_err(), "glitch at {glitch} accepted");
    }
    let mut witness = toy_witness(LOG_T, None);
    let mut dense = witness[4].to_dense().into_evals();
    dense[3] += Fr::ONE;
    witness[4] = dense.into();
    let run = prove(&shape, &witness, 3);
    assert!(verify(&shape, &run).is_err());
}

#[test]
fn tampered_proofs_are_rejected() {
    let shape = toy_shape();
    let run = prove(&shape, &toy_witness(LOG_T, None), 4);
    let g = G1Affine::generator();
    let cases: Vec<Tamper<'_>> = vec![
        ("outer round", Box::new(|r| r.spartan.outer.rounds[2] = g)),
        ("outer claims", Box::new(|r| r.spartan.outer_claims = g)),
        ("inner round", Box::new(|r| r.spartan.inner.rounds[0] = g)),
        (
            "inner rounds dropped",
            Box::new(|r| {
                r.spartan.inner.rounds.0.pop();
            }),
        ),
        (
            "witness evaluations",
            Box::new(|r| r.spartan.witness_evals[0] = g),
        ),
        (
            "witness rows dropped",
            Box::new(|r| {
                r.spartan.witness_evals.0.pop();
            }),
        ),
        ("commitment", Box::new(|r| r.commitments.swap(0, 1))),
    ];
    for (name, tamper) in cases {
        let mut bad = run.clone();
        tamper(&mut bad);
        assert!(verify(&shape, &bad).is_err(), "{name} accepted");
    }
}

/// The leak detector: no message the transparent protocol would send under this run's
/// challenges (round polynomials, `Az, Bz, Cz`, the witness evaluations, the accumulator's
/// values) appears in the zero-knowledge proof; two proofs of one witness differ.
#[test]
fn proofs_hide_what_transparent_spartan_reveals() {
    let shape = toy_shape();
    let witness = toy_witness(LOG_T, None);
    let a = prove(&shape, &witness, 5);
    let b = prove(&shape, &witness, 6);
    assert_ne!(a.spartan, b.spartan);
    assert_eq!(verify(&shape, &b), Ok(()));
    // The hidden messages: this run's round polynomials, Az, Bz, Cz, the witness evaluations
    // and the accumulator's values, as the transparent protocol would send them.
    let mut revealed = a.messages.clone();
    revealed.retain(|v| *v != Fr::from(0u64) && *v != Fr::ONE);
    assert!(revealed.len() > 50);
    let mut bytes = Vec::new();
    a.spartan.serialize_compressed(&mut bytes).unwrap();
    a.opening.serialize_compressed(&mut bytes).unwrap();
    a.blindfold.serialize_compressed(&mut bytes).unwrap();
    for v in &revealed {
        let mut needle = Vec::new();
        v.serialize_compressed(&mut needle).unwrap();
        assert!(
            !bytes.windows(32).any(|w| w == needle.as_slice()),
            "a revealed value leaks"
        );
    }
}

/// Truncated, random and bit-flipped encodings of a zero-knowledge proof (Spartan, the
/// opening and BlindFold) never make decoding or verification panic, and a flipped proof that
/// still decodes is rejected.
#[test]
fn random_and_flipped_bytes_never_panic() {
    use crate::utils::serialization::{from_bytes, to_bytes};
    use ark_std::rand::Rng;
    let shape = toy_shape();
    let run = prove(&shape, &toy_witness(LOG_T, None), 7);
    let bytes = to_bytes(&(
        run.spartan.clone(),
        run.opening.clone(),
        run.blindfold.clone(),
    ));
    type Parts = (ZkSpartanProof, ZkOpeningProof, BlindFoldProof);
    let decode = |b: &[u8]| from_bytes::<Parts>(b).ok();
    let check = |parts: Parts| {
        let mut r = run.clone();
        (r.spartan, r.opening, r.blindfold) = parts;
        verify(&shape, &r)
    };
    for len in (0..bytes.len()).step_by(97) {
        assert!(decode(&bytes[..len]).is_none(), "truncated to {len}");
    }
    let mut rng = ChaCha20Rng::seed_from_u64(8);
    for _ in 0..40 {
        let random: Vec<u8> = (0..rng.gen_range(0..bytes.len()))
            .map(|_| rng.gen())
            .collect();
        if let Some(parts) = decode(&random) {
            assert!(check(parts).is_err());
        }
        let mut flipped = bytes.clone();
        let i = rng.gen_range(0..flipped.len());
        flipped[i] ^= 1 << rng.gen_range(0..8);
        if let Some(parts) = decode(&flipped) {
            assert!(check(parts).is_err(), "byte {i} flipped and accepted");
        }
    }
}
