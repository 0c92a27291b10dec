//! Command line hygiene: missing, unreadable and wrong-kind files, bad flags, wrong argument
//! counts and exceeded limits each give one `error:` line on stderr and a non-zero status,
//! never a panic; and every sampled single-byte change and truncation of a small proof file
//! is rejected by `jolt verify`.

#[path = "../../tracer/tests/asm/mod.rs"]
mod asm;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use asm::*;

fn jolt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(args)
        .output()
        .expect("jolt runs")
}

fn scratch(name: &str, bytes: &[u8]) -> String {
    let dir = scratch_dir();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn scratch_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Asserts a clean failure: non-zero status, one line on stderr, naming `cause`, no panic.
fn assert_clean_failure(output: &Output, cause: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should fail: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains(cause), "expected {cause:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `a0 = code`, then a loop of `iterations` additions, then exit.
fn elf(code: i32, iterations: i32) -> Vec<u8> {
    let mut words = vec![addi(A0, 0, code), addi(5, 0, iterations), addi(5, 5, -1)];
    words.push(bne(5, 0, -4));
    words.extend(exit());
    program(&words, &[]).to_elf()
}

#[test]
fn usage_errors_are_one_line() {
    let good = scratch("usage.elf", &elf(0, 1));
    let cases: [(&[&str], &str); 8] = [
        (&[], "jolt needs a command"),
        (&["frobnicate"], "unrecognized subcommand"),
        (&["run"], "required arguments were not provided: <ELF>"),
        (&["run", &good, &good], "unexpected argument"),
        (&["run", &good, "--bogus"], "unexpected argument '--bogus'"),
        (
            &["run", &good, "--max-cycles", "many"],
            "invalid value 'many'",
        ),
        (
            &["verify", &good],
            "required arguments were not provided: <PROOF>",
        ),
        (
            &["prove", &good],
            "required arguments were not provided: --output <OUTPUT>",
        ),
    ];
    for (args, cause) in cases {
        let output = jolt(args);
        assert_clean_failure(&output, cause);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    assert!(jolt(&["--help"]).status.success());
    assert!(jolt(&["--version"]).status.success());
}

#[test]
fn missing_and_wrong_kind_files_are_one_line() {
    let good = scratch("files.elf", &elf(0, 1));
    let dir = scratch_dir();
    let dir = dir.to_str().unwrap();
    let missing = "/nonexistent/file";
    let text = scratch("text.txt", b"not a proof\n");
    let proof = scratch_dir().join("files.proof");
    let proof = proof.to_str().unwrap();
    assert!(jolt(&["prove", &good, "-o", proof]).status.success());
    let key = scratch_dir().join("files.key");
    let key = key.to_str().unwrap();
    assert!(jolt(&["preprocess", &good, "-o", key]).status.success());
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["run", missing], missing),
        (vec!["profile", missing], missing),
        (vec!["prove", missing, "-o", proof], missing),
        (vec!["preprocess", missing, "-o", key], missing),
        (vec!["verify", missing, proof], missing),
        (vec!["verify", &good, missing], missing),
        (vec!["verify", &good, proof, "--key", missing], missing),
        (vec!["run", dir], dir),
        (vec!["verify", &good, dir], dir),
        (vec!["run", &good, "--input", dir], dir),
        (vec!["run", &good, "--input", missing], missing),
        (vec!["run", proof], "not an ELF"),
        (vec!["verify", &good, &text], "not a jolt proof file"),
        (vec!["verify", &good, key], "not a jolt proof file"),
        (
            vec!["verify", &good, proof, "--key", proof],
            "not a jolt verifier key file",
        ),
        (
            vec!["verify", &good, proof, "--key", &good],
            "not a jolt verifier key file",
        ),
        (vec!["verify", proof, proof], "not an ELF"),
        (
            vec!["prove", &good, "-o", "/nonexistent/dir/x.proof"],
            "cannot write",
        ),
        (vec!["preprocess", &good, "-o", dir], "cannot write"),
    ];
    for (args, cause) in cases {
        let output = jolt(&args);
        assert_clean_failure(&output, cause);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
    }
}

#[test]
fn exceeded_limits_name_the_flag_that_raises_them() {
    let long = scratch("long.elf", &elf(0, 1000));
    assert_clean_failure(
        &jolt(&["run", &long, "--max-cycles", "100"]),
        "raise max_cycles (--max-cycles on the command line)",
    );
    let proof = scratch_dir().join("limits.proof");
    assert_clean_failure(
        &jolt(&[
            "prove",
            &long,
            "-o",
            proof.to_str().unwrap(),
            "--max-cycles",
            "100",
        ]),
        "--max-cycles",
    );
    let big = program(&vec![addi(0, 0, 0); 4096], &[]).to_elf();
    let big = scratch("big.elf", &big);
    for command in ["run", "preprocess"] {
        let mut args = vec![command, &big, "--memory-size", "65536"];
        if command == "preprocess" {
            args.extend(["-o", "/dev/null"]);
        }
        assert_clean_failure(
            &jolt(&args),
            "raise memory_size (--memory-size on the command line)",
        );
    }
}

/// Changes one byte of `file` at each sampled position, and truncates it at each sampled
/// length; `jolt verify` (with a key file, so each run is one decode and one verification)
/// must reject every variant with one line. The sample: every position and length within the
/// first 128 bytes (magic, version, claimed I/O and the proof's leading fields), then 192
/// positions and 64 lengths spread evenly over the rest (a full sweep of a proof of tens of
/// kilobytes, one process per variant, would take tens of minutes).
#[test]
fn changed_and_truncated_proof_files_are_rejected() {
    let good = scratch("sweep.elf", &elf(3, 2));
    let proof = scratch_dir().join("sweep.proof");
    let key = scratch_dir().join("sweep.key");
    let (proof, key) = (proof.to_str().unwrap(), key.to_str().unwrap());
    assert!(jolt(&["prove", &good, "-o", proof]).status.success());
    assert!(jolt(&["preprocess", &good, "-o", key]).status.success());
    assert!(jolt(&["verify", &good, proof, "--key", key])
        .status
        .success());
    let file = std::fs::read(proof).unwrap();
    let head = file.len().min(128);
    let len = file.len();
    let spread = |n: usize| (0..n).map(move |k| head + (len - head) * k / n);
    let changes: Vec<(usize, u8)> = (0..head)
        .chain(spread(192))
        .enumerate()
        .map(|(i, at)| (at, if i % 2 == 0 { 0x01 } else { 0xa5 }))
        .collect();
    let cuts: Vec<usize> = (0..head).chain(spread(64)).collect();
    let variants: Vec<(String, Vec<u8>)> = changes
        .iter()
        .map(|&(at, x)| {
            let mut v = file.clone();
            v[at] ^= x;
            (format!("byte {at} ^ {x:#04x}"), v)
        })
        .chain(
            cuts.iter()
                .map(|&n| (format!("cut to {n}"), file[..n].to_vec())),
        )
        .collect();
    let failures: Vec<String> = std::thread::scope(|s| {
        let workers: Vec<_> = variants
            .chunks(variants.len().div_ceil(2))
            .enumerate()
            .map(|(w, chunk)| {
                let (good, key) = (&good, key);
                s.spawn(move || {
                    let path = scratch_dir().join(format!("variant{w}.proof"));
                    let path = path.to_str().unwrap().to_string();
                    let mut failures = Vec::new();
                    for (name, bytes) in chunk {
                        std::fs::write(&path, bytes).unwrap();
                        let output = jolt(&["verify", good, &path, "--key", key]);
                        let stderr = String::from_utf8_lossy(&output.stderr);
                        if output.status.success()
                            || stderr.lines().count() != 1
                            || !stderr.starts_with("error: ")
                            || stderr.contains("panicked")
                        {
                            failures.push(format!("{name}: {stderr}"));
                        }
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "not rejected cleanly:\n{}",
        failures.join("\n")
    );
}
