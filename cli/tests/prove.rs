//! `jolt prove`, `jolt verify` and `jolt preprocess` through the binary: every conformance
//! program proves and verifies; a tampered, truncated or foreign file, a key of another program
//! or bound, and a runaway program all fail with one `error:` line and no panic. The commitment
//! parameters: the development SRS is refused unless allowed, a `.ptau` is validated and must
//! be large enough, and some choice is required.

#[path = "../../tracer/tests/asm/mod.rs"]
mod asm;
mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use asm::*;
use common::*;
use jolt_common::MemoryLayout;
use serde_json::Value;

const FIXTURE_PTAU: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../jolt-core/tests/fixtures/bn128-pot8.ptau"
);

fn scratch_dir() -> PathBuf {
    scratch_dir_of("prove-tests")
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch_dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn programs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/rv32im/src/bin");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(String::from))
        .collect();
    names.sort();
    names
}

/// Proves `elf` into `proof` with `--json` (plus `extra` flags) and checks the fields.
fn prove(elf: &Path, proof: &Path, extra: &[&Path]) -> Value {
    let mut args = vec![p("prove"), elf, p("-o"), proof, p("--json")];
    args.extend_from_slice(extra);
    let output = jolt(&args);
    assert_success(&output);
    let v = json(&output);
    let cycles = v["cycles"].as_u64().unwrap();
    let padded = v["padded_cycles"].as_u64().unwrap();
    assert!(padded.is_power_of_two() && padded >= cycles, "{v}");
    assert!(v["prove_s"].as_f64().unwrap() > 0.0, "{v}");
    assert!(v["preprocess_s"].as_f64().unwrap() > 0.0, "{v}");
    let file_len = std::fs::metadata(proof).unwrap().len();
    assert!(v["proof_bytes"].as_u64().unwrap() < file_len, "{v}");
    assert!(v["exit_code"].is_u64(), "{v}");
    v
}

/// Verifies with `--json`; returns the process output and its object.
fn verify(elf: &Path, proof: &Path, extra: &[&Path]) -> (Output, Value) {
    let mut args = vec![p("verify"), elf, proof, p("--json")];
    args.extend_from_slice(extra);
    let output = jolt(&args);
    let v = json(&output);
    assert_eq!(v["valid"].as_bool(), Some(output.status.success()), "{v}");
    assert!(v["verify_ms"].as_f64().unwrap() > 0.0, "{v}");
    assert!(v["exit_code"].is_u64(), "{v}");
    (output, v)
}

/// A proof of the `add` program with HyperKZG's development SRS (and its warning).
fn dev_proof() -> &'static PathBuf {
    static PROOF: OnceLock<PathBuf> = OnceLock::new();
    PROOF.get_or_init(|| {
        let (elf, _) = add_proof();
        let proof = scratch_dir().join("add-dev.proof");
        let output = jolt(&[p("prove"), elf, p("-o"), &proof, p("--insecure-dev-srs")]);
        assert_success(&output);
        assert!(String::from_utf8_lossy(&output.stderr).starts_with("warning: the INSECURE"));
        proof
    })
}

/// One proof of the `add` conformance program, shared by the tests that tamper with it.
fn add_proof() -> &'static (PathBuf, PathBuf) {
    static PROOF: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    PROOF.get_or_init(|| {
        let elf = suite().join("add");
        let proof = scratch_dir().join("add.proof");
        prove(&elf, &proof, &[]);
        (elf, proof)
    })
}

