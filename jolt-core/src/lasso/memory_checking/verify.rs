//! The memory-checking verifier (see the [module documentation](super)): single-threaded,
//! typed errors, no panics on proof data.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]

use super::{Fingerprint, MemoryCheckingError, MemoryCheckingProof, Multiset, TupleEvals};
use crate::field::JoltField;
use crate::subprotocols::grand_product;
use crate::transcript::Transcript;

/// What memory checking reduces to: leaf claims that the caller MUST check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryCheckingClaims<F> {
    /// The fingerprint challenges the leaves were built with.
    pub fingerprint: Fingerprint<F>,
    /// The cycle-side point (length `n`).
    pub r_cycle: Vec<F>,
    /// The memory-side point (length `m`).
    pub r_mem: Vec<F>,
    /// `read_k(r_cycle)`.
    pub read: Vec<F>,
    /// `write_k(r_cycle)`.
    pub write: Vec<F>,
    /// `init_k(r_mem)`.
    pub init: Vec<F>,
    /// `final_k(r_mem)`.
    pub final_: Vec<F>,
}

/// Splits `[x_0, y_0, x_1, y_1, …]` into `([x_k], [y_k])` (the length is even: checked by the
/// grand-product verifier against `2k`).
fn deinterleave<F: Copy>(v: &[F]) -> (Vec<F>, Vec<F>) {
    v.chunks_exact(2)
        .filter_map(|c| match c {
            [x, y] => Some((*x, *y)),
            _ => None,
        })
        .unzip()
}

/// Verifies memory checking of `num_memories` memories with `2^log_cycles` accesses and
/// `2^log_cells` cells each, for leaves built with `fingerprint`.
pub fn verify<F: JoltField>(
    num_memories: usize,
    log_cycles: usize,
    log_cells: usize,
    fingerprint: Fingerprint<F>,
    proof: &MemoryCheckingProof<F>,
    transcript: &mut Transcript,
) -> Result<MemoryCheckingClaims<F>, MemoryCheckingError> {
    if num_memories == 0 {
        return Err(MemoryCheckingError::NoMemories);
    }
    let vectors = num_memories.saturating_mul(2);
    let rw = grand_product::verify(vectors, log_cycles, &proof.read_write, transcript)
        .map_err(MemoryCheckingError::ReadWrite)?;
    let inf = grand_product::verify(vectors, log_cells, &proof.init_final, transcript)
        .map_err(MemoryCheckingError::InitFinal)?;
    let (read_prod, write_prod) = deinterleave(&rw.outputs);
    let (init_prod, final_prod) = deinterleave(&inf.outputs);
    for (memory, (((r, w), i), f)) in read_prod
        .iter()
        .zip(&write_prod)
        .zip(&init_prod)
        .zip(&final_prod)
        .enumerate()
    {
        if *i * w != *r * f {
            return Err(MemoryCheckingError::MultisetMismatch { memory });
        }
    }
    let (read, write) = deinterleave(&rw.input_claims);
    let (init, final_) = deinterleave(&inf.input_claims);
    Ok(MemoryCheckingClaims {
        fingerprint,
        r_cycle: rw.point,
        r_mem: inf.point,
        read,
        write,
        init,
        final_,
    })
}

impl<F: JoltField> MemoryCheckingClaims<F> {
    /// Number of memories.
    pub fn num_memories(&self) -> usize {
        self.read.len()
    }

    fn check_side(
        &self,
        claims: &[F],
        tuples: &[TupleEvals<F>],
        multiset: Multiset,
    ) -> Result<(), MemoryCheckingError> {
        if tuples.len() != claims.len() {
            return Err(MemoryCheckingError::TupleCount {
                multiset,
                expected: claims.len(),
                got: tuples.len(),
            });
        }
        for (memory, (claim, tuple)) in claims.iter().zip(tuples).enumerate() {
            if *claim != self.fingerprint.of(tuple) {
                return Err(MemoryCheckingError::LeafMismatch { multiset, memory });
            }
        }
        Ok(())
    }

    /// Rejects a pair of tuple lists whose tuples of one memory differ in width.
    fn check_widths(
        first: &[TupleEvals<F>],
        second: &[TupleEvals<F>],
        multiset: Multiset,
    ) -> Result<(), MemoryCheckingError> {
        for (memory, (x, y)) in first.iter().zip(second).enumerate() {
            if x.width() != y.width() {
                return Err(MemoryCheckingError::TupleWidth {
                    multiset,
                    memory,
                    expected: x.width(),
                    got: y.width(),
                });
            }
        }
        Ok(())
    }

    /// Checks the read and write leaf claims against the tuple evaluations at `r_cycle`
    /// (one tuple per memory for each side; a memory's read and write tuples have the same
    /// width).
    pub fn check_cycle_side(
        &self,
        read: &[TupleEvals<F>],
        write: &[TupleEvals<F>],
    ) -> Result<(), MemoryCheckingError> {
        self.check_side(&self.read, read, Multiset::Read)?;
        Self::check_widths(read, write, Multiset::Write)?;
        self.check_side(&self.write, write, Multiset::Write)
    }

    /// Checks the init and final leaf claims against the tuple evaluations at `r_mem`
    /// (the init tuples computed by the verifier itself; a memory's init and final tuples
    /// have the same width).
    pub fn check_memory_side(
        &self,
        init: &[TupleEvals<F>],
        final_: &[TupleEvals<F>],
    ) -> Result<(), MemoryCheckingError> {
        self.check_side(&self.init, init, Multiset::Init)?;
        Self::check_widths(init, final_, Multiset::Final)?;
        self.check_side(&self.final_, final_, Multiset::Final)
    }
}
