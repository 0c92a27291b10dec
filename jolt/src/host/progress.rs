//! Progress on the terminal and a timing trace, for applications that ask for them.
//!
//! Building a guest, preprocessing, proving and verifying open a `tracing` span per phase and
//! sub-phase: `building guest`, `verifier key`, `prover key`, `commitment parameters`,
//! `prove` (with `shards`), `checkpoints`, `shard` (with its index), `trace`, `witness`,
//! `commitments` and one `commit` per batch, `spartan`, `surge`, `memory checking`,
//! `grand product`, `bytecode check`, `registers and RAM check`, `byte range check`,
//! `I/O check`, `opening proof`, `verify`, `verify shard`. Without a subscriber a span costs
//! a check and prints nothing, so a library using this crate stays quiet.
//!
//! One line opts in:
//! ```no_run
//! # fn main() -> Result<(), jolt::host::progress::ReportError> {
//! let _report = jolt::host::progress::show()?;
//! # Ok(()) }
//! ```
//! While the returned [`Report`] lives, stderr shows a live line per running phase (a
//! spinner, the phase and its elapsed time; a bar counting the shards of a sharded proof or
//! verification), and each finished top-level phase leaves one line with its time. Nothing is
//! drawn when stderr is not a terminal. When the environment variable [`TRACE_ENV`]
//! (`JOLT_TRACE`) names a file, every phase is also written there as a Chrome trace, complete
//! when the [`Report`] is dropped: open it in `chrome://tracing` or <https://ui.perfetto.dev>.
//! [`Reporter`] chooses each part explicitly; [`ProgressLayer`] adds the progress lines to an
//! application's own subscriber.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// The environment variable naming the Chrome trace file [`show`] writes.
pub const TRACE_ENV: &str = "JOLT_TRACE";

/// Why progress or the trace could not be set up.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The trace file cannot be created.
    #[error("cannot create the trace file {path}: {reason}")]
    TraceFile {
        /// The file.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// The process already has a global `tracing` subscriber.
    #[error(
        "a tracing subscriber is already installed in this process: add \
         `jolt::host::progress::ProgressLayer::stderr()` (and a Chrome layer for a trace) to it \
         instead"
    )]
    AlreadyInstalled,
}

/// Shows progress on stderr and, if [`TRACE_ENV`] names a file, writes a Chrome trace there.
/// Keep the returned [`Report`] alive for as long as progress should show.
pub fn show() -> Result<Report, ReportError> {
    Reporter::new().progress(true).trace_from_env().install()
}

/// What to report: progress lines on stderr, a Chrome trace file, both or neither.
#[derive(Clone, Debug, Default)]
pub struct Reporter {
    progress: bool,
    trace: Option<PathBuf>,
}

impl Reporter {
    /// Reports nothing until told what.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether to draw progress lines on stderr (never drawn when stderr is not a terminal).
    pub fn progress(mut self, on: bool) -> Self {
        self.progress = on;
        self
    }

    /// Writes a Chrome trace of every phase to `path`.
    pub fn trace(mut self, path: impl Into<PathBuf>) -> Self {
        self.trace = Some(path.into());
        self
    }

    /// Writes a Chrome trace to the file [`TRACE_ENV`] names, if it is set and not empty.
    pub fn trace_from_env(self) -> Self {
        match std::env::var_os(TRACE_ENV) {
            Some(path) if !path.is_empty() => self.trace(path),
            _ => self,
        }
    }

    /// Installs the process-wide subscriber. Fails if the trace file cannot be created or a
    /// global subscriber is already installed.
    pub fn install(self) -> Result<Report, ReportError> {
        if !self.progress && self.trace.is_none() {
            return Ok(Report { chrome: None });
        }
        // Checked before the trace file is created, which would truncate an existing trace.
        if tracing::dispatcher::has_been_set() {
            return Err(ReportError::AlreadyInstalled);
        }
        let (chrome, guard) = match &self.trace {
            Some(path) => {
                let file = std::fs::File::create(path).map_err(|e| ReportError::TraceFile {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                })?;
                let (layer, guard) = tracing_chrome::ChromeLayerBuilder::new()
                    .writer(file)
                    .include_args(true)
                    .build();
                (Some(layer), Some(guard))
            }
            None => (None, None),
        };
        let progress = self.progress.then(ProgressLayer::stderr);
        let subscriber = tracing_subscriber::registry().with(progress).with(chrome);
        tracing::subscriber::set_global_default(subscriber)
            .map_err(|_| ReportError::AlreadyInstalled)?;
        Ok(Report { chrome: guard })
    }
}

