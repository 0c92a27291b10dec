//! Read-only memories by logarithmic derivatives (LogUp, Haböck 2022), proven as sums of
//! fractions in the memory checks' one GKR.
//!
//! # Equation
//! A read-only memory of `2^m` cells (cell `i` holds the tuple `(i, v_i)`) read `2^n` times
//! (read `t` takes `(a_t, v_t)`), with the multiplicity `m_i` of cell `i` (its number of reads)
//! committed, and the fingerprint `h(a, v) = h(a, v, 0)` of [`super`] (`τ` drawn after the
//! commitments):
//! ```text
//!   Σ_t 1 / h(a_t, v_t)  =  Σ_i m_i / h(i, v_i)
//! ```
//! The GKR proves both sides as sums of fractions `p/q` (reads: unit numerators; table:
//! numerators `m`) and the verifier checks `p_read · q_table = p_table · q_read` with both
//! `q ≠ 0`. Unlike the product argument, no per-read count is committed, and one vector per
//! side replaces two.
//!
//! # Why it is sound
//! Write `ψ(u) = h(u) + τ` (the fingerprint without its shift: injective on the tuples of
//! both sides except with probability `N²(k+1)/(2|F|)`, as in [`super`]). Both outputs'
//! denominators are the products of their vectors' entries, so `q ≠ 0` means no `h` is zero
//! and the fractions are the field's. Suppose some read takes a tuple `u` that no cell holds.
//! As rational functions of `X`, `Σ_t 1/(ψ(u_t) − X)` has a pole at `ψ(u)` with residue
//! `−c_u`, where `c_u ≤ 2^n` is the number of reads of `u`: non-zero, since `2^n < p`. The
//! table side has no pole there, so the two sides differ as rational functions, and clearing
//! the denominators gives a non-zero polynomial of degree `≤ 2^n + 2^m` that vanishes at
//! `X = τ` with probability `≤ (2^n + 2^m)/|F|`. Hence every read is a cell's tuple. The
//! multiplicities need no range check: whatever field elements the prover commits, a read
//! outside the table already fails, and the statement is only that every read is in the
//! table.
//!
//! # Transcript and obligations
//! As for [`super`]: the caller absorbs the commitments to the read tuples' columns and to
//! `m` before drawing the fingerprint. After [`super::verify::verify_batch`], the caller
//! MUST check the read claim against the read tuple's evaluations at `r_read`
//! ([`LookupClaims::check_reads`]), the table claim against the table's evaluations at
//! `r_table` that the verifier computes itself ([`LookupClaims::check_table`]), and open
//! `m` at `r_table` to the multiplicity claim.

use super::{Fingerprint, MemoryCheckingError, Multiset};
use crate::field::JoltField;
use crate::subprotocols::grand_product::Leaves;

/// One read-only memory's leaves: the fingerprints `h(a_t, v_t)` of the reads, those of the
/// table's cells `h(i, v_i)`, and the cells' multiplicities (values or computed).
pub struct LookupLeaves<'a, F> {
    /// `h(a_t, v_t)`, `2^n` of them.
    pub reads: Leaves<'a, F>,
    /// `h(i, v_i)`, `2^m` of them.
    pub table: Leaves<'a, F>,
    /// `m_i`, `2^m` of them.
    pub multiplicities: Leaves<'a, F>,
}

/// Where the prover's GKR ended for one check's read-only memories: the points and the
/// claims there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupOpenings<F, V = F> {
    /// Each memory's read-side point (length `n_k`).
    pub r_read: Vec<Vec<F>>,
    /// Each memory's table-side point (length `m_k`).
    pub r_table: Vec<Vec<F>>,
    /// `reads_k(r_read_k)`.
    pub read: Vec<V>,
    /// `table_k(r_table_k)`.
    pub table: Vec<V>,
    /// `m_k(r_table_k)`.
    pub multiplicity: Vec<V>,
}

/// What the read-only memories of a check reduce to (see the module doc): claims that the
/// caller MUST check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupClaims<F> {
    /// The fingerprint challenges the leaves were built with.
    pub fingerprint: Fingerprint<F>,
    /// The points and claims.
    pub openings: LookupOpenings<F>,
}

impl<F: JoltField> LookupClaims<F> {
    /// The read-side and table-side points shared by all memories (memories of equal sizes
    /// share their points); `None` without memories.
    pub fn shared_points(&self) -> Option<(&[F], &[F])> {
        Some((
            self.openings.r_read.first()?,
            self.openings.r_table.first()?,
        ))
    }

    fn check(
        &self,
        claims: &[F],
        tuples: &[(F, Vec<F>)],
        multiset: Multiset,
    ) -> Result<(), MemoryCheckingError> {
        if tuples.len() != claims.len() {
            return Err(MemoryCheckingError::TupleCount {
                multiset,
                expected: claims.len(),
                got: tuples.len(),
            });
        }
        for (memory, (claim, (a, v))) in claims.iter().zip(tuples).enumerate() {
            if *claim != self.fingerprint.h(*a, v, F::zero()) {
                return Err(MemoryCheckingError::LeafMismatch { multiset, memory });
            }
        }
        Ok(())
    }

    /// Checks each memory's read claim against the evaluations `(a(r_read), v(r_read))` of
    /// its read tuple.
    pub fn check_reads(&self, tuples: &[(F, Vec<F>)]) -> Result<(), MemoryCheckingError> {
        self.check(&self.openings.read, tuples, Multiset::Read)
    }

    /// Checks each memory's table claim against the evaluations `(i(r_table), v(r_table))`
    /// the verifier computes itself.
    pub fn check_table(&self, tuples: &[(F, Vec<F>)]) -> Result<(), MemoryCheckingError> {
        self.check(&self.openings.table, tuples, Multiset::Init)
    }

    /// `m_k(r_table_k)`: the claims the caller opens against the multiplicities' commitments.
    pub fn multiplicities(&self) -> &[F] {
        &self.openings.multiplicity
    }
}

/// One memory's outputs `(p_read, q_read)`, `(p_table, q_table)`: both sums equal.
pub(super) fn check_outputs<F: JoltField>(
    memory: usize,
    read: &[F],
    table: &[F],
) -> Result<(), MemoryCheckingError> {
    match (read, table) {
        ([p_read, q_read], [p_table, q_table])
            if !q_read.is_zero()
                && !q_table.is_zero()
                && *p_read * q_table == *p_table * q_read =>
        {
            Ok(())
        }
        _ => Err(MemoryCheckingError::LookupMismatch { memory }),
    }
}
