//! The guest binary: links the provable functions of the library into one RV32IM ELF.
#![cfg_attr(feature = "guest", no_std, no_main)]

#[allow(unused_imports)]
use {crate_name}::*;

#[cfg(not(feature = "guest"))]
fn main() {}
