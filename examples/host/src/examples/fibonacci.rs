//! Fibonacci: `fib(n)` in u128, the main job.

use crate::{prove_and_verify, Error, Proven};

/// Proves `fib(n)`.
pub fn run(n: u32) -> Result<Proven<u128>, Error> {
    prove_and_verify(fibonacci_guest::compile_fib, &(n,), |output| match output {
        Some(value) => format!("fib({n}) = {value}"),
        None => format!("fib({n}) panicked"),
    })
}
