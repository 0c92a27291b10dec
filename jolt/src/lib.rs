//! Prove that a Rust function, compiled to RV32IM, produced a given output from a given input.
//!
//! A guest crate marks functions with [`provable`]; built for riscv32im with its `guest`
//! feature, this crate supplies the runtime (entry, allocator, panic handler, I/O). The host
//! crate enables the `host` feature and calls what the macro generates (`compile_f`,
//! `analyze_f`). See the book for the whole guide.
#![cfg_attr(not(any(feature = "host", target_os = "zkvm")), no_std)]
#![cfg_attr(all(feature = "guest", target_os = "zkvm"), feature(alloc_error_hook))]

pub use jolt_common::{defaults, MemoryLayout, PANIC_EXIT_CODE};
pub use jolt_macros::provable;

#[cfg(all(feature = "guest", target_arch = "riscv32"))]
pub mod guest;

#[cfg(feature = "host")]
pub mod host;
