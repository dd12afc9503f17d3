//! `portwiz report [--format md|csv|pdf] [-o FILE [--force]]`: one tenant's orders for its own
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
        ReportFormat::Pdf => {
            let bytes = report::pdf(title, &lines, clock.today);
            return match to.file.output {
                Some(path) => super::export_file::write_export(&path, &bytes, to.file.force),
                None if Console::out_is_terminal() => Err(Failure::Input(
                    "the PDF report is a binary file and is not written to a terminal; write it \
                     to a file with `portwiz report --format pdf -o report.pdf`, or redirect it"
                        .to_string(),
                )),
                None => console.print_binary(&bytes),
            };
        }
    };
    match to.file.output {
        Some(path) => super::export_file::write_export(&path, text.as_bytes(), to.file.force),
        None => console.print(&text),
    }
}
