//! The prover of the two-process example: proves `fib(n)` and writes the proof and the
//! verifier key to files in the current directory, for `verify` to check.
//!
//! `cargo run --release --bin prove -- [n]` (n = 30 if not given).

use std::process::ExitCode;

/// The files this prover writes and `verify` reads.
const PROOF_FILE: &str = "fib.proof";
const KEY_FILE: &str = "fib-verifier.key";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let n: u32 = match std::env::args().nth(1) {
        Some(arg) => arg
            .parse()
            .map_err(|_| format!("n is a number from 0 to {}, not `{arg}`", u32::MAX))?,
        None => 30,
    };
    // The prover key holds the verifier key (`pk.vk`).
    let pk = guest::preprocess_fib().map_err(|e| e.to_string())?;
    let (output, proof) = guest::prove_fib(&pk, n).map_err(|e| e.to_string())?;
    jolt::host::write_proof(PROOF_FILE, &proof).map_err(|e| e.to_string())?;
    jolt::host::write_verifier_key(KEY_FILE, &pk.vk).map_err(|e| e.to_string())?;
    let claimed = match output {
        Some(output) => output.to_string(),
        None => "panic".to_string(),
    };
    println!("proved fib({n}) = {claimed}: wrote {PROOF_FILE} and {KEY_FILE}");
    println!("check it with: cargo run --release --bin verify -- {n} {claimed}");
    Ok(())
}
