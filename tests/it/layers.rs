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

/// The domain's floors as `src/domain/mod.rs` declares them: each module under its
/// `// Floor N` heading.
fn domain_floors() -> Vec<(String, usize)> {
    let text = std::fs::read_to_string(root().join("src/domain/mod.rs")).unwrap_or_default();
    let mut floor = None;
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("// Floor ") {
            floor = rest.split(':').next().and_then(|n| n.trim().parse().ok());
        }
        let declared = line.trim_start_matches("pub ").strip_prefix("mod ");
        if let Some(name) = declared.and_then(|d| d.strip_suffix(';')) {
            let floor = floor.unwrap_or_else(|| panic!("mod {name} is under no floor heading"));
            out.push((name.to_string(), floor));
        }
    }
    out
}

/// `pub use MODULE::{A, B}` in `src/domain/mod.rs`: the names re-exported and their module.
fn domain_reexports() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root().join("src/domain/mod.rs")).unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(path) = line.strip_prefix("pub use ") else {
            continue;
        };
        let (module, names) = path.split_once("::").unwrap_or((path, ""));
        for name in names.split(|c: char| !c.is_alphanumeric() && c != '_') {
            if !name.is_empty() {
                out.push((name.to_string(), module.to_string()));
            }
        }
    }
    out
}

/// The first name of each path after `prefix` in `code`, a `{…}` group's names included.
fn names_after(code: &str, prefix: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        let Some(group) = rest.strip_prefix('{') else {
            out.push(ident(rest));
            continue;
        };
        // The group's top-level items, up to its closing brace.
        let (mut depth, mut item) = (0, String::new());
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => out.push(ident(&std::mem::take(&mut item))),
                _ if depth == 0 => item.push(c),
                _ => {}
            }
        }
        out.push(ident(&item));
    }
    out
}

/// Which domain modules each domain module imports (by `crate::domain::`, or `super::` as far
/// up as the domain), re-exported names counted as their module's. Test files are left out.
fn domain_imports() -> Vec<(String, Vec<String>)> {
    let floors = domain_floors();
    let reexports = domain_reexports();
    let domain = root().join("src/domain");
    let module_of = |name: &str| -> Option<String> {
        if floors.iter().any(|(m, _)| m == name) {
            return Some(name.to_string());
        }
        reexports
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.clone())
    };
    let mut out = Vec::new();
    for (module, _) in &floors {
        let mut files = sources(&domain.join(module));
        files.push(domain.join(format!("{module}.rs")));
        let mut imports = Vec::new();
        for file in files.iter().filter(|f| f.exists()) {
            let parts: Vec<String> = file
                .strip_prefix(&domain)
                .unwrap_or(file)
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p.ends_with("tests.rs")) {
                continue;
            }
            let depth = parts.len() - usize::from(parts.last().is_some_and(|p| p == "mod.rs"));
            let code = code(file);
            let mut names = names_after(&code, "crate::domain::");
            names.extend(names_after(&code, &"super::".repeat(depth)));
            for name in names {
                if let Some(other) = module_of(&name).filter(|o| o != module) {
                    imports.push(other);
                }
            }
        }
        imports.sort();
        imports.dedup();
        out.push((module.clone(), imports));
    }
    out
}

#[test]
fn the_domain_stands_in_floors_each_importing_only_its_own_and_lower() {
    let floors = domain_floors();
    let floor = |m: &str| floors.iter().find(|(n, _)| n == m).map(|(_, f)| *f);
    assert!(floors.len() > 20, "floors not found: {floors:?}");
    let mut upward = Vec::new();
    for (module, imports) in domain_imports() {
        for other in imports {
            if floor(&other) > floor(&module) {
                upward.push(format!("{module} imports {other}, a floor above"));
            }
        }
    }
    assert_eq!(upward, Vec::<String>::new());
}

/// The modules of every circle of imports in `graph` (Tarjan's strongly connected components
/// of more than one module).
fn circles(graph: &[(String, Vec<String>)]) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a [(String, Vec<String>)],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: usize) {
            self.index[v] = Some(self.next);
            self.low[v] = self.next;
            self.next += 1;
            self.stack.push(v);
            let edges = self.graph[v].1.clone();
            for name in edges {
                let Some(w) = self.graph.iter().position(|(n, _)| *n == name) else {
                    continue;
                };
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(i) if self.stack.contains(&w) => self.low[v] = self.low[v].min(i),
                    Some(_) => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let at = self.stack.iter().position(|&s| s == v).unwrap_or(0);
                let members: Vec<String> = self
                    .stack
                    .drain(at..)
                    .map(|s| self.graph[s].0.clone())
                    .collect();
                if members.len() > 1 {
                    self.found.push(members);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: vec![None; graph.len()],
        low: vec![0; graph.len()],
        stack: Vec::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in 0..graph.len() {
        if walk.index[v].is_none() {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn no_circle_of_imports_runs_through_the_domain_above_its_field_table() {
    // Floor 0 is the field table: its macro, its slots and its validators name each other.
    let floors = domain_floors();
    let bottom: Vec<&String> = floors
        .iter()
        .filter(|(_, f)| *f == 0)
        .map(|(m, _)| m)
        .collect();
    let above: Vec<Vec<String>> = circles(&domain_imports())
        .into_iter()
        .filter(|c| c.iter().any(|m| !bottom.contains(&m)))
        .collect();
    assert_eq!(above, Vec::<Vec<String>>::new());
}

#[test]
fn the_circle_check_sees_a_circle() {
    let graph = [
        ("a".to_string(), vec!["b".to_string()]),
        ("b".to_string(), vec!["c".to_string()]),
        ("c".to_string(), vec!["a".to_string()]),
        ("d".to_string(), vec!["a".to_string()]),
    ];
    let found = circles(&graph);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].len(), 3, "{found:?}");
}
