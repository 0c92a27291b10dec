//! Commitment parameters and the verifier: a key made with HyperKZG's development SRS (whose
//! trapdoor is public) is refused unless the caller allows it; a key made with ceremony
//! parameters verifies; a prover key read back needs the parameters it was made with.

use super::proof::config;
use super::*;
use crate::commitment::hyperkzg::{HyperKzg, HyperKzgParameters, HyperKzgSrs};
use crate::commitment::SetupError;
use crate::zkvm::{
    max_num_vars, prove, verify, verify_bytes, PreprocessingError, ProveError, ProverKey,
    VerifierKey, ZkvmError,
};
use ark_std::UniformRand;
use std::sync::Arc;

/// Ceremony parameters of `len` powers for a `τ` drawn at random and forgotten.
fn ceremony(len: usize) -> HyperKzgParameters {
    let tau = Fr::rand(&mut rand::thread_rng());
    HyperKzgParameters::Ceremony(Arc::new(HyperKzgSrs::from_tau(tau, len)))
}

#[test]
fn dev_srs_proof_is_refused_by_default() {
    let pk = ProverKey::<HyperKzg>::new(
        &every_opcode_program(),
        &config(),
        &HyperKzgParameters::InsecureDevelopment,
    )
    .unwrap();
    assert!(pk.vk.is_insecure());
    let (io, proof) = prove(&pk, &[]).expect("the prover does not refuse");
    assert_eq!(
        verify(&pk.vk, &io, &proof),
        Err(ZkvmError::InsecureParameters)
    );
    // A key read from bytes is refused too, before the proof is even decoded.
    let vk = VerifierKey::<HyperKzg>::from_bytes(&pk.vk.to_bytes()).unwrap();
    assert!(vk.is_insecure() && !vk.allows_insecure_parameters());
    assert_eq!(
        verify_bytes(&vk, &io, b"not a proof"),
        Err(ZkvmError::InsecureParameters)
    );
    let message = ZkvmError::InsecureParameters.to_string();
    assert!(message.contains("INSECURE development SRS"), "{message}");
    assert!(message.contains("allow_insecure_parameters"), "{message}");
}

#[test]
fn dev_srs_proof_is_accepted_when_allowed() {
    let mut pk = ProverKey::<HyperKzg>::new(
        &every_opcode_program(),
        &config(),
        &HyperKzgParameters::InsecureDevelopment,
    )
    .unwrap();
    let (io, proof) = prove(&pk, &[]).unwrap();
    pk.vk.allow_insecure_parameters();
    assert_eq!(verify(&pk.vk, &io, &proof), Ok(()));
    let mut vk = VerifierKey::<HyperKzg>::from_bytes(&pk.vk.to_bytes()).unwrap();
    vk.allow_insecure_parameters();
    assert_eq!(verify_bytes(&vk, &io, &proof.to_bytes()), Ok(()));
}

#[test]
fn ceremony_srs_proof_verifies() {
    let program = every_opcode_program();
    let params = ceremony(1 << max_num_vars(&config()).unwrap());
    let pk = ProverKey::<HyperKzg>::new(&program, &config(), &params).unwrap();
    assert!(!pk.vk.is_insecure());
    let (io, proof) = prove(&pk, &[]).unwrap();
    let vk = VerifierKey::<HyperKzg>::from_bytes(&pk.vk.to_bytes()).unwrap();
    assert_eq!(verify(&vk, &io, &proof), Ok(()));

    // The development SRS's key is another key: the proof does not verify against it.
    let mut dev = VerifierKey::<HyperKzg>::new(
        &program,
        &config(),
        &HyperKzgParameters::InsecureDevelopment,
    )
    .unwrap();
    dev.allow_insecure_parameters();
    assert_ne!(dev.digest(), vk.digest());
    assert!(verify(&dev, &io, &proof).is_err());

    // A prover key read back needs its own parameters.
    let bytes = pk.to_bytes();
    assert!(ProverKey::<HyperKzg>::from_bytes(&bytes, &params).is_ok());
    assert!(matches!(
        ProverKey::<HyperKzg>::from_bytes(&bytes, &ceremony(8)),
        Err(PreprocessingError::ParametersMismatch)
    ));
    assert!(matches!(
        ProverKey::<HyperKzg>::from_bytes(&bytes, &HyperKzgParameters::InsecureDevelopment),
        Err(PreprocessingError::ParametersMismatch)
    ));
}

#[test]
fn too_small_ceremony_is_a_prove_error() {
    let pk =
        ProverKey::<HyperKzg>::new(&every_opcode_program(), &config(), &ceremony(1 << 10)).unwrap();
    assert!(matches!(
        prove(&pk, &[]),
        Err(ProveError::Setup(SetupError::TooFewPowers {
            available: 1024,
            ..
        }))
    ));
}
