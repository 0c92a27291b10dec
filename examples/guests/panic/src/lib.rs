//! A guest that panics on some inputs: the panic is a public result, not a crash.
#![cfg_attr(feature = "guest", no_std)]

/// `a / b`, panicking (on purpose) when `b` is zero.
#[jolt::provable]
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
