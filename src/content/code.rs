//! Code in questions. A prompt may hold fenced blocks (a line of three
//! backticks with an optional language, the code, a closing line of three
//! backticks); a prompt, option or explanation may hold `inline code` in
//! single backticks. Every platform shows the blocks its own way (Discord and
//! Slack as code blocks, the web page as `<pre><code>`, the console indented)
//! through [`split`] and [`spans`], so the pack text is written once.

/// The fence that opens and closes a block.
pub const FENCE: &str = "```";

/// A piece of a prompt: prose, or a fenced code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Prose(String),
    Code { lang: Option<String>, code: String },
}

/// A piece of one line of prose: text, or inline code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Code(&'a str),
}

/// Languages a fence may name (what readers' highlighters know).
pub const LANGUAGES: &[&str] = &[
    "sql",
    "http",
    "sh",
    "bash",
    "console",
    "dockerfile",
    "yaml",
    "json",
    "text",
    "python",
    "go",
    "javascript",
    "typescript",
    "java",
    "rust",
    "toml",
    "nginx",
    "hcl",
    "ini",
    "xml",
    "html",
    "diff",
    "csharp",
    "kotlin",
    "ruby",
    "graphql",
    "proto",
];

/// A text cut into prose and code blocks, in order. Blank lines around each
/// block are dropped; an unclosed fence runs to the end (see [`check`]).
pub fn split(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut prose: Vec<&str> = Vec::new();
    let mut code: Option<(Option<String>, Vec<&str>)> = None;
    for line in text.lines() {
        match &mut code {
            Some((_, lines)) if line.trim() != FENCE => lines.push(line),
            Some(_) => {
                let (lang, lines) = code.take().unwrap_or_default();
                out.push(Block::Code { lang, code: lines.join("\n") });
            }
            None => match line.trim_start().strip_prefix(FENCE) {
                Some(lang) => {
                    push_prose(&mut out, &mut prose);
                    let lang = lang.trim();
                    code = Some(((!lang.is_empty()).then(|| lang.to_string()), Vec::new()));
                }
                None => prose.push(line),
            },
        }
    }
    if let Some((lang, lines)) = code {
        out.push(Block::Code { lang, code: lines.join("\n") });
    }
    push_prose(&mut out, &mut prose);
    out
}

fn push_prose(out: &mut Vec<Block>, lines: &mut Vec<&str>) {
    let text = lines.join("\n");
    let text = text.trim_matches('\n').trim_end();
    if !text.trim().is_empty() {
        out.push(Block::Prose(text.to_string()));
    }
    lines.clear();
}

/// One line of prose cut at its backticks. An odd backtick out is text.
pub fn spans(line: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let Some(len) = rest[start + 1..].find('`') else { break };
        if start > 0 {
            out.push(Span::Text(&rest[..start]));
        }
        out.push(Span::Code(&rest[start + 1..start + 1 + len]));
        rest = &rest[start + 2 + len..];
    }
    if !rest.is_empty() {
        out.push(Span::Text(rest));
    }
    out
}

/// Whether a text shows code: a fenced block or inline code.
pub fn has_code(text: &str) -> bool {
    split(text).iter().any(|b| match b {
        Block::Code { .. } => true,
        Block::Prose(p) => p.lines().any(|l| spans(l).iter().any(|s| matches!(s, Span::Code(_)))),
    })
}

/// What is wrong with the code in a field, if anything: an unclosed fence,
/// a fence where blocks are not allowed, an unknown language, a stray
/// backtick, or a block that would not fit a chat message.
pub fn check(text: &str, blocks_allowed: bool) -> Result<(), String> {
    let fences = text.lines().filter(|l| l.trim_start().starts_with(FENCE)).count();
    if fences > 0 && !blocks_allowed {
        return Err("a code block (```) is allowed only in a prompt; use `inline code` here".into());
    }
    if fences % 2 == 1 {
        return Err("a code block is opened with ``` and never closed".into());
    }
    for block in split(text) {
        match block {
            Block::Code { lang, code } => {
                if let Some(lang) = lang.filter(|l| !LANGUAGES.contains(&l.as_str())) {
                    return Err(format!("code block language `{lang}` is not one of: {}", LANGUAGES.join(", ")));
                }
                if code.trim().is_empty() {
                    return Err("a code block is empty".into());
                }
                if code.contains(FENCE) {
                    return Err("a code block holds ``` inside it".into());
                }
                let lines = code.lines().count();
                if lines > MAX_CODE_LINES {
                    return Err(format!("a code block has {lines} lines; at most {MAX_CODE_LINES} fit a chat message"));
                }
            }
            Block::Prose(p) => {
                if let Some(line) = p.lines().find(|l| l.matches('`').count() % 2 == 1) {
                    return Err(format!("unpaired ` in \"{line}\": inline code needs a backtick on both sides"));
                }
            }
        }
    }
    Ok(())
}

/// The most lines a code block may have.
pub const MAX_CODE_LINES: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    const PROMPT: &str = "This query is slow:\n\n```sql\nSELECT *\n  FROM orders;\n```\n\nWhy is `SELECT *` costly?";

    #[test]
    fn a_prompt_splits_into_prose_and_code_with_indentation_kept() {
        assert_eq!(
            split(PROMPT),
            vec![
                Block::Prose("This query is slow:".into()),
                Block::Code { lang: Some("sql".into()), code: "SELECT *\n  FROM orders;".into() },
                Block::Prose("Why is `SELECT *` costly?".into()),
            ]
        );
        assert_eq!(split("plain"), vec![Block::Prose("plain".into())]);
        assert!(has_code(PROMPT) && has_code("run `ls -la`") && !has_code("no code here"));
    }

    #[test]
    fn spans_cut_inline_code_and_leave_a_stray_backtick_as_text() {
        assert_eq!(
            spans("use `GET` or `HEAD`"),
            vec![Span::Text("use "), Span::Code("GET"), Span::Text(" or "), Span::Code("HEAD")]
        );
        assert_eq!(spans("a ` b"), vec![Span::Text("a ` b")]);
    }

    #[test]
    fn check_names_each_problem() {
        assert_eq!(check(PROMPT, true), Ok(()));
        assert!(check(PROMPT, false).unwrap_err().contains("only in a prompt"));
        assert!(check("```sql\nSELECT 1;", true).unwrap_err().contains("never closed"));
        assert!(check("```cobol\nMOVE A TO B.\n```", true).unwrap_err().contains("`cobol`"));
        assert!(check("```\n\n```", true).unwrap_err().contains("empty"));
        assert!(check("the `x", true).unwrap_err().contains("unpaired"));
        let long = format!("```text\n{}\n```", vec!["line"; 17].join("\n"));
        assert!(check(&long, true).unwrap_err().contains("17 lines"));
    }
}
