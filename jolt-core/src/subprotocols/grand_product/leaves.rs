//! The input vectors of a grand product, and how its provers read a layer: in blocks, so that
//! an input computed from its index (a fingerprint of compact witness columns) never takes
//! the memory of its field elements.

use crate::field::JoltField;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use std::borrow::Cow;

/// Entries read at a time from a layer by the provers' loops (the buffer of a computed input).
pub(super) const BLOCK: usize = 1 << 10;

/// A layer the provers read in blocks: a slice, or an input computing its entries.
pub(super) trait Source<F: JoltField>: Sync {
    /// Number of entries.
    fn len(&self) -> usize;
    /// Entries `start .. start + len`.
    fn read(&self, start: usize, len: usize) -> Cow<'_, [F]>;
}

impl<F: JoltField> Source<F> for Vec<F> {
    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn read(&self, start: usize, len: usize) -> Cow<'_, [F]> {
        Cow::Borrowed(&self[start..start + len])
    }
}

/// The function of a computed input: entry `i`.
pub type LeafFn<'a, F> = Box<dyn Fn(usize) -> F + Send + Sync + 'a>;

/// One input vector of a grand product (its length a power of two).
pub enum Leaves<'a, F> {
    /// The entries.
    Values(Vec<F>),
    /// The entries, held by the caller.
    Slice(&'a [F]),
    /// `len` entries computed from their index when read. The prover evaluates each entry
    /// about three times (the layer above it, and the first round and bind of the last
    /// layer's sumcheck), and never holds more than a block of them.
    Computed {
        /// Number of entries.
        len: usize,
        /// Entry `i`.
        leaf: LeafFn<'a, F>,
    },
}

impl<'a, F: JoltField> Leaves<'a, F> {
    /// `len` entries computed by `leaf`.
    pub fn computed(len: usize, leaf: impl Fn(usize) -> F + Send + Sync + 'a) -> Self {
        Self::Computed {
            len,
            leaf: Box::new(leaf),
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        match self {
            Self::Values(v) => v.len(),
            Self::Slice(v) => v.len(),
            Self::Computed { len, .. } => *len,
        }
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry, as values.
    pub fn to_vec(&self) -> Vec<F> {
        match self {
            Self::Values(v) => v.clone(),
            Self::Slice(v) => v.to_vec(),
            Self::Computed { len, leaf } => crate::cfg_into_iter!(0..*len).map(leaf).collect(),
        }
    }
}

impl<F> From<Vec<F>> for Leaves<'_, F> {
    fn from(values: Vec<F>) -> Self {
        Self::Values(values)
    }
}

impl<F: JoltField> Source<F> for Leaves<'_, F> {
    fn len(&self) -> usize {
        Leaves::len(self)
    }

    fn read(&self, start: usize, len: usize) -> Cow<'_, [F]> {
        match self {
            Self::Values(v) => Cow::Borrowed(&v[start..start + len]),
            Self::Slice(v) => Cow::Borrowed(&v[start..start + len]),
            Self::Computed { leaf, .. } => Cow::Owned((start..start + len).map(leaf).collect()),
        }
    }
}

/// `out[i] = f(i, lo[i], hi[i])` for `i < half`, with `lo = src[lo_start ..]` and
/// `hi = src[hi_start ..]`, read block by block (in parallel above a block).
pub(super) fn map_pairs<F, S, G>(
    src: &S,
    lo_start: usize,
    hi_start: usize,
    half: usize,
    f: G,
) -> Vec<F>
where
    F: JoltField,
    S: Source<F> + ?Sized,
    G: Fn(F, F) -> F + Send + Sync,
{
    let mut out = vec![F::zero(); half];
    let fill = |(b, chunk): (usize, &mut [F])| {
        let start = b * BLOCK;
        let lo = src.read(lo_start + start, chunk.len());
        let hi = src.read(hi_start + start, chunk.len());
        for ((o, l), h) in chunk.iter_mut().zip(lo.iter()).zip(hi.iter()) {
            *o = f(*l, *h);
        }
    };
    if half > BLOCK {
        crate::cfg_chunks_mut!(out, BLOCK)
            .enumerate()
            .for_each(fill);
    } else {
        out.chunks_mut(BLOCK).enumerate().for_each(fill);
    }
    out
}

/// Every entry of `src`, read block by block (in parallel above a block).
pub(super) fn materialize<F: JoltField, S: Source<F> + ?Sized>(src: &S) -> Vec<F> {
    let mut out = vec![F::zero(); src.len()];
    let fill = |(b, chunk): (usize, &mut [F])| {
        chunk.copy_from_slice(&src.read(b * BLOCK, chunk.len()));
    };
    if out.len() > BLOCK {
        crate::cfg_chunks_mut!(out, BLOCK)
            .enumerate()
            .for_each(fill);
    } else {
        out.chunks_mut(BLOCK).enumerate().for_each(fill);
    }
    out
}
