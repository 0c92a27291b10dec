//! Every example's one command in a small size: each test calls the `run` function its binary
//! calls, which builds, runs, proves and verifies the guest (an `Err` if the proof does not
//! verify), and checks the proven output against the same function computed natively. The
//! prover and the verifier run as two processes of the `prover-verifier` binary.

use std::process::Command;

use jolt_examples::examples::{
    collatz, custom_instruction, fibonacci, hashes, memory_ops, muldiv, panic, rollup,
};
use rollup_guest::Status;
use sha2::Digest as _;

#[test]
fn fibonacci_main_job() {
    let proven = fibonacci::run(50).unwrap();
    assert_eq!(proven.output, Some(12_586_269_025));
    assert!(proven.proof_bytes > 0 && proven.cycles > 50);
}

#[test]
fn collatz() {
    let proven = collatz::run(30).unwrap();
    assert_eq!(proven.output, Some((27, 111)));
}

#[test]
fn sha2_of_a_buffer() {
    let proven = hashes::sha2(256).unwrap();
    let expected: [u8; 32] = sha2::Sha256::digest(hashes::buffer(256)).into();
    assert_eq!(proven.output, Some(expected));
}

#[test]
fn sha2_chain() {
    let proven = hashes::sha2_chain(8).unwrap();
    let mut h = hashes::SEED;
    for _ in 0..8 {
        h = sha2::Sha256::digest(h).into();
    }
    assert_eq!(proven.output, Some(h));
}

#[test]
fn keccak_chain() {
    let proven = hashes::keccak_chain(8).unwrap();
    let mut h = hashes::SEED;
    for _ in 0..8 {
        h = sha3::Keccak256::digest(h).into();
    }
    assert_eq!(proven.output, Some(h));
}

#[test]
fn muldiv_overflow_case() {
    let proven = muldiv::run(i32::MIN, -1).unwrap();
    assert_eq!(proven.output, Some(muldiv_guest::muldiv(i32::MIN, -1)));
}

#[test]
fn memory_ops_of_every_width() {
    let proven = memory_ops::run(64).unwrap();
    assert_eq!(proven.output, Some(memory_guest::memory_ops(64)));
    let mix = memory_guest::analyze_memory_ops(64)
        .unwrap()
        .instruction_mix;
    for op in ["LB", "LBU", "LH", "LHU", "LW", "SB", "SH", "SW"] {
        assert!(mix.get(op).copied().unwrap_or(0) >= 64, "{op}: {mix:?}");
    }
}

#[test]
fn a_panic_is_a_proven_result() {
    let proven = panic::run(0).unwrap();
    assert_eq!(proven.output, None, "100 / 0 panics");
}

#[test]
fn custom_instruction() {
    let proven = custom_instruction::run(3).unwrap();
    let (a, b) = custom_instruction::images();
    assert_eq!(proven.output, Some(custom_guest::blend(a, b, 3)));
}

#[test]
fn prover_and_verifier_are_separate_processes() {
    let exe = env!("CARGO_BIN_EXE_prover-verifier");
    let dir = std::env::temp_dir().join(format!("jolt-prover-verifier-{}", std::process::id()));
    let dir_arg = dir.to_str().unwrap();
    let prove = Command::new(exe)
        .args(["prove", dir_arg, "30"])
        .output()
        .unwrap();
    assert!(prove.status.success(), "{prove:?}");
    let verify = Command::new(exe)
        .args(["verify", dir_arg])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&verify.stdout);
    assert!(verify.status.success(), "{verify:?}");
    assert!(
        stdout.contains("fib(30) = 832040: the proof is valid"),
        "{stdout}"
    );

    // Another claim for the same proof: the verifier process rejects it.
    let claim = dir.join(jolt_examples::examples::prover_verifier::CLAIM_FILE);
    std::fs::write(&claim, r#"{ "n": 30, "output": 832041 }"#).unwrap();
    let rejected = Command::new(exe)
        .args(["verify", dir_arg])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&rejected.stderr);
    assert!(!rejected.status.success(), "{rejected:?}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(!String::from_utf8_lossy(&rejected.stdout).contains("the proof is valid"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The smallest batch: one signed transfer (about 3.5 M cycles, most of them the Ed25519
/// check); the example's default batch of two is the command in the README.
#[test]
fn rollup_batch_of_one_transfer() {
    let proven = rollup::run(1).unwrap();
    let (_, statuses) = proven.output.expect("a well-formed batch");
    assert_eq!(statuses, [Status::Applied]);
    println!(
        "rollup, 1 transfer: {} cycles, prove {:.1} s",
        proven.cycles, proven.prove_seconds
    );
}
