//! The GKR prover (see the [module documentation](super)).

use super::layer::{round_message, LayerSumcheck};
use super::leaves::{halve, materialize, Input, LayerKind, Source, Stored};
use super::{GrandProductProof, LayerProof};
use crate::cfg_into_iter;
use crate::field::JoltField;
use crate::transcript::{labels, Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use std::borrow::Cow;

/// Layers stored below `2^{n − RECOMPUTED}` entries: the larger one (except the input) is
/// read as combinations of two input entries, block by block ([`Folded`]), and never stored,
/// so a vector's layers take half of its input's memory, for about `2^n` extra
/// multiplications and `2 · 2^n` extra reads of the input. (Recomputing two layers halves
/// that memory again, for about 1.5 s more at `2^20` cycles.)
const RECOMPUTED: usize = 1;

/// The layer `V^{(n−k)}` of an input `V^{(n)}` (`k ≥ 1`), read without being stored: entry
/// `x` combines the input's entries `x + j·2^{n−k}`, `j < 2^k` (in any order: the product and
/// the sum of fractions are associative and commutative).
struct Folded<'a, F: JoltField> {
    input: &'a Input<'a, F>,
    k: usize,
}

impl<F: JoltField> Source<F> for Folded<'_, F> {
    fn len(&self) -> usize {
        self.input.len() >> self.k
    }

    fn kind(&self) -> LayerKind {
        self.input.kind().above()
    }

    fn read(&self, start: usize, len: usize) -> Vec<Cow<'_, [F]>> {
        let stride = self.len();
        let kind = self.input.kind();
        let pair = |j: usize| -> Vec<Vec<F>> {
            let mut out: Vec<Vec<F>> = (0..kind.above().width())
                .map(|_| vec![F::zero(); len])
                .collect();
            let mut slices: Vec<&mut [F]> = out.iter_mut().map(Vec::as_mut_slice).collect();
            kind.combine(
                &self.input.read(start + 2 * j * stride, len),
                &self.input.read(start + (2 * j + 1) * stride, len),
                &mut slices,
            );
            out
        };
        let mut acc = pair(0);
        for j in 1..1usize << (self.k - 1) {
            let next: Vec<Cow<'_, [F]>> = pair(j).into_iter().map(Cow::Owned).collect();
            kind.accumulate(&mut acc, &next);
        }
        acc.into_iter().map(Cow::Owned).collect()
    }
}

/// A layer as the layer sumcheck reads it: the input or a kept layer, or a folded one.
enum Layer<'a, F: JoltField> {
    Borrowed(&'a dyn Source<F>),
    Folded(Folded<'a, F>),
}

impl<F: JoltField> Layer<'_, F> {
    fn source(&self) -> &dyn Source<F> {
        match self {
            Self::Borrowed(s) => *s,
            Self::Folded(f) => f,
        }
    }
}

/// The layers of one vector: `V^{(m)}` has `2^m` entries, `V^{(n)}` is the input. Only the
/// input and the layers of at most `n − 1 − RECOMPUTED` variables are kept.
struct Layers<'a, F> {
    input: Input<'a, F>,
    /// `V^{(0)}, …, V^{(kept)}`.
    kept: Vec<Stored<F>>,
}

impl<'a, F: JoltField> Layers<'a, F> {
    fn new(input: Input<'a, F>) -> Self {
        let n = input.len().trailing_zeros() as usize;
        let last_kept = n.saturating_sub(1 + RECOMPUTED);
        // The largest kept layer in one read of the input, the smaller ones by halving.
        let mut layer = match n {
            0 => materialize(&input),
            _ => materialize(&Folded {
                input: &input,
                k: n - last_kept,
            }),
        };
        let mut kept = Vec::with_capacity(last_kept + 1);
        for _ in 0..last_kept {
            let next = halve(&layer);
            kept.push(layer);
            layer = next;
        }
        kept.push(layer);
        kept.reverse();
        Self { input, kept }
    }

    /// `P` for a product; `(p, q)` for a sum of fractions `p/q` (`p = 1` for a single unit
    /// fraction).
    fn output(&self) -> Vec<F> {
        let top = &self.kept[0];
        let entries = top.components.iter().map(|c| c[0]);
        match top.kind {
            LayerKind::UnitFraction => std::iter::once(F::one()).chain(entries).collect(),
            _ => entries.collect(),
        }
    }

    /// Frees the input and the kept layers (the vector has left the batch).
    fn free(&mut self) {
        self.input = Input::Product(Vec::new().into());
        self.kept = Vec::new();
    }

    fn num_vars(&self) -> usize {
        self.input.len().trailing_zeros() as usize
    }

