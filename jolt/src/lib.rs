//! Prove that a Rust function, compiled to RV32IM, produced a given output from a given input.
//!
//! # Where to start
//! `jolt new <name>` (the `jolt` command line) makes a guest crate and a host crate that run,
//! prove and verify as they are. The two halves:
//!
//! - The guest crate depends on this crate, turns on its `guest` feature from its own
//!   (`guest = ["jolt/guest"]`, or `["jolt/guest-std"]` for a guest with the standard
//!   library) and marks functions with [`provable`]. Built for RV32IM, this crate supplies the
//!   runtime there (the `guest` module: entry, allocator, panic handler, I/O, console).
//! - The host crate enables the `host` feature and calls what the macro generates for each
//!   function `f`: `analyze_f` (run it, no proof), `build_f` (prove and verify closures), and
//!   `preprocess_f`, `prove_f`, `verify_f` for a prover and a verifier in separate processes,
//!   with the `host` module's `write_proof`, `read_proof`, `write_verifier_key` and
//!   `read_verifier_key` in between.
//!
//! ```ignore
//! // guest/src/lib.rs
//! #[jolt::provable]
//! pub fn fib(n: u32) -> u128 { /* ... */ }
//!
//! // the host, depending on the guest crate as `guest`
//! let summary = guest::analyze_fib(50)?;     // output, cycles, instruction mix
//! let (prove, verify) = guest::build_fib()?; // builds the guest and preprocesses, once
//! let (output, proof) = prove(50)?;          // Some(12586269025), or None if it panicked
//! verify(50, output, &proof)?;               // Ok(()) only for a valid proof of that claim
//! ```
//!
//! The macro's functions are thin: without it, the host API takes the guest crate's directory
//! and the function's name (this example builds a guest and proves, so it is compiled here but
//! not run):
//!
//! ```no_run
//! # #[cfg(feature = "host")]
//! # fn main() -> Result<(), jolt::host::Error> {
//! use jolt::host::{verify, GuestSpec};
//! use jolt::{defaults, MemoryLayout};
//!
//! let fib = GuestSpec {
//!     manifest_dir: "examples/guests/fibonacci",
//!     package: "fibonacci-guest",
//!     function: "fib",
//!     layout: MemoryLayout::default(),
//!     max_cycles: defaults::MAX_CYCLES,
//! }
//! .compile()?;
//! let pk = fib.preprocess()?;
//! let (output, proof) = fib.prove::<_, u128>(&pk, &(50u32,))?;
//! verify(&pk.vk, &(50u32,), output.as_ref(), &proof)?;
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "host"))]
//! # fn main() {}
//! ```
//!
//! The book (`book/`) is the whole guide: guests and hosts, the command line, how the proof
//! works.
#![cfg_attr(not(any(feature = "host", target_os = "zkvm")), no_std)]
#![cfg_attr(all(feature = "guest", target_os = "zkvm"), feature(alloc_error_hook))]
#![warn(missing_docs)]

pub use jolt_common::{defaults, MemoryLayout, PANIC_EXIT_CODE};
pub use jolt_macros::provable;

#[cfg(all(feature = "guest", target_arch = "riscv32"))]
pub mod guest;

#[cfg(feature = "host")]
pub mod host;
