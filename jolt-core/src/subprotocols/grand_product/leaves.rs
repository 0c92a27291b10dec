//! The inputs of a batched GKR, and how its provers read a layer: in blocks, so that an input
//! computed from its index (a fingerprint of compact witness columns) never takes the memory
//! of its field elements.

use crate::field::JoltField;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use std::borrow::Cow;

/// Entries read at a time from a layer by the provers' loops (the buffer of a computed input).
pub(super) const BLOCK: usize = 1 << 10;

/// What one entry of a layer is, and how two entries combine into the layer above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LayerKind {
    /// Field elements, combined by multiplication (a grand product's layer).
    Product,
    /// Fractions `p/q` held as the pairs `(p, q)` (two components), combined by
    /// `(p, q) ⊕ (p', q') = (p·q' + p'·q, q·q')` (a sum of fractions' layer).
    Fraction,
    /// Fractions `1/q` held as their denominators (one component): the input of a sum of
    /// fractions whose numerators are all one.
    UnitFraction,
}

impl LayerKind {
    /// Components per entry.
    pub(super) fn width(self) -> usize {
        match self {
            Self::Product | Self::UnitFraction => 1,
            Self::Fraction => 2,
        }
    }

    /// The kind of the layer above one of this kind.
    pub(super) fn above(self) -> Self {
        match self {
            Self::Product => Self::Product,
            Self::Fraction | Self::UnitFraction => Self::Fraction,
        }
    }

    /// `out[i] = lo[i] ⊕ hi[i]` componentwise into the layer above (`out` has
    /// `self.above().width()` components).
    pub(super) fn combine<F: JoltField>(
        self,
        lo: &[Cow<'_, [F]>],
        hi: &[Cow<'_, [F]>],
        out: &mut [&mut [F]],
    ) {
        match (self, lo, hi, out) {
            (Self::Product, [l], [h], [o]) => {
                for ((o, l), h) in o.iter_mut().zip(l.iter()).zip(h.iter()) {
                    *o = *l * h;
                }
            }
            (Self::UnitFraction, [ql], [qh], [p, q]) => {
                for (i, (ql, qh)) in ql.iter().zip(qh.iter()).enumerate() {
                    p[i] = *ql + qh;
                    q[i] = *ql * qh;
                }
            }
            (Self::Fraction, [pl, ql], [ph, qh], [p, q]) => {
                for i in 0..p.len() {
                    p[i] = pl[i] * qh[i] + ph[i] * ql[i];
                    q[i] = ql[i] * qh[i];
                }
            }
            _ => unreachable!("components match the layer kinds"),
        }
    }

    /// `acc ⊕= x` in place, for blocks of the layer kind `self.above()` (`acc` and `x`).
    pub(super) fn accumulate<F: JoltField>(self, acc: &mut [Vec<F>], x: &[Cow<'_, [F]>]) {
        match (self.above(), acc, x) {
            (Self::Product, [a], [x]) => a.iter_mut().zip(x.iter()).for_each(|(a, x)| *a *= x),
            (Self::Fraction, [p, q], [xp, xq]) => {
                for i in 0..p.len() {
                    p[i] = p[i] * xq[i] + xp[i] * q[i];
                    q[i] *= xq[i];
                }
            }
            _ => unreachable!("components match the layer kinds"),
        }
    }
}

/// A layer the provers read in blocks: stored components, an input computing its entries,
/// or a layer folded from the input.
pub(super) trait Source<F: JoltField>: Sync {
    /// Number of entries.
    fn len(&self) -> usize;
    /// What the entries are.
    fn kind(&self) -> LayerKind;
    /// Entries `start .. start + len` of each component.
    fn read(&self, start: usize, len: usize) -> Vec<Cow<'_, [F]>>;
}

/// A stored layer: its components.
pub(super) struct Stored<F> {
    pub(super) kind: LayerKind,
    pub(super) components: Vec<Vec<F>>,
}

impl<F: JoltField> Source<F> for Stored<F> {
    fn len(&self) -> usize {
        self.components.first().map_or(0, Vec::len)
    }

    fn kind(&self) -> LayerKind {
        self.kind
    }

    fn read(&self, start: usize, len: usize) -> Vec<Cow<'_, [F]>> {
        self.components
            .iter()
            .map(|c| Cow::Borrowed(&c[start..start + len]))
            .collect()
    }
}

/// The function of a computed input: entry `i`.
pub type LeafFn<'a, F> = Box<dyn Fn(usize) -> F + Send + Sync + 'a>;

/// One vector of field elements given to a GKR (its length a power of two).
pub enum Leaves<'a, F> {
    /// The entries.
    Values(Vec<F>),
    /// The entries, held by the caller.
    Slice(&'a [F]),
    /// `len` entries computed from their index when read. The prover evaluates each entry
    /// about five times (the kept layers, and the first round and bind of the two largest
    /// layers' sumchecks), and never holds more than a block of them.
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

    /// Entries `start .. start + len`.
    fn block(&self, start: usize, len: usize) -> Cow<'_, [F]> {
        match self {
            Self::Values(v) => Cow::Borrowed(&v[start..start + len]),
            Self::Slice(v) => Cow::Borrowed(&v[start..start + len]),
            Self::Computed { leaf, .. } => Cow::Owned((start..start + len).map(leaf).collect()),
        }
    }
}

impl<F> From<Vec<F>> for Leaves<'_, F> {
    fn from(values: Vec<F>) -> Self {
        Self::Values(values)
    }
}

