//! The RV32IM conformance programs of `tests/rv32im` (riscv-tests style: exit code 0 on
//! success, else the number of the first failing case) all pass through `jolt run`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn build_suite() -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/rv32im/build.sh");
    let output = Command::new(&script).output().expect("build.sh runs");
    assert!(
        output.status.success(),
        "building the conformance programs failed (run scripts/setup.sh first):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    PathBuf::from(String::from_utf8(output.stdout).unwrap().trim())
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

#[test]
fn every_conformance_program_exits_zero() {
    let dir = build_suite();
    let names = programs();
    assert!(names.len() >= 48, "found {} programs", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let elf = dir.join(name);
        let output = Command::new(env!("CARGO_BIN_EXE_jolt"))
            .arg("run")
            .arg(&elf)
            .arg("--json")
            .output()
            .unwrap();
        let expected = if name == "fail_expected" { 3 } else { 0 };
        let exit_code = serde_json::from_slice::<serde_json::Value>(&output.stdout)
            .ok()
            .and_then(|v| v["exit_code"].as_u64());
        if !output.status.success() || exit_code != Some(expected) {
            failures.push(format!(
                "{name}: exit code {exit_code:?}, expected {expected}; {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "conformance failures:\n{}",
        failures.join("\n")
    );
}
