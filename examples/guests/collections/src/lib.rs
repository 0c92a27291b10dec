//! A guest that uses Rust's standard library: `HashMap`, `String` formatting and `println!`,
//! whose output reaches the host when the guest runs in the emulator.
//!
//! Its `guest` feature enables `jolt/guest-std`, so the guest is built for
//! `riscv32im-risc0-zkvm-elf` with the standard library (see the book, "Guests and hosts").

use std::collections::HashMap;

/// Word frequencies of `text` (case-folded), most frequent first with ties in alphabetical
/// order, and the words of `text` sorted. Prints a line per distinct word.
#[jolt::provable(max_input_size = 8192, max_output_size = 8192)]
pub fn word_stats(text: String) -> (Vec<(String, u32)>, Vec<String>) {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    let mut by_count: Vec<(String, u32)> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (word, count) in &by_count {
        println!("{word}: {count}");
    }
    let mut sorted: Vec<String> = text.split_whitespace().map(String::from).collect();
    sorted.sort();
    eprintln!("{} words, {} distinct", sorted.len(), by_count.len());
    (by_count, sorted)
}

/// Returns its input. The input region is raised to 16 KiB and the output region left at the
/// default 4 KiB, so a long input returns an output that does not fit.
#[jolt::provable(max_input_size = 16384)]
pub fn echo(bytes: Vec<u8>) -> Vec<u8> {
    bytes
}

/// Panics with a formatted message after printing a line: a std guest's panic is the same
/// public panic flag as a no_std guest's, with its message for the host.
#[jolt::provable]
pub fn checked_ratio(numerator: u32, denominator: u32) -> u32 {
    println!("dividing {numerator} by {denominator}");
    if denominator == 0 {
        panic!("cannot divide {numerator} by zero");
    }
    numerator / denominator
}
