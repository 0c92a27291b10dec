//! The memory-checking prover (see the [module documentation](super)).

use super::lookups::{LookupLeaves, LookupOpenings};
use super::MemoryCheckingProof;
use crate::field::JoltField;
use crate::subprotocols::grand_product::{self, Input, Leaves};
use crate::transcript::Transcript;

/// Where the prover's grand product ended for one memory check: the points and the leaf
/// evaluations there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryCheckingOpenings<F, V = F> {
    /// Each memory's cycle-side point (length `n_k`).
    pub r_cycle: Vec<Vec<F>>,
    /// Each memory's memory-side point (length `m_k`).
    pub r_mem: Vec<Vec<F>>,
    /// `read_k(r_cycle_k)`.
    pub read: Vec<V>,
    /// `write_k(r_cycle_k)`.
    pub write: Vec<V>,
    /// `init_k(r_mem_k)`.
    pub init: Vec<V>,
    /// `final_k(r_mem_k)`.
    pub final_: Vec<V>,
    /// The read-only memories' points and claims.
    pub lookups: LookupOpenings<F, V>,
}

/// One memory check's fingerprint leaves (values, or [`Leaves::Computed`] from the tuple
/// columns): `read_write[k] = (read_k, write_k)` (each of length `2^{n_k}`) and
/// `init_final[k] = (init_k, final_k)` (each of length `2^{m_k}`) of its memories checked by
/// products, and the leaves of its read-only memories checked by sums of fractions.
pub struct CheckLeaves<'a, F> {
    read_write: Vec<(Leaves<'a, F>, Leaves<'a, F>)>,
    init_final: Vec<(Leaves<'a, F>, Leaves<'a, F>)>,
    lookups: Vec<LookupLeaves<'a, F>>,
}

impl<'a, F: JoltField> CheckLeaves<'a, F> {
    /// The leaves of `k` memories.
    ///
    /// # Panics
    /// If there is no memory, the two lists differ in length, or a pair's vectors differ in
    /// length (a programming error of the caller).
    pub fn new<L: Into<Leaves<'a, F>>>(read_write: Vec<(L, L)>, init_final: Vec<(L, L)>) -> Self {
        assert!(!read_write.is_empty(), "memory checking needs a memory");
        assert_eq!(
            read_write.len(),
            init_final.len(),
            "one (init, final) pair per memory"
        );
        let pairs = |v: Vec<(L, L)>| -> Vec<(Leaves<'a, F>, Leaves<'a, F>)> {
            v.into_iter().map(|(x, y)| (x.into(), y.into())).collect()
        };
        let (read_write, init_final) = (pairs(read_write), pairs(init_final));
        assert!(
            read_write
                .iter()
                .chain(&init_final)
                .all(|(x, y)| x.len() == y.len()),
            "the two vectors of a pair have the same length"
        );
        Self {
            read_write,
            init_final,
            lookups: Vec::new(),
        }
    }

    /// The leaves of a check of read-only memories only ([`super::lookups`]).
    ///
    /// # Panics
    /// If there is no memory, or a memory's table and multiplicities differ in length.
    pub fn lookups(lookups: Vec<LookupLeaves<'a, F>>) -> Self {
        assert!(!lookups.is_empty(), "memory checking needs a memory");
        assert!(
            lookups
                .iter()
                .all(|l| l.table.len() == l.multiplicities.len()),
            "a table and its multiplicities have the same length"
        );
        Self {
            read_write: Vec::new(),
            init_final: Vec::new(),
            lookups,
        }
    }

    /// Adds read-only memories checked by sums of fractions ([`super::lookups`]).
    pub fn with_lookups(mut self, lookups: Vec<LookupLeaves<'a, F>>) -> Self {
        self.lookups.extend(lookups);
        self
    }

    /// Memories checked by products, and read-only memories checked by fractions.
    pub(super) fn num_memories(&self) -> (usize, usize) {
        (self.read_write.len(), self.lookups.len())
    }

    /// `[read_0, write_0, …, init_0, final_0, …]` then `[reads_0, table_0, …]` of the
    /// read-only memories.
    pub(super) fn into_vectors(self) -> impl Iterator<Item = Input<'a, F>> {
        let products = self
            .read_write
            .into_iter()
            .chain(self.init_final)
            .flat_map(|(x, y)| [x, y])
            .map(Input::Product);
        let fractions = self.lookups.into_iter().flat_map(|l| {
            [
                Input::Fraction {
                    numerators: None,
                    denominators: l.reads,
                },
                Input::Fraction {
                    numerators: Some(l.multiplicities),
                    denominators: l.table,
                },
            ]
        });
        products.chain(fractions)
    }
}

