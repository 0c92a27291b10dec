//! SHA-256 round functions.
