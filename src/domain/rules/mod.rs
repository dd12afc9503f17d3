//! Pure validation rules of a port order, over plain inputs (`&str`, dates, small enums), so the
//! field registry can wire them into its validators without this module knowing the order type.
//! Nothing here reads the clock, the environment or the file system.

pub mod address;
pub mod choices;
mod country;
pub mod error;
pub(crate) mod identifiers;
pub mod numbers;
pub mod port_date;
pub mod port_time;
mod postcode;
#[cfg(test)]
mod puerto_rico_tests;
mod regions;
pub mod service_center;
pub mod text;
pub mod usage;

pub use address::{check_postal_code, check_region, looks_like_po_box, postcode_region_conflict};
pub use choices::{NumberType, NumberUsage, PortType, UnknownChoice};
pub use country::Country;
pub use error::RuleError;
pub use numbers::{
    CsvCell, CsvNumbers, CsvRowError, MAX_NUMBERS_PER_ORDER, NotANumberReason, NumberEntry,
    NumberParser, NumberState, NumbersReport, StateCounts, check_number_count, parse_numbers,
    parse_numbers_csv, parse_numbers_shared,
};
pub use port_date::{
    PortDateWindow, add_business_days, check_port_date, is_business_day, min_business_days,
    port_date_window, today_in_eastern,
};
pub use port_time::{PortTimeRule, check_port_time, port_datetime_eastern, port_time_rule};
pub use text::{
    AUTHORIZED_NAME_LIMIT, ORGANIZATION_NAME_LIMIT, PIN_HELP, authorized_name_warning, check_email,
    check_emails, check_pin, length_warning, split_emails,
};
