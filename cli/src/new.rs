//! `jolt new <name>`: a host crate and a guest crate that build, run, prove and pass their
//! tests as they are.
//!
//! The project depends on the `jolt` crate by path (it is not on crates.io). Every other crate
//! is pinned by lock files copied from this build's sources: the host's `Cargo.lock` is the
//! workspace's, the guest's is the example guests' (`examples/guests/Cargo.lock`). Cargo keeps
//! the locked version of each crate the project uses and drops the entries it does not need,
//! so a new project resolves exactly the versions the workspace is tested with, transitive
//! dependencies included (an `=x.y.z` requirement could pin only the direct ones), and needs
//! no registry look-up when they are already downloaded.

use std::path::{Path, PathBuf};

use jolt_common::defaults;

/// The workspace's lock file: the versions the host side is tested with.
const HOST_LOCK: &str = include_str!("../../Cargo.lock");
/// The example guests' lock file: the versions guests are tested with.
const GUEST_LOCK: &str = include_str!("../../examples/guests/Cargo.lock");

/// Each file of a new project: its path in the project and its template.
const FILES: [(&str, &str); 12] = [
    ("Cargo.toml", include_str!("../templates/host_Cargo.toml")),
    ("Cargo.lock", HOST_LOCK),
    ("README.md", include_str!("../templates/README.md")),
    (".gitignore", include_str!("../templates/gitignore")),
    ("src/main.rs", include_str!("../templates/host_main.rs")),
    (
        "src/bin/prove.rs",
        include_str!("../templates/host_prove.rs"),
    ),
    (
        "src/bin/verify.rs",
        include_str!("../templates/host_verify.rs"),
    ),
    ("tests/fib.rs", include_str!("../templates/host_test.rs")),
    (
        "guest/Cargo.toml",
        include_str!("../templates/guest_Cargo.toml"),
    ),
    ("guest/Cargo.lock", GUEST_LOCK),
    (
        "guest/src/lib.rs",
        include_str!("../templates/guest_lib.rs"),
    ),
    (
        "guest/src/main.rs",
        include_str!("../templates/guest_main.rs"),
    ),
];

/// Names a project cannot take: they clash with a crate or a program of the project itself
/// (`guest`, `prove`, `verify`, `jolt`) or with Rust's own crates.
const RESERVED: [&str; 8] = [
    "guest", "prove", "verify", "jolt", "test", "std", "core", "alloc",
];

/// The project name: the last component of `dir`, checked.
fn project_name(dir: &Path) -> Result<&str, String> {
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| {
            n.starts_with(|c: char| c.is_ascii_alphabetic())
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .ok_or_else(|| {
            format!(
                "`{}`: a project name is letters, digits, '-' and '_', starting with a letter",
                dir.display()
            )
        })?;
    if RESERVED.contains(&name.to_ascii_lowercase().replace('-', "_").as_str()) {
        return Err(format!(
            "`{name}` is taken by the project's own crates or by Rust's: choose another name"
        ));
    }
    Ok(name)
}

/// The `jolt` crate the project depends on: `jolt_path`, or the sources this binary was built
/// from.
fn jolt_crate(jolt_path: Option<PathBuf>) -> Result<PathBuf, String> {
    let path = jolt_path.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../jolt"));
    let manifest = path.join("Cargo.toml");
    let is_jolt = std::fs::read_to_string(&manifest)
        .map(|text| package_name(&text) == Some("jolt"))
        .unwrap_or(false);
    if !is_jolt {
        return Err(format!(
            "no `jolt` crate at {} (its Cargo.toml is missing or names another package): pass \
             --jolt-path with the `jolt` directory of a jolt checkout",
            path.display()
        ));
    }
    path.canonicalize()
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The `name` of the `[package]` section of a Cargo.toml.
fn package_name(manifest: &str) -> Option<&str> {
    manifest
        .lines()
        .map(str::trim)
        .skip_while(|l| *l != "[package]")
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .find_map(|l| {
            let (key, value) = l.split_once('=')?;
            (key.trim() == "name").then(|| value.trim().trim_matches('"'))
        })
}

/// Writes the project into the new directory `dir`.
pub fn scaffold(dir: &Path, jolt_path: Option<PathBuf>) -> Result<(), String> {
    let name = project_name(dir)?;
    if dir.exists() {
        return Err(format!(
            "{} already exists: choose a new directory",
            dir.display()
        ));
    }
    let jolt_path = jolt_crate(jolt_path)?;
    let crate_name = format!("{}_guest", name.replace('-', "_"));
    for (path, template) in FILES {
        let text = template
            .replace("{name}", name)
            .replace("{crate_name}", &crate_name)
            .replace("{jolt_path}", &jolt_path.display().to_string())
            .replace("{max_input_size}", &defaults::MAX_INPUT_SIZE.to_string())
            .replace("{max_output_size}", &defaults::MAX_OUTPUT_SIZE.to_string())
            .replace("{stack_size}", &defaults::STACK_SIZE.to_string())
            .replace("{memory_size}", &defaults::MEMORY_SIZE.to_string())
            .replace("{max_cycles}", &defaults::MAX_CYCLES.to_string());
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "created {name}: the provable function is in guest/src/lib.rs, the host in src/\n\
         next: cd {} && cargo run --release   (README.md has the next steps)",
        dir.display()
    );
    Ok(())
}
