//! SHA-256 with the instructions of `jolt-precompiles` end to end: the guest hashes 1 KB with
//! them, the run is proven and verified with the registration, a wrong claimed digest is
//! rejected, and the run takes at most half the cycles of the `sha2` crate's plain code.

use jolt::host::{Error, GuestProgram};
use jolt_precompiles::sha256::EXTENSIONS;
use sha2::Digest as _;

/// The 1,024-byte message: `0, 1, 2, …` (mod 256).
fn message() -> Vec<u8> {
    (0..1024u32).map(|i| i as u8).collect()
}

fn precompile() -> GuestProgram {
    sha2_guest::compile_sha256_precompile()
        .expect("the sha2 guest builds")
        .with_extensions(&EXTENSIONS)
        .expect("the SHA-256 instructions register")
}

/// Cycles of one run of a guest function, split into the hash and the (de)serialization of its
/// arguments and output by the runtime (the same in both versions of a function).
struct Cycles {
    total: u64,
    hash: u64,
}

/// Runs `program` on `input`, checks its output against `expected`, and measures it.
fn measure<I: serde::Serialize>(
    program: &GuestProgram,
    input: &I,
    expected: [u8; 32],
    name: &str,
) -> Cycles {
    let summary = program.analyze::<_, [u8; 32]>(input).unwrap();
    assert_eq!(summary.output, Some(expected), "{name}");
    let serialization: u64 = summary
        .functions
        .iter()
        .filter(|(f, _)| f.starts_with("postcard::"))
        .map(|&(_, c)| c)
        .sum();
    let compress: u64 = summary
        .functions
        .iter()
        .filter(|(f, _)| f.contains("compress"))
        .map(|&(_, c)| c)
        .sum();
    assert!(
        serialization > 0,
        "{name}: the profile names no postcard function (the runtime's argument decoding)"
    );
    let hash = summary.cycles - serialization;
    println!(
        "{name}: {} cycles, {serialization} of them (de)serializing the arguments and output, \
         {hash} hashing ({compress} in the compression function)",
        summary.cycles
    );
    Cycles {
        total: summary.cycles,
        hash,
    }
}

/// SHA-256 of 1,024 bytes: 17 compressions, the argument decoded in one block by both
/// functions. Whether or not the runtime's (de)serialization is counted, the instructions take
/// less than half the cycles.
#[test]
fn the_instructions_at_least_halve_the_cycles_of_1_kb() {
    let input = (message(),);
    let expected: [u8; 32] = sha2::Sha256::digest(message()).into();
    let plain = measure(
        &sha2_guest::compile_sha256_plain().expect("the sha2 guest builds"),
        &input,
        expected,
        "1 KB, sha2 crate",
    );
    let fast = measure(
        &precompile(),
        &input,
        expected,
        "1 KB, SHA-256 instructions",
    );
    let hash = plain.hash as f64 / fast.hash as f64;
    let whole = plain.total as f64 / fast.total as f64;
    println!("1 KB: {hash:.2}x fewer cycles hashing, {whole:.2}x fewer in the whole run");
    assert!(
        hash >= 2.0,
        "hashing: {} / {} = {hash:.2}",
        plain.hash,
        fast.hash
    );
    assert!(
        whole >= 2.0,
        "whole run: {} / {} = {whole:.2}",
        plain.total,
        fast.total
    );
}

#[test]
fn a_1_kb_hash_is_proven_and_verified() {
    let program = precompile();
    let input = (message(),);
    let pk = program.preprocess().unwrap();
    let start = std::time::Instant::now();
    let (output, proof) = program.prove::<_, [u8; 32]>(&pk, &input).unwrap();
    println!(
        "1 KB with the SHA-256 instructions: {} cycles, proven in {:.1} s, {} bytes",
        proof.cycles(),
        start.elapsed().as_secs_f64(),
        proof.size_in_bytes()
    );
    let expected: [u8; 32] = sha2::Sha256::digest(message()).into();
    assert_eq!(output, Some(expected));
    jolt::host::verify(&pk.vk, &input, output.as_ref(), &proof).unwrap();

    let mut wrong = expected;
    wrong[31] ^= 1;
    assert!(matches!(
        jolt::host::verify(&pk.vk, &input, Some(&wrong), &proof),
        Err(Error::Invalid(_))
    ));
}
