//! The command line of docs/command-line.md, as clap types.

use crate::domain::export::Format;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "portwiz", version, about = "Draft, track and fix phone-number port orders.", long_about = None)]
pub struct Cli {
    /// The folder that holds the orders (default: PORTWIZ_DATA_DIR, then the platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The customer's store to use, DIR/tenants/NAME (default: PORTWIZ_TENANT; the app: the
    /// tenant used last; else DIR itself).
    #[arg(long, global = true, value_name = "NAME")]
    pub tenant: Option<String>,
    /// Open the app on a fresh temporary copy of the demo orders.
    #[arg(long)]
    pub demo: bool,
    /// Line-by-line prompts instead of a full-screen app (for screen readers and scripts).
    #[arg(long)]
    pub plain: bool,
    /// Open the app on the board: every tenant's orders in one history, each opened and saved in
    /// its own tenant's store (writes in none until an order is saved).
    #[arg(long = "all-tenants")]
    pub board: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per order: id, status, carrier, numbers, updated, name.
    List {
        /// Only orders with this status (e.g. submitted, customer_action_required).
        #[arg(long)]
        status: Option<String>,
        /// Print JSON (one document, for programs) instead of text.
        #[arg(long)]
        json: bool,
        /// Every tenant's orders in one list, with a tenant column (reads each tenant's store,
        /// writes none).
        #[arg(long)]
        all_tenants: bool,
    },
    /// One order, PIN masked.
    Show {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// Print JSON (one document, for programs) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Create a draft from a fields document (JSON); prints the new id.
    New {
        /// The fields document: one JSON object keyed by field key (see `set --help`), up to 4 MiB.
        #[arg(long, value_name = "FILE.json")]
        from: PathBuf,
    },
    /// Change fields by their keys (KEY VALUE, and more pairs after it, as one edit); `numbers
    /// @FILE.csv` reads the numbers from a CSV.
    Set {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        #[command(flatten)]
        pairs: SetPairs,
    },
    /// Draft → submitted (refused with the list of problems).
    Submit {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
    },
    /// Record a carrier rejection: classify it, store it; prints the fields to fix.
    Reject {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        #[command(flatten)]
        how: RejectArgs,
    },
    /// Customer action required → submitted.
    Resubmit {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// Resubmit though no field changed since the rejection: only when the cause was lifted
        /// on the carrier's side (a freeze or a hold removed).
        #[arg(long)]
        unchanged: bool,
    },
    /// Classify a carrier message without touching any order.
    Classify {
        /// Print JSON (one document, for programs) instead of text.
        #[arg(long)]
        json: bool,
        /// Also show the words, rules and labelled examples behind each match.
        #[arg(long)]
        explain: bool,
        /// The text, or `-` (or nothing) to read standard input.
        text: Option<String>,
    },
    /// Write an order as json, text, csv, an LOA, the LOA as a PDF, a Service Center case, the
    /// assignments as PowerShell or a hand-off packet (a folder).
    Export {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        #[command(flatten)]
        to: ExportArgs,
    },
    /// A new draft with an order's fields (not its status, history, rejections or CSR values);
    /// prints its id.
    Copy {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
    },
    /// Import an exported order as a new order; prints its id.
    Import {
        /// A file written by `export --format json` (up to 4 MiB).
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
    },
    /// The carrier confirmed the port date → FOC confirmed; on a FOC-confirmed order, a revised
    /// FOC (the carrier moved the date), kept beside the first in the history.
    Foc {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// YYYY-MM-DD or MM/DD/YYYY (month first)
        date: String,
        /// HH:MM (24-hour) or h:mm am/pm: US Eastern on a US or Canadian order, the country's
        /// own time elsewhere (e.g. Europe/Paris)
        time: Option<String>,
    },
    /// The numbers ported → completed.
    Complete {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
    },
    /// Microsoft support took the order over → Microsoft support engaged
    Support {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// Why support took it over.
        #[arg(long, value_parser = ["requested_help", "review_before_submission", "resubmit_after_rejection", "submission_error"])]
        scenario: String,
        /// The support ticket's id or link, if you have one.
        #[arg(long)]
        ticket: Option<String>,
    },
    /// Record a support ticket id or link.
    Ticket {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// The ticket's id or link (not empty).
        ticket: String,
    },
    /// A dated note in the order's journal: a call with the carrier, a case comment (any status;
    /// up to 4,000 characters, one line).
    Note {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// The note, e.g. "Called Contoso: freeze lifted, resubmit Monday".
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// Who each ported number goes to in Teams: a CSV with the columns PhoneNumber and Identity
    /// (a user's UPN, a resource account, a conference bridge) and optionally LocationId (the
    /// emergency location) and IdentityType (User, ResourceAccount, ConferenceBridge), any case,
    /// any order. A bad row refuses the whole file, named by its line; nothing changes. An empty
    /// Identity clears the number's assignment. `export --format powershell` writes the lines.
    Assign {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// The CSV (up to 1 MiB), or `-` for standard input.
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
    },
    /// A company's sheet of numbers as the orders Microsoft allows (one country, carrier,
    /// account, BTN, number type and service address each; over 999 numbers a Service Center
    /// case): one draft each, the ids on stdout, why on stderr.
    Split {
        /// A CSV with a PhoneNumber column and any columns headed by field keys
        /// (current_carrier, account_number, number_type, country, service_address.city…).
        #[arg(value_name = "FILE.csv")]
        file: std::path::PathBuf,
        /// Show the orders it would make; create nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Move numbers out of an order into a new draft of their own (same account fields), by
    /// default every number the carrier's rejection marked: the rest stays, ready to resubmit.
    /// Prints the new draft's id.
    #[command(name = "move-out")]
    MoveOut {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// The numbers to move, as the numbers field takes them (e.g. 425-555-0106); none:
        /// every number the carrier marked.
        numbers: Vec<String>,
    },
    /// Cancel the order → cancelled (refused within 24 h of a confirmed FOC)
    Cancel {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
    },
    /// What your orders' history says per carrier: rejections, the fields rejected most, days
    /// to FOC and to completion, orders waiting now.
    Stats {
        /// One JSON document (its fields are described in the README).
        #[arg(long)]
        json: bool,
    },
    /// Match the tenant's number export against the orders: per order the numbers Teams shows
    /// ported, those whose FOC it shows accepted, those missing after the FOC date; and numbers
    /// with a port status no order holds. Reads Export-CsAcquiredPhoneNumber's CSV,
    /// Get-CsPhoneNumberAssignment as CSV or JSON, or Graph's numberAssignments JSON.
    Reconcile {
        /// The export (CSV or JSON), up to 256 MiB.
        file: PathBuf,
        /// Record it: completion when every number ported (on a FOC-confirmed order), a history
        /// note for an accepted FOC or numbers missing. Never moves an order backwards.
        #[arg(long)]
        apply: bool,
    },
    /// The e-mail that unblocks a port, filled from the order and the carrier's last words (never
    /// the PIN): csr (the carrier's Customer Service Record), freeze (lift a freeze), pin (the
    /// port-out PIN), carrier (the underlying carrier of a reseller), signature (to the
    /// authorized user: sign or re-sign the LOA).
    Ask {
        /// The order's id as `list` shows it (e.g. PO-7KQ3M2XA), or any unique prefix of it, in any case (po-7k).
        id: String,
        /// csr, freeze, pin, carrier or signature.
        kind: String,
    },
    /// What needs you now, most urgent first: rejected orders, ports today and tomorrow, ports
    /// not recorded after their date, carriers past their usual answer time, quiet support
    /// cases, LOAs to sign again. `PORTWIZ_TODAY=YYYY-MM-DD` sets the day.
    Today {
        /// One JSON document: {"today": DATE, "items": [{"id", "name", "status", "rank",
        /// "need", "says"}...]}.
        #[arg(long)]
        json: bool,
    },
    /// The orders' dates as an iCalendar file (RFC 5545): requested port dates, FOCs (in UTC,
    /// the carrier's time and zone in the summary), and follow-ups: chase the carrier past its
    /// usual answer time, check the numbers the day after the FOC, the LOA turning 30 days old.
    /// Each event keeps its id, so importing the file again updates it.
    Calendar {
        /// Write to this file instead of standard output (never over an existing file without --force).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With --output: replace the file if it exists (a calendar made again).
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// The tenants (customers' stores, DIR/tenants/NAME) with their order counts and what
    /// waits on whom.
    Tenants {
        /// One JSON document instead of text.
        #[arg(long)]
        json: bool,
    },
    /// One tenant's orders for its own people: status, dates, rejections and their causes, days
    /// to FOC, what waits on whom, numbers ported; never a PIN.
    Report {
        #[command(flatten)]
        to: ReportArgs,
    },
    /// Print a shell completion script, e.g. `portwiz completions bash > ~/.local/share/bash-completion/completions/portwiz`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `portwiz man | man -l -`.
    Man,
}

/// `set`'s KEY VALUE pairs.
#[derive(Debug, clap::Args)]
pub struct SetPairs {
    /// A field key (listed below), e.g. order_name or service_address.city.
    pub key: String,
    /// The new value, in the key's format (listed below); an empty value clears the field.
    #[arg(allow_hyphen_values = true)]
    pub value: String,
    /// More KEY VALUE pairs, changed in the same edit.
    #[arg(value_name = "KEY VALUE", allow_hyphen_values = true)]
    pub more: Vec<String>,
}

/// `reject`'s arguments besides the order.
#[derive(Debug, clap::Args)]
pub struct RejectArgs {
    /// The carrier's words, or `-` to read them from standard input.
    #[arg(long, value_name = "TEXT|-")]
    pub text: String,
    /// The fields concerned, when you know better than the classifier (comma-separated keys).
    /// portwiz remembers the text with these fields and recognises similar texts later.
    #[arg(long, value_delimiter = ',')]
    pub fields: Option<Vec<String>>,
    /// Record it though the text reads like a status update ("processing", "received"),
    /// not a rejection.
    #[arg(long)]
    pub force: bool,
}

/// `export`'s arguments besides the order.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_parser = export_format(), default_value = Format::Json.name())]
    pub format: Format,
    /// Include the account PIN.
    #[arg(long)]
    pub include_secrets: bool,
    #[command(flatten)]
    pub file: ToFile,
}

/// `report`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Markdown (md), CSV (csv) or PDF (pdf: with -o or a pipe).
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub file: ToFile,
}

/// Where `export` and `report` write: standard output, or a file.
#[derive(Debug, clap::Args)]
pub struct ToFile {
    /// Write to this file instead of standard output (never over an existing file without --force).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --output: replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The command line with what only the running program knows added to it: `set --help` lists
/// every key with its format, from the field registry, and every country with its rules and
/// their sources, from the rulebook (never a second list).
pub fn command() -> clap::Command {
    Cli::command().mut_subcommand("set", |set| {
        set.after_help(set_keys_help() + &super::countries_help::countries_help())
    })
}

/// Parse the process's arguments against [`command`].
pub fn try_parse() -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

/// The process's arguments refused again, with each line break inside an argument written `\n`:
/// clap's message has lines of its own, and this way every line it prints is one of them, never
/// one an argument brought in. `None` when the arguments so written are not refused.
pub fn refusal_with_breaks_escaped() -> Option<clap::Error> {
    let args = std::env::args_os().map(|arg| match arg.to_str() {
        Some(text) if text.contains(['\n', '\r']) => {
            std::ffi::OsString::from(text.replace('\n', "\\n").replace('\r', "\\r"))
        }
        _ => arg,
    });
    command().try_get_matches_from(args).err()
}

fn set_keys_help() -> String {
    let width = crate::domain::FIELDS
        .iter()
        .map(|f| f.key.as_str().len())
        .max()
        .unwrap_or(0);
    let mut text = String::from("Keys (KEY) and the format of their VALUE:\n");
    for field in crate::domain::FIELDS {
        let mut format = field.kind.format();
        if field.key == crate::domain::FieldKey::Numbers {
            format.push_str(", or @FILE.csv (a PhoneNumber column)");
        }
        if !field.example.is_empty()
            && !matches!(field.kind, crate::domain::registry::Kind::Choice(_))
        {
            format.push_str(&format!("; e.g. {}", field.example));
        }
        text.push_str(&format!("  {:<width$}  {format}\n", field.key.as_str()));
    }
    text
}

/// What `report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown: a summary, a table of the orders, each rejection and its cause.
    Md,
    /// CSV: one row per order.
    Csv,
    /// PDF (US Letter): the Markdown's content, a block per order; needs -o or a pipe.
    Pdf,
}

/// `export --format`'s parser: the names, and the words of `--help`, of [`Format::ALL`] (the
/// domain's one list of formats; clap stays out of the domain).
fn export_format() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        Format::ALL.map(|format| PossibleValue::new(format.name()).help(format.about())),
    )
    .try_map(|name| Format::from_name(&name).ok_or("not a format of `export`"))
}
