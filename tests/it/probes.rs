//! The grader against answers engineers type: `tests/it/probes/*.toml` hold
//! about a thousand answers to the bundled bank's typed items, each with the
//! verdict a fair senior engineer marking by hand gives, and why. Written
//! from how people answer, not from the items' own lists.
//!
//! The grader must agree on at least 95% of them and never accept an answer
//! the marker refused (an opposite, a different real term, a hedge).

use std::path::Path;

use quizmaster::content::{Bank, ItemKind};
use quizmaster::quiz::grading::explain;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    probe: Vec<Probe>,
}

#[derive(Deserialize)]
struct Probe {
    item: String,
    answer: String,
    right: bool,
    why: String,
}

fn probes() -> Vec<(String, Probe)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/probes");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("probe folder").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .flat_map(|path| {
            let text = std::fs::read_to_string(&path).expect("probe file");
            let name = path.file_name().expect("name").to_string_lossy().to_string();
            let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            file.probe.into_iter().map(move |p| (name.clone(), p))
        })
        .collect()
}

#[test]
fn the_grader_agrees_with_a_human_marker_on_the_probe_set() {
    let bank = Bank::from_sources(&Bank::bundled_sources()).expect("bundled bank");
    let probes = probes();
    assert!(probes.len() >= 300, "{} probes", probes.len());
    let mut agreed = 0;
    let mut per_file: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut false_accepts = Vec::new();
    let mut false_refusals = Vec::new();
    for (file, p) in &probes {
        let item = bank.get(&p.item).unwrap_or_else(|| panic!("{file}: no item `{}`", p.item));
        assert!(matches!(item.kind, ItemKind::Text { .. }), "{file}: `{}` is not a typed item", p.item);
        assert!(!p.why.trim().is_empty(), "{file}: {:?} says why", p.answer);
        let verdict = explain(&item.kind, &item.prompt, &p.answer, bank.glossary());
        let correct = verdict.as_ref().is_ok_and(|g| g.correct);
        let line = format!(
            "{} {:?}: marker {}, grader {} ({}); {}",
            p.item,
            p.answer,
            if p.right { "right" } else { "wrong" },
            if correct { "right" } else { "wrong" },
            verdict.map_or_else(|e| e.to_string(), |g| g.to_string()),
            p.why
        );
        let tally = per_file.entry(file.as_str()).or_default();
        tally.1 += 1;
        match (p.right, correct) {
            (a, b) if a == b => {
                agreed += 1;
                tally.0 += 1;
            }
            (false, true) => false_accepts.push(line),
            _ => false_refusals.push(line),
        }
    }
    let share = agreed as f64 / probes.len() as f64;
    println!(
        "grader probes: {agreed} of {} agree ({:.1}%), {} false accepts, {} false refusals",
        probes.len(),
        share * 100.0,
        false_accepts.len(),
        false_refusals.len()
    );
    for (file, (agree, all)) in &per_file {
        println!("  {file}: {agree} of {all} ({:.1}%)", *agree as f64 * 100.0 / *all as f64);
    }
    for line in &false_refusals {
        println!("  refused: {line}");
    }
    assert!(false_accepts.is_empty(), "the grader accepted answers a marker refuses:\n{}", false_accepts.join("\n"));
    assert!(share >= 0.95, "{:.1}% agree; the refusals:\n{}", share * 100.0, false_refusals.join("\n"));
}
