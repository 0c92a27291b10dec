//! Memory: a sieve over a large heap buffer and a strided walk over it, and loads and stores
//! of every width.
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

/// Stores and loads of every width over a buffer of `words` words: fills it with byte stores
/// (SB) and reads it back with signed and unsigned byte loads (LB, LBU), then halfwords (SH, LH,
/// LHU), then words (SW, LW), and last reads the words' bytes (LBU) to check their
/// little-endian layout. Returns a checksum per read pass. The accesses are volatile so that
/// each one is the width it says.
#[jolt::provable]
pub fn memory_ops(words: u32) -> [u32; 6] {
    let n = words as usize;
    let mut buffer = vec![0u32; n];
    let base = buffer.as_mut_ptr();
    let mix = |sum: u32, value: u32| sum.wrapping_mul(31).wrapping_add(value);
    let (bytes, halves) = (base.cast::<u8>(), base.cast::<u16>());
    // SAFETY: every access is inside `buffer` (4n bytes, 2n halfwords, n words) and aligned
    // to its width, since a `u32` buffer is 4-byte aligned.
    unsafe {
        for i in 0..4 * n {
            bytes
                .add(i)
                .write_volatile((i as u8).wrapping_mul(37) ^ 0x80);
        }
        let (mut lb, mut lbu) = (0, 0);
        for i in 0..4 * n {
            lb = mix(lb, bytes.cast::<i8>().add(i).read_volatile() as u32);
            lbu = mix(lbu, u32::from(bytes.add(i).read_volatile()));
        }
        for i in 0..2 * n {
            halves
                .add(i)
                .write_volatile((i as u16).wrapping_mul(40_503) ^ 0x8000);
        }
        let (mut lh, mut lhu) = (0, 0);
        for i in 0..2 * n {
            lh = mix(lh, halves.cast::<i16>().add(i).read_volatile() as u32);
            lhu = mix(lhu, u32::from(halves.add(i).read_volatile()));
        }
        for i in 0..n {
            base.add(i)
                .write_volatile((i as u32).wrapping_mul(2_654_435_761));
        }
        let (mut lw, mut bytes_of_words) = (0, 0);
        for i in 0..n {
            lw = mix(lw, base.add(i).read_volatile());
        }
        for i in 0..4 * n {
            bytes_of_words = mix(bytes_of_words, u32::from(bytes.add(i).read_volatile()));
        }
        [lb, lbu, lh, lhu, lw, bytes_of_words]
    }
}
