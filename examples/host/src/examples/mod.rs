//! One module per example; each `run` builds, runs, proves and verifies its guest and returns
//! the verified [`Proven`](crate::Proven) result.

pub mod collatz;
pub mod custom_instruction;
pub mod fibonacci;
pub mod hashes;
pub mod memory_ops;
pub mod muldiv;
pub mod panic;
pub mod prover_verifier;
pub mod rollup;
