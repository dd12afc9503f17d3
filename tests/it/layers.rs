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
    let history = code(&root().join("src/tui/screens/home/history.rs"));
    let page = code(&root().join("src/tui/screens/order/view.rs"));
    assert!(
        !history.contains("order::view"),
        "history imports the order page"
    );
    assert!(
        !page.contains("home::history"),
        "the order page imports the history"
    );
}

/// The app's units: each top-level module of `tui/`, and each screen of `tui/screens/` on its
/// own.
fn tui_imports() -> Vec<(String, Vec<String>)> {
    import_graph("src/tui", "crate::tui::", |path| match path {
        [] => None,
        [screens, screen, ..] if screens == "screens" => Some(format!("screens::{screen}")),
        [top, ..] => Some(top.clone()),
    })
}

#[test]
fn no_circle_of_imports_runs_through_the_app() {
    // The root knows the screens; a screen knows the model and the shared widgets and draws
    // itself; the frame (`tui/view/`) knows the root. Nothing reaches back up.
    let graph = tui_imports();
    assert!(graph.len() > 20, "units not found: {graph:?}");
    assert_eq!(circles(&graph), Vec::<Vec<String>>::new());
}

#[test]
fn screens_draw_themselves_and_name_each_other_only_by_id() {
    for (unit, imports) in tui_imports() {
        let screen = unit.starts_with("screens::") || unit == "wizard" || unit == "respond";
        if !screen {
            continue;
        }
        let reached: Vec<&String> = imports
            .iter()
            .filter(|i| {
                ["view", "root", "update", "wizard", "respond"].contains(&i.as_str())
                    || i.starts_with("screens::")
            })
            .collect();
        assert_eq!(reached, Vec::<&String>::new(), "{unit} imports these");
    }
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

/// Each path after `prefix` in `code` as its names (`a::b::C` → a, b, C), a `{…}` group's
/// paths included (one level).
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let path = |s: &str| -> Vec<String> {
        s.trim()
            .split("::")
            .map(|n| {
                n.trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|n| !n.is_empty())
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
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            out.push(path(&rest[..end]));
            continue;
        };
        // The group's top-level items, up to its closing brace.
        let (mut depth, mut item) = (0, String::new());
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => out.push(path(&std::mem::take(&mut item))),
                _ if depth == 0 => item.push(c),
                _ => {}
            }
        }
        out.push(path(&item));
    }
    out
}

/// A file's module path under `base` (`base/a/b.rs` and `base/a/b/mod.rs` → a, b).
fn module_path(base: &Path, file: &Path) -> Vec<String> {
    let mut parts: Vec<String> = file
        .strip_prefix(base)
        .unwrap_or(file)
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every path a file under `base` names inside `base`, from `base`'s top (by `crate_prefix`
/// or by `super::` as far up as needed). Test files are left out.
fn paths_from(base: &Path, crate_prefix: &str) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let mut out = Vec::new();
    for file in sources(base) {
        if file.to_string_lossy().ends_with("tests.rs") {
            continue;
        }
        let at = module_path(base, &file);
        let mut code = code(&file);
        let mut paths = paths_after(&code, crate_prefix);
        // The longest `super::` chain first, each blanked once read.
        for up in (1..=at.len()).rev() {
            let supers = "super::".repeat(up);
            for tail in paths_after(&code, &supers) {
                paths.push(at[..at.len() - up].iter().cloned().chain(tail).collect());
            }
            code = code.replace(&supers, &" ".repeat(supers.len()));
        }
        out.push((at, paths));
    }
    out
}

/// (unit, the units it imports) for the files under `base`, the unit of a module path given
/// by `unit`; names outside every unit are left out.
fn import_graph(
    base: &str,
    crate_prefix: &str,
    unit: impl Fn(&[String]) -> Option<String>,
) -> Vec<(String, Vec<String>)> {
    let mut graph: Vec<(String, Vec<String>)> = Vec::new();
    let found = paths_from(&root().join(base), crate_prefix);
    for (at, _) in &found {
        if let Some(u) = unit(at).filter(|u| !graph.iter().any(|(g, _)| g == u)) {
            graph.push((u, Vec::new()));
        }
    }
    let units: Vec<String> = graph.iter().map(|(u, _)| u.clone()).collect();
    for (at, paths) in found {
        let Some(from) = unit(&at) else { continue };
        for path in paths {
            let Some(to) = unit(&path).filter(|to| *to != from && units.contains(to)) else {
                continue;
            };
            if let Some((_, edges)) = graph.iter_mut().find(|(g, _)| *g == from)
                && !edges.contains(&to)
            {
                edges.push(to);
            }
        }
    }
    graph
}

