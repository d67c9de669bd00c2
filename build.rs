//! Embeds the bundled question packs (`content/*.toml`, and their
//! translations in `content/<tag>/*.toml`) and the message
//! catalogue (`locales/<tag>/*.ftl`) into the binary, so the bot runs from
//! anywhere with its bank and its words, while `content.dirs` can add more.
use std::{env, fs, path::Path, path::PathBuf};

fn main() {
    packs();
    locales();
}

/// The files in `dir` whose names end in `.ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The folders in `dir`, each named by a language tag, sorted: (tag, path).
fn language_folders(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut langs: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    langs.sort();
    langs
        .into_iter()
        .map(|lang| {
            println!("cargo:rerun-if-changed={}", lang.display());
            let tag = lang.file_name().and_then(|n| n.to_str()).expect("language folder names are UTF-8").to_string();
            (tag, lang)
        })
        .collect()
}

fn locales() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut out = String::from(
        "/// The message catalogue: (language tag, file name, Fluent text).\npub static LOCALES: &[(&str, &str, &str)] = &[\n",
    );
    for (tag, lang) in language_folders(&dir) {
        for path in files(&lang, "ftl") {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = path.file_name().and_then(|n| n.to_str()).expect("catalogue file names are UTF-8");
            out.push_str(&format!("    ({tag:?}, {name:?}, include_str!({:?})),\n", path.display().to_string()));
        }
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales.rs");
    fs::write(dest, out).expect("write locales.rs");
}

fn packs() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed={}", dir.display());
    // The packs, then each language folder's translations (`content/es-ES/`).
    let mut names: Vec<(String, PathBuf)> = Vec::new();
    for path in files(&dir, "toml") {
        let name = path.file_name().and_then(|n| n.to_str()).expect("pack file names are UTF-8").to_string();
        names.push((format!("content/{name}"), path));
    }
    for (tag, lang) in language_folders(&dir) {
        for path in files(&lang, "toml") {
            let name = path.file_name().and_then(|n| n.to_str()).expect("pack file names are UTF-8").to_string();
            names.push((format!("content/{tag}/{name}"), path));
        }
    }
    let mut out =
        String::from("/// The bundled packs: (file name, TOML text).\npub static BUNDLED: &[(&str, &str)] = &[\n");
    for (name, path) in &names {
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!("    ({name:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled_content.rs");
    fs::write(dest, out).expect("write bundled_content.rs");
}
