//! A private input end to end: proving knowledge of a SHA-256 preimage (the `preimage`
//! example). The preimage is a `#[private]` argument: the prover runs on it, the proof commits
//! to it, and the verifier checks the claim with the public digest alone.

use jolt::host::{Error, GuestProgram};
use jolt_examples::examples::hashes;
use jolt_precompiles::sha256::EXTENSIONS;
use sha2::Digest as _;

fn program() -> GuestProgram {
    sha2_guest::compile_knows_preimage()
        .expect("the sha2 guest builds")
        .with_extensions(&EXTENSIONS)
        .expect("the SHA-256 instructions register")
}

const PREIMAGE: &[u8] = b"the password is not in the proof, only its commitment";

#[test]
fn knowledge_of_a_preimage_proves_without_revealing_it() {
    let digest: [u8; 32] = sha2::Sha256::digest(PREIMAGE).into();
    let proven = hashes::knows_preimage(digest, PREIMAGE).unwrap();
    assert_eq!(proven.output, Some(true));
    let (proof, vk) = (&proven.proof, &proven.vk);
    sha2_guest::verify_knows_preimage(vk, digest, Some(true), proof).unwrap();

    // Neither the proof file nor its statement holds the preimage's bytes.
    let file = proof.to_file();
    assert!(!file.windows(PREIMAGE.len()).any(|w| w == PREIMAGE));
    assert!(proof
        .statement
        .io
        .inputs
        .windows(8)
        .all(|w| w != &PREIMAGE[..8]));

    // The proof does not verify for another digest, nor for the answer `false`.
    let mut other = digest;
    other[0] ^= 1;
    let wrong = sha2_guest::verify_knows_preimage(vk, other, Some(true), proof);
    assert!(matches!(wrong, Err(Error::Invalid(_))), "{wrong:?}");
    let wrong = sha2_guest::verify_knows_preimage(vk, digest, Some(false), proof);
    assert!(matches!(wrong, Err(Error::Invalid(_))), "{wrong:?}");
}

#[test]
fn a_wrong_preimage_proves_false_and_too_long_a_one_is_refused() {
    let program = program();
    let summary = program
        .analyze_private::<_, _, bool>(&([0u8; 32],), &(PREIMAGE.to_vec(),))
        .unwrap();
    assert_eq!(summary.output, Some(false));
    let long = (vec![7u8; 5000],);
    let r = program.analyze_private::<_, _, bool>(&([0u8; 32],), &long);
    assert!(
        matches!(
            r,
            Err(Error::Emulator(
                jolt::host::EmulatorError::PrivateInputTooLarge { .. }
            ))
        ),
        "{r:?}"
    );
}

/// In zero-knowledge mode the proof reveals nothing about the preimage (nor about the run,
/// beyond its padded length): it verifies for the digest and the answer, not for others, and
/// two proofs of two preimages of one statement have one length.
#[test]
fn knowledge_of_a_preimage_proves_in_zero_knowledge() {
    let program = program();
    let pk = program.preprocess().unwrap();
    let digest: [u8; 32] = sha2::Sha256::digest(PREIMAGE).into();
    let (output, proof) = program
        .prove_zk::<_, _, bool>(&pk, &(digest,), &(PREIMAGE.to_vec(),))
        .unwrap();
    assert_eq!(output, Some(true));
    sha2_guest::verify_zk_knows_preimage(&pk.vk, digest, Some(true), &proof).unwrap();
    let file = proof.to_file();
    assert!(!file.windows(8).any(|w| w == &PREIMAGE[..8]));
    let read = jolt::host::ZkProof::from_file(&file).unwrap();
    sha2_guest::verify_zk_knows_preimage(&pk.vk, digest, Some(true), &read).unwrap();

    let mut other = digest;
    other[0] ^= 1;
    let wrong = sha2_guest::verify_zk_knows_preimage(&pk.vk, other, Some(true), &proof);
    assert!(matches!(wrong, Err(Error::Invalid(_))), "{wrong:?}");
    let wrong = sha2_guest::verify_zk_knows_preimage(&pk.vk, digest, Some(false), &proof);
    assert!(matches!(wrong, Err(Error::Invalid(_))), "{wrong:?}");

    // Another preimage of another digest: the same shape of proof.
    let preimage = b"another secret of the same length, padded out to match!!";
    let digest2: [u8; 32] = sha2::Sha256::digest(preimage).into();
    let (_, proof2) = program
        .prove_zk::<_, _, bool>(&pk, &(digest2,), &(preimage.to_vec(),))
        .unwrap();
    sha2_guest::verify_zk_knows_preimage(&pk.vk, digest2, Some(true), &proof2).unwrap();
    assert_eq!(proof2.proof.to_bytes().len(), proof.proof.to_bytes().len());
}
