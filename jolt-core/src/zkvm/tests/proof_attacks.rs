//! Soundness tests of the assembled proof.
