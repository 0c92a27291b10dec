//! The assembled zkVM proof on the hand-assembled program that executes every RV32IM
//! instruction: honest proofs verify with both commitment schemes; the soundness tests of
//! [`super::proof_attacks`] start from here.

use super::*;
use crate::commitment::hyperkzg::{HyperKzg, HyperKzgParameters};
use crate::commitment::{dory::Dory, hyrax::Hyrax, CommitmentScheme};
use crate::zkvm::{prove, verify, verify_bytes, JoltProof, ProverKey, VerifierKey};
use jolt_tracer::ProgramIo;

pub(super) fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 17,
            stack_size: 1 << 12,
            max_input_size: 64,
            max_output_size: 64,
            ..MemoryLayout::default()
        },
        max_cycles: 1 << 16,
        stack_guard: false,
    }
}

/// Preprocesses (allowing insecure parameters: the tests use the development SRS), runs and
/// proves `program`.
pub(super) fn proven<PCS: CommitmentScheme>(
    program: &Program,
    params: &PCS::Parameters,
) -> (ProverKey<PCS>, ProgramIo, JoltProof<PCS>) {
    let mut pk = ProverKey::<PCS>::new(program, &config(), params).expect("preprocesses");
    pk.vk.allow_insecure_parameters();
    let (io, proof) = prove(&pk, &[]).expect("proves");
    (pk, io, proof)
}

fn honest_round_trip<PCS: CommitmentScheme>(params: &PCS::Parameters) {
    let program = every_opcode_program();
    let (pk, io, proof) = proven::<PCS>(&program, params);
    assert_eq!(verify(&pk.vk, &io, &proof), Ok(()));
    let bytes = proof.to_bytes();
    println!(
        "2^{} cycles, 2^{} RAM cells, {} bytes",
        proof.log_cycles,
        proof.log_ram,
        bytes.len()
    );
    let mut vk = VerifierKey::<PCS>::from_bytes(&pk.vk.to_bytes()).expect("the key decodes");
    vk.allow_insecure_parameters();
    assert_eq!(vk.digest(), pk.vk.digest());
    assert_eq!(verify_bytes(&vk, &io, &bytes), Ok(()));
}

#[test]
fn every_opcode_proves_and_verifies_with_dory() {
    honest_round_trip::<Dory>(&());
}

#[test]
fn every_opcode_proves_and_verifies_with_hyperkzg() {
    honest_round_trip::<HyperKzg>(&HyperKzgParameters::InsecureDevelopment);
}

#[test]
fn every_opcode_proves_and_verifies_with_hyrax() {
    honest_round_trip::<Hyrax>(&());
}

/// A prover key written to bytes and read back (with its commitment parameters) proves runs
/// that the original verifier key accepts; corrupt key bytes are a typed error.
#[test]
fn prover_keys_round_trip_through_bytes() {
    use crate::zkvm::PreprocessingError;
    let program = every_opcode_program();
    let (pk, _, _) = proven::<Hyrax>(&program, &());
    let bytes = pk.to_bytes();
    let read = ProverKey::<Hyrax>::from_bytes_with_extensions(&bytes, &[], &()).expect("decodes");
    assert_eq!(read.vk.digest(), pk.vk.digest());
    let (io, proof) = prove(&read, &[]).expect("proves");
    assert_eq!(verify(&pk.vk, &io, &proof), Ok(()));
    assert_eq!(read.to_bytes(), bytes, "the parameters were kept");
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        assert!(matches!(
            ProverKey::<Hyrax>::from_bytes_with_extensions(&bytes[..cut], &[], &()),
            Err(PreprocessingError::Corrupt)
        ));
    }
    // A fresh key (no parameters built yet) round-trips too.
    let fresh = ProverKey::<Hyrax>::new(&program, &config(), &()).unwrap();
    let again =
        ProverKey::<Hyrax>::from_bytes_with_extensions(&fresh.to_bytes(), &[], &()).unwrap();
    assert_eq!(again.to_bytes(), fresh.to_bytes());
}
