//! A memory-heavy guest: a sieve over a large heap buffer and a strided walk over it.
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::vec;

/// Primes below `n` (sieve of Eratosthenes in an `n`-byte heap buffer) and a checksum of a
/// strided walk that touches every cache line of a `words`-word buffer.
#[jolt::provable(memory_size = 67_108_864, max_cycles = 200_000_000)]
pub fn sieve_and_walk(n: u32, words: u32) -> (u32, u32) {
    let mut composite = vec![false; n as usize];
    let mut primes = 0;
    for i in 2..n as usize {
        if !composite[i] {
            primes += 1;
            let mut j = i * i;
            while j < n as usize {
                composite[j] = true;
                j += i;
            }
        }
    }
    let mut buffer = vec![0u32; words as usize];
    for (i, w) in buffer.iter_mut().enumerate() {
        *w = (i as u32).wrapping_mul(2_654_435_761);
    }
    let mut checksum = 0u32;
    let mut i = 0usize;
    for _ in 0..words {
        checksum = checksum.rotate_left(5) ^ buffer[i];
        i = (i + 4099) % words.max(1) as usize;
    }
    (primes, checksum)
}
