//! The zero-knowledge mode end to end on the hand-assembled program that executes every
//! RV32IM instruction: honest proofs verify, proofs hide what a transparent proof reveals
//! (leak detector), two proofs of one run differ and have one shape, and tampering is
//! rejected.

use super::*;
use crate::commitment::dory::Dory;
use crate::commitment::CommitmentScheme;
use crate::zkvm::zk::prover::prove_zk_with_circuit;
use crate::zkvm::zk::{prove_zk, verify_zk, verify_zk_bytes, ZkJoltProof};
use crate::zkvm::{ProverKey, ZkvmError};
use ark_serialize::CanonicalSerialize;
use jolt_tracer::ProgramIo;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// A small guest memory: a zero-knowledge proof's RAM is the whole of it.
fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 16,
            stack_size: 1 << 12,
            max_input_size: 64,
            max_output_size: 64,
            ..MemoryLayout::default()
        },
        max_cycles: 1 << 16,
        stack_guard: false,
    }
}

fn key(program: &Program) -> ProverKey<Dory> {
    ProverKey::<Dory>::new(program, &config(), &()).expect("preprocesses")
}

fn proven(pk: &ProverKey<Dory>, seed: u64) -> (ProgramIo, ZkJoltProof) {
    prove_zk(pk, &[], &[], &mut ChaCha20Rng::seed_from_u64(seed)).expect("proves")
}

#[test]
fn every_opcode_proves_and_verifies_in_zero_knowledge() {
    let pk = key(&every_opcode_program());
    let (io, proof) = proven(&pk, 1);
    assert_eq!(verify_zk(&pk.vk, &io, &proof), Ok(()));
    let bytes = proof.to_bytes();
    println!(
        "zero knowledge: 2^{} cycles, {} bytes",
        proof.log_cycles,
        bytes.len()
    );
    assert_eq!(verify_zk_bytes(&pk.vk, &io, &bytes), Ok(()));
    assert_eq!(
        verify_zk_bytes(&pk.vk, &io, &bytes[..bytes.len() - 1]),
        Err(ZkvmError::Deserialization)
    );

    // Two proofs of one run differ everywhere but in their shape.
    let (_, again) = proven(&pk, 2);
    assert_eq!(verify_zk(&pk.vk, &io, &again), Ok(()));
    let again = again.to_bytes();
    assert_eq!(again.len(), bytes.len());
    assert_ne!(again, bytes);

    // Another claim: an exit code, an output.
    let mut wrong = io.clone();
    wrong.exit_code ^= 1;
    assert!(verify_zk(&pk.vk, &wrong, &proof).is_err());
    let mut wrong = io.clone();
    wrong.outputs.push(1);
    assert!(verify_zk(&pk.vk, &wrong, &proof).is_err());
}

/// Every value a transparent proof would send (the circuit's message rows: round
/// polynomials, claims, evaluations) and every commitment without its blind is absent from
/// the zero-knowledge proof.
#[test]
fn the_zero_knowledge_proof_leaks_no_message_and_no_unblinded_commitment() {
    let program = every_opcode_program();
    let pk = key(&program);
    let mut rng = ChaCha20Rng::seed_from_u64(3);
    let (io, proof, circuit) = prove_zk_with_circuit(&pk, &[], &[], &mut rng).expect("proves");
    assert_eq!(verify_zk(&pk.vk, &io, &proof), Ok(()));
    let bytes = proof.to_bytes();
    let trivial = |v: &Fr| *v < Fr::from(1u64 << 20) || -*v < Fr::from(1u64 << 20);
    let messages = circuit.message_values().expect("a prover's circuit");
    let mut searched = 0;
    for v in messages.iter().filter(|v| !trivial(v)) {
        let mut needle = Vec::new();
        v.serialize_compressed(&mut needle).unwrap();
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_slice()),
            "a message value appears in the proof"
        );
        searched += 1;
    }
    assert!(searched > 1000, "{searched} messages searched");

    // The unblinded commitments of the constraint system's columns.
    let run = execute(&program);
    let table = run.witness(&pk.vk.columns);
    let n = table.len.trailing_zeros() as usize;
    let setup = pk.setup(n + 2).expect("parameters");
    for poly in table.into_polynomials() {
        let mut needle = Vec::new();
        Dory::commit(&setup, &poly)
            .serialize_compressed(&mut needle)
            .unwrap();
        assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_slice()));
    }
}

/// Bytes flipped all over a zero-knowledge proof, commitments swapped, random bytes: every
/// one is rejected with a typed error, never a panic.
#[test]
fn tampered_zero_knowledge_proofs_are_rejected() {
    use super::proof_attacks::{checked, groups_mut};
    use std::collections::BTreeMap;
    let pk = key(&every_opcode_program());
    let (io, proof) = proven(&pk, 4);
    let bytes = proof.to_bytes();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut record = |r: Result<(), ZkvmError>, what: &str| {
        assert!(r.is_err(), "{what} was accepted");
        let name = format!("{:?}", r.unwrap_err());
        let variant = name.split('(').next().unwrap_or_default().to_string();
        *seen.entry(variant).or_insert(0) += 1;
    };
    let step = bytes.len() / 150;
    for offset in (0..bytes.len()).step_by(step) {
        let mut bad = bytes.clone();
        bad[offset] ^= 1 << (offset % 8);
        let r = checked(|| verify_zk_bytes(&pk.vk, &io, &bad), "a flipped byte");
        record(r, &format!("byte {offset} flipped"));
    }
    let mut rng = ChaCha20Rng::seed_from_u64(5);
    for k in 0..40 {
        use ark_std::rand::Rng;
        let len = [0, 1, 100, bytes.len()][k % 4];
        let random: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
        let r = checked(|| verify_zk_bytes(&pk.vk, &io, &random), "random bytes");
        record(r, "random bytes");
        let cut = rng.gen_range(0..bytes.len());
        let r = checked(
            || verify_zk_bytes(&pk.vk, &io, &bytes[..cut]),
            "a truncation",
        );
        record(r, "a truncation");
    }
    // Two commitments of each group swapped (a group of one: replaced by another).
    for g in 0..5 {
        let mut bad = proof.clone();
        let other = proof.commitments.witness[0];
        let group = &mut groups_mut(&mut bad.commitments)[g];
        let last = group.len() - 1;
        if last == 0 {
            group.0[0] = other;
        } else {
            group.0.swap(0, last);
        }
        let r = checked(|| verify_zk(&pk.vk, &io, &bad), "a swapped commitment");
        record(r, &format!("group {g} swapped"));
    }
    println!("{seen:?}");
    assert!(
        seen.len() > 3,
        "the tampering reaches several checks: {seen:?}"
    );
}