/// Which domain modules each domain module imports (by `crate::domain::`, or `super::` as far
/// up as the domain), re-exported names counted as their module's. Test files are left out.
fn domain_imports() -> Vec<(String, Vec<String>)> {
    let floors = domain_floors();
    let reexports = domain_reexports();
    let module_of = |path: &[String]| -> Option<String> {
        let name = path.first()?;
        if floors.iter().any(|(m, _)| m == name) {
            return Some(name.clone());
        }
        reexports
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.clone())
    };
    import_graph("src/domain", "crate::domain::", module_of)
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
fn no_circle_of_imports_runs_through_the_domain() {
    // At every floor, the field table's included: each shared type has one owner below its
    // users (the keys under the table, the validators' `Severity` and `Found` in `checks`, the
    // rulebook's data in `countries` under `rules`).
    let graph = domain_imports();
    assert!(graph.len() > 20, "modules not found: {graph:?}");
    assert_eq!(circles(&graph), Vec::<Vec<String>>::new());
}

/// Every file of the crate under `src` as a unit (its module path, `domain::rules::postcode`)
/// with the files it imports by `crate::` or `super::`. A folder's module and the files
/// under it are one unit of the folder (its `mod.rs` declares them and hands their names on),
/// so edges between a module and its own submodules are left out.
fn file_graph(src: &Path) -> Vec<(String, Vec<String>)> {
    let found = paths_from(src, "crate::");
    let modules: Vec<Vec<String>> = found.iter().map(|(at, _)| at.clone()).collect();
    // The file a path lies in: its longest start that is a module of its own file.
    let file_of = |path: &[String]| -> Option<Vec<String>> {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|start| modules.contains(start))
    };
    let mut graph = Vec::new();
    for (at, paths) in &found {
        let mut edges: Vec<String> = Vec::new();
        for path in paths {
            let Some(to) = file_of(path) else { continue };
            let name = to.join("::");
            let same_folder = to.starts_with(at) || at.starts_with(&to);
            if !same_folder && !edges.contains(&name) {
                edges.push(name);
            }
        }
        graph.push((at.join("::"), edges));
    }
    graph
}

#[test]
fn no_circle_of_imports_runs_between_any_two_files() {
    // Every layer at once: the domain, the store, the app (`tui/`), plain mode and the CLI.
    let graph = file_graph(&root().join("src"));
    assert!(graph.len() > 150, "files not found: {}", graph.len());
    assert_eq!(circles(&graph), Vec::<Vec<String>>::new());
}

#[test]
fn the_file_check_sees_a_made_up_circle() {
    // A small crate on disk: `a` and `b` import each other through `crate::` and `super::`; a
    // folder (`c/mod.rs`) and its file (`c/d.rs`) import each other, which is one folder.
    let dir = std::env::temp_dir().join(format!("portwiz-layers-{}", std::process::id()));
    let files = [
        ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
        ("a.rs", "use crate::b::Bee;\npub struct Ay;\n"),
        ("b.rs", "use super::a::Ay;\npub struct Bee;\n"),
        (
            "c/mod.rs",
            "mod d;\npub use self::d::Dee;\npub struct Cee(crate::c::d::Dee);\n",
        ),
        ("c/d.rs", "use super::Cee;\npub struct Dee;\n"),
    ];
    for (name, text) in files {
        let path = dir.join("src").join(name);
        std::fs::create_dir_all(path.parent().unwrap_or(&dir)).expect("temp dir");
        std::fs::write(&path, text).expect("temp file");
    }
    let found = circles(&file_graph(&dir.join("src")));
    let _ = std::fs::remove_dir_all(&dir);
    let mut names: Vec<Vec<String>> = found
        .into_iter()
        .map(|mut c| {
            c.sort();
            c
        })
        .collect();
    names.sort();
    assert_eq!(names, [vec!["a".to_string(), "b".to_string()]]);
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
