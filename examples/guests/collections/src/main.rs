#![cfg_attr(feature = "guest", no_main)]

#[allow(unused_imports)]
use collections_guest::*;

#[cfg(not(feature = "guest"))]
fn main() {}
