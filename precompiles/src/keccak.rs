//! Keccak-f[1600] lane operations.
