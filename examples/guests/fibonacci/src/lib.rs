//! Fibonacci numbers in u128, computed iteratively.
#![cfg_attr(feature = "guest", no_std)]

/// The n-th Fibonacci number (F(0) = 0), wrapping past u128.
#[jolt::provable(max_cycles = 10_000_000, memory_size = 262_144)]
pub fn fib(n: u32) -> u128 {
    let (mut a, mut b) = (0u128, 1u128);
    for _ in 0..n {
        let c = a.wrapping_add(b);
        a = b;
        b = c;
    }
    a
}
