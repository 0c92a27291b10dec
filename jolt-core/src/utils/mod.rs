//! Shared utilities: the parallelism shim, serialization helpers, small math helpers.

pub mod math;
pub mod parallel;
pub mod serialization;
