//! `jolt new` scaffolds a guest + host project that builds and runs as it is.

use std::path::Path;
use std::process::Command;

#[test]
fn scaffolded_project_builds_and_runs() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let project = root.join("scaffold").join("hello-zkvm");
    let _ = std::fs::remove_dir_all(&project);
    std::fs::create_dir_all(project.parent().unwrap()).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_jolt"))
        .arg("new")
        .arg(&project)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let again = Command::new(env!("CARGO_BIN_EXE_jolt"))
        .arg("new")
        .arg(&project)
        .output()
        .unwrap();
    assert!(!again.status.success(), "refuses to overwrite");

    let run = Command::new("cargo")
        .current_dir(&project)
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_TARGET_DIR", root.join("scaffold-target"))
        .args(["run", "--release", "--quiet"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("fib(30) = Some(832040)"), "{stdout}");
    assert!(
        stdout.contains("proved and verified: fib(30) = Some(832040)"),
        "{stdout}"
    );
}

#[test]
fn bad_project_names_are_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(["new", "9lives"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: "));
}
