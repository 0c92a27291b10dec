//! Interactive sub-protocols made non-interactive with the transcript.

pub mod blindfold;
pub mod grand_product;
pub mod sumcheck;
