//! Keccak-256 with the Keccak instructions of `jolt-precompiles`, end to end: the guest's
//! digest of 1 KB equals the `sha3` crate's on the host, the run is proven and verified with
//! the registration, a wrong claimed digest is rejected, and it takes at most half the cycles
//! of the same hash with the `sha3` crate in the guest.

use jolt::host::{Error, GuestProgram};
use jolt_precompiles::keccak::tables::EXTENSIONS;
use sha3::{Digest, Keccak256, Sha3_256};

/// The 1,024-byte input.
fn input() -> Vec<u8> {
    (0..1024u32).map(|i| (i * 7 + 3) as u8).collect()
}

fn precompile() -> GuestProgram {
    sha3_guest::compile_keccak256_precompile()
        .and_then(|p| p.with_extensions(&EXTENSIONS))
        .expect("the sha3 guest builds")
}

fn cycles(program: &GuestProgram, input: &[u8]) -> (u64, [u8; 32]) {
    let summary = program.analyze::<_, [u8; 32]>(&(input.to_vec(),)).unwrap();
    (summary.cycles, summary.output.expect("the guest returns"))
}

#[test]
fn half_the_cycles_of_the_sha3_crate() {
    let input = input();
    let expected: [u8; 32] = Keccak256::digest(&input).into();
    let plain = sha3_guest::compile_keccak256_plain().unwrap();
    let (plain_cycles, plain_digest) = cycles(&plain, &input);
    let (fast_cycles, fast_digest) = cycles(&precompile(), &input);
    assert_eq!(plain_digest, expected);
    assert_eq!(fast_digest, expected);
    // The fixed cost of a run (reading the input, writing the output) is in both figures.
    let (empty_cycles, _) = cycles(&precompile(), &[]);
    println!(
        "Keccak-256 of 1,024 bytes: {plain_cycles} cycles with the sha3 crate, {fast_cycles} \
         with the Keccak instructions ({:.2}x); of 0 bytes (one permutation): {empty_cycles}",
        plain_cycles as f64 / fast_cycles as f64
    );
    assert!(
        plain_cycles as f64 >= 2.0 * fast_cycles as f64,
        "{plain_cycles} plain vs {fast_cycles} with the instructions"
    );
}

#[test]
fn keccak_and_sha3_with_the_instructions_equal_the_host() {
    let program = sha3_guest::compile_keccak_and_sha3_precompile()
        .and_then(|p| p.with_extensions(&EXTENSIONS))
        .unwrap();
    for len in [0usize, 1, 135, 136, 137, 300] {
        let data: Vec<u8> = (0..len).map(|i| (i * 31 + 1) as u8).collect();
        let summary = program
            .analyze::<_, ([u8; 32], [u8; 32])>(&(data.clone(),))
            .unwrap();
        let expected = (
            Keccak256::digest(&data).into(),
            Sha3_256::digest(&data).into(),
        );
        assert_eq!(summary.output, Some(expected), "{len} bytes");
    }
}

#[test]
fn keccak_of_one_kilobyte_is_proven_and_verified() {
    let program = precompile();
    let args = (input(),);
    let pk = program.preprocess().unwrap();
    let (output, proof) = program.prove::<_, [u8; 32]>(&pk, &args).unwrap();
    let expected: [u8; 32] = Keccak256::digest(&args.0).into();
    assert_eq!(output, Some(expected));
    jolt::host::verify(&pk.vk, &args, output.as_ref(), &proof).unwrap();

    let mut wrong = expected;
    wrong[31] ^= 1;
    assert!(matches!(
        jolt::host::verify(&pk.vk, &args, Some(&wrong), &proof),
        Err(Error::Invalid(_))
    ));
    println!(
        "Keccak-256 of 1,024 bytes with the Keccak instructions: {} cycles, proof {} bytes",
        proof.cycles(),
        proof.size_in_bytes()
    );
}
