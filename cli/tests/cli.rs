//! The `jolt` binary: good programs run, bad files give one clear error line and a non-zero
//! status, never a panic.

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

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn exit_with(code: i32) -> Vec<u8> {
    let mut words = vec![addi(A0, 0, code)];
    words.extend(exit());
    program(&words, &[]).to_elf()
}

/// Asserts a clean failure: non-zero status, exactly one line on stderr naming the cause.
fn assert_clean_failure(output: &Output, cause: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should fail: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains(cause), "expected {cause:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn run_prints_cycles_and_exit_code_as_json() {
    let elf = scratch("exit7.elf", &exit_with(7));
    let output = jolt(&["run", elf.to_str().unwrap(), "--json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        value["exit_code"], 7,
        "a non-zero guest exit code is still a successful run"
    );
    assert!(value["cycles"].as_u64().unwrap() >= 3);
}

#[test]
fn run_prints_text() {
    let elf = scratch("exit0.elf", &exit_with(0));
    let output = jolt(&["run", elf.to_str().unwrap()]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("exit code: 0"), "{stdout}");
}

#[test]
fn max_cycles_stops_a_runaway_program() {
    let elf = scratch("loop.elf", &program(&[jal(0, 0)], &[]).to_elf());
    let output = jolt(&["run", elf.to_str().unwrap(), "--max-cycles", "1000"]);
    assert_clean_failure(&output, "did not halt within 1000 cycles");
}

#[test]
fn profile_lists_the_instruction_mix() {
    let elf = scratch("profile.elf", &exit_with(1));
    let output = jolt(&["profile", elf.to_str().unwrap(), "--json"]);
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["instruction_mix"]["ADDI"], 2);
    assert_eq!(value["instruction_mix"]["ECALL"], 1);
}

#[test]
fn bad_files_fail_cleanly() {
    let good = exit_with(0);
    let mut wrong_machine = good.clone();
    wrong_machine[18..20].copy_from_slice(&62u16.to_le_bytes()); // x86-64
    let mut compressed = good.clone();
    compressed[36] |= 1;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("text.elf", b"hello, world\n".to_vec(), "not an ELF"),
        (
            "host64.elf",
            std::fs::read(env!("CARGO_BIN_EXE_jolt")).unwrap(),
            "64-bit ELF",
        ),
        ("x86.elf", wrong_machine, "not RISC-V"),
        ("truncated.elf", good[..60].to_vec(), "truncated"),
        ("rvc.elf", compressed, "compressed instructions"),
    ];
    for (name, bytes, cause) in cases {
        let path = scratch(name, &bytes);
        assert_clean_failure(&jolt(&["run", path.to_str().unwrap()]), cause);
        assert_clean_failure(&jolt(&["profile", path.to_str().unwrap()]), cause);
    }
    assert_clean_failure(&jolt(&["run", "/nonexistent/x.elf"]), "/nonexistent/x.elf");
}

#[test]
fn illegal_instruction_names_pc_and_word() {
    let elf = scratch(
        "illegal.elf",
        &program(&[addi(A0, 0, 1), 0x0000_0000], &[]).to_elf(),
    );
    assert_clean_failure(&jolt(&["run", elf.to_str().unwrap()]), "0x80000004");
}
