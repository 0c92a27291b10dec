//! A mixed workload for benchmarks: every iteration does ALU operations, a multiplication and a
//! division, byte, halfword and word loads and stores, and data-dependent branches, over a
//! 4 KiB buffer.
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::vec;

/// `n` iterations of a checksum over a buffer it keeps rewriting; returns the checksum. Its
/// RAM is 256 KiB (the workload needs 4 KiB and the stack): a zero-knowledge proof's RAM is
/// the whole of it.
#[jolt::provable(max_cycles = 200_000_000, memory_size = 262_144)]
pub fn mixed(n: u32) -> u32 {
    const WORDS: usize = 1024;
    let mut buffer = vec![0u32; WORDS];
    let mut state = 0x9e37_79b9u32;
    let mut checksum = 0u32;
    for i in 0..n {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let slot = (state as usize) % WORDS;
        // Word, halfword and byte accesses to the same buffer.
        let word = buffer[slot];
        let bytes = buffer.as_mut_ptr().cast::<u8>();
        let halves = buffer.as_ptr().cast::<u16>();
        // SAFETY: `slot < WORDS`, so byte `4 slot + k` (k < 4) and halfword `2 slot + k`
        // (k < 2) are inside the buffer, aligned to their width.
        let (byte, half) = unsafe {
            let k = (i & 3) as usize;
            bytes.add(4 * slot + k).write_volatile(state as u8);
            (
                bytes.add(4 * slot + (k ^ 1)).cast::<i8>().read_volatile(),
                halves.add(2 * slot + (k & 1)).cast::<i16>().read_volatile(),
            )
        };
        let product = word.wrapping_mul(state | 1);
        let quotient = product / ((i & 0xff) + 3);
        let remainder = (half as i32).wrapping_rem(i32::from(byte) | 1);
        checksum = if quotient & 1 == 0 {
            checksum.rotate_left(3) ^ quotient
        } else {
            checksum.wrapping_add(remainder as u32)
        };
        buffer[(slot + 1) % WORDS] = checksum ^ (state >> 3);
    }
    checksum
}
