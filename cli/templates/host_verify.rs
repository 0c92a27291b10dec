//! The verifier of the two-process example: reads the proof and the verifier key that
//! `prove` wrote to the current directory and checks the claim `fib(n) = output` against
//! them. It never runs the guest.
//!
//! `cargo run --release --bin verify -- <n> <output>` (`panic` as the output claims that the
//! guest panicked).

use std::process::ExitCode;

/// The files `prove` writes.
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, output] = args.as_slice() else {
        return Err("usage: verify <n> <output> (`panic` as the output: fib(n) panicked)".into());
    };
    let n: u32 = n
        .parse()
        .map_err(|_| format!("n is a number from 0 to {}, not `{n}`", u32::MAX))?;
    let claimed: Option<u128> = match output.as_str() {
        "panic" => None,
        value => Some(value.parse().map_err(|_| {
            format!(
                "the output is a number from 0 to {} or `panic`, not `{value}`",
                u128::MAX
            )
        })?),
    };
    let vk = jolt::host::read_verifier_key(KEY_FILE).map_err(|e| e.to_string())?;
    let proof = jolt::host::read_proof(PROOF_FILE).map_err(|e| e.to_string())?;
    let claim = match claimed {
        Some(value) => format!("fib({n}) = {value}"),
        None => format!("fib({n}) panicked"),
    };
    guest::verify_fib(&vk, n, claimed, &proof).map_err(|e| format!("{claim}: {e}"))?;
    println!("valid: the proof shows {claim}");
    Ok(())
}
