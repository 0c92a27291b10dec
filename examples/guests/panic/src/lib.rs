//! A guest that panics on some inputs: the panic is a public result, not a crash.
#![cfg_attr(feature = "guest", no_std)]

extern crate alloc;

use alloc::vec;

/// `a / b`, panicking (on purpose) when `b` is zero.
#[jolt::provable(memory_size = 262_144)]
pub fn checked_div(a: u32, b: u32) -> u32 {
    if b == 0 {
        panic!("division by zero");
    }
    a / b
}

/// Recurses `depth` times with a large frame: overflows a small stack.
#[jolt::provable(stack_size = 4096)]
pub fn deep_recursion(depth: u32) -> u32 {
    fn go(depth: u32) -> u32 {
        let frame = core::hint::black_box([depth; 64]);
        if depth == 0 {
            0
        } else {
            frame[(depth % 64) as usize].wrapping_add(go(depth - 1))
        }
    }
    go(depth)
}

/// Allocates a `bytes`-byte buffer on a heap of under 1 MiB: more than that is an allocation
/// failure, which panics.
#[jolt::provable(memory_size = 1048576)]
pub fn allocate(bytes: u32) -> u32 {
    let buffer = core::hint::black_box(vec![1u8; bytes as usize]);
    buffer.iter().map(|&b| u32::from(b)).sum()
}

/// Returns `len` bytes: more than its 16-byte output region holds.
#[jolt::provable(max_output_size = 16)]
pub fn long_output(len: u32) -> alloc::vec::Vec<u8> {
    vec![7; len as usize]
}

/// Needs more memory than it has: image and the default 64 KiB stack exceed 64 KiB.
#[jolt::provable(memory_size = 65536)]
pub fn too_big_for_memory() -> u32 {
    1
}
