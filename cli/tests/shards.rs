//! Proving in shards through the binary: `jolt prove` shards a run longer than `2^k`;
//! `checkpoints`, `prove-shard` and `assemble` prove the shards apart (in any order) into the
//! same proof file; a bent chain fails with one `error:` line; and the Ray driver proves on a
//! local cluster (head and worker processes on this machine) with a worker killed in the
//! middle of a shard.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// Shards of 2^8 cycles: the `div` conformance program (1,960 cycles) makes 8.
const K: &str = "8";

fn scratch_dir() -> PathBuf {
    scratch_dir_of("shard-tests")
}

fn div() -> PathBuf {
    suite().join("div")
}

/// `jolt prove` of `div` in shards of 2^K; returns the proof file.
fn proven_in_shards(name: &str) -> PathBuf {
    let proof = scratch_dir().join(name);
    let output = jolt(&[
        p("prove"),
        &div(),
        p("-o"),
        &proof,
        p("--shard-log-cycles"),
        p(K),
        p("--json"),
    ]);
    assert_success(&output);
    let v = json(&output);
    assert_eq!(v["shards"].as_u64(), Some(8), "{v}");
    assert_eq!(v["padded_cycles"].as_u64(), Some(8 << 8), "{v}");
    proof
}

#[test]
fn a_long_run_proves_in_shards_and_verifies() {
    let proof = proven_in_shards("div.proof");
    let output = jolt(&[p("verify"), &div(), &proof]);
    assert_success(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("valid proof"), "{stdout}");
}

#[test]
fn shards_proven_apart_assemble_to_the_proof_jolt_prove_writes() {
    let whole = proven_in_shards("div-whole.proof");
    let dir = scratch_dir().join("div-checkpoints");
    let _ = std::fs::remove_dir_all(&dir);
    let output = jolt(&[
        p("checkpoints"),
        &div(),
        p("-o"),
        &dir,
        p("--shard-log-cycles"),
        p(K),
        p("--json"),
    ]);
    assert_success(&output);
    let checkpoints: Vec<PathBuf> = json(&output)["checkpoints"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| PathBuf::from(v.as_str().expect("a path")))
        .collect();
    assert_eq!(checkpoints.len(), 8);
    let shards: Vec<PathBuf> = checkpoints
        .iter()
        .map(|c| c.with_extension("shard"))
        .collect();
    for (checkpoint, shard) in checkpoints.iter().zip(&shards).rev() {
        let output = jolt(&[
            p("prove-shard"),
            &div(),
            p("--checkpoint"),
            checkpoint,
            p("-o"),
            shard,
            p("--shard-log-cycles"),
            p(K),
        ]);
        assert_success(&output);
    }
    let elf = div();
    let assembled = scratch_dir().join("div-assembled.proof");
    let mut args = vec![p("assemble"), &elf, p("-o"), &assembled, p("--shards")];
    args.extend(shards.iter().map(PathBuf::as_path));
    assert_success(&jolt(&args));
    assert_eq!(
        std::fs::read(&assembled).unwrap(),
        std::fs::read(&whole).unwrap(),
        "the same bytes as jolt prove"
    );

    // Shards out of order assemble, but do not verify.
    let reordered = scratch_dir().join("div-reordered.proof");
    let mut args = vec![p("assemble"), &elf, p("-o"), &reordered, p("--shards")];
    let mut swapped = shards.clone();
    swapped.swap(2, 3);
    args.extend(swapped.iter().map(PathBuf::as_path));
    assert_success(&jolt(&args));
    assert_clean_failure(
        &jolt(&[p("verify"), &elf, &reordered]),
        "the proof is invalid: the shard proofs do not chain into one run (shard 2: it starts at cycle 768, but the previous shard ended at cycle 512)",
    );
}

#[test]
fn a_bad_shard_size_fails_cleanly() {
    let proof = scratch_dir().join("never.proof");
    assert_clean_failure(
        &jolt(&[
            p("prove"),
            &div(),
            p("-o"),
            &proof,
            p("--shard-log-cycles"),
            p("0"),
        ]),
        "choose k between 1 and 40",
    );
}

/// The Ray driver's package directory.
fn ray_package() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ray")
}

#[test]
fn ray_proves_on_a_local_cluster_with_a_worker_killed_mid_shard() {
    let import = Command::new("python3").args(["-c", "import ray"]).output();
    assert!(
        import.is_ok_and(|o| o.status.success()),
        "Ray is not installed for python3: run scripts/setup.sh"
    );
    let whole = proven_in_shards("div-local.proof");
    let proof = scratch_dir().join("div-ray.proof");
    let output = Command::new("python3")
        .arg(ray_package().join("tests/killed_worker.py"))
        .args([
            "--jolt",
            env!("CARGO_BIN_EXE_jolt"),
            "--shard-log-cycles",
            K,
        ])
        .arg("--elf")
        .arg(div())
        .arg("--output")
        .arg(&proof)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("one JSON line");
    assert_eq!(report["shards"].as_u64(), Some(8), "{report}");
    assert!(report["killed_worker"].is_u64(), "{report}");
    assert_eq!(
        std::fs::read(&proof).unwrap(),
        std::fs::read(&whole).unwrap(),
        "the cluster's proof is the same bytes as jolt prove's"
    );
    assert_success(&jolt(&[p("verify"), &div(), &proof]));
}