/// Keeps reporting on; dropping it completes the trace file.
#[must_use = "the trace file is complete only when the report is dropped"]
pub struct Report {
    chrome: Option<tracing_chrome::FlushGuard>,
}

impl std::fmt::Debug for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Report")
            .field("trace", &self.chrome.is_some())
            .finish()
    }
}

/// A `tracing` layer drawing a line per running phase of this crate and `jolt_core` (spans
/// at `INFO` or above whose target starts with `jolt`): a spinner, the phase with its fields
/// and its elapsed time, indented under the phase it belongs to. A phase with a `shards`
/// field is a bar advanced by each child phase with a `shard` field. A finished top-level
/// phase leaves one line, `✓ <phase> <seconds>`.
pub struct ProgressLayer {
    bars: MultiProgress,
}

impl ProgressLayer {
    /// Draws on stderr, or nowhere when stderr is not a terminal.
    pub fn stderr() -> Self {
        Self::with_target(ProgressDrawTarget::stderr())
    }

    /// Draws on `target`.
    pub fn with_target(target: ProgressDrawTarget) -> Self {
        Self {
            bars: MultiProgress::with_draw_target(target),
        }
    }
}

fn shown(metadata: &Metadata) -> bool {
    metadata.is_span() && *metadata.level() <= Level::INFO && metadata.target().starts_with("jolt")
}

/// Seconds with one decimal, for the templates' `{secs}`.
fn seconds(state: &ProgressState, w: &mut dyn std::fmt::Write) {
    let _ = write!(w, "{:.1}s", state.elapsed().as_secs_f64());
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{prefix}{spinner:.cyan} {msg} {secs:.dim}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        .with_key("secs", seconds)
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{prefix}{spinner:.cyan} {msg} [{bar:24.cyan/blue}] {pos}/{len} {secs:.dim}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .with_key("secs", seconds)
    .progress_chars("=> ")
}

/// A span's fields as shown: numbers as `name=value`, text (and anything recorded with `%` or
/// `?`) bare; `shards` (shown by the bar) and whether a `shard` field is present are kept
/// apart.
#[derive(Default)]
struct Fields {
    shown: Vec<(&'static str, String)>,
    shards: Option<u64>,
    is_shard: bool,
}

impl Fields {
    fn set(&mut self, name: &'static str, value: String) {
        match self.shown.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.shown.push((name, value)),
        }
    }

    fn label(&self, name: &str) -> String {
        let mut label = name.to_string();
        for (_, value) in &self.shown {
            label.push(' ');
            label.push_str(value);
        }
        label
    }
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.set(field.name(), value.to_string());
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        match field.name() {
            "shards" => self.shards = Some(value),
            "shard" => {
                self.is_shard = true;
                self.set(field.name(), format!("{}={value}", field.name()));
            }
            _ => self.set(field.name(), format!("{}={value}", field.name())),
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "shard" {
            self.is_shard = true;
        }
        self.set(field.name(), format!("{value:?}"));
    }
}

/// The line of one running phase (kept in the span's extensions).
struct Line {
    bar: ProgressBar,
    name: &'static str,
    fields: Fields,
    depth: usize,
}

impl Line {
    /// Turns the spinner into a bar once the number of shards is known.
    fn update(&self) {
        if let Some(shards) = self.fields.shards {
            if self.bar.length() != Some(shards) {
                self.bar.set_style(bar_style());
                self.bar.set_length(shards);
            }
        }
        self.bar.set_message(self.fields.label(self.name));
    }
}

