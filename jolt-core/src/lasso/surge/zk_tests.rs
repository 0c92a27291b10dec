//! Zero-knowledge Surge end to end: hiding commitments, the lookups, the zero-knowledge
//! accumulator and the circuit's BlindFold proof.

use super::tests::{few_tables, random_cycles};
use super::zk::{commit_hiding, prove_zk, verify_zk, SurgeCircuits, ZkSurgeProof};
use super::{SurgeCommitments, SurgePreprocessing, SurgeWitness};
use crate::commitment::dory::{Dory, DorySetup};
use crate::field::Fr;
use crate::opening_accumulator::zk::{ZkOpeningProof, ZkProverAccumulator, ZkVerifierAccumulator};
use crate::poly::MultilinearPolynomial;
use crate::subprotocols::blindfold::{
    self, BlindFoldProof, Circuit, PedersenGenerators, ROW_WIDTH,
};
use crate::transcript::Transcript;
use ark_bn254::G1Affine;
use ark_ec::AffineRepr;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::CanonicalSerialize;
use jolt_instructions::LOG_M;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const CYCLES: usize = 32;

#[derive(Clone)]
struct Run {
    commitments: SurgeCommitments<Dory>,
    surge: ZkSurgeProof,
    opening: ZkOpeningProof,
    blindfold: BlindFoldProof,
    messages: Vec<Fr>,
}

fn setup() -> DorySetup {
    DorySetup::new(LOG_M)
}

fn prove(pre: &SurgePreprocessing, witness: &SurgeWitness, seed: u64) -> Run {
    let setup = setup();
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let circuits = SurgeCircuits::new(pre).unwrap();
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let (commitments, blinds) = commit_hiding(witness, &setup, &mut rng);
    let mut t = Transcript::new(b"zk-surge");
    commitments.append_to_transcript(&mut t);
    let mut circuit = Circuit::for_prover();
    let mut acc = ZkProverAccumulator::new();
    let surge = prove_zk(
        pre,
        &circuits,
        witness,
        &blinds,
        &mut circuit,
        &gens,
        &mut t,
        &mut rng,
        &mut acc,
    );
    let opening = acc.prove(&setup, &mut circuit, &gens, &mut t, &mut rng);
    let blindfold = blindfold::prove(&circuit, &mut t, &mut rng);
    Run {
        commitments,
        surge,
        opening,
        blindfold,
        messages: circuit.message_values().unwrap(),
    }
}

fn verify(pre: &SurgePreprocessing, log_cycles: usize, run: &Run) -> Result<(), String> {
    let setup = setup();
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let circuits = SurgeCircuits::new(pre).unwrap();
    let mut t = Transcript::new(b"zk-surge");
    run.commitments.append_to_transcript(&mut t);
    let mut circuit = Circuit::for_verifier();
    let mut acc = ZkVerifierAccumulator::new();
    verify_zk(
        pre,
        &circuits,
        log_cycles,
        &run.commitments,
        &run.surge,
        &mut circuit,
        &mut t,
        &mut acc,
    )
    .map_err(|e| e.to_string())?;
    acc.verify(&setup, &run.opening, &mut circuit, &gens, &mut t)
        .map_err(|e| e.to_string())?;
    blindfold::verify(&circuit, &run.blindfold, &mut t).map_err(|e| e.to_string())
}

#[test]
fn lookups_prove_in_zero_knowledge_and_hide_their_messages() {
    let pre = SurgePreprocessing::new(&few_tables());
    let witness = SurgeWitness::new(&pre, &random_cycles(&pre, CYCLES, 1));
    let run = prove(&pre, &witness, 10);
    assert_eq!(verify(&pre, witness.log_cycles, &run), Ok(()));

    // The leak detector: no message of the transparent protocol under this run's challenges
    // appears in the proof.
    let mut bytes = Vec::new();
    run.surge.serialize_compressed(&mut bytes).unwrap();
    run.opening.serialize_compressed(&mut bytes).unwrap();
    run.blindfold.serialize_compressed(&mut bytes).unwrap();
    let mut hidden = run.messages.clone();
    hidden.retain(|v| *v != Fr::ZERO && *v != Fr::ONE);
    assert!(hidden.len() > 100);
    for v in &hidden {
        let mut needle = Vec::new();
        v.serialize_compressed(&mut needle).unwrap();
        assert!(
            !bytes.windows(32).any(|w| w == needle.as_slice()),
            "a message leaks"
        );
    }
}

/// A wrong lookup output, or a chunk read outside its table, leaves the circuit unsatisfied;
/// a tampered proof is rejected.
#[test]
fn wrong_lookups_and_tampered_proofs_are_rejected() {
    let pre = SurgePreprocessing::new(&few_tables());
    let witness = SurgeWitness::new(&pre, &random_cycles(&pre, CYCLES, 2));
    let n = witness.log_cycles;
    let mut wrong = witness.clone();
    let mut out: Vec<Fr> = wrong.lookup_output.to_dense().into_evals();
    out[3] += Fr::ONE;
    wrong.lookup_output = MultilinearPolynomial::from(out);
    assert!(
        verify(&pre, n, &prove(&pre, &wrong, 3)).is_err(),
        "a wrong output"
    );
    let mut wrong = witness.clone();
    let mut e: Vec<Fr> = wrong.e_polys[1].to_dense().into_evals();
    e[5] += Fr::ONE;
    wrong.e_polys[1] = MultilinearPolynomial::from(e);
    assert!(
        verify(&pre, n, &prove(&pre, &wrong, 4)).is_err(),
        "a read outside the table"
    );

    let run = prove(&pre, &witness, 5);
    let g = G1Affine::generator();
    let mut bad = run.clone();
    bad.surge.lookup_output = g;
    assert!(verify(&pre, n, &bad).is_err());
    let mut bad = run.clone();
    bad.surge.primary_evals[0] = g;
    assert!(verify(&pre, n, &bad).is_err());
    let mut bad = run.clone();
    bad.surge.memory_evals.0.pop();
    assert!(verify(&pre, n, &bad).is_err());
    let mut bad = run;
    bad.commitments.flags.0.swap(0, 1);
    assert!(verify(&pre, n, &bad).is_err());
}
