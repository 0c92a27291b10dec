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

use super::lookups::{check_outputs, LookupClaims, LookupOpenings};
use super::{Fingerprint, MemoryCheckingError, MemoryCheckingProof, Multiset, TupleEvals};
use crate::field::JoltField;
use crate::subprotocols::grand_product::{self, Shape};
use crate::transcript::Transcript;

/// What memory checking reduces to: leaf claims that the caller MUST check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryCheckingClaims<F> {
    /// The fingerprint challenges the leaves were built with.
    pub fingerprint: Fingerprint<F>,
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
    /// The read-only memories' claims.
    pub lookups: LookupClaims<F>,
}

/// Splits `[x_0, y_0, x_1, y_1, …]` into `([x_k], [y_k])` (the length is even: checked by the
/// grand-product verifier against `2k`).
fn deinterleave<F: Clone>(v: &[F]) -> (Vec<F>, Vec<F>) {
    v.chunks_exact(2)
        .filter_map(|c| match c {
            [x, y] => Some((x.clone(), y.clone())),
            _ => None,
        })
        .unzip()
}

/// Verifies memory checking of one check (its own GKR) with the memories and fingerprint of
/// `setup`.
pub fn verify<F: JoltField>(
    setup: &CheckSetup<F>,
    proof: &MemoryCheckingProof<F>,
    transcript: &mut Transcript,
) -> Result<MemoryCheckingClaims<F>, MemoryCheckingError> {
    verify_batch(&[setup.statement()], proof, transcript)?
        .pop()
        .ok_or(MemoryCheckingError::NoMemories)?
}

/// A check's memory sizes and fingerprint, as its verifier fixes them before the grand
/// product (see [`CheckStatement`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckSetup<F> {
    /// `(n_k, m_k)` for each memory checked by products.
    pub sizes: Vec<(usize, usize)>,
    /// `(n_k, m_k)` for each read-only memory checked by fractions.
    pub lookup_sizes: Vec<(usize, usize)>,
    /// The check's fingerprint challenges.
    pub fingerprint: Fingerprint<F>,
}

impl<F: Copy> CheckSetup<F> {
    /// The statement of the batch's check.
    pub fn statement(&self) -> CheckStatement<'_, F> {
        CheckStatement {
            sizes: &self.sizes,
            lookup_sizes: &self.lookup_sizes,
            fingerprint: self.fingerprint,
        }
    }
}

/// One memory check of a batch: its memories' sizes `(n_k, m_k)` and the fingerprint its
/// leaves were built with.
#[derive(Clone, Copy, Debug)]
pub struct CheckStatement<'s, F> {
    /// `(n_k, m_k)` for each memory checked by products: `2^{n_k}` accesses, `2^{m_k}`
    /// cells.
    pub sizes: &'s [(usize, usize)],
    /// `(n_k, m_k)` for each read-only memory checked by fractions ([`super::lookups`]):
    /// `2^{n_k}` reads, `2^{m_k}` cells.
    pub lookup_sizes: &'s [(usize, usize)],
    /// The check's fingerprint challenges.
    pub fingerprint: Fingerprint<F>,
}

