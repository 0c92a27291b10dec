//! `jolt new` scaffolds a guest + host project whose tests pass and whose program runs, proves
//! and verifies as they are, with every crate at the version the workspace is tested with.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn jolt_new(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jolt"))
        .arg("new")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

/// `cargo <args>` in `project`, with a target directory kept between test runs (the project's
/// dependencies are compiled once).
fn cargo(project: &Path, args: &[&str]) -> (String, String) {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scaffold-target");
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(project)
        .env("CARGO_TARGET_DIR", target)
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{stdout}\n{stderr}"
    );
    (stdout, stderr)
}

/// The registry packages (name and version) of a lock file.
fn locked_packages(lock: &Path) -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(lock).unwrap();
    let mut packages = BTreeSet::new();
    for entry in text.split("[[package]]").skip(1) {
        let field = |key: &str| {
            entry.lines().find_map(|l| {
                l.strip_prefix(key)
                    .and_then(|rest| rest.strip_prefix(" = \""))
                    .and_then(|rest| rest.strip_suffix('"'))
                    .map(str::to_string)
            })
        };
        if field("source").is_some() {
            packages.insert((field("name").unwrap(), field("version").unwrap()));
        }
    }
    packages
}

fn workspace_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

#[test]
fn new_project_passes_its_tests_and_proves() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scaffold");
    let project = root.join("hello-zkvm");
    let _ = std::fs::remove_dir_all(&project);
    std::fs::create_dir_all(&root).unwrap();

    let created = jolt_new(&[], &project);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let again = jolt_new(&[], &project);
    assert!(!again.status.success(), "refuses to overwrite");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    let (stdout, stderr) = cargo(&project, &["test", "--release"]);
    for test in [
        "runs_fib_without_a_proof",
        "proves_and_verifies_fib",
        "prover_and_verifier_processes",
    ] {
        assert!(
            stdout.contains(&format!("test {test} ... ok")),
            "{test} did not pass:\n{stdout}\n{stderr}"
        );
    }

    let (stdout, _) = cargo(&project, &["run", "--release", "--quiet"]);
    assert!(stdout.contains("fib(30) = 832040 in "), "{stdout}");
    assert!(
        stdout.contains("proved and verified: fib(30) = 832040"),
        "{stdout}"
    );

    // Cargo has pruned the copied lock files to what the project uses: every crate left is
    // one the workspace (host) or the example guests (guest) are tested with.
    for (lock, tested) in [
        ("Cargo.lock", "Cargo.lock"),
        ("guest/Cargo.lock", "examples/guests/Cargo.lock"),
    ] {
        let used = locked_packages(&project.join(lock));
        assert!(
            used.iter().any(|(name, _)| name == "postcard"),
            "{lock}: {used:?}"
        );
        let tested_packages = locked_packages(&workspace_file(tested));
        let untested: Vec<_> = used.difference(&tested_packages).collect();
        assert!(untested.is_empty(), "{lock}: not in {tested}: {untested:?}");
    }
}

#[test]
fn bad_project_names_are_refused() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scaffold-names");
    for (name, message) in [
        ("9lives", "a project name is letters, digits, '-' and '_'"),
        (
            "my project",
            "a project name is letters, digits, '-' and '_'",
        ),
        ("guest", "choose another name"),
        ("verify", "choose another name"),
    ] {
        let output = jolt_new(&[], &root.join(name));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{name}");
        assert!(stderr.starts_with("error: "), "{name}: {stderr}");
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert!(!root.join(name).exists(), "{name}");
    }
}

#[test]
fn a_jolt_path_without_the_jolt_crate_is_refused() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scaffold-names");
    let project = root.join("no-jolt-here");
    let _ = std::fs::remove_dir_all(&project);
    let elsewhere = workspace_file("cli");
    let output = jolt_new(&["--jolt-path", elsewhere.to_str().unwrap()], &project);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("no `jolt` crate at"), "{stderr}");
    assert!(stderr.contains("--jolt-path"), "{stderr}");
    assert!(!project.exists());
}
