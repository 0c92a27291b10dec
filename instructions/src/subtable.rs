//! A subtable: a table of [`M`](crate::M) entries that a chunk of a lookup index reads.

use crate::Fr;

/// One subtable. Entry `i` is the value at chunk index `i`; the index's bit 15 (most significant)
/// is `point[0]` of the multilinear extension.
pub trait Subtable: Send + Sync + core::fmt::Debug + 'static {
    /// Stable, unique name: enters the verifier-key digest and de-duplicates subtables across
    /// instructions.
    fn name(&self) -> &'static str;
    /// All M entries; entry i is the subtable at index i.
    fn materialize(&self) -> Vec<u64>;
    /// Multilinear extension at `point` (len LOG_M), in O(LOG_M). `point[0]` is the MOST
    /// significant bit of the index.
    fn evaluate_mle(&self, point: &[Fr]) -> Fr;
}
