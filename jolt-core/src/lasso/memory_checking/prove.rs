//! The memory-checking prover (see the [module documentation](super)).

use super::MemoryCheckingProof;
use crate::field::JoltField;
use crate::subprotocols::grand_product;
use crate::transcript::Transcript;

/// Where the prover's grand products ended: the points and the leaf evaluations there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryCheckingOpenings<F> {
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

/// Splits `[x_0, y_0, x_1, y_1, …]` into `([x_k], [y_k])`.
fn deinterleave<F: Copy>(v: &[F]) -> (Vec<F>, Vec<F>) {
    v.chunks_exact(2).map(|c| (c[0], c[1])).unzip()
}

/// Proves memory checking for `k` memories given their fingerprint leaves:
/// `read_write[k] = (read_k, write_k)` (each of length `2^n`) and
/// `init_final[k] = (init_k, final_k)` (each of length `2^m`).
///
/// # Panics
/// If there is no memory, or the vectors do not all have the power-of-two length of their
/// side (a programming error of the caller).
pub fn prove<F: JoltField>(
    read_write: Vec<(Vec<F>, Vec<F>)>,
    init_final: Vec<(Vec<F>, Vec<F>)>,
    transcript: &mut Transcript,
) -> (MemoryCheckingProof<F>, MemoryCheckingOpenings<F>) {
    assert!(!read_write.is_empty(), "memory checking needs a memory");
    assert_eq!(
        read_write.len(),
        init_final.len(),
        "one (init, final) pair per memory"
    );
    let flatten = |pairs: Vec<(Vec<F>, Vec<F>)>| -> Vec<Vec<F>> {
        pairs.into_iter().flat_map(|(x, y)| [x, y]).collect()
    };
    let (rw_proof, r_cycle, rw_claims) = grand_product::prove(flatten(read_write), transcript);
    let (if_proof, r_mem, if_claims) = grand_product::prove(flatten(init_final), transcript);
    let (read, write) = deinterleave(&rw_claims);
    let (init, final_) = deinterleave(&if_claims);
    (
        MemoryCheckingProof {
            read_write: rw_proof,
            init_final: if_proof,
        },
        MemoryCheckingOpenings {
            r_cycle,
            r_mem,
            read,
            write,
            init,
            final_,
        },
    )
}
