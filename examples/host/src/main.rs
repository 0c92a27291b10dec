//! The main job: build the Fibonacci guest for RV32IM, prove `fib(n)` in the zkVM, verify the
//! proof and print the result with its cost.

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50u32);
    match prove_and_verify(n) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn prove_and_verify(n: u32) -> Result<(), jolt::host::Error> {
    let start = Instant::now();
    let program = fibonacci_guest::compile_fib()?;
    println!("guest built in {:.1} s", start.elapsed().as_secs_f64());
    let summary = fibonacci_guest::analyze_fib(n)?;
    println!("cycles: {}", summary.cycles);

    let start = Instant::now();
    let pk = program.preprocess()?;
    pk.prepare(summary.cycles)
        .map_err(jolt::host::Error::Setup)?;
    let preprocess_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let (output, proof) = fibonacci_guest::prove_fib(&pk, n)?;
    let prove_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    fibonacci_guest::verify_fib(&pk.vk, n, output, &proof)?;
    let verify_ms = start.elapsed().as_secs_f64() * 1e3;

    match output {
        Some(value) => println!("fib({n}) = {value}"),
        None => println!("fib({n}) panicked"),
    }
    println!(
        "proof: {} cycles in {} shard(s), {} bytes; preprocess {preprocess_s:.2} s, prove {prove_s:.2} s, verify {verify_ms:.1} ms",
        proof.cycles(),
        proof.shards.len(),
        proof.size_in_bytes()
    );
    println!("verified: the proof is valid");
    Ok(())
}
