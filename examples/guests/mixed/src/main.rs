#![cfg_attr(feature = "guest", no_std, no_main)]

#[allow(unused_imports)]
use mixed_guest::*;

#[cfg(not(feature = "guest"))]
fn main() {}
