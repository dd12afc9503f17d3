//! `portwiz report [--format md|csv] [-o FILE [--force]]`: one tenant's orders for its own
//! people (`domain::report`): never a PIN, never another tenant's order (the command opens one
//! store, the tenant's).

use super::args::{ReportArgs, ReportFormat};
use super::{Console, Failure};
use crate::domain::Clock;
use crate::domain::report;
use crate::store::Store;

pub fn report(
    store: &Store,
    to: ReportArgs,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let orders = store.read_every_order();
    let lines = report::lines(&orders, &crate::system::time_zone());
    // A tenant's report is headed with the tenant's name.
    let tenant = crate::store::tenants::name_of(store.dir());
    let title = tenant.as_deref().unwrap_or("every order of this store");
    let text = match to.format {
        ReportFormat::Md => report::markdown(title, &lines, clock.today),
        ReportFormat::Csv => report::csv(&lines),
    };
    match to.file.output {
        Some(path) => super::export_file::write_export(&path, text.as_bytes(), to.file.force),
        None => console.print(&text),
    }
}
