//! Heap collections in a guest: Vec, String and BTreeMap through the guest allocator.
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

/// Word frequencies of `text`, most frequent first (ties alphabetical), and the words sorted.
#[jolt::provable(max_input_size = 8192, max_output_size = 8192)]
pub fn word_stats(text: String) -> (Vec<(String, u32)>, Vec<String>) {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    let mut by_count: Vec<(String, u32)> = counts.iter().map(|(w, &c)| (w.clone(), c)).collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut sorted: Vec<String> = text.split_whitespace().map(String::from).collect();
    sorted.sort();
    (by_count, sorted)
}

/// Returns its input. The input region is raised to 16 KiB and the output region left at the
/// default 4 KiB, so a long input returns an output that does not fit.
#[jolt::provable(max_input_size = 16384)]
pub fn echo(bytes: Vec<u8>) -> Vec<u8> {
    bytes
}
