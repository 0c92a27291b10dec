//! Finding and driving an RV32IM guest toolchain.
//!
//! Two routes, tried in order:
//! 1. a rustup toolchain with the `riscv32im-unknown-none-elf` target installed
//!    (`rustup target add riscv32im-unknown-none-elf`): prebuilt `core` and `alloc`;
//! 2. Debian's packaged Rust (`apt-get install rustc-web cargo-web rust-web-src lld`): `/usr/bin/cargo`
//!    with `-Zbuild-std=core,alloc`, which compiles `core` and `alloc` from source once per target
//!    directory.
//!
//! All guests share one target directory ([`guest_target_dir`]), so `core` is built once.
//!
//! A guest whose `guest` feature enables `jolt/guest-std` uses Rust's standard library: it is
//! built for [`STD_TARGET`] (`target_os = "zkvm"`, whose standard library calls the runtime's
//! `sys_*` functions) with `-Zbuild-std=std,panic_abort`. No prebuilt standard library exists
//! for that target, so both routes compile it from source: the Debian route as above, the
//! rustup route with the `rust-src` component.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::BuildError;

/// The guest target triple.
pub const TARGET: &str = "riscv32im-unknown-none-elf";
/// The target triple of guests that use the standard library.
pub const STD_TARGET: &str = "riscv32im-risc0-zkvm-elf";

const INSTALL_HINT: &str = "install one with `rustup target add riscv32im-unknown-none-elf`, \
     or on Debian/Ubuntu with `apt-get install -y rustc-web cargo-web rust-web-src lld`";

/// Appended to the compiler's errors when a no_std guest (or one of its dependencies) needs
/// the standard library.
const NO_STD_HINT: &str = "\nhint: this guest is built without the standard library. To use it \
     (`std::collections::HashMap`, `println!`, ...), make the guest's `guest` feature enable \
     `jolt/guest-std` instead of `jolt/guest` (`guest = [\"jolt/guest-std\"]`) and remove \
     `no_std` from its lib.rs and main.rs.\n";

/// The linker script shared by all guests: image at 0x8000_0000, then `_image_end`, where the
/// stack region begins (see `jolt_common::MemoryLayout`).
const LINKER_SCRIPT: &str = r#"OUTPUT_ARCH("riscv")
ENTRY(_start)
SECTIONS
{
  . = 0x80000000;
  .text : { KEEP(*(.text._start)) KEEP(*(.text._jolt_start_*)) *(.text .text.*) }
  .rodata : ALIGN(4) { *(.srodata .srodata.*) *(.rodata .rodata.*) }
  .data : ALIGN(4) { *(.sdata .sdata.*) *(.data .data.*) }
  .bss : ALIGN(4) { *(.sbss .sbss.*) *(.bss .bss.*) *(COMMON) }
  . = ALIGN(16);
  _image_end = .;
  /DISCARD/ : { *(.eh_frame) *(.eh_frame_hdr) *(.comment) }
}
"#;

/// A way to build guests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Toolchain {
    /// rustup's cargo with the installed target.
    Rustup,
    /// Debian's `/usr/bin/cargo` and `/usr/bin/rustc` with `-Zbuild-std`.
    Debian {
        /// Debian's `cargo`.
        cargo: PathBuf,
        /// Debian's `rustc`, with the standard library's sources.
        rustc: PathBuf,
        /// `ld.lld`.
        linker: PathBuf,
    },
}

impl Toolchain {
    /// Finds a working guest toolchain, or says exactly what to install.
    pub fn detect() -> Result<Self, BuildError> {
        if rustup_has_target() {
            return Ok(Self::Rustup);
        }
        Self::debian_at(Path::new("/"))
    }

    /// The Debian route with the packages' files under `root` (`/` on a real system).
    fn debian_at(root: &Path) -> Result<Self, BuildError> {
        let cargo = root.join("usr/bin/cargo");
        let rustc = root.join("usr/bin/rustc");
        let linker = root.join("usr/bin/ld.lld");
        let sources = root.join("usr/lib/rustlib/src/rust/library/core");
        let missing: Vec<&str> = [
            (cargo.exists(), "cargo-web (/usr/bin/cargo)"),
            (rustc.exists(), "rustc-web (/usr/bin/rustc)"),
            (sources.exists(), "rust-web-src (/usr/lib/rustlib/src)"),
            (linker.exists(), "lld (/usr/bin/ld.lld)"),
        ]
        .into_iter()
        .filter_map(|(present, what)| (!present).then_some(what))
        .collect();
        if missing.is_empty() {
            Ok(Self::Debian {
                cargo,
                rustc,
                linker,
            })
        } else {
            Err(BuildError::NoToolchain(format!(
                "no RV32IM guest toolchain found (missing {}): {INSTALL_HINT}",
                missing.join(", ")
            )))
        }
    }

