//! Proves `fib` and verifies the proof, in this process and through the `prove` and `verify`
//! programs; a wrong claimed output is rejected.

use std::path::Path;
use std::process::Command;

#[test]
fn runs_fib_without_a_proof() {
    let summary = guest::analyze_fib(10).unwrap();
    assert_eq!(summary.output, Some(55));
    assert!(!summary.panicked);
}

#[test]
fn proves_and_verifies_fib() {
    let (prove, verify) = guest::build_fib().unwrap();
    let (output, proof) = prove(10).unwrap();
    assert_eq!(output, Some(55));
    verify(10, output, &proof).unwrap();
    assert!(
        verify(10, Some(56), &proof).is_err(),
        "a wrong output must not verify"
    );
    assert!(
        verify(11, output, &proof).is_err(),
        "a wrong input must not verify"
    );
}

#[test]
fn prover_and_verifier_processes() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("two-processes");
    std::fs::create_dir_all(&dir).unwrap();
    let run = |program: &str, args: &[&str]| {
        let output = Command::new(program)
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        (output.status.success(), text)
    };
    let (proved, text) = run(env!("CARGO_BIN_EXE_prove"), &["10"]);
    assert!(proved, "{text}");
    assert!(text.contains("proved fib(10) = 55"), "{text}");

    let (valid, text) = run(env!("CARGO_BIN_EXE_verify"), &["10", "55"]);
    assert!(valid, "{text}");
    assert!(
        text.contains("valid: the proof shows fib(10) = 55"),
        "{text}"
    );

    let (valid, text) = run(env!("CARGO_BIN_EXE_verify"), &["10", "56"]);
    assert!(!valid, "a wrong output must not verify: {text}");
    assert!(text.starts_with("error: fib(10) = 56: "), "{text}");
}
