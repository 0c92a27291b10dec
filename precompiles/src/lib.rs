//! Hash acceleration for guests, shipped as user-defined instructions (custom-0 opcode space)
//! rather than as part of the zkVM's core: [`sha256`] (the message-schedule and round functions
//! of SHA-256) and [`keccak`] (the lane operations of Keccak-f\[1600\]).
//!
//! A guest depends on this crate without features and calls the hash functions of each module;
//! on RISC-V they execute the instructions, natively they run the same functions in plain Rust.
//! The host enables the `host` feature and registers the instruction tables with
//! `GuestProgram::with_extensions`.
#![cfg_attr(not(test), no_std)]
#![warn(missing_docs)]

#[cfg(feature = "host")]
pub mod byte_tables;
pub mod keccak;
pub mod sha256;
