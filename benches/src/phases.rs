//! Per-phase profile of one proof: the prover's `tracing` spans under `prove segment`, with the
//! wall time of each span (summed over its instances) and, for the top-level phases, the peak
//! resident memory while the phase ran.
//!
//! Peak memory per phase: entering a top-level phase resets the kernel's high-water mark
//! (`/proc/self/clear_refs`, value 5) to the current resident set, and leaving it reads
//! `VmHWM`. Nested spans are timed only.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tracing::span::{Attributes, Id};
use tracing::Subscriber;
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::registry::LookupSpan;

/// The span every phase is nested in.
/// The spans whose children are the phases: a transparent and a zero-knowledge proof.
const ROOTS: [&str; 2] = ["prove segment", "prove zk witness"];
/// Deepest level (children of [`ROOTS`] are level 1) that is recorded.
const MAX_DEPTH: usize = 4;

/// One phase's totals.
#[derive(Clone, Debug, Default)]
pub struct Phase {
    /// Wall time summed over the span's instances.
    pub seconds: f64,
    /// Peak resident memory while it ran (top-level phases only).
    pub peak_mb: Option<f64>,
    /// Order of first entry.
    pub order: usize,
}

/// The recorded phases, by path (`"surge/grand product"`).
pub type Phases = Arc<Mutex<BTreeMap<String, Phase>>>;

/// A `tracing` layer recording [`Phases`].
pub struct PhaseLayer {
    phases: Phases,
}

/// What the layer keeps on a span while it is open.
struct Open {
    path: String,
    depth: usize,
    entered: Option<Instant>,
}

impl PhaseLayer {
    /// A layer and the handle to read its phases from.
    pub fn new() -> (Self, Phases) {
        let phases = Phases::default();
        (
            Self {
                phases: phases.clone(),
            },
            phases,
        )
    }
}

/// The span's label: its name, with the `batch` field of commitment spans.
struct Label(String);

impl tracing::field::Visit for Label {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "batch" {
            self.0 = format!("{} {value}", self.0);
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "batch" {
            self.0 = format!("{} {value:?}", self.0).replace('"', "");
        }
    }
}

fn reset_peak() {
    // Without the file (not Linux) the peaks are the process's.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

impl<S> Layer<S> for PhaseLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut label = Label(attrs.metadata().name().to_string());
        attrs.record(&mut label);
        let parent = span.parent();
        let open = match parent {
            _ if ROOTS.contains(&label.0.as_str()) => Some(Open {
                path: String::new(),
                depth: 0,
                entered: None,
            }),
            Some(parent) => parent.extensions().get::<Open>().and_then(|p| {
                (p.depth < MAX_DEPTH).then(|| Open {
                    path: if p.path.is_empty() {
                        label.0.clone()
                    } else {
                        format!("{}/{}", p.path, label.0)
                    },
                    depth: p.depth + 1,
                    entered: None,
                })
            }),
            None => None,
        };
        if let Some(open) = open {
            span.extensions_mut().insert(open);
        }
    }

    fn on_enter(&self, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut ext = span.extensions_mut();
        if let Some(open) = ext.get_mut::<Open>() {
            if open.depth == 0 {
                return;
            }
            let mut phases = self
                .phases
                .lock()
                .expect("no panics while holding the lock");
            let order = phases.len();
            phases.entry(open.path.clone()).or_insert(Phase {
                order,
                ..Phase::default()
            });
            drop(phases);
            if open.depth == 1 {
                reset_peak();
            }
            open.entered = Some(Instant::now());
        }
    }

    fn on_exit(&self, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut ext = span.extensions_mut();
        let Some(open) = ext.get_mut::<Open>() else {
            return;
        };
        let (Some(entered), true) = (open.entered.take(), open.depth > 0) else {
            return;
        };
        let mut phases = self
            .phases
            .lock()
            .expect("no panics while holding the lock");
        let Some(phase) = phases.get_mut(&open.path) else {
            return;
        };
        phase.seconds += entered.elapsed().as_secs_f64();
        if open.depth == 1 {
            let peak = crate::peak_rss_mb();
            phase.peak_mb = Some(phase.peak_mb.map_or(peak, |p: f64| p.max(peak)));
        }
    }
}

/// The highest of the phases' peaks: the process's own high-water mark no longer covers them
/// once a phase has reset it.
pub fn max_peak_mb(phases: &Phases) -> f64 {
    let phases = phases.lock().expect("no panics while holding the lock");
    phases
        .values()
        .filter_map(|p| p.peak_mb)
        .fold(0.0, f64::max)
}

/// The phases as JSON, in order of first entry: `[{"phase", "s", "peak_mb"}]`.
pub fn to_json(phases: &Phases) -> serde_json::Value {
    let phases = phases.lock().expect("no panics while holding the lock");
    let mut list: Vec<_> = phases.iter().collect();
    list.sort_by_key(|(_, p)| p.order);
    list.into_iter()
        .map(|(path, p)| {
            let mut entry =
                serde_json::json!({ "phase": path, "s": (p.seconds * 1e3).round() / 1e3 });
            if let Some(mb) = p.peak_mb {
                entry["peak_mb"] = serde_json::json!(mb.round());
            }
            entry
        })
        .collect()
}
