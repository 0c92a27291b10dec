//! Runs `fib` in the zkVM, then proves the run and verifies the proof, in one process.
//!
//! `cargo run --release -- [n]` (n = 30 if not given).

use std::process::ExitCode;

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

    // Progress lines for the guest build and each prover phase, on a terminal.
    let _report = jolt::host::progress::show().map_err(|e| e.to_string())?;

    // Execution only: builds the guest for RV32IM (once) and runs it in the emulator.
    let summary = guest::analyze_fib(n).map_err(|e| e.to_string())?;
    // What the guest printed (`println!` in a std guest) comes back with the run.
    print!("{}", summary.stdout);
    eprint!("{}", summary.stderr);
    match &summary.output {
        Some(output) => println!("fib({n}) = {output} in {} cycles", summary.cycles),
        None => println!(
            "fib({n}) panicked in {} cycles: {}",
            summary.cycles,
            summary.panic_message.as_deref().unwrap_or("no message")
        ),
    }

    // Preprocesses once; `prove` runs the function again and proves the run, `verify` checks
    // the claim (input, output) against the proof.
    let (prove, verify) = guest::build_fib().map_err(|e| e.to_string())?;
    let (output, proof) = prove(n).map_err(|e| e.to_string())?;
    verify(n, output, &proof).map_err(|e| e.to_string())?;
    let claim = match output {
        Some(output) => format!("fib({n}) = {output}"),
        None => format!("fib({n}) panicked"),
    };
    println!(
        "proved and verified: {claim} ({} bytes of proof)",
        proof.size_in_bytes()
    );
    Ok(())
}
