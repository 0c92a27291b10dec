//! Helpers the command-line tests share: running `jolt`, the conformance ELFs, scratch files
//! and the checks of a clean success or failure.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

/// Runs `jolt` with exactly `args` (no scheme flag: the default scheme, Dory).
pub fn jolt(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(args)
        .output()
        .expect("jolt runs")
}

pub fn p(s: &str) -> &Path {
    Path::new(s)
}

/// A scratch directory of the test binary `name`.
pub fn scratch_dir_of(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The directory of the built conformance ELFs (built once per test process).
pub fn suite() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/rv32im/build.sh");
        let output = Command::new(&script).output().expect("build.sh runs");
        assert!(
            output.status.success(),
            "building the conformance programs failed (run scripts/setup.sh first):\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        PathBuf::from(String::from_utf8(output.stdout).unwrap().trim())
    })
}

pub fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not one JSON object ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Asserts a clean failure: non-zero status, exactly one line on stderr naming the cause.
pub fn assert_clean_failure(output: &Output, cause: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should fail: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains(cause), "expected {cause:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
