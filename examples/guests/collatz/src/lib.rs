//! Collatz: the longest total stopping time below a bound.
#![cfg_attr(feature = "guest", no_std)]

/// Steps for `n` to reach 1 under n -> n/2 (even), 3n+1 (odd).
pub fn collatz_steps(mut n: u64) -> u32 {
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    steps
}

/// The start below `bound` (at least 1) with the most steps, and that number of steps.
#[jolt::provable(max_cycles = 50_000_000, memory_size = 262_144)]
pub fn longest_collatz(bound: u32) -> (u32, u32) {
    (1..bound.max(2))
        .map(|n| (n, collatz_steps(n.into())))
        .max_by_key(|&(_, s)| s)
        .unwrap_or((1, 0))
}
