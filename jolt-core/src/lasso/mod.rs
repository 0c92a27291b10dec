//! Lookup arguments: Lasso/Surge instruction lookups and the offline memory checking they rest
//! on (Setty–Thaler–Wahby 2023, "Unlocking the lookup singularity with Lasso"; Jolt, 2023).
//!
//! * [`memory_checking`]: a generic multiset-equality argument over fingerprints
//!   `h(a, v_1..v_k, t) = a·γ^{k+1} + Σ_j v_j·γ^{k+1−j} + t − τ` (`k = 1` for an ordinary
//!   memory; `k > 1` folds memories that share addresses and counts), with batched grand
//!   products, for many memories at once. Read-only memories (Lasso style, with access
//!   counts) and read-write memories (timestamps) both reduce to `init · write = read · final`.
//! * [`surge`]: proves `lookup_output(t) = T_{f(t)}[query(t)]` for every cycle, for a fixed
//!   ordered set of decomposable tables ([`jolt_instructions::Instruction`]).
//!
//! Variable order as everywhere in the crate: `x_0` is the most significant index bit.

pub mod memory_checking;
pub mod surge;

/// Transcript labels of this module.
pub mod labels {
    /// Memory checking: the fingerprint challenge `γ`.
    pub const MEMORY_CHECKING_GAMMA: &[u8] = b"memory_checking_gamma";
    /// Memory checking: the fingerprint challenge `τ`.
    pub const MEMORY_CHECKING_TAU: &[u8] = b"memory_checking_tau";
    /// Surge: the point `r` of the primary sumcheck.
    pub const SURGE_PRIMARY_POINT: &[u8] = b"surge_primary_point";
    /// Surge: the claimed `lookup_output(r)`.
    pub const SURGE_LOOKUP_OUTPUT: &[u8] = b"surge_lookup_output";
    /// Surge: the flag and E evaluations at the end of the primary sumcheck.
    pub const SURGE_PRIMARY_EVALS: &[u8] = b"surge_primary_evals";
    /// Surge: the evaluations at the memory-checking points.
    pub const SURGE_MEMORY_EVALS: &[u8] = b"surge_memory_evals";
    /// Surge: the preprocessing (table names, memory layout) and the number of cycles.
    pub const SURGE_STATEMENT: &[u8] = b"surge_statement";
}
