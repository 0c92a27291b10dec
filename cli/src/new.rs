//! `jolt new <name>`: a host crate and a guest crate that build and run as they are.

use std::path::{Path, PathBuf};

const FILES: [(&str, &str); 5] = [
    ("Cargo.toml", include_str!("../templates/host_Cargo.toml")),
    ("src/main.rs", include_str!("../templates/host_main.rs")),
    (
        "guest/Cargo.toml",
        include_str!("../templates/guest_Cargo.toml"),
    ),
    (
        "guest/src/lib.rs",
        include_str!("../templates/guest_lib.rs"),
    ),
    (
        "guest/src/main.rs",
        include_str!("../templates/guest_main.rs"),
    ),
];

/// Writes the project into the new directory `dir`.
pub fn scaffold(dir: &Path, jolt_path: Option<PathBuf>) -> Result<(), String> {
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .filter(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()))
        .ok_or_else(|| {
            format!(
                "{}: a project name is letters, digits, '-' and '_', starting with a letter",
                dir.display()
            )
        })?;
    if dir.exists() {
        return Err(format!("{} already exists", dir.display()));
    }
    let jolt_path = match jolt_path {
        Some(p) => p,
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../jolt"),
    };
    let jolt_path = jolt_path.canonicalize().map_err(|e| {
        format!(
            "jolt crate at {}: {e}; pass --jolt-path",
            jolt_path.display()
        )
    })?;
    let crate_name = format!("{}_guest", name.replace('-', "_"));
    for (path, template) in FILES {
        let text = template
            .replace("{name}", name)
            .replace("{crate_name}", &crate_name)
            .replace("{jolt_path}", &jolt_path.display().to_string());
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "created {name}: run it with `cd {} && cargo run --release`",
        dir.display()
    );
    Ok(())
}
