//! `jolt build`: builds a `#[jolt::provable]` guest crate for RV32IM with the toolchain the
//! host API uses ([`jolt::host::Toolchain`]) and prints the ELF's path and the functions it
//! records, ready for `jolt run/prove/verify`.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::function::functions;

/// The package name in the `[package]` table of the Cargo.toml at `manifest`.
fn package_name(manifest: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(manifest).map_err(|e| {
        format!(
            "cannot read {}: {e} (give the guest crate's directory)",
            manifest.display()
        )
    })?;
    let mut in_package = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if let Some(value) = in_package
            .then(|| line.strip_prefix("name"))
            .flatten()
            .and_then(|rest| rest.trim_start().strip_prefix('='))
        {
            return Ok(value.trim().trim_matches('"').to_string());
        }
    }
    Err(format!(
        "{} has no [package] name: give the directory of a guest crate",
        manifest.display()
    ))
}

/// Builds the guest crate in `dir`; prints the ELF's path and its functions.
pub fn build(dir: &Path, json: bool) -> Result<(), String> {
    let package = package_name(&dir.join("Cargo.toml"))?;
    let toolchain = jolt::host::Toolchain::detect().map_err(|e| e.to_string())?;
    let elf: PathBuf = toolchain.build(dir, &package).map_err(|e| e.to_string())?;
    let bytes = std::fs::read(&elf).map_err(|e| format!("cannot read {}: {e}", elf.display()))?;
    let functions = functions(&bytes).map_err(|e| format!("{}: {e}", elf.display()))?;
    if json {
        let listed: Vec<_> = functions
            .iter()
            .map(|f| {
                json!({
                    "name": f.name,
                    "inputs": f.inputs,
                    "private_inputs": f.private_inputs,
                    "output": f.output,
                    "max_input_size": f.layout.max_input_size,
                    "max_private_input_size": f.layout.max_private_input_size,
                    "max_output_size": f.layout.max_output_size,
                    "stack_size": f.layout.stack_size,
                    "memory_size": f.layout.memory_size,
                    "max_cycles": f.max_cycles,
                })
            })
            .collect();
        println!("{}", json!({ "elf": elf, "functions": listed }));
        return Ok(());
    }
    println!("{}", elf.display());
    if functions.is_empty() {
        println!("(no #[jolt::provable] functions recorded: the ELF runs from its entry point)");
    }
    for f in &functions {
        if f.private_inputs != "()" {
            println!(
                "  {}: private arguments {}, max_private_input_size {}",
                f.name, f.private_inputs, f.layout.max_private_input_size
            );
        }
        println!(
            "  {}{} -> {}   max_input_size {}, max_output_size {}, stack_size {}, memory_size {}, max_cycles {}",
            f.name,
            f.inputs,
            f.output,
            f.layout.max_input_size,
            f.layout.max_output_size,
            f.layout.stack_size,
            f.layout.memory_size,
            f.max_cycles
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_name_comes_from_the_package_table() {
        let dir = std::env::temp_dir().join(format!("jolt-build-name-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let manifest = dir.join("Cargo.toml");
        std::fs::write(
            &manifest,
            "[workspace]\nname = \"no\"\n\n[package]\nversion = \"0.1.0\"\nname = \"my-guest\"\n",
        )
        .unwrap();
        assert_eq!(package_name(&manifest).unwrap(), "my-guest");
        std::fs::write(&manifest, "[dependencies]\nname = \"x\"\n").unwrap();
        assert!(package_name(&manifest)
            .unwrap_err()
            .contains("no [package] name"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
