//! The memory-checking prover (see the [module documentation](super)).

use super::MemoryCheckingProof;
use crate::field::JoltField;
use crate::subprotocols::grand_product::{self, Leaves};
use crate::transcript::Transcript;

/// Where the prover's grand product ended: the points and the leaf evaluations there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryCheckingOpenings<F> {
    /// Each memory's cycle-side point (length `n_k`).
    pub r_cycle: Vec<Vec<F>>,
    /// Each memory's memory-side point (length `m_k`).
    pub r_mem: Vec<Vec<F>>,
    /// `read_k(r_cycle_k)`.
    pub read: Vec<F>,
    /// `write_k(r_cycle_k)`.
    pub write: Vec<F>,
    /// `init_k(r_mem_k)`.
    pub init: Vec<F>,
    /// `final_k(r_mem_k)`.
    pub final_: Vec<F>,
}

/// Splits `[x_0, y_0, x_1, y_1, …]` into `([x_k], [y_k])`.
fn deinterleave<F: Clone>(v: &[F]) -> (Vec<F>, Vec<F>) {
    v.chunks_exact(2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .unzip()
}

/// Proves memory checking for `k` memories given their fingerprint leaves (values, or
/// [`Leaves::Computed`] from the tuple columns):
/// `read_write[k] = (read_k, write_k)` (each of length `2^{n_k}`) and
/// `init_final[k] = (init_k, final_k)` (each of length `2^{m_k}`), with one batched grand
/// product over `[read_0, write_0, …, init_0, final_0, …]`.
///
/// # Panics
/// If there is no memory, or a pair's vectors differ in length or are not a power of two
/// long (a programming error of the caller).
#[tracing::instrument(skip_all, name = "memory checking", fields(memories = read_write.len()))]
pub fn prove<'a, F: JoltField, L: Into<Leaves<'a, F>>>(
    read_write: Vec<(L, L)>,
    init_final: Vec<(L, L)>,
    transcript: &mut Transcript,
) -> (MemoryCheckingProof<F>, MemoryCheckingOpenings<F>) {
    assert!(!read_write.is_empty(), "memory checking needs a memory");
    assert_eq!(
        read_write.len(),
        init_final.len(),
        "one (init, final) pair per memory"
    );
    let k = read_write.len();
    let vectors: Vec<Leaves<'a, F>> = read_write
        .into_iter()
        .chain(init_final)
        .flat_map(|(x, y)| [x.into(), y.into()])
        .collect();
    assert!(
        vectors.chunks_exact(2).all(|p| p[0].len() == p[1].len()),
        "the two vectors of a pair have the same length"
    );
    let (grand_product, points, claims) = grand_product::prove(vectors, transcript);
    let (cycle_claims, memory_claims) = claims.split_at(2 * k);
    let (read, write) = deinterleave(cycle_claims);
    let (init, final_) = deinterleave(memory_claims);
    let (cycle_points, memory_points) = points.split_at(2 * k);
    (
        MemoryCheckingProof { grand_product },
        MemoryCheckingOpenings {
            r_cycle: deinterleave(cycle_points).0,
            r_mem: deinterleave(memory_points).0,
            read,
            write,
            init,
            final_,
        },
    )
}
