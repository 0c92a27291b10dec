//! Collatz: the start below a bound with the longest path to 1.

use crate::{prove_and_verify, Error, Proven};

/// Proves which start below `bound` takes the most Collatz steps to reach 1.
pub fn run(bound: u32) -> Result<Proven<(u32, u32)>, Error> {
    prove_and_verify(
        collatz_guest::compile_longest_collatz,
        &(bound,),
        |output| match output {
            Some((start, steps)) => {
                format!("below {bound}, {start} takes the most steps to reach 1: {steps}")
            }
            None => format!("longest_collatz({bound}) panicked"),
        },
    )
}