/// One input of a batched GKR: a vector whose product is proven, or a vector of fractions
/// whose sum is proven.
pub enum Input<'a, F> {
    /// `Π_i v_i`.
    Product(Leaves<'a, F>),
    /// `Σ_i p_i / q_i`, with the numerators `p` (`None`: all one) and the denominators `q` of
    /// the same length.
    Fraction {
        /// `p`, or `None` for numerators that are all one.
        numerators: Option<Leaves<'a, F>>,
        /// `q`.
        denominators: Leaves<'a, F>,
    },
}

impl<'a, F: JoltField> Input<'a, F> {
    /// Number of entries.
    pub fn len(&self) -> usize {
        match self {
            Self::Product(v) => v.len(),
            Self::Fraction { denominators, .. } => denominators.len(),
        }
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The input's shape for the verifier.
    pub fn shape(&self) -> super::Shape {
        let num_vars = self.len().trailing_zeros() as usize;
        match self {
            Self::Product(_) => super::Shape::product(num_vars),
            Self::Fraction { numerators, .. } => super::Shape {
                num_vars,
                kind: super::InputKind::Fraction {
                    unit: numerators.is_none(),
                },
            },
        }
    }
}

impl<'a, F> From<Leaves<'a, F>> for Input<'a, F> {
    fn from(leaves: Leaves<'a, F>) -> Self {
        Self::Product(leaves)
    }
}

impl<F> From<Vec<F>> for Input<'_, F> {
    fn from(values: Vec<F>) -> Self {
        Self::Product(Leaves::Values(values))
    }
}

impl<F: JoltField> Source<F> for Input<'_, F> {
    fn len(&self) -> usize {
        Input::len(self)
    }

    fn kind(&self) -> LayerKind {
        match self {
            Self::Product(_) => LayerKind::Product,
            Self::Fraction {
                numerators: None, ..
            } => LayerKind::UnitFraction,
            Self::Fraction { .. } => LayerKind::Fraction,
        }
    }

    fn read(&self, start: usize, len: usize) -> Vec<Cow<'_, [F]>> {
        match self {
            Self::Product(v) => vec![v.block(start, len)],
            Self::Fraction {
                numerators: None,
                denominators,
            } => vec![denominators.block(start, len)],
            Self::Fraction {
                numerators: Some(p),
                denominators,
            } => vec![p.block(start, len), denominators.block(start, len)],
        }
    }
}

/// `width` vectors of `len` entries, filled block by block by `fill(b, blocks)` (block `b`
/// of each vector), in parallel above a block.
pub(super) fn fill_blocks<F, G>(len: usize, width: usize, fill: G) -> Vec<Vec<F>>
where
    F: JoltField,
    G: Fn(usize, &mut [&mut [F]]) + Send + Sync,
{
    let mut out: Vec<Vec<F>> = (0..width).map(|_| vec![F::zero(); len]).collect();
    match out.as_mut_slice() {
        [a] if len > BLOCK => crate::cfg_chunks_mut!(a, BLOCK)
            .enumerate()
            .for_each(|(b, x)| fill(b, &mut [x])),
        [a, c] if len > BLOCK => crate::cfg_chunks_mut!(a, BLOCK)
            .zip(crate::cfg_chunks_mut!(c, BLOCK))
            .enumerate()
            .for_each(|(b, (x, y))| fill(b, &mut [x, y])),
        [a] => a
            .chunks_mut(BLOCK)
            .enumerate()
            .for_each(|(b, x)| fill(b, &mut [x])),
        [a, c] => a
            .chunks_mut(BLOCK)
            .zip(c.chunks_mut(BLOCK))
            .enumerate()
            .for_each(|(b, (x, y))| fill(b, &mut [x, y])),
        _ => unreachable!("a layer has one or two components"),
    }
    out
}

/// `out_c[i] = f(c, lo_c[i], hi_c[i])` for `i < half` and each component `c`, with
/// `lo = src[lo_start ..]` and `hi = src[hi_start ..]`, read block by block.
pub(super) fn map_pairs<F, S, G>(
    src: &S,
    lo_start: usize,
    hi_start: usize,
    half: usize,
    f: G,
) -> Vec<Vec<F>>
where
    F: JoltField,
    S: Source<F> + ?Sized,
    G: Fn(usize, F, F) -> F + Send + Sync,
{
    fill_blocks(half, src.kind().width(), |b, out| {
        let start = b * BLOCK;
        let len = out[0].len();
        let lo = src.read(lo_start + start, len);
        let hi = src.read(hi_start + start, len);
        for (c, ((o, l), h)) in out.iter_mut().zip(&lo).zip(&hi).enumerate() {
            for ((o, l), h) in o.iter_mut().zip(l.iter()).zip(h.iter()) {
                *o = f(c, *l, *h);
            }
        }
    })
}

/// The layer above `src`: entry `x` is `src[x] ⊕ src[x + half]`.
pub(super) fn halve<F: JoltField, S: Source<F> + ?Sized>(src: &S) -> Stored<F> {
    let half = src.len() / 2;
    let kind = src.kind();
    let components = fill_blocks(half, kind.above().width(), |b, out| {
        let start = b * BLOCK;
        let len = out[0].len();
        kind.combine(&src.read(start, len), &src.read(half + start, len), out);
    });
    Stored {
        kind: kind.above(),
        components,
    }
}

/// Every entry of `src`, read block by block.
pub(super) fn materialize<F: JoltField, S: Source<F> + ?Sized>(src: &S) -> Stored<F> {
    let components = fill_blocks(src.len(), src.kind().width(), |b, out| {
        let len = out[0].len();
        for (o, x) in out.iter_mut().zip(src.read(b * BLOCK, len)) {
            o.copy_from_slice(&x);
        }
    });
    Stored {
        kind: src.kind(),
        components,
    }
}