/// Splits `[x_0, y_0, x_1, y_1, …]` into `([x_k], [y_k])`.
fn deinterleave<F: Clone>(v: &[F]) -> (Vec<F>, Vec<F>) {
    v.chunks_exact(2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .unzip()
}

/// Proves memory checking for the memories of one check, with one batched grand product over
/// `[read_0, write_0, …, init_0, final_0, …]`.
pub fn prove<F: JoltField>(
    check: CheckLeaves<'_, F>,
    transcript: &mut Transcript,
) -> (MemoryCheckingProof<F>, MemoryCheckingOpenings<F>) {
    let (proof, mut openings) = prove_batch(vec![check], transcript);
    let openings = openings.pop().expect("one check, one opening");
    (proof, openings)
}

/// Proves several memory checks with **one** grand product over all their vectors (each
/// check's `[read_0, write_0, …, init_0, final_0, …]`, the checks in order): the layer
/// sumchecks of vectors of different checks share their rounds. Returns each check's
/// openings, in order.
#[tracing::instrument(skip_all, name = "memory checking", fields(checks = checks.len()))]
pub fn prove_batch<F: JoltField>(
    checks: Vec<CheckLeaves<'_, F>>,
    transcript: &mut Transcript,
) -> (MemoryCheckingProof<F>, Vec<MemoryCheckingOpenings<F>>) {
    let memories: Vec<(usize, usize)> = checks.iter().map(CheckLeaves::num_memories).collect();
    let vectors: Vec<Input<'_, F>> = checks
        .into_iter()
        .flat_map(CheckLeaves::into_vectors)
        .collect();
    let (grand_product, points, all_claims) = grand_product::prove(vectors, transcript);
    let openings = split_openings(&memories, &points, &all_claims);
    (MemoryCheckingProof { grand_product }, openings)
}

/// The GKR's points and input claims cut into each check's openings: `memories[c] = (k, l)`
/// memories checked by products and read-only memories of check `c`, whose vectors come in
/// the order of [`CheckLeaves`].
pub(super) fn split_openings<F: Clone, V: Clone>(
    memories: &[(usize, usize)],
    points: &[Vec<F>],
    all_claims: &[Vec<V>],
) -> Vec<MemoryCheckingOpenings<F, V>> {
    let mut offset = 0;
    memories
        .iter()
        .map(|(k, l)| {
            let range = offset..offset + 4 * k;
            let lookups = offset + 4 * k..offset + 4 * k + 2 * l;
            offset += 4 * k + 2 * l;
            let (points, lookup_points) = (&points[range.clone()], &points[lookups.clone()]);
            let claims: Vec<V> = all_claims[range].iter().map(|c| c[0].clone()).collect();
            let (cycle_claims, memory_claims) = claims.split_at(2 * k);
            let (read, write) = deinterleave(cycle_claims);
            let (init, final_) = deinterleave(memory_claims);
            let (cycle_points, memory_points) = points.split_at(2 * k);
            let (r_read, r_table) = deinterleave(lookup_points);
            let (read_claims, table_claims) = deinterleave(&all_claims[lookups]);
            MemoryCheckingOpenings {
                r_cycle: deinterleave(cycle_points).0,
                r_mem: deinterleave(memory_points).0,
                read,
                write,
                init,
                final_,
                lookups: LookupOpenings {
                    r_read,
                    r_table,
                    read: read_claims.iter().map(|c| c[0].clone()).collect(),
                    multiplicity: table_claims.iter().map(|c| c[0].clone()).collect(),
                    table: table_claims.iter().map(|c| c[1].clone()).collect(),
                },
            }
        })
        .collect()
}
