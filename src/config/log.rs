//! The log filter `log.level` makes.

/// Libraries whose debug output drowns the bot's own: capped at info when
/// `log.level` asks for debug or trace everywhere, unless it names them.
const NOISY: [&str; 7] = ["serenity", "hyper", "hyper_util", "reqwest", "h2", "rustls", "tungstenite"];

/// The tracing filter for `log.level`: as written, with [`NOISY`] libraries
/// held at info under a global debug or trace.
pub fn log_filter(level: &str) -> String {
    let global_verbose = level
        .split(',')
        .map(str::trim)
        .any(|d| !d.contains('=') && matches!(d.to_ascii_lowercase().as_str(), "debug" | "trace"));
    if !global_verbose {
        return level.to_string();
    }
    let mut filter = level.to_string();
    for lib in NOISY.iter().filter(|lib| !level.contains(*lib)) {
        filter.push_str(&format!(",{lib}=info"));
    }
    filter
}