#[test]
fn every_conformance_program_proves_and_verifies() {
    let names = programs();
    assert!(names.len() >= 48, "found {} programs", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let elf = suite().join(name);
        let proof = scratch_dir().join(format!("suite-{name}.proof"));
        let expected = if name == "fail_expected" { 3 } else { 0 };
        let proved = prove(&elf, &proof, &[]);
        let (output, verified) = verify(&elf, &proof, &[]);
        if proved["exit_code"] != expected || verified["exit_code"] != expected {
            failures.push(format!("{name}: {proved} / {verified}"));
        }
        if !output.status.success() {
            failures.push(format!(
                "{name}: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        std::fs::remove_file(&proof).unwrap();
    }
    assert!(failures.is_empty(), "failures:\n{}", failures.join("\n"));
}

#[test]
fn text_output_names_the_exit_code() {
    let (elf, proof) = add_proof();
    let output = jolt(&[p("verify"), elf, proof]);
    assert_success(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("valid proof"), "{stdout}");
    assert!(stdout.contains("exit code: 0"), "{stdout}");
}

/// Byte offsets in a proof file of the claimed exit code and of the proof's own bytes.
fn layout_of(file: &[u8]) -> (usize, usize) {
    let len = |at: usize| u64::from_le_bytes(file[at..at + 8].try_into().unwrap()) as usize;
    // Header (13 bytes), then the statement: program digest (32), entry (4), layout (20),
    // max_cycles (8), stack guard (1), key digest (32), inputs, outputs, panic, exit code.
    let inputs = 13 + 97;
    let outputs = inputs + 8 + len(inputs);
    let exit_code = outputs + 8 + len(outputs) + 1;
    let proof = exit_code + 4 + 8;
    assert_eq!(len(exit_code + 4), file.len() - proof);
    (exit_code, proof)
}

#[test]
fn tampered_truncated_and_foreign_files_fail_cleanly() {
    let (elf, proof) = add_proof();
    let file = std::fs::read(proof).unwrap();
    let (exit_code_at, proof_at) = layout_of(&file);

    let mut lie = file.clone();
    lie[exit_code_at] ^= 1;
    let path = scratch("lie.proof", &lie);
    let (output, v) = verify(elf, &path, &[]);
    assert_clean_failure(&output, "the proof is invalid: ");
    assert_eq!(v["exit_code"], 1, "the claimed exit code is reported");

    // Bytes spread over the proof part: each flip is either undecodable or rejected.
    let span = file.len() - proof_at;
    for k in 0..8 {
        let at = proof_at + span * (2 * k + 1) / 16;
        let mut flipped = file.clone();
        flipped[at] ^= 0x10;
        let path = scratch("flipped.proof", &flipped);
        let output = jolt(&[p("verify"), elf, &path]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let cause = if stderr.contains("corrupt") {
            "corrupt"
        } else {
            "the proof is invalid: "
        };
        assert_clean_failure(&output, cause);
    }

    for (cut, cause) in [
        (file.len() - 1, "corrupt"),
        (proof_at + 100, "corrupt"),
        (exit_code_at, "corrupt"),
        (10, "truncated"),
        (3, "too short"),
    ] {
        let path = scratch("truncated.proof", &file[..cut]);
        assert_clean_failure(&jolt(&[p("verify"), elf, &path]), cause);
    }
    let mut trailing = file.clone();
    trailing.push(0);
    let path = scratch("trailing.proof", &trailing);
    assert_clean_failure(&jolt(&[p("verify"), elf, &path]), "corrupt");

    let mut version = file.clone();
    version[8] = 9;
    let path = scratch("version.proof", &version);
    assert_clean_failure(&jolt(&[p("verify"), elf, &path]), "version 9");
    assert_clean_failure(&jolt(&[p("verify"), elf, elf]), "not a jolt proof file");
    assert_clean_failure(
        &jolt(&[p("verify"), elf, p("/nonexistent/x.proof")]),
        "cannot read /nonexistent/x.proof",
    );
}

#[test]
fn a_proof_verifies_only_for_its_program_and_bounds() {
    let (elf, proof) = add_proof();
    let key = scratch_dir().join("add.key");
    let output = jolt(&[p("preprocess"), elf, p("-o"), &key]);
    assert_success(&output);
    let (output, v) = verify(elf, proof, &[p("--key"), &key]);
    assert_success(&output);
    assert_eq!(v["exit_code"], 0);

    let other = suite().join("sub");
    let other_key = scratch_dir().join("sub.key");
    assert_success(&jolt(&[p("preprocess"), &other, p("-o"), &other_key]));
    let (output, v) = verify(elf, proof, &[p("--key"), &other_key]);
    assert_clean_failure(&output, "is for another program");
    assert!(v["error"].as_str().unwrap().contains("another program"));
    let (output, _) = verify(&other, proof, &[]);
    assert_clean_failure(
        &output,
        "the claim differs from what the proof was made for: the program: the proof was made for another program",
    );

    // Same program, another cycle bound: the key digest differs, so the transcript does.
    let bound_key = scratch_dir().join("add-2^20.key");
    let bound = p("1048576");
    assert_success(&jolt(&[
        p("preprocess"),
        elf,
        p("-o"),
        &bound_key,
        p("--max-cycles"),
        bound,
    ]));
    let differs = "the claim differs from what the proof was made for: max_cycles: the claim has 1048576, the proof was made for 16777216";
    let (output, _) = verify(elf, proof, &[p("--key"), &bound_key]);
    assert_clean_failure(&output, differs);
    let (output, _) = verify(elf, proof, &[p("--max-cycles"), bound]);
    assert_clean_failure(&output, differs);
    let (output, _) = verify(elf, proof, &[p("--memory-size"), p("16777216")]);
    assert_clean_failure(
        &output,
        "memory_size: the claim has 16777216, the proof was made for 33554432",
    );

    let mut corrupt = std::fs::read(&key).unwrap();
    corrupt.truncate(corrupt.len() - 5);
    let path = scratch("corrupt.key", &corrupt);
    assert_clean_failure(
        &jolt(&[p("verify"), elf, proof, p("--key"), &path]),
        "corrupt",
    );
    assert_clean_failure(
        &jolt(&[p("verify"), elf, proof, p("--key"), proof]),
        "not a jolt verifier key file",
    );
}

/// Exits with the byte at `addr`.
fn exit_with_byte_at(addr: u32) -> Vec<u8> {
    let hi = addr.wrapping_add(0x800) & 0xffff_f000;
    let lo = addr.wrapping_sub(hi) as i32;
    let mut code = vec![lui(A0, hi), lbu(A0, A0, lo)];
    code.extend(exit());
    program(&code, &[]).to_elf()
}

#[test]
fn inputs_larger_than_the_default_region_are_proven_and_bound() {
    let input = vec![42u8; 5000];
    let layout = MemoryLayout {
        max_input_size: 5000,
        ..MemoryLayout::default()
    };
    let elf = scratch("echo.elf", &exit_with_byte_at(layout.input_start()));
    let input_file = scratch("echo.input", &input);
    let proof = scratch_dir().join("echo.proof");
    let v = prove(&elf, &proof, &[p("--input"), &input_file]);
    assert_eq!(v["exit_code"], 42);
    let (output, v) = verify(&elf, &proof, &[]);
    assert_success(&output);
    assert_eq!(v["exit_code"], 42);

    // Another claimed input (same length, so the same layout) is rejected: changed in the
    // file (statement and claim alike), the check fails; claimed with --input, the
    // rejection names the inputs.
    let mut file = std::fs::read(&proof).unwrap();
    file[13 + 97 + 8 + 100] ^= 1;
    let path = scratch("echo-lie.proof", &file);
    let (output, _) = verify(&elf, &path, &[]);
    assert_clean_failure(&output, "the proof is invalid: ");
    let mut other_input = std::fs::read(&input_file).unwrap();
    other_input[100] ^= 1;
    let other_input = scratch("echo-other.in", &other_input);
    let (output, _) = verify(&elf, &proof, &[p("--input"), &other_input]);
    assert_clean_failure(
        &output,
        "the claim differs from what the proof was made for: the inputs: the claim has ",
    );
}

#[test]
fn a_raw_elf_takes_a_private_input_region_from_the_command_line() {
    let layout = MemoryLayout {
        max_private_input_size: 4096,
        ..MemoryLayout::default()
    };
    let elf = scratch(
        "private.elf",
        &exit_with_byte_at(layout.private_input_start()),
    );
    let private = scratch("private.input", &[42]);
    let region = [p("--max-private-input-size"), p("4096")];
    let output = jolt(&[p("run"), &elf, p("--private-input"), &private]);
    assert_clean_failure(&output, "raise max_private_input_size");

    let proof = scratch_dir().join("private.proof");
    let v = prove(
        &elf,
        &proof,
        &[&[p("--private-input"), &private][..], &region].concat(),
    );
    assert_eq!(v["exit_code"], 42);
    let (output, v) = verify(&elf, &proof, &region);
    assert_success(&output);
    assert_eq!(v["exit_code"], 42);
    // A key without the region is another layout: the proof was made for 4096 private bytes.
    let (output, _) = verify(&elf, &proof, &[]);
    assert_clean_failure(&output, "max_private_input_size");
}

#[test]
fn a_program_that_does_not_halt_is_not_proven() {
    let elf = scratch("loop.elf", &program(&[jal(0, 0)], &[]).to_elf());
    let proof = scratch_dir().join("loop.proof");
    let output = jolt(&[
        p("prove"),
        &elf,
        p("-o"),
        &proof,
        p("--max-cycles"),
        p("1000"),
    ]);
    assert_clean_failure(&output, "did not halt within 1000 cycles");
    assert!(!proof.exists());
}

#[test]
fn the_development_srs_is_refused_unless_allowed() {
    let (elf, _) = add_proof();
    let proof = dev_proof();
    let output = jolt(&[p("verify"), elf, proof, p("--insecure-dev-srs")]);
    assert_clean_failure(&output, "INSECURE development SRS");
    assert!(String::from_utf8_lossy(&output.stderr).contains("--allow-insecure"));
    assert_success(&jolt(&[
        p("verify"),
        elf,
        proof,
        p("--insecure-dev-srs"),
        p("--allow-insecure"),
    ]));
    let key = scratch_dir().join("add-dev.key");
    let output = jolt(&[p("preprocess"), elf, p("-o"), &key, p("--insecure-dev-srs")]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("warning: the INSECURE"));
    assert_clean_failure(
        &jolt(&[p("verify"), elf, proof, p("--key"), &key]),
        "INSECURE development SRS",
    );
    assert_success(&jolt(&[
        p("verify"),
        elf,
        proof,
        p("--key"),
        &key,
        p("--allow-insecure"),
    ]));
}

#[test]
fn hyperkzg_parameters_must_be_given_and_valid() {
    let (elf, _) = add_proof();
    let proof = dev_proof();
    let out = scratch_dir().join("unused.proof");
    let _ = std::fs::remove_file(&out);
    assert_clean_failure(
        &jolt(&[p("verify"), elf, proof]),
        "needs --ptau <file> or --insecure-dev-srs",
    );
    // The fixture (power 8) is a valid ceremony file, too small for the zkVM's tables.
    assert_clean_failure(
        &jolt(&[p("prove"), elf, p("-o"), &out, p("--ptau"), p(FIXTURE_PTAU)]),
        "use a .ptau file of power at least",
    );
    assert!(!out.exists());
    // Its key is not the development SRS's: the proof is invalid for it, and it is not refused
    // as insecure.
    let key = scratch_dir().join("add-ptau.key");
    assert_success(&jolt(&[
        p("preprocess"),
        elf,
        p("-o"),
        &key,
        p("--ptau"),
        p(FIXTURE_PTAU),
    ]));
    assert_clean_failure(
        &jolt(&[p("verify"), elf, proof, p("--key"), &key]),
        "the verifier key: program, bounds and I/O agree, but the key's commitment parameters",
    );
    // A Dory proof checked against a HyperKZG key: the scheme does not match.
    let (_, dory_proof) = add_proof();
    let output = jolt(&[p("verify"), elf, dory_proof, p("--key"), &key]);
    assert!(!output.status.success());
    let mut bad = std::fs::read(FIXTURE_PTAU).unwrap();
    bad.truncate(1000);
    let path = scratch("truncated.ptau", &bad);
    assert_clean_failure(
        &jolt(&[p("verify"), elf, proof, p("--ptau"), &path]),
        "truncated.ptau: the file is truncated",
    );
}

/// Every conformance program proves and verifies in zero knowledge (`--zk`, in a small guest
/// memory: a zero-knowledge proof's RAM is the whole of it); the proof file says what it is,
/// and its transparent twin and its tampered copy are told apart.
#[test]
fn every_conformance_program_proves_and_verifies_in_zero_knowledge() {
    let small = [p("--memory-size"), p("32768"), p("--stack-size"), p("4096")];
    let mut failures = Vec::new();
    for name in &programs() {
        let elf = suite().join(name);
        let proof = scratch_dir().join(format!("suite-zk-{name}.proof"));
        let expected = if name == "fail_expected" { 3 } else { 0 };
        let mut extra = vec![p("--zk")];
        extra.extend_from_slice(&small);
        let proved = prove(&elf, &proof, &extra);
        assert_eq!(proved["zero_knowledge"], true, "{proved}");
        assert!(std::fs::read(&proof).unwrap().starts_with(b"JOLTZKP\0"));
        let (output, verified) = verify(&elf, &proof, &small);
        if proved["exit_code"] != expected || verified["exit_code"] != expected {
            failures.push(format!("{name}: {proved} / {verified}"));
        }
        if !output.status.success() {
            failures.push(format!(
                "{name}: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        if name == "add" {
            // Another claimed bound, and a flipped byte of the proof.
            let (output, _) = verify(&elf, &proof, &[]);
            assert!(!output.status.success());
            let mut bytes = std::fs::read(&proof).unwrap();
            let at = bytes.len() / 2;
            bytes[at] ^= 1;
            let bad = scratch("add-zk-flipped.proof", &bytes);
            let mut args = vec![p("verify"), &elf, &bad];
            args.extend_from_slice(&small);
            assert_clean_failure(&jolt(&args), "");
        }
        std::fs::remove_file(&proof).unwrap();
    }
    assert!(failures.is_empty(), "failures:\n{}", failures.join("\n"));
    // Zero knowledge needs Dory.
    let (elf, _) = add_proof();
    let proof = scratch_dir().join("add-zk-kzg.proof");
    let output = jolt(&[
        p("prove"),
        elf,
        p("-o"),
        &proof,
        p("--zk"),
        p("--insecure-dev-srs"),
    ]);
    assert_clean_failure(&output, "needs the Dory scheme");
}