impl<S> Layer<S> for ProgressLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if self.bars.is_hidden() || !shown(attrs.metadata()) {
            return;
        }
        let Some(span) = ctx.span(id) else { return };
        let depth = span
            .scope()
            .skip(1)
            .find_map(|s| s.extensions().get::<Line>().map(|l| l.depth + 1))
            .unwrap_or(0);
        let mut fields = Fields::default();
        attrs.record(&mut fields);
        let bar = self.bars.add(
            ProgressBar::no_length()
                .with_style(spinner_style())
                .with_prefix("  ".repeat(depth)),
        );
        bar.enable_steady_tick(Duration::from_millis(100));
        let line = Line {
            bar,
            name: attrs.metadata().name(),
            fields,
            depth,
        };
        line.update();
        span.extensions_mut().insert(line);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut extensions = span.extensions_mut();
        if let Some(line) = extensions.get_mut::<Line>() {
            values.record(&mut line.fields);
            line.update();
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(&id) else { return };
        let Some(line) = span.extensions_mut().remove::<Line>() else {
            return;
        };
        if line.fields.is_shard {
            let parent = span.parent();
            if let Some(parent_line) = parent.as_ref().and_then(|p| {
                p.extensions()
                    .get::<Line>()
                    .map(|l| (l.fields.shards, l.bar.clone()))
            }) {
                if parent_line.0.is_some() {
                    parent_line.1.inc(1);
                }
            }
        }
        line.bar.finish_and_clear();
        self.bars.remove(&line.bar);
        if line.depth == 0 {
            let mut done = format!("✓ {}", line.fields.label(line.name));
            if let Some(shards) = line.fields.shards {
                let _ = write!(done, " ({}/{shards} shards)", line.bar.position());
            }
            let _ = write!(done, " {:.2}s", line.bar.elapsed().as_secs_f64());
            let _ = self.bars.println(done);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::TermLike;
    use std::sync::{Arc, Mutex};

    /// A terminal that keeps every line written to it.
    #[derive(Clone, Debug, Default)]
    struct Recorder(Arc<Mutex<Vec<String>>>);

    impl Recorder {
        fn lines(&self) -> Vec<String> {
            self.0.lock().unwrap().clone()
        }
    }

    impl TermLike for Recorder {
        fn width(&self) -> u16 {
            120
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push(s.to_string());
            Ok(())
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push(s.to_string());
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Runs `f` with a progress layer drawing to a recorder; returns the finished lines.
    fn finished_lines(f: impl FnOnce()) -> Vec<String> {
        let term = Recorder::default();
        let layer =
            ProgressLayer::with_target(ProgressDrawTarget::term_like(Box::new(term.clone())));
        let subscriber = tracing_subscriber::registry().with(layer);
        tracing::subscriber::with_default(subscriber, f);
        term.lines()
            .into_iter()
            .filter(|l| l.starts_with('✓'))
            .collect()
    }

    #[test]
    fn a_finished_top_level_phase_leaves_one_line_with_its_fields_and_time() {
        let lines = finished_lines(|| {
            let _build =
                tracing::info_span!(target: "jolt::test", "building guest", package = "fib")
                    .entered();
            let _inner = tracing::info_span!(target: "jolt::test", "inner").entered();
        });
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("✓ building guest fib "), "{lines:?}");
        assert!(lines[0].ends_with('s'), "{lines:?}");
    }

    #[test]
    fn a_sharded_phase_counts_its_shards() {
        let lines = finished_lines(|| {
            let prove = tracing::info_span!(
                target: "jolt::test",
                "prove",
                shards = tracing::field::Empty
            );
            let _prove = prove.enter();
            prove.record("shards", 3u64);
            let _checkpoints = tracing::info_span!(target: "jolt::test", "checkpoints").entered();
            drop(_checkpoints);
            for shard in 0..3u64 {
                let _shard = tracing::info_span!(target: "jolt::test", "shard", shard).entered();
            }
        });
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("✓ prove (3/3 shards) "), "{lines:?}");
    }

    #[test]
    fn other_crates_spans_and_debug_spans_are_not_shown() {
        let lines = finished_lines(|| {
            let _app = tracing::info_span!(target: "my_app", "load").entered();
            let _debug = tracing::debug_span!(target: "jolt::test", "detail").entered();
        });
        assert!(lines.is_empty(), "{lines:?}");
    }
}
