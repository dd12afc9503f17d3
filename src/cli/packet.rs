//! `export ID --format packet -o DIR [--include-secrets]`: the hand-off packet
//! (`domain::packet`), written into a new or empty folder (`store::packet`).

use super::{Console, Failure};
use crate::domain::Order;
use std::path::PathBuf;

/// Said when the packet holds the PIN, as the app's export dialog says it of a file.
pub const PIN_WARNING: &str =
    "warning: the packet's field sheet holds the port-out PIN in clear: keep it private.";

pub fn export_packet(
    order: &Order,
    include_secrets: bool,
    dir: Option<PathBuf>,
    force: bool,
    console: &mut Console,
) -> Result<(), Failure> {
    let Some(dir) = dir else {
        return Err(Failure::Input(format!(
            "a packet is a folder of files: name a new one with -o, e.g. `portwiz export {} --format packet -o {}-packet`",
            order.id, order.id
        )));
    };
    if force {
        return Err(Failure::Input(
            "a packet never replaces anything, so --force does not apply: name a new or empty folder"
                .to_string(),
        ));
    }
    let files = crate::domain::packet::files(order, include_secrets)
        .map_err(|e| Failure::Refused(vec![e.to_string()]))?;
    if files.iter().any(|f| f.holds_pin) {
        console.say(PIN_WARNING);
    }
    crate::store::packet::write(&dir, &files).map_err(|e| Failure::Refused(vec![e]))?;
    let listed: String = files
        .iter()
        .map(|f| format!("{}\n", dir.join(f.name).display()))
        .collect();
    console.print(&listed)
}