    /// `V^{(m)}`: borrowed if kept, else folded from the input. Called for increasing `m`:
    /// the kept layers below `m` are no longer needed and freed.
    fn layer(&mut self, m: usize) -> Layer<'_, F> {
        for used in self.kept.iter_mut().take(m) {
            used.components = Vec::new();
        }
        let n = self.num_vars();
        if m == n {
            return Layer::Borrowed(&self.input);
        }
        if m < self.kept.len() {
            return Layer::Borrowed(&self.kept[m]);
        }
        Layer::Folded(Folded {
            input: &self.input,
            k: n - m,
        })
    }
}

/// Where the GKR prover's messages go: the transparent proof and transcript, or committed
/// rows of a zero-knowledge circuit ([`super::zk`]).
pub(super) trait Channel<F: JoltField> {
    /// The vectors' outputs (`[P]` or `[p, q]`, with `p = 1` for one unit fraction).
    fn outputs(&mut self, outputs: &[Vec<F>]);
    /// Draws layer `m`'s batching coefficients for the `active` vectors, whose claims have
    /// `widths` components each.
    fn batching(&mut self, active: &[usize], widths: &[usize]) -> Vec<Vec<F>>;
    /// A round's quadratic `q_j` (values at 0, 1, 2) and `r_j`; returns the challenge.
    fn round(&mut self, q: [F; 3], rj: F) -> F;
    /// The components of `L_b(s)` and `R_b(s)` of the active vectors (vector after vector,
    /// `widths` each); returns `μ`.
    fn layer_claims(&mut self, left: &[F], right: &[F], widths: &[usize]) -> F;
}

/// The transparent channel: absorbs every message and keeps it for the proof.
struct Transparent<'t, F: JoltField> {
    transcript: &'t mut Transcript,
    outputs: Vec<F>,
    layers: Vec<LayerProof<F>>,
}

impl<F: JoltField> Channel<F> for Transparent<'_, F> {
    fn outputs(&mut self, outputs: &[Vec<F>]) {
        self.outputs = outputs.concat();
        self.transcript
            .append_scalars(labels::GRAND_PRODUCT_OUTPUTS, &self.outputs);
    }

    fn batching(&mut self, _active: &[usize], widths: &[usize]) -> Vec<Vec<F>> {
        let powers: Vec<F> = self
            .transcript
            .challenge_powers(labels::GRAND_PRODUCT_LAYER_BATCHING, widths.iter().sum());
        self.layers.push(LayerProof {
            rounds: Vec::new().into(),
            left: Vec::new().into(),
            right: Vec::new().into(),
        });
        split_by(&powers, widths)
    }

    fn round(&mut self, q: [F; 3], rj: F) -> F {
        let round = round_message(q, rj);
        self.transcript.append_scalars(
            labels::GRAND_PRODUCT_LAYER_ROUND,
            &[round.known, round.at_two],
        );
        if let Some(layer) = self.layers.last_mut() {
            layer.rounds.0.push(round);
        }
        self.transcript
            .challenge_scalar(labels::GRAND_PRODUCT_ROUND_CHALLENGE)
    }

    fn layer_claims(&mut self, left: &[F], right: &[F], _widths: &[usize]) -> F {
        self.transcript
            .append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, left);
        self.transcript
            .append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, right);
        if let Some(layer) = self.layers.last_mut() {
            layer.left = left.to_vec().into();
            layer.right = right.to_vec().into();
        }
        self.transcript
            .challenge_scalar(labels::GRAND_PRODUCT_LAYER_CHALLENGE)
    }
}

/// Proves the products and sums of fractions of `inputs` (each of a power-of-two length;
/// lengths may differ; a computed input is read in blocks and never materialised).
///
/// Returns the proof, and for each input its point (of length `log2` of its length) and its
/// claims there, which the caller then proves with openings: `v(point)` for a product,
/// `p(point), q(point)` for fractions, `q(point)` for fractions of unit numerators.
#[tracing::instrument(skip_all, name = "grand product", fields(products = inputs.len()))]
pub fn prove<'a, F: JoltField, I: Into<Input<'a, F>>>(
    inputs: Vec<I>,
    transcript: &mut Transcript,
) -> (GrandProductProof<F>, Vec<Vec<F>>, Vec<Vec<F>>) {
    let mut channel = Transparent {
        transcript,
        outputs: Vec::new(),
        layers: Vec::new(),
    };
    let (points, claims) = prove_with(inputs, &mut channel);
    let proof = GrandProductProof {
        outputs: channel.outputs.into(),
        layers: channel.layers.into(),
    };
    (proof, points, claims)
}

