//! Provable functions with different layouts and types, for the command line's tests.
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::string::String;
use alloc::vec::Vec;

/// The sum and whether it is even: a tuple output.
#[jolt::provable(max_cycles = 100_000)]
pub fn add(a: u32, b: u64) -> (u64, bool) {
    let sum = u64::from(a) + b;
    (sum, sum % 2 == 0)
}

/// The bytes reversed, with an input region larger than the default.
#[jolt::provable(max_input_size = 8192, max_output_size = 8192, max_cycles = 1_000_000)]
pub fn reverse(data: Vec<u8>) -> Vec<u8> {
    data.into_iter().rev().collect()
}

/// A greeting: a string output.
#[jolt::provable(stack_size = 8192, memory_size = 1048576)]
pub fn greet(name: String) -> String {
    let mut greeting = String::from("hello, ");
    greeting.push_str(&name);
    greeting
}

/// Panics on zero: a proven panic.
#[jolt::provable]
pub fn inverse(x: i32) -> i32 {
    assert!(x != 0, "no inverse of zero");
    1000 / x
}

/// Whether a private balance covers a public amount: a private argument.
#[jolt::provable(max_cycles = 100_000)]
pub fn covers(amount: u64, #[private] balance: u64) -> bool {
    balance >= amount
}
