//! The Surge witness (compact polynomials) and its commitments.

use super::SurgePreprocessing;
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{labels, Absorb, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::utils::serialization::{impl_canonical_fields, SafeVec};
use crate::{cfg_into_iter, cfg_iter};
use jolt_instructions::{C, M};

/// The committed polynomials of a Surge instance (see the [module documentation](super)).
#[derive(Clone, Debug)]
pub struct SurgeWitness {
    /// `n`: the cycles are padded to `2^n`.
    pub log_cycles: usize,
    /// `dim_i`, `i < C` (`2^n` entries).
    pub dim: Vec<MultilinearPolynomial<Fr>>,
    /// `E_m` per memory (`2^n` entries).
    pub e_polys: Vec<MultilinearPolynomial<Fr>>,
    /// `m_i`, `i < C` (`M` entries): the reads of each cell at chunk `i`.
    pub multiplicities: Vec<MultilinearPolynomial<Fr>>,
    /// `flag_f` per table (`2^n` entries).
    pub flags: Vec<MultilinearPolynomial<Fr>>,
    /// `lookup_output` (`2^n` entries).
    pub lookup_output: MultilinearPolynomial<Fr>,
}

/// The smallest compact polynomial that holds `values`.
fn compact(values: Vec<u64>) -> MultilinearPolynomial<Fr> {
    crate::poly::smallest_compact(&values)
}

impl SurgeWitness {
    /// Builds the witness from one `(table index, x, y)` per cycle (`None`: no lookup). The
    /// cycles are padded to a power of two with no-lookup cycles; a no-lookup cycle has all
    /// chunks 0, no flag and output 0.
    ///
    /// # Panics
    /// If a table index is out of range or there are more than `2^31` cycles.
    pub fn new(pre: &SurgePreprocessing, cycles: &[(Option<usize>, u32, u32)]) -> Self {
        let len = cycles.len().max(1).next_power_of_two();
        let log_cycles = len.trailing_zeros() as usize;
        assert!(log_cycles <= super::MAX_LOG_CYCLES, "too many cycles");
        let tables = pre.tables();
        let no_lookup = (None, 0, 0);
        let rows: Vec<([usize; C], u32)> = cfg_into_iter!(0..len)
            .map(|t| {
                let (table, x, y) = *cycles.get(t).unwrap_or(&no_lookup);
                match table {
                    Some(f) => (tables[f].to_indices(x, y), tables[f].lookup_entry(x, y)),
                    None => ([0; C], 0),
                }
            })
            .collect();
        let dims: Vec<Vec<u16>> = (0..C)
            .map(|i| rows.iter().map(|(d, _)| d[i] as u16).collect())
            .collect();

        // Multiplicities per chunk position (shared by all memories of that chunk).
        let multiplicities: Vec<MultilinearPolynomial<Fr>> = cfg_iter!(dims)
            .map(|d| {
                let mut m = vec![0u32; M];
                for a in d {
                    m[*a as usize] += 1;
                }
                m.into()
            })
            .collect();

        let materialized = pre.materialized();
        let e_polys: Vec<MultilinearPolynomial<Fr>> = cfg_iter!(pre.memories())
            .map(|(s, i)| {
                compact(
                    dims[*i]
                        .iter()
                        .map(|a| materialized[*s][*a as usize])
                        .collect(),
                )
            })
            .collect();
        let flags: Vec<MultilinearPolynomial<Fr>> = (0..tables.len())
            .map(|f| {
                let v: Vec<u8> = (0..len)
                    .map(|t| matches!(cycles.get(t), Some((Some(g), _, _)) if *g == f) as u8)
                    .collect();
                v.into()
            })
            .collect();
        let lookup_output: MultilinearPolynomial<Fr> = rows
            .iter()
            .map(|(_, out)| *out)
            .collect::<Vec<u32>>()
            .into();
        Self {
            log_cycles,
            dim: dims.into_iter().map(Into::into).collect(),
            e_polys,
            multiplicities,
            flags,
            lookup_output,
        }
    }

    /// All committed polynomials in the order of [`SurgeCommitments`]: dim, E,
    /// multiplicities, flags, lookup output.
    pub fn polys(&self) -> Vec<&MultilinearPolynomial<Fr>> {
        self.dim
            .iter()
            .chain(&self.e_polys)
            .chain(&self.multiplicities)
            .chain(&self.flags)
            .chain(std::iter::once(&self.lookup_output))
            .collect()
    }

    /// Commits to every polynomial.
    pub fn commit<PCS: CommitmentScheme>(&self, setup: &PCS::ProverSetup) -> SurgeCommitments<PCS> {
        let (dim, e_polys, multiplicities, flags, lookup_output) =
            self.split(PCS::batch_commit(setup, &self.polys()));
        SurgeCommitments {
            dim: dim.into(),
            e_polys: e_polys.into(),
            multiplicities: multiplicities.into(),
            flags: flags.into(),
            lookup_output,
        }
    }

    /// One item per polynomial, in the order of [`Self::polys`], split into dim, E,
    /// multiplicities, flags and the lookup output's.
    ///
    /// # Panics
    /// If there is not one item per polynomial.
    #[allow(clippy::type_complexity, clippy::expect_used)]
    pub(super) fn split<T>(&self, items: Vec<T>) -> (Vec<T>, Vec<T>, Vec<T>, Vec<T>, T) {
        let mut all = items.into_iter();
        let mut take = |n: usize| -> Vec<T> { all.by_ref().take(n).collect() };
        let dim = take(C);
        let e_polys = take(self.e_polys.len());
        let multiplicities = take(C);
        let flags = take(self.flags.len());
        let lookup_output = all.next().expect("one item per polynomial");
        (dim, e_polys, multiplicities, flags, lookup_output)
    }
}

/// Commitments to the Surge witness, in the order of [`SurgeWitness::polys`].
#[derive(Clone)]
pub struct SurgeCommitments<PCS: CommitmentScheme> {
    /// `dim_i`.
    pub dim: SafeVec<PCS::Commitment>,
    /// `E_m`.
    pub e_polys: SafeVec<PCS::Commitment>,
    /// `m_i`.
    pub multiplicities: SafeVec<PCS::Commitment>,
    /// `flag_f`.
    pub flags: SafeVec<PCS::Commitment>,
    /// `lookup_output`.
    pub lookup_output: PCS::Commitment,
}

impl<PCS: CommitmentScheme> PartialEq for SurgeCommitments<PCS> {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts() && self.lookup_output == other.lookup_output
    }
}

impl<PCS: CommitmentScheme> std::fmt::Debug for SurgeCommitments<PCS> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SurgeCommitments")
            .field("dim", &self.dim)
            .field("e_polys", &self.e_polys)
            .field("multiplicities", &self.multiplicities)
            .field("flags", &self.flags)
            .field("lookup_output", &self.lookup_output)
            .finish()
    }
}

impl<PCS: CommitmentScheme> SurgeCommitments<PCS> {
    fn parts(&self) -> [&SafeVec<PCS::Commitment>; 4] {
        [&self.dim, &self.e_polys, &self.multiplicities, &self.flags]
    }

    /// Absorbs every commitment (the caller does this before [`super::prove()`]/[`super::verify()`]).
    pub fn append_to_transcript(&self, transcript: &mut Transcript) {
        for part in self.parts() {
            transcript.append_u64(labels::NUM_VARS, part.len() as u64);
            for c in part.iter() {
                transcript.append(labels::COMMITMENT, c);
            }
        }
        transcript.append(labels::COMMITMENT, &self.lookup_output);
    }
}

impl_canonical_fields!([PCS: CommitmentScheme] SurgeCommitments<PCS> where [] {
    dim,
    e_polys,
    multiplicities,
    flags,
    lookup_output,
});
