//! Pure validation rules of a port order, over plain inputs (`&str`, dates, small enums), so the
//! field registry can wire them into its validators without this module knowing the order type.
//! Nothing here reads the clock, the environment or the file system.

pub mod choices;
pub mod error;
pub mod holidays;
pub mod numbers;
pub mod port_date;
pub mod port_time;

pub use choices::{Country, NumberType, PortType, UnknownChoice};
pub use error::RuleError;
pub use holidays::{federal_holidays, holiday_name};
pub use numbers::{
    CsvNumbers, MAX_NUMBERS_PER_ORDER, NumberEntry, NumberState, NumbersReport, check_number_count,
    parse_numbers, parse_numbers_csv,
};
pub use port_date::{
    PortDateWindow, add_business_days, check_port_date, is_business_day, port_date_window,
    today_in_eastern,
};
pub use port_time::{PortTimeRule, check_port_time, port_time_rule};
