//! The guest: the functions the zkVM runs and proves.
#![cfg_attr(feature = "guest", no_std)]

/// The n-th Fibonacci number (wrapping on overflow).
///
/// `#[jolt::provable]` takes optional limits: `max_input_size`, `max_output_size`,
/// `stack_size`, `memory_size` (bytes of RAM for program, stack and heap) and `max_cycles`,
/// e.g. `#[jolt::provable(max_cycles = 100_000_000)]`.
#[jolt::provable]
pub fn fib(n: u32) -> u128 {
    let (mut a, mut b) = (0u128, 1u128);
    for _ in 0..n {
        (a, b) = (b, a.wrapping_add(b));
    }
    a
}
