//! No function in `src/` over 100 lines (the founders' bar, README "Layers"): counted from the
//! line of `fn` to the line of its closing brace, by a scan of the source that skips comments,
//! strings and character literals, so a brace in a string or a comment does not count.

use std::path::{Path, PathBuf};

/// The most lines a function may span, its `fn` line and closing brace included.
const MOST_LINES: usize = 100;

/// Every `.rs` file under `dir`, unit-test files included: a test is code to read too.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A function found by [`functions`]: its name, the line of its `fn` (from 1) and how many lines
/// it spans.
#[derive(Debug, PartialEq)]
struct Function {
    name: String,
    line: usize,
    lines: usize,
}

/// Where the scan stands in the text.
#[derive(Clone, Copy, PartialEq)]
enum In {
    Code,
    LineComment,
    /// A block comment, nested this deep.
    BlockComment(usize),
    Str,
    /// A raw string closed by `"` and this many `#`.
    RawStr(usize),
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every function with a body in `text` (declarations without one, `fn(u8)` types and closures
/// are not functions here), nested ones too.
fn functions(text: &str) -> Vec<Function> {
    let chars: Vec<char> = text.chars().collect();
    let (mut at, mut line, mut depth, mut brackets) = (0, 1, 0usize, 0usize);
    let mut state = In::Code;
    // A `fn` seen whose body has not opened yet: its name, its line, the brackets open there.
    let mut pending: Option<(String, usize, usize)> = None;
    // Open bodies: name, `fn` line, the depth inside the body.
    let mut open: Vec<(String, usize, usize)> = Vec::new();
    let mut found = Vec::new();
    while at < chars.len() {
        let c = chars[at];
        let next = chars.get(at + 1).copied().unwrap_or(' ');
        if c == '\n' {
            line += 1;
        }
        match state {
            In::LineComment if c == '\n' => state = In::Code,
            In::LineComment => {}
            In::BlockComment(n) if c == '*' && next == '/' => {
                state = if n == 1 {
                    In::Code
                } else {
                    In::BlockComment(n - 1)
                };
                at += 1;
            }
            In::BlockComment(n) if c == '/' && next == '*' => {
                state = In::BlockComment(n + 1);
                at += 1;
            }
            In::BlockComment(_) => {}
            In::Str if c == '\\' => at += usize::from(next != '\n'),
            In::Str if c == '"' => state = In::Code,
            In::Str => {}
            In::RawStr(hashes) => {
                let closes =
                    c == '"' && (1..=hashes).all(|k| chars.get(at + k).is_some_and(|&h| h == '#'));
                if closes {
                    state = In::Code;
                    at += hashes;
                }
            }
            In::Code => {
                let before = if at == 0 { ' ' } else { chars[at - 1] };
                let starts_word = !is_ident(before);
                if c == '/' && next == '/' {
                    state = In::LineComment;
                    at += 1;
                } else if c == '/' && next == '*' {
                    state = In::BlockComment(1);
                    at += 1;
                } else if c == '"' {
                    state = In::Str;
                } else if c == 'r' && (starts_word || before == 'b') && matches!(next, '"' | '#') {
                    let hashes = chars[at + 1..].iter().take_while(|&&h| h == '#').count();
                    if chars.get(at + 1 + hashes) == Some(&'"') {
                        state = In::RawStr(hashes);
                        at += 1 + hashes;
                    }
                } else if c == '\'' {
                    // A character literal ('x', '\n', '\u{7f}'); otherwise a lifetime.
                    if next == '\\' {
                        at += 2;
                        while at < chars.len() && chars[at] != '\'' {
                            at += 1;
                        }
                    } else if chars.get(at + 2) == Some(&'\'') {
                        at += 2;
                    }
                } else if c == 'f' && next == 'n' && starts_word {
                    let after = chars.get(at + 2).copied().unwrap_or(' ');
                    if after.is_whitespace() {
                        let name: String = chars[at + 2..]
                            .iter()
                            .skip_while(|c| c.is_whitespace())
                            .take_while(|&&c| is_ident(c))
                            .collect();
                        if !name.is_empty() {
                            pending = Some((name, line, brackets));
                        }
                    }
                } else if c == '(' || c == '[' {
                    brackets += 1;
                } else if c == ')' || c == ']' {
                    brackets = brackets.saturating_sub(1);
                } else if c == ';' && pending.as_ref().is_some_and(|p| p.2 == brackets) {
                    // `fn f();` in a trait or an extern block: no body (a `;` in `[u8; 4]` is
                    // inside brackets).
                    pending = None;
                } else if c == '{' {
                    depth += 1;
                    if let Some((name, first, _)) = pending.take() {
                        open.push((name, first, depth));
                    }
                } else if c == '}' {
                    if open.last().is_some_and(|o| o.2 == depth)
                        && let Some((name, first, _)) = open.pop()
                    {
                        found.push(Function {
                            name,
                            line: first,
                            lines: line - first + 1,
                        });
                    }
                    depth = depth.saturating_sub(1);
                }
            }
        }
        at += 1;
    }
    found
}

#[test]
fn no_function_in_src_spans_over_100_lines() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    assert!(files.len() > 150, "files not found: {}", files.len());
    let mut long = Vec::new();
    let mut counted = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for f in functions(&text) {
            counted += 1;
            if f.lines > MOST_LINES {
                let file = path.strip_prefix(&src).unwrap_or(&path).display();
                long.push(format!(
                    "src/{file}:{} {} ({} lines)",
                    f.line, f.name, f.lines
                ));
            }
        }
    }
    assert!(counted > 1000, "functions not found: {counted}");
    assert!(
        long.is_empty(),
        "functions over {MOST_LINES} lines (split them: a helper per step):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_scan_counts_from_fn_to_its_closing_brace() {
    let body = "    let x = 1;\n".repeat(100);
    let text = format!(
        "/// fn doc() {{\nfn short() -> &'static str {{\n    \"}}}}\"\n}}\n\
         pub(crate) fn long<'a>(s: &'a str) {{\n    let c = '{{';\n    let r = r#\"{{\"#;\n\
         /* }} /* }} */ */\n{body}    fn inner() {{}}\n}}\n\
         trait T {{\n    fn declared(&self, b: [u8; 2]);\n    fn given(&self) {{\n    }}\n}}\n\
         type F = fn(u8) -> u8;\nfn after() {{ let off = 0; }}\n"
    );
    let found = functions(&text);
    let spans: Vec<(&str, usize, usize)> = found
        .iter()
        .map(|f| (f.name.as_str(), f.line, f.lines))
        .collect();
    assert_eq!(
        spans,
        [
            ("short", 2, 3),
            ("inner", 109, 1),
            ("long", 5, 106),
            ("given", 113, 2),
            ("after", 117, 1),
        ]
    );
}
