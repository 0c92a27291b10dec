//! The prover and the verifier as separate processes:
//!
//! ```sh
//! cargo run --release -p jolt-examples --bin prover-verifier                 # both, one after the other
//! cargo run --release -p jolt-examples --bin prover-verifier -- prove [dir] [n]
//! cargo run --release -p jolt-examples --bin prover-verifier -- verify [dir]
//! ```
//!
//! `prove` writes the proof, the verifier key and the claim to `dir`; `verify` reads them. With
//! no subcommand, this program runs itself twice, as the prover and then as the verifier.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use jolt_examples::examples::prover_verifier::{default_dir, prove, verify};
use jolt_examples::{main_with, parse_arg, Error};

const USAGE: &str = "usage: prover-verifier [prove [dir] [n] | verify [dir]]";

fn main() -> ExitCode {
    let dir = || parse_arg(2, "dir", default_dir());
    match std::env::args().nth(1).as_deref() {
        Some("prove") => main_with(|| prove(&dir()?, parse_arg(3, "n", 50)?)),
        Some("verify") => main_with(|| verify(&dir()?)),
        None => main_with(|| {
            let dir = default_dir();
            run_step("prove", &dir)?;
            run_step("verify", &dir)
        }),
        Some(other) => main_with(|| -> Result<(), Error> {
            Err(Error::Usage(format!(
                "unknown subcommand `{other}`; {USAGE}"
            )))
        }),
    }
}

/// Runs this program as a separate process with `step` and `dir`.
fn run_step(step: &str, dir: &PathBuf) -> Result<(), Error> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::File(format!("cannot find this program's executable: {e}")))?;
    println!("$ prover-verifier {step} {}", dir.display());
    let status = Command::new(exe)
        .arg(step)
        .arg(dir)
        .status()
        .map_err(|e| Error::File(format!("cannot start the {step} process: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::File(format!("the {step} process failed ({status})")))
    }
}
