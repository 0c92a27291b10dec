#![cfg_attr(feature = "guest", no_std)]

/// The n-th Fibonacci number.
#[jolt::provable]
pub fn fib(n: u32) -> u128 {
    let (mut a, mut b) = (0u128, 1u128);
    for _ in 0..n {
        (a, b) = (b, a.wrapping_add(b));
    }
    a
}
