//! The README and docs/: every relative link resolves to a file of the
//! repository, and every `#anchor` to a heading of its page (GitHub's
//! slugs); the README stays a two-minute read.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md"), root().join("BENCHMARKS.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// Link targets in a page: Markdown `](target)` and HTML `src="…"`/`href="…"`,
/// outside fenced code blocks.
fn targets(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let end = after.find(')').unwrap_or(after.len());
            out.push(after[..end].split_whitespace().next().unwrap_or("").to_string());
            rest = &after[end..];
        }
        for attr in ["src=\"", "href=\""] {
            let mut rest = line;
            while let Some(i) = rest.find(attr) {
                let after = &rest[i + attr.len()..];
                let end = after.find('"').unwrap_or(after.len());
                out.push(after[..end].to_string());
                rest = &after[end..];
            }
        }
    }
    out
}

/// GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as dashes.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(page: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(page).unwrap_or_default();
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            out.push(slug(line.trim_start_matches('#')));
        }
    }
    out
}

#[test]
fn every_relative_link_in_the_readme_and_docs_resolves() {
    let mut checked = 0;
    let mut broken = Vec::new();
    for page in pages() {
        let text = std::fs::read_to_string(&page).expect("page");
        for target in targets(&text) {
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let path = if file.is_empty() { page.clone() } else { page.parent().expect("folder").join(file) };
            checked += 1;
            if !path.exists() {
                broken.push(format!("{}: {target} (no such file)", page.display()));
            } else if !anchor.is_empty()
                && path.extension().is_some_and(|x| x == "md")
                && !anchors(&path).contains(&anchor.to_string())
            {
                broken.push(format!("{}: {target} (no such heading)", page.display()));
            }
        }
    }
    assert!(checked >= 40, "only {checked} links found: is the parser still reading them?");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_readme_is_a_two_minute_read_with_its_two_commands() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    assert!(readme.len() <= 10_000, "README is {} bytes", readme.len());
    assert!(readme.contains("cargo run --release") && readme.contains("cargo test"), "the two commands");
    for page in ["players", "admins", "operators", "content", "contributors", "architecture", "testing"] {
        assert!(readme.contains(&format!("docs/{page}.md")), "the README links docs/{page}.md");
    }
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(ci.lines().any(|l| l.trim() == "cargo test"), "CI runs the README's test command");
}

/// Two manifests, one a setup: the Socket Mode one has no URL to fill in
/// (a newcomer pastes it as it is), the HTTPS one names every endpoint the
/// bot serves, on one placeholder host.
#[test]
fn the_slack_manifests_fit_their_setups() {
    let read = |name: &str| std::fs::read_to_string(root().join("deploy").join(name)).expect(name);
    let socket = read("slack-manifest-socket-mode.yml");
    assert!(socket.contains("socket_mode_enabled: true"));
    let urls = |text: &str| text.lines().filter(|l| !l.trim_start().starts_with('#') && l.contains("https://")).count();
    assert_eq!(urls(&socket), 0, "no URL outside comments:\n{socket}");
    let https = read("slack-manifest-https.yml");
    assert!(https.contains("socket_mode_enabled: false"));
    let router = std::fs::read_to_string(root().join("src/platform/slack/http.rs")).expect("router");
    for path in ["/slack/commands", "/slack/interactivity", "/slack/events", "/slack/oauth/callback"] {
        assert!(https.contains(&format!("https://quiz.example.com{path}")), "{path} in the HTTPS manifest");
        assert!(router.contains(&format!(".route(\"{path}\"")), "{path} is served");
    }
    assert_eq!(urls(&https), 4);
}

/// The command names in the first column of a page's command table: every
/// code span's first word after `prefix` (`/quiz ` or `/quiz admin `).
fn documented_commands(page: &str, prefix: &str) -> std::collections::BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(page)).expect(page);
    let section = text.split("\n## Commands\n").nth(1).expect("a Commands section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut out = std::collections::BTreeSet::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let first_cell = row.trim_start_matches('|').split(" | ").next().unwrap_or_default();
        for span in first_cell.split('`').skip(1).step_by(2) {
            if let Some(rest) = span.strip_prefix(prefix)
                && let Some(name) = rest.split_whitespace().next()
            {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// The players' and admins' command tables list exactly the command
/// table's entries, so a new subcommand cannot go undocumented.
#[test]
fn the_docs_list_exactly_the_commands_of_the_table() {
    use quizmaster::command::{Group, TABLE};
    let table = |group| TABLE.iter().filter(|s| s.group == group).map(|s| s.name.to_string()).collect();
    let players: std::collections::BTreeSet<String> = table(Group::Player);
    let admins: std::collections::BTreeSet<String> = table(Group::Admin);
    let mut documented = documented_commands("docs/players.md", "/quiz ");
    documented.remove("admin");
    assert_eq!(documented, players, "docs/players.md#commands against the command table");
    assert_eq!(documented_commands("docs/admins.md", "/quiz admin "), admins, "docs/admins.md#commands");
}

/// The layers of docs/architecture.md, top first: each row's modules.
fn layers() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(root().join("docs/architecture.md")).expect("architecture.md");
    let section = text.split("\n## Layers\n").nth(1).expect("a Layers section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| {
            l.split(" | ").nth(1).unwrap_or_default().trim_end_matches(" |").split(", ").map(str::to_string).collect()
        })
        .collect()
}

/// Every `crate::module` a source file names, outside comments.
fn imports(text: &str) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for part in line.split("crate::").skip(1) {
            let name: String =
                part.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit()).collect();
            if !name.is_empty() {
                // The msg! macro is exported at the crate's root; it is i18n's.
                out.insert(if name == "msg" { "i18n".to_string() } else { name });
            }
        }
    }
    out
}

/// The picture matches the code: a module uses only the layers below its own.
#[test]
fn every_module_uses_only_the_layers_below_it() {
    let layers = layers();
    assert!(layers.len() >= 8, "the Layers table of docs/architecture.md: {layers:?}");
    let layer_of = |m: &str| layers.iter().position(|row| row.iter().any(|n| n == m));
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(root().join("src")).unwrap().to_string_lossy().replace('\\', "/");
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            // The binary and the crate root sit above every layer; tests may reach across.
            if !rel.ends_with(".rs")
                || ["main.rs", "lib.rs"].contains(&rel.as_str())
                || name == "tests.rs"
                || name.ends_with("_tests.rs")
            {
                continue;
            }
            let module = rel.split(['/', '.']).next().unwrap().to_string();
            seen.insert(module.clone());
            let Some(own) = layer_of(&module) else {
                problems.push(format!("{rel}: module {module} is in no layer of docs/architecture.md"));
                continue;
            };
            let text = std::fs::read_to_string(&path).unwrap();
            for used in imports(&text) {
                match layer_of(&used) {
                    Some(l) if l > own || used == module => {}
                    Some(_) => problems.push(format!("{rel}: {module} uses {used}, which is not below it")),
                    None => problems.push(format!("{rel}: uses {used}, which is in no layer")),
                }
            }
        }
    }
    for row in &layers {
        for m in row {
            if !seen.contains(m) {
                problems.push(format!("docs/architecture.md names {m}, which is not a module of src/"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