/// The GKR prover's layers, its messages sent to `channel`. Returns each input's point and
/// claims (see [`prove`]).
pub(super) fn prove_with<'a, F: JoltField, I: Into<Input<'a, F>>>(
    inputs: Vec<I>,
    channel: &mut impl Channel<F>,
) -> (Vec<Vec<F>>, Vec<Vec<F>>) {
    let inputs: Vec<Input<'a, F>> = inputs.into_iter().map(Into::into).collect();
    assert!(!inputs.is_empty(), "a GKR needs at least one vector");
    assert!(
        inputs.iter().all(|v| v.len().is_power_of_two()),
        "vector lengths must be powers of two"
    );
    assert!(
        inputs.iter().all(|v| match v {
            Input::Fraction {
                numerators: Some(p),
                denominators,
            } => p.len() == denominators.len(),
            _ => true,
        }),
        "numerators and denominators have the same length"
    );
    let depths: Vec<usize> = inputs
        .iter()
        .map(|v| v.len().trailing_zeros() as usize)
        .collect();
    let input_kinds: Vec<LayerKind> = inputs.iter().map(Source::kind).collect();
    let n = depths.iter().copied().max().unwrap_or(0);
    let k = inputs.len();

    let span = tracing::info_span!("building kept layers").entered();
    let mut all_layers: Vec<Layers<F>> = cfg_into_iter!(inputs).map(Layers::new).collect();
    drop(span);
    let outputs: Vec<Vec<F>> = all_layers.iter().map(Layers::output).collect();
    channel.outputs(&outputs);

    let mut point: Vec<F> = Vec::new();
    let mut claims = outputs;
    let mut points: Vec<Vec<F>> = vec![Vec::new(); k];
    for m in 0..n {
        // Phases of the profile: the sumcheck over the largest inputs, over the recomputed
        // layer, and over the kept layers.
        let _span = match n - m {
            1 => tracing::info_span!("input layer"),
            up if up <= 1 + RECOMPUTED => tracing::info_span!("recomputed layer"),
            _ => tracing::info_span!("kept layers"),
        }
        .entered();
        // Vectors of depth m are done: their claims are at the current point, and their
        // input and layers are freed.
        for (b, d) in depths.iter().enumerate() {
            if *d == m {
                points[b] = point.clone();
                all_layers[b].free();
            }
        }
        let active: Vec<usize> = (0..k).filter(|b| depths[*b] > m).collect();
        let widths: Vec<usize> = active.iter().map(|b| claims[*b].len()).collect();
        let lambda = channel.batching(&active, &widths);
        let claim: F = active
            .iter()
            .zip(&lambda)
            .map(|(b, l)| claims[*b].iter().zip(l).map(|(c, l)| *c * l).sum::<F>())
            .sum();
        let below: Vec<Layer<'_, F>> = all_layers
            .iter_mut()
            .zip(&depths)
            .filter(|(_, d)| **d > m)
            .map(|(layers, _)| layers.layer(m + 1))
            .collect();
        let below_refs: Vec<&dyn Source<F>> = below.iter().map(Layer::source).collect();
        let below_widths: Vec<usize> = below_refs.iter().map(|s| s.kind().width()).collect();
        let outcome = LayerSumcheck::new(point.clone(), lambda, below_refs, claim)
            .run(|q, rj| channel.round(q, rj));
        let (left, right, r) = (outcome.left, outcome.right, outcome.point);
        let mu = channel.layer_claims(&left, &right, &below_widths);
        for ((b, l), r) in active
            .iter()
            .zip(split_by(&left, &below_widths))
            .zip(split_by(&right, &below_widths))
        {
            claims[*b] = l.iter().zip(&r).map(|(l, r)| *l + mu * (*r - l)).collect();
        }
        point = std::iter::once(mu).chain(r).collect();
    }
    for (b, d) in depths.iter().enumerate() {
        if *d == n {
            points[b] = point.clone();
        }
    }
    // A unit fraction's numerator claim is 1 by construction: only its denominators' is
    // returned.
    for (claim, kind) in claims.iter_mut().zip(&input_kinds) {
        if *kind == LayerKind::UnitFraction && claim.len() == 2 {
            claim.remove(0);
        }
    }
    (points, claims)
}

/// `v` cut into consecutive pieces of the given lengths.
pub(super) fn split_by<F: Clone>(v: &[F], lengths: &[usize]) -> Vec<Vec<F>> {
    let mut offset = 0;
    lengths
        .iter()
        .map(|len| {
            let piece = v.get(offset..offset + len).unwrap_or_default().to_vec();
            offset += len;
            piece
        })
        .collect()
}
