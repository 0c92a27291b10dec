//! Example guests proven and verified end to end beyond their one-command runs
//! (`tests/one_command.rs`): through the macro's functions, in shards, through files, with
//! Hyrax through `jolt_core` directly, and claims that differ from the run rejected.

use jolt::host::{Error, Proof};
use jolt_core::commitment::hyrax::Hyrax;
use jolt_core::zkvm;

/// Checks that a wrong claimed output is rejected.
fn reject_wrong_output<O>(verify: impl Fn(Option<O>) -> Result<(), Error>, wrong: O) {
    assert!(matches!(verify(Some(wrong)), Err(Error::Invalid(_))));
}

#[test]
fn fibonacci_proves_and_verifies() {
    // ANCHOR: build
    let (prove, verify) = fibonacci_guest::build_fib().unwrap();
    let (output, proof) = prove(50).unwrap();
    assert_eq!(output, Some(12_586_269_025));
    verify(50, output, &proof).unwrap();
    // ANCHOR_END: build
    reject_wrong_output(|o| verify(50, o, &proof), 12_586_269_026);
    assert!(matches!(verify(51, output, &proof), Err(Error::Invalid(_))));
    assert!(matches!(verify(50, None, &proof), Err(Error::Invalid(_))));
}

#[test]
fn a_run_longer_than_a_shard_proves_in_shards_through_the_host_api() {
    let program = fibonacci_guest::compile_fib().unwrap();
    let pk = program.preprocess().unwrap();
    let (output, proof) = program
        .prove_in_shards::<_, _, u128>(&pk, &(50u32,), &(), 9)
        .unwrap();
    assert_eq!(output, Some(12_586_269_025));
    assert!(proof.shards.len() >= 3, "{} shards", proof.shards.len());
    jolt::host::verify(&pk.vk, &(50u32,), output.as_ref(), &proof).unwrap();
    let wrong = Some(12_586_269_026u128);
    assert!(matches!(
        jolt::host::verify(&pk.vk, &(50u32,), wrong.as_ref(), &proof),
        Err(Error::Invalid(_))
    ));
    let mut dropped = proof.clone();
    dropped.shards.remove(1);
    assert!(matches!(
        jolt::host::verify(&pk.vk, &(50u32,), output.as_ref(), &dropped),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn sha3_proves_and_verifies() {
    let pk = sha3_guest::preprocess_keccak_and_sha3().unwrap();
    let input: Vec<u8> = (0..50u8).collect();
    let (output, proof) = sha3_guest::prove_keccak_and_sha3(&pk, input.clone()).unwrap();
    assert_eq!(output, Some(sha3_guest::keccak_and_sha3(input.clone())));
    sha3_guest::verify_keccak_and_sha3(&pk.vk, input, output, &proof).unwrap();
}

#[test]
fn muldiv_proves_and_verifies() {
    let (prove, verify) = muldiv_guest::build_muldiv().unwrap();
    for (a, b) in [(-7, 3), (i32::MIN, -1), (5, 0)] {
        let (output, proof) = prove(a, b).unwrap();
        assert_eq!(output, Some(muldiv_guest::muldiv(a, b)));
        verify(a, b, output, &proof).unwrap();
    }
}

#[test]
fn collections_prove_and_verify() {
    let (prove, verify) = collections_guest::build_word_stats().unwrap();
    let text = "the fox and the dog".to_string();
    let (output, proof) = prove(text.clone()).unwrap();
    assert_eq!(output, Some(collections_guest::word_stats(text.clone())));
    verify(text, output, &proof).unwrap();
}

/// An output that does not fit its region is reported as exactly that, by running and by
/// proving; one that fits proves and verifies against what `prove` returned.
#[test]
fn an_output_larger_than_its_region_is_an_error_naming_the_limit() {
    let too_large = vec![7u8; 10_000];
    let expected = Error::OutputTooLarge {
        max_output_size: 4096,
    };
    let run = collections_guest::analyze_echo(too_large.clone());
    assert_eq!(run.err(), Some(expected.clone()));
    assert!(expected.to_string().contains("max_output_size"));
    let (prove, verify) = collections_guest::build_echo().unwrap();
    assert_eq!(prove(too_large).err(), Some(expected));
    let fits = vec![7u8; 4000];
    let (output, proof) = prove(fits.clone()).unwrap();
    assert_eq!(output.as_ref(), Some(&fits));
    verify(fits, output, &proof).unwrap();
}

#[test]
fn a_panic_is_proven_and_claiming_otherwise_is_rejected() {
    let (prove, verify) = panic_guest::build_checked_div().unwrap();
    let (output, proof) = prove(1, 0).unwrap();
    assert_eq!(output, None, "the guest panicked");
    verify(1, 0, None, &proof).unwrap();
    reject_wrong_output(|o| verify(1, 0, o, &proof), 0);
    let (output, proof) = prove(10, 3).unwrap();
    assert_eq!(output, Some(3));
    verify(10, 3, Some(3), &proof).unwrap();
    assert!(matches!(
        verify(10, 3, None, &proof),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn allocation_failure_is_a_proven_panic() {
    let (prove, verify) = panic_guest::build_allocate().unwrap();
    let (output, proof) = prove(2 << 20).unwrap();
    assert_eq!(output, None, "the allocation failed");
    verify(2 << 20, None, &proof).unwrap();
    reject_wrong_output(|o| verify(2 << 20, o, &proof), 0);
}

#[test]
fn stack_overflow_is_a_proven_panic() {
    let (prove, verify) = panic_guest::build_deep_recursion().unwrap();
    let (output, proof) = prove(10_000).unwrap();
    assert_eq!(output, None, "the stack overflowed");
    verify(10_000, None, &proof).unwrap();
    reject_wrong_output(|o| verify(10_000, o, &proof), 0);
    let (output, proof) = prove(3).unwrap();
    assert_eq!(output, Some(panic_guest::deep_recursion(3)));
    verify(3, output, &proof).unwrap();
}

#[test]
fn proofs_and_keys_round_trip_through_files() {
    // ANCHOR: files
    let pk = fibonacci_guest::preprocess_fib().unwrap();
    let (output, proof) = fibonacci_guest::prove_fib(&pk, 20).unwrap();
    let dir = std::env::temp_dir().join(format!("jolt-proof-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (proof_path, key_path) = (dir.join("fib.proof"), dir.join("fib.key"));
    jolt::host::write_proof(&proof_path, &proof).unwrap();
    jolt::host::write_verifier_key(&key_path, &pk.vk).unwrap();
    let vk = jolt::host::read_verifier_key(&key_path).unwrap();
    let read: Proof = jolt::host::read_proof(&proof_path).unwrap();
    assert!(!vk.is_insecure(), "the default scheme is transparent");
    fibonacci_guest::verify_fib(&vk, 20, output, &read).unwrap();
    // ANCHOR_END: files
    let pk_path = dir.join("fib.pk");
    jolt::host::write_prover_key(&pk_path, &pk).unwrap();
    let pk_read = jolt::host::read_prover_key(&pk_path).unwrap();
    let (output, proof) = fibonacci_guest::prove_fib(&pk_read, 21).unwrap();
    fibonacci_guest::verify_fib(&vk, 21, output, &proof).unwrap();
    println!(
        "verifier key: {} bytes, proof: {} bytes",
        std::fs::metadata(&key_path).unwrap().len(),
        std::fs::metadata(&proof_path).unwrap().len()
    );
    std::fs::write(&proof_path, b"not a proof").unwrap();
    assert!(matches!(
        jolt::host::read_proof(&proof_path),
        Err(Error::File(_))
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Proves with Hyrax through `jolt_core` directly.
fn hyrax_round_trip(program: &jolt::host::GuestProgram, input: &[u8]) {
    let pk = zkvm::ProverKey::<Hyrax>::new(&program.program, &program.run_config(), &()).unwrap();
    let (io, proof) = zkvm::prove(&pk, input).unwrap();
    assert_eq!(zkvm::verify(&pk.vk, &io, &proof), Ok(()));
    let mut wrong = io.clone();
    wrong.exit_code += 1;
    assert!(zkvm::verify(&pk.vk, &wrong, &proof).is_err());
}

#[test]
fn hyrax_proves_fibonacci_and_muldiv() {
    let fib = fibonacci_guest::compile_fib().unwrap();
    hyrax_round_trip(&fib, &postcard::to_stdvec(&(30u32,)).unwrap());
    let muldiv = muldiv_guest::compile_muldiv().unwrap();
    hyrax_round_trip(&muldiv, &postcard::to_stdvec(&(-7i32, 3i32)).unwrap());
}
