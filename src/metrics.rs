//! What an operator's monitoring scrapes: counters and timings in
//! Prometheus's text format, served as `GET /metrics` on `web.listen`.
//!
//! Each app owns its recorder (the `metrics` crate's Prometheus exporter,
//! used directly and never installed as the process-wide recorder), so two
//! bots in one process, as in the tests, count apart.

use ::metrics::{Counter, Key, Label, Level, Metadata, Recorder};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle, PrometheusRecorder};

static META: Metadata<'static> = Metadata::new("quizmaster", Level::INFO, Some(module_path!()));

pub struct Metrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
    answers: Counter,
    /// Samples recorded since the histograms were last folded into their
    /// summaries (they are kept until then, scraped or not).
    samples: std::sync::atomic::AtomicU32,
}

/// Fold the histograms' samples after this many.
const UPKEEP_EVERY: u32 = 1024;

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        let answers = recorder.register_counter(&Key::from_name("quizmaster_answers_recorded_total"), &META);
        for (name, help) in [
            ("quizmaster_answers_recorded_total", "Daily answers recorded (committed rows)."),
            ("quizmaster_commands_total", "Commands handled, by kind and outcome."),
            ("quizmaster_writer_group_size", "Answers committed together in one transaction."),
            ("quizmaster_writer_queue_depth", "Jobs the database writer found waiting when it last looked."),
            ("quizmaster_reveal_seconds", "Time to settle and reveal a daily question."),
            ("quizmaster_deliveries_total", "Questions and reveals sent, by platform and outcome."),
            ("quizmaster_rate_limited_total", "Commands refused by the per-user rate limit, by platform."),
        ] {
            recorder.describe_counter(name.into(), None, help.into());
        }
        Metrics { recorder, handle, answers, samples: std::sync::atomic::AtomicU32::new(0) }
    }

    fn counter(&self, name: &'static str, labels: Vec<Label>) -> Counter {
        self.recorder.register_counter(&Key::from_parts(name, labels), &META)
    }

    /// A command handled: its kind (`play`, `answer`, `admin`, …) and outcome
    /// (`ok`, `error`, `refused`).
    pub fn command(&self, kind: &'static str, outcome: &'static str) {
        self.counter("quizmaster_commands_total", vec![Label::new("kind", kind), Label::new("outcome", outcome)])
            .increment(1);
    }

    /// Daily answers committed as new rows.
    pub fn answers_recorded(&self, n: u64) {
        self.answers.increment(n);
    }

    /// A group commit of `size` answers.
    pub fn writer_group(&self, size: usize) {
        let group = self.recorder.register_histogram(&Key::from_name("quizmaster_writer_group_size"), &META);
        group.record(size as f64);
        self.sampled();
    }

    /// Keeps the histograms' memory bounded when nobody scrapes.
    fn sampled(&self) {
        if self.samples.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % UPKEEP_EVERY == UPKEEP_EVERY - 1 {
            self.handle.run_upkeep();
        }
    }

    /// How many jobs the writer found waiting when it looked.
    pub fn writer_queue(&self, depth: usize) {
        let gauge = self.recorder.register_gauge(&Key::from_name("quizmaster_writer_queue_depth"), &META);
        gauge.set(depth as f64);
    }

    /// How long a reveal took, from closing to its last settling step.
    pub fn reveal(&self, seconds: f64) {
        self.recorder.register_histogram(&Key::from_name("quizmaster_reveal_seconds"), &META).record(seconds);
        self.sampled();
    }

    /// A send of a question or reveal and how it went (`sent`, `retry`,
    /// `given_up`, `blocked`).
    pub fn delivery(&self, platform: &'static str, outcome: &'static str) {
        let labels = vec![Label::new("platform", platform), Label::new("outcome", outcome)];
        self.counter("quizmaster_deliveries_total", labels).increment(1);
    }

    /// A command refused by the per-user limit.
    pub fn rate_limited(&self, platform: &'static str) {
        self.counter("quizmaster_rate_limited_total", vec![Label::new("platform", platform)]).increment(1);
    }

    /// Everything, in Prometheus's text exposition format.
    pub fn render(&self) -> String {
        self.handle.render()
    }
}
