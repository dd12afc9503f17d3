//! Tenants on the command line (docs/command-line.md): `--tenant NAME` / `PORTWIZ_TENANT` picks
//! the store `DIR/tenants/NAME/`; `portwiz tenants` lists them with what waits.

use super::{Console, Failure};
use crate::domain::Clock;
use crate::domain::tenant::{Overview, check_name};
use crate::store::{Store, tenants};
use std::path::{Path, PathBuf};

/// The tenant asked for: `--tenant NAME`, else `PORTWIZ_TENANT` (when not empty); a name that
/// could leave `tenants/` or hide something is refused (exit 2).
pub fn chosen(flag: Option<&str>) -> Result<Option<String>, Failure> {
    let from_env = std::env::var("PORTWIZ_TENANT")
        .ok()
        .filter(|t| !t.is_empty());
    let Some(name) = flag.map(str::to_string).or(from_env) else {
        return Ok(None);
    };
    check_name(&name)
        .map(|n| Some(n.to_string()))
        .map_err(|why| Failure::Input(format!("tenant `{name}`: {why}")))
}

/// The store a command works on: `dir` itself, or the tenant's. A tenant that does not exist
/// yet is made only by a command that creates orders (`creates`); any other is refused with
/// the tenants there are, so a mistyped name never starts an empty store.
pub fn store_dir(dir: &Path, tenant: Option<&str>, creates: bool) -> Result<PathBuf, Failure> {
    let Some(name) = tenant else {
        return Ok(dir.to_path_buf());
    };
    let store = tenants::dir(dir, name);
    if store.is_dir() {
        return Ok(store);
    }
    if creates {
        return tenants::create(dir, name).map_err(|e| {
            Failure::Input(format!(
                "cannot make the tenant's folder {}: {e}",
                store.display()
            ))
        });
    }
    let (names, _) = tenants::names(dir);
    let known = if names.is_empty() {
        "there is none yet".to_string()
    } else {
        format!("there are: {}", names.join(", "))
    };
    Err(Failure::Input(format!(
        "no tenant `{name}` in {} ({known}); `portwiz --tenant {name} new --from FILE.json` or the app makes it",
        tenants::root(dir).display()
    )))
}

/// Every tenant's order counts and what waits on whom, from each tenant's own store.
pub fn overviews(dir: &Path, clock: Clock) -> (Vec<Overview>, Vec<String>) {
    let (names, mut problems) = tenants::names(dir);
    let mut overviews = Vec::with_capacity(names.len());
    for name in names {
        match Store::open(&tenants::dir(dir, &name)) {
            Ok((store, _)) => overviews.push(Overview::of(&name, store.summaries(), clock.today)),
            Err(e) => problems.push(format!("tenant {name}: {e}")),
        }
    }
    (overviews, problems)
}

/// `portwiz tenants [--json]`.
pub fn list(dir: &Path, clock: Clock, json: bool, console: &mut Console) -> Result<(), Failure> {
    let (overviews, problems) = overviews(dir, clock);
    for problem in &problems {
        console.say(&format!("portwiz: {problem}"));
    }
    if json {
        let doc = serde_json::json!({ "tenants": overviews });
        return console.print(&format!("{doc:#}\n"));
    }
    if overviews.is_empty() {
        console.say(&format!(
            "portwiz: no tenants in {} yet; `portwiz --tenant NAME new --from FILE.json` (or the app's `T`) makes one",
            tenants::root(dir).display()
        ));
        return Ok(());
    }
    let width = overviews
        .iter()
        .map(|o| o.tenant.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut text = format!("{:width$}  {:>6}  waiting\n", "TENANT", "ORDERS");
    for o in &overviews {
        text.push_str(&format!(
            "{:width$}  {:>6}  {}\n",
            o.tenant,
            o.orders,
            o.waits()
        ));
    }
    console.print(&text)
}

/// `list --all-tenants`: every tenant's orders in one list, latest change first, each with its
/// tenant; read from each tenant's store without writing in any (`store::board`).
pub fn board_list(
    dir: &Path,
    status: Option<String>,
    json: bool,
    console: &mut Console,
) -> Result<(), Failure> {
    let wanted = super::listing::status_filter(status)?;
    let (names, mut problems) = tenants::names(dir);
    let mut rows: Vec<(String, crate::domain::summary::Summary)> = Vec::new();
    for name in names {
        let (summaries, unread) = crate::store::board::summaries(&tenants::dir(dir, &name));
        problems.extend(unread.into_iter().map(|p| format!("tenant {name}: {p}")));
        rows.extend(
            summaries
                .into_iter()
                .filter(|s| wanted.accepts(s.status))
                .map(|s| (name.clone(), s)),
        );
    }
    for problem in &problems {
        console.say(&format!("portwiz: {problem}"));
    }
    rows.sort_by(|(ta, a), (tb, b)| {
        (b.updated_at.cmp(&a.updated_at))
            .then(ta.cmp(tb))
            .then(a.id().cmp(b.id()))
    });
    if json {
        let docs: Vec<serde_json::Value> = rows
            .iter()
            .map(|(tenant, s)| {
                let mut doc = super::output::summary_json(s);
                if let Some(map) = doc.as_object_mut() {
                    map.insert("tenant".into(), tenant.clone().into());
                }
                doc
            })
            .collect();
        return console.print(&format!("{:#}\n", serde_json::Value::Array(docs)));
    }
    let reader = super::listing::list_reader();
    let summaries: Vec<&crate::domain::summary::Summary> = rows.iter().map(|(_, s)| s).collect();
    let table = super::output::list_table(&summaries, reader);
    let people = matches!(reader, super::output::ListReader::People { .. });
    let width = rows
        .iter()
        .map(|(t, _)| t.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    // The tenant first: each line of the table is one order in `rows`' order, after the
    // header people get.
    let mut tenant_of = rows.iter().map(|(t, _)| t.as_str());
    let mut text = String::with_capacity(table.len() + rows.len() * (width + 2));
    for (i, line) in table.lines().enumerate() {
        let tenant = match (people, i) {
            (true, 0) if !rows.is_empty() => "TENANT",
            _ => tenant_of.next().unwrap_or(""),
        };
        text.push_str(&format!("{tenant:width$}  {line}\n"));
    }
    console.print(&text)
}