/// Verifies the one grand product of several memory checks ([`super::prove::prove_batch`]).
/// The outer error is the shared grand product's (or a check without memories); each check
/// then gets its own result: its claims, or the multiset equation it fails.
pub fn verify_batch<F: JoltField>(
    checks: &[CheckStatement<'_, F>],
    proof: &MemoryCheckingProof<F>,
    transcript: &mut Transcript,
) -> Result<Vec<Result<MemoryCheckingClaims<F>, MemoryCheckingError>>, MemoryCheckingError> {
    if checks.is_empty()
        || checks
            .iter()
            .any(|c| c.sizes.is_empty() && c.lookup_sizes.is_empty())
    {
        return Err(MemoryCheckingError::NoMemories);
    }
    let shapes = gkr_shapes(checks);
    let gp = grand_product::verify(&shapes, &proof.grand_product, transcript)
        .map_err(MemoryCheckingError::GrandProduct)?;
    let mut offset = 0;
    Ok(checks
        .iter()
        .map(|c| {
            let (k, l) = (c.sizes.len(), c.lookup_sizes.len());
            let range = offset..offset + 4 * k;
            let lookups = offset + 4 * k..offset + 4 * k + 2 * l;
            offset += 4 * k + 2 * l;
            let share = |r: std::ops::Range<usize>| {
                let slice = |v: &[Vec<F>]| v.get(r.clone()).unwrap_or_default().to_vec();
                GkrShare {
                    outputs: slice(&gp.outputs),
                    points: slice(&gp.points),
                    claims: slice(&gp.input_claims),
                }
            };
            check_claims(k, c.fingerprint, share(range), share(lookups))
        })
        .collect())
}

/// The GKR's vectors for the checks: each check's products `[read_0, write_0, …, init_0,
/// final_0, …]`, then its read-only memories' `[reads_0, table_0, …]`.
pub(super) fn gkr_shapes<F>(checks: &[CheckStatement<'_, F>]) -> Vec<Shape> {
    checks
        .iter()
        .flat_map(|c| {
            let products = c
                .sizes
                .iter()
                .flat_map(|(n, _)| [*n, *n])
                .chain(c.sizes.iter().flat_map(|(_, m)| [*m, *m]))
                .map(Shape::product);
            let fractions = c
                .lookup_sizes
                .iter()
                .flat_map(|(n, m)| [Shape::fraction(*n, true), Shape::fraction(*m, false)]);
            products.chain(fractions)
        })
        .collect()
}

/// The outputs, points and input claims of some consecutive vectors of the GKR.
struct GkrShare<F> {
    outputs: Vec<Vec<F>>,
    points: Vec<Vec<F>>,
    claims: Vec<Vec<F>>,
}

/// One check's read-only memories' share of the GKR (`[reads_0, table_0, …]`): each
/// memory's two sums are equal, and their claims.
fn lookup_claims<F: JoltField>(
    fingerprint: Fingerprint<F>,
    share: GkrShare<F>,
) -> Result<LookupClaims<F>, MemoryCheckingError> {
    let GkrShare {
        outputs,
        points,
        claims: input_claims,
    } = share;
    for (memory, pair) in outputs.chunks(2).enumerate() {
        match pair {
            [read, table] => check_outputs(memory, read, table)?,
            _ => return Err(MemoryCheckingError::LookupMismatch { memory }),
        }
    }
    let (r_read, r_table) = deinterleave(&points);
    let (read, table) = deinterleave(&input_claims);
    let at =
        |v: &[Vec<F>], i: usize| -> Vec<F> { v.iter().filter_map(|c| c.get(i).copied()).collect() };
    Ok(LookupClaims {
        fingerprint,
        openings: LookupOpenings {
            r_read,
            r_table,
            read: at(&read, 0),
            multiplicity: at(&table, 0),
            table: at(&table, 1),
        },
    })
}

/// One check's share of the GKR: the multiset equation of each of its `k` memories checked
/// by products (`products`), then its read-only memories' sums (`lookups`), and their
/// claims.
fn check_claims<F: JoltField>(
    k: usize,
    fingerprint: Fingerprint<F>,
    products: GkrShare<F>,
    lookups: GkrShare<F>,
) -> Result<MemoryCheckingClaims<F>, MemoryCheckingError> {
    let first = |v: &[Vec<F>]| -> Vec<F> { v.iter().filter_map(|c| c.first().copied()).collect() };
    let (outputs, input_claims) = (first(&products.outputs), first(&products.claims));
    let points = products.points;
    let split = |v: &[F]| -> (Vec<F>, Vec<F>) {
        let (cycle, memory) = v.split_at(v.len().min(2 * k));
        (cycle.to_vec(), memory.to_vec())
    };
    let (cycle_out, memory_out) = split(&outputs);
    let (read_prod, write_prod) = deinterleave(&cycle_out);
    let (init_prod, final_prod) = deinterleave(&memory_out);
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
    let (cycle_claims, memory_claims) = split(&input_claims);
    let (read, write) = deinterleave(&cycle_claims);
    let (init, final_) = deinterleave(&memory_claims);
    let (cycle_points, memory_points) = points.split_at(points.len().min(2 * k));
    Ok(MemoryCheckingClaims {
        fingerprint,
        r_cycle: deinterleave(cycle_points).0,
        r_mem: deinterleave(memory_points).0,
        read,
        write,
        init,
        final_,
        lookups: lookup_claims(fingerprint, lookups)?,
    })
}

impl<F: JoltField> MemoryCheckingClaims<F> {
    /// The cycle-side and memory-side points shared by all memories (memories of equal sizes
    /// share their points); `None` without memories.
    pub fn shared_points(&self) -> Option<(&[F], &[F])> {
        Some((self.r_cycle.first()?, self.r_mem.first()?))
    }

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
