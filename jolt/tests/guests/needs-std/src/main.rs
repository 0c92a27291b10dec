#![cfg_attr(feature = "guest", no_std, no_main)]

#[allow(unused_imports)]
use needs_std::*;

#[cfg(not(feature = "guest"))]
fn main() {}