    /// Builds the binary of the guest package at `manifest_dir` with its `guest` feature and
    /// returns the path of the ELF.
    pub fn build(&self, manifest_dir: &Path, package: &str) -> Result<PathBuf, BuildError> {
        let uses_std = self.uses_std(manifest_dir, package)?;
        if uses_std && *self == Self::Rustup && !rustup_has_library_sources() {
            return Err(BuildError::NoToolchain(format!(
                "guest `{package}` uses the standard library, which is built from source for \
                 {STD_TARGET}: install the sources with `rustup component add rust-src`, or use \
                 Debian's packaged Rust (`apt-get install -y rustc-web cargo-web rust-web-src lld`)"
            )));
        }
        let target = if uses_std { STD_TARGET } else { TARGET };
        let target_dir = guest_target_dir();
        std::fs::create_dir_all(&target_dir).map_err(|e| BuildError::Io(e.to_string()))?;
        let script = target_dir.join("jolt-guest.ld");
        if std::fs::read_to_string(&script).ok().as_deref() != Some(LINKER_SCRIPT) {
            std::fs::write(&script, LINKER_SCRIPT).map_err(|e| BuildError::Io(e.to_string()))?;
        }
        let mut rustflags = vec![
            format!("-Clink-arg=-T{}", script.display()),
            "-Clink-arg=--gc-sections".into(),
        ];
        // The build must not inherit the host build's compiler settings.
        let mut command = self.cargo();
        command
            .current_dir(manifest_dir)
            .env("CARGO_TARGET_DIR", &target_dir)
            .args([
                "build",
                "--release",
                "--quiet",
                "--features",
                "guest",
                "--bin",
                package,
                "--target",
                target,
            ]);
        if let Self::Debian { rustc, linker, .. } = self {
            rustflags.push(format!("-Clinker={}", linker.display()));
            rustflags.push("-Clinker-flavor=ld.lld".into());
            command.env("RUSTC", rustc);
        }
        if uses_std || matches!(self, Self::Debian { .. }) {
            let crates = if uses_std {
                "-Zbuild-std=std,panic_abort"
            } else {
                "-Zbuild-std=core,alloc"
            };
            command
                .env("RUSTC_BOOTSTRAP", "1")
                .args([crates, "-Zbuild-std-features=compiler-builtins-mem"]);
        }
        command.env("CARGO_ENCODED_RUSTFLAGS", rustflags.join("\x1f"));
        let output = command
            .output()
            .map_err(|e| BuildError::Io(format!("cannot run cargo: {e}")))?;
        if !output.status.success() {
            let mut stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            let needs_std = ["crate for `std`", "crate `std`"];
            if !uses_std && needs_std.iter().any(|m| stderr.contains(m)) {
                stderr.push_str(NO_STD_HINT);
            }
            return Err(BuildError::Compile {
                package: package.to_string(),
                stderr,
            });
        }
        Ok(target_dir.join(target).join("release").join(package))
    }

    /// Whether the guest package's `guest` feature enables `jolt/guest-std` (read with
    /// `cargo metadata`).
    fn uses_std(&self, manifest_dir: &Path, package: &str) -> Result<bool, BuildError> {
        let mut command = self.cargo();
        command.current_dir(manifest_dir).args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ]);
        let output = command
            .output()
            .map_err(|e| BuildError::Io(format!("cannot run cargo metadata: {e}")))?;
        if !output.status.success() {
            return Err(BuildError::Compile {
                package: package.to_string(),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            });
        }
        let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
            .map_err(|e| BuildError::Io(format!("cargo metadata printed no JSON: {e}")))?;
        let features = metadata["packages"]
            .as_array()
            .and_then(|packages| packages.iter().find(|p| p["name"] == package))
            .map(|p| &p["features"]["guest"]);
        Ok(features
            .and_then(|f| f.as_array())
            .is_some_and(|f| f.iter().any(|x| x == "jolt/guest-std")))
    }

    /// The cargo of this toolchain, with none of the host build's settings.
    fn cargo(&self) -> Command {
        let mut command = Command::new(match self {
            Self::Rustup => Path::new("cargo"),
            Self::Debian { cargo, .. } => cargo.as_path(),
        });
        for var in [
            "RUSTFLAGS",
            "CARGO_ENCODED_RUSTFLAGS",
            "CARGO_BUILD_RUSTFLAGS",
            "RUSTC_WRAPPER",
            "RUSTC_WORKSPACE_WRAPPER",
            "CARGO_TARGET_DIR",
            "CARGO_BUILD_TARGET",
            "CARGO_MAKEFLAGS",
            "RUSTC",
            "RUSTDOC",
            "CARGO",
        ] {
            command.env_remove(var);
        }
        command
    }
}

/// The target directory shared by all guest builds: `$JOLT_GUEST_TARGET_DIR`, or
/// `jolt-guest-target` in the system's temporary directory.
pub fn guest_target_dir() -> PathBuf {
    std::env::var_os("JOLT_GUEST_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("jolt-guest-target"))
}

/// Whether rustup's active toolchain has the standard library's sources (`rust-src`).
fn rustup_has_library_sources() -> bool {
    Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            Path::new(String::from_utf8_lossy(&o.stdout).trim())
                .join("lib/rustlib/src/rust/library/std")
                .is_dir()
        })
        .unwrap_or(false)
}

fn rustup_has_target() -> bool {
    Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| {
            o.status.success()
                && String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .any(|l| l.trim() == TARGET)
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_toolchain_names_the_install_commands() {
        let empty = std::env::temp_dir().join("jolt-no-toolchain-here");
        let err = Toolchain::debian_at(&empty).unwrap_err().to_string();
        assert!(
            err.contains("rustup target add riscv32im-unknown-none-elf"),
            "{err}"
        );
        assert!(
            err.contains("apt-get install -y rustc-web cargo-web rust-web-src lld"),
            "{err}"
        );
        assert!(err.contains("missing cargo-web"), "{err}");
    }
}
