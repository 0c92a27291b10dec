//! The main job: build the Fibonacci guest for RV32IM, run it in the zkVM's emulator and print
//! the result with its cost.

use std::process::ExitCode;

fn main() -> ExitCode {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50u32);
    match fibonacci_guest::analyze_fib(n) {
        Ok(summary) => {
            match summary.output {
                Some(value) => println!("fib({n}) = {value}"),
                None => println!("fib({n}) panicked"),
            }
            println!("cycles: {}", summary.cycles);
            let mut mix: Vec<_> = summary.instruction_mix.into_iter().collect();
            mix.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
            let top: Vec<String> = mix
                .iter()
                .take(8)
                .map(|(op, n)| format!("{op} {n}"))
                .collect();
            println!("instruction mix (top 8): {}", top.join(", "));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
