//! The layers, checked on the source: the domain and the app's update side (the model, the
//! screens, the views) touch no file, terminal, environment or process; only the runtime
//! (`tui/mod.rs`, `tui/terminal.rs`) does. The app never imports the CLI, the domain imports no
//! front end or store, and the model and the root router never call view code.

use std::path::{Path, PathBuf};

/// What only a runtime may use.
const IO: [&str; 16] = [
    "std::fs",
    "fs::",
    "File::",
    "OpenOptions",
    "stdin",
    "stdout()",
    "stderr()",
    "println!",
    "eprintln!",
    "print!(",
    "eprint!(",
    "std::env",
    "std::process",
    "crossterm::terminal",
    "crossterm::execute",
    "event::read",
];

/// The runtime: the one part of the app that performs effects.
const RUNTIME: [&str; 2] = ["src/tui/mod.rs", "src/tui/terminal.rs"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, without test-only folders.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                out.extend(sources(&path));
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// A file's code without its unit tests (a `#[cfg(test)]` item and everything after it) and
/// without comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let body = text.split("#[cfg(test)]").next().unwrap_or_default();
    body.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// (file, what) for every use of a forbidden word in the files under `dir`.
fn uses(dir: &str, words: &[&str], except: &[&str]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for path in sources(&root().join(dir)) {
        let name = relative(&path);
        if except.contains(&name.as_str()) {
            continue;
        }
        let code = code(&path);
        for word in words {
            if code.contains(word) {
                found.push((name.clone(), (*word).to_string()));
            }
        }
    }
    found
}

#[test]
fn the_domain_and_the_app_outside_its_runtime_touch_no_file_or_terminal() {
    assert_eq!(uses("src/domain", &IO, &[]), []);
    assert_eq!(uses("src/tui", &IO, &RUNTIME), []);
}

#[test]
fn the_app_never_imports_the_cli_and_the_domain_no_front_end() {
    assert_eq!(uses("src/tui", &["crate::cli"], &[]), []);
    assert_eq!(
        uses(
            "src/domain",
            &[
                "crate::cli",
                "crate::tui",
                "crate::plain",
                "crate::store",
                "ratatui",
                "crossterm"
            ],
            &[]
        ),
        []
    );
}

#[test]
fn the_scanner_sees_a_forbidden_word() {
    // The check is only as good as its scan: it must find the runtime's own file access.
    let runtime = uses("src/tui", &IO, &[]);
    assert!(
        runtime.iter().any(|(file, _)| file == "src/tui/mod.rs"),
        "{runtime:?}"
    );
}

/// The model, the messages, the key tables and the root router.
const MODEL: [&str; 6] = [
    "src/tui/app.rs",
    "src/tui/update.rs",
    "src/tui/msg.rs",
    "src/tui/keymap.rs",
    "src/tui/screen.rs",
    "src/tui/layout.rs",
];

#[test]
fn the_model_never_asks_the_view_and_the_view_never_updates() {
    // Layout flows back from the frame drawn (`Msg::Drawn`); nothing here lays out a screen.
    for file in MODEL {
        let code = code(&root().join(file));
        assert!(!code.contains("view::"), "{file} calls view code");
    }
    assert_eq!(uses("src/tui/view", &["update::", "tui::update"], &[]), []);
}

/// The model's modules: what every screen may import.
const SHARED_MODEL: [&str; 5] = [
    "src/tui/app.rs",
    "src/tui/msg.rs",
    "src/tui/keymap.rs",
    "src/tui/screen.rs",
    "src/tui/layout.rs",
];

/// Where screens live.
const SCREENS: [&str; 3] = ["src/tui/screens", "src/tui/wizard", "src/tui/respond"];

/// What names a screen module or the root.
const SCREEN_MODULES: [&str; 8] = [
    "screens::",
    "wizard::",
    "respond::",
    "root::",
    "update::",
    "mod screens",
    "mod wizard",
    "mod respond",
];

#[test]
fn the_model_imports_no_screen_and_screens_import_no_root() {
    // No cycle: the root imports the screens, the screens the model, the model nothing above it.
    for file in SHARED_MODEL {
        let code = code(&root().join(file));
        for word in SCREEN_MODULES {
            assert!(!code.contains(word), "{file} names {word}");
        }
    }
    for dir in SCREENS {
        assert_eq!(
            uses(dir, &["root::", "tui::update"], &[]),
            [],
            "a screen reaches the root"
        );
        // Screens open each other by request (`Effect::Open`), never by pushing on the stack.
        assert_eq!(
            uses(dir, &[".screens"], &[]),
            [],
            "a screen touches the stack"
        );
    }
}

#[test]
fn the_history_and_the_order_page_do_not_import_each_other() {
    let history = code(&root().join("src/tui/view/history.rs"));
    let page = code(&root().join("src/tui/view/order_page.rs"));
    assert!(
        !history.contains("order_page::"),
        "history imports the order page"
    );
    assert!(
        !page.contains("super::history::") && !page.contains("view::history::"),
        "the order page imports the history"
    );
}
