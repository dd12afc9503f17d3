//! Write COUNT realistic orders into the store at DIR, through the store's own save path.
//!
//! cargo run --release --example gen_orders -- DIR COUNT [--max-numbers M]
//!
//! Varied statuses, carriers, countries and number types; 1 to M numbers an order (999, Teams'
//! limit, unless told); rejections with real-looking carrier texts. Deterministic: the same
//! COUNT and M give the same orders. Orders are made and written on two threads, in batches of a
//! thousand (`Store::create_batch`, durable a batch at a time), so 100,000 take under a minute.
// Tests and tools print freely; clippy.toml keeps print macros out of the program itself.
#![allow(clippy::disallowed_macros)]

use jiff::civil::date;
use jiff::{Timestamp, ToSpan};
use portwiz::domain::order::RejectionInput;
use portwiz::domain::status::SupportScenario;
use portwiz::domain::{Clock, FieldKey, FieldValue, Order, OrderFields, Status};
use portwiz::store::Store;
use std::process::ExitCode;

const CARRIERS: &[&str] = &[
    "Contoso Telecom",
    "Northwind Wireless",
    "Litware Networks",
    "Tailspin Voice",
    "Adatum Communications",
    "Woodgrove Telco",
];
const ORGS: &[&str] = &[
    "Fabrikam Inc",
    "Wide World Importers",
    "Alpine Ski House",
    "Coho Winery",
    "Proseware LLC",
    "Trey Research",
    "Lucerne Publishing",
    "Margie's Travel",
];
const CITIES: &[(&str, &str, &str, &str)] = &[
    ("Redmond", "WA", "98052", "US"),
    ("Austin", "TX", "73301", "US"),
    ("Denver", "CO", "80202", "US"),
    ("Toronto", "ON", "M5V 2T6", "CA"),
    ("Vancouver", "BC", "V6B 1A1", "CA"),
];
const REJECTIONS: &[(&str, &[FieldKey])] = &[
    (
        "The provided PIN is missing or incorrect. Please contact your current provider and check your current documentation, update the PIN, and then resubmit your order.",
        &[FieldKey::Pin],
    ),
    (
        "The account number provided doesn't match the record of your current service provider.",
        &[FieldKey::AccountNumber],
    ),
    (
        "EU NAME MISMATCH - business name on LSR does not match CSR",
        &[FieldKey::OrganizationName],
    ),
    (
        "[7012] POSTAL_CODE_MISMATCH",
        &[FieldKey::ServiceAddressPostalCode],
    ),
    (
        "Porting vendor has determined that the Billing Telephone Number - BTN - on the order does not match the Customer Service Record - CSR.",
        &[FieldKey::BillingTelephoneNumber],
    ),
    (
        "Authorized name does not match; signer not listed on the account",
        &[
            FieldKey::AuthorizedUserFirstName,
            FieldKey::AuthorizedUserLastName,
        ],
    ),
];

/// A small deterministic generator (xorshift), so runs are repeatable without a dependency.
struct Rng(u64);
impl Rng {
    /// The generator for order `i` of `count` (splitmix64 of both; never the stuck state 0).
    fn seeded(count: u64, i: u64) -> Rng {
        let mut z =
            (0x9E37_79B9_7F4A_7C15 ^ count).wrapping_add(i.wrapping_mul(0xBF58_476D_1CE4_E5B9));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn fields(rng: &mut Rng, i: usize, max_numbers: usize) -> OrderFields {
    let (city, state, postal, country) = CITIES[rng.below(CITIES.len())];
    let count = 1 + rng.below(max_numbers.max(1));
    let area = if country == "CA" {
        416
    } else {
        206 + (i % 3) as u32 * 100
    };
    let base = 2_000_000 + rng.below(7_000_000) as u32;
    let numbers: Vec<String> = (0..count as u32)
        .map(|n| format!("+1{area}{:07}", base + n))
        .collect();
    let org = ORGS[rng.below(ORGS.len())];
    let mut f = OrderFields::default();
    let mut set = |k: FieldKey, v: &str| f.set(k, FieldValue::Text(v.to_string()));
    set(FieldKey::Country, country);
    set(
        FieldKey::NumberType,
        ["geographic", "geographic", "toll_free", "mobile"][rng.below(4)],
    );
    set(
        FieldKey::PortType,
        if rng.below(3) == 0 { "partial" } else { "full" },
    );
    set(FieldKey::BillingTelephoneNumber, &numbers[0]);
    set(
        FieldKey::CurrentCarrier,
        CARRIERS[rng.below(CARRIERS.len())],
    );
    set(FieldKey::OrganizationName, org);
    set(
        FieldKey::AccountNumber,
        &format!("ACC-{:07}", rng.below(10_000_000)),
    );
    set(FieldKey::Pin, &format!("{:06}", rng.below(1_000_000)));
    set(
        FieldKey::AuthorizedUserFirstName,
        ["Dana", "Sam", "Alex", "Jordan", "Kim"][rng.below(5)],
    );
    set(
        FieldKey::AuthorizedUserLastName,
        ["Reyes", "Lee", "Novak", "Okafor", "Schmidt"][rng.below(5)],
    );
    set(
        FieldKey::ServiceAddressStreet,
        &format!("{} Main Street", 1 + rng.below(9000)),
    );
    set(FieldKey::ServiceAddressCity, city);
    set(FieldKey::ServiceAddressState, state);
    set(FieldKey::ServiceAddressPostalCode, postal);
    set(FieldKey::ServiceAddressCountry, country);
    set(FieldKey::OrderName, &format!("{org} {city} batch {i}"));
    set(FieldKey::PortDate, "2026-12-08");
    set(FieldKey::PortTime, "10:00");
    set(FieldKey::RequesterName, "Sam Lee");
    set(FieldKey::RequesterEmail, "sam@fabrikam.com");
    set(FieldKey::Loa, "e-signed by the authorized user");
    f.set(FieldKey::Numbers, FieldValue::List(numbers));
    f
}

/// Walk the order through its lifecycle to a varied status.
fn advance(order: &mut Order, rng: &mut Rng, clock: Clock) {
    let target = Status::ALL[rng.below(Status::ALL.len())];
    if target == Status::Draft {
        return;
    }
    order.status = Status::Submitted;
    order.submitted_fields = Some(order.fields.clone());
    let now = clock.now;
    let reject = |order: &mut Order, rng: &mut Rng| {
        let (text, fields) = REJECTIONS[rng.below(REJECTIONS.len())];
        let _ = order.reject(
            RejectionInput {
                text: text.into(),
                fields: fields.to_vec(),
                action: "Check the carrier's CSR, update and resubmit.".into(),
                ..Default::default()
            },
            now,
        );
    };
    match target {
        Status::CustomerActionRequired => reject(order, rng),
        Status::SupportEngaged => {
            let _ = order.engage_support(
                SupportScenario::ALL[rng.below(4)],
                Some(format!("T-{}", rng.below(99999))),
                now,
            );
        }
        Status::FocConfirmed | Status::Completed => {
            if rng.below(2) == 0 {
                reject(order, rng);
                let _ = order.resubmit(clock);
            }
            let _ = order.confirm_foc(date(2026, 12, 8), None, now);
            if target == Status::Completed {
                let _ = order.complete(now);
            }
        }
        Status::Cancelled => {
            let _ = order.cancel(now);
        }
        _ => {}
    }
}

/// Orders written per batch: one disk flush and one index transaction each.
const BATCH: usize = 1000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count)) = (
        args.first(),
        args.get(1).and_then(|c| c.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen_orders DIR COUNT [--max-numbers M]");
        return ExitCode::from(2);
    };
    let max_numbers = match args.get(2).map(String::as_str) {
        None => 999,
        Some("--max-numbers") => match args.get(3).and_then(|m| m.parse::<usize>().ok()) {
            Some(m) if m >= 1 => m,
            _ => {
                eprintln!("gen_orders: --max-numbers takes a number of at least 1");
                return ExitCode::from(2);
            }
        },
        Some(other) => {
            eprintln!("gen_orders: unknown argument `{other}`");
            return ExitCode::from(2);
        }
    };
    match generate(std::path::Path::new(dir), count, max_numbers) {
        Ok(()) => {
            println!("wrote {count} orders to {dir}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_orders: {e}");
            ExitCode::from(1)
        }
    }
}

/// Write `count` orders of 1 to `max_numbers` numbers into the store at `dir` (the benches
/// call this too), on two threads: each makes and writes its half of the ids, a batch at a time,
/// while the other waits for the store's lock or makes its next batch.
pub fn generate(dir: &std::path::Path, count: usize, max_numbers: usize) -> Result<(), String> {
    generate_from(dir, 0, count, max_numbers)
}

/// `generate`, numbering the orders from `first` (`PO-GEN` and the number): stores generated
/// with distinct ranges share no id (the board's tenants, `benches/board.rs`).
pub fn generate_from(
    dir: &std::path::Path,
    first: usize,
    count: usize,
    max_numbers: usize,
) -> Result<(), String> {
    let half = first + count.div_ceil(2);
    let end = first + count;
    std::thread::scope(|scope| {
        let workers: Vec<_> = [first..half, half..end]
            .into_iter()
            .map(|ids| scope.spawn(move || generate_ids(dir, ids, count, max_numbers)))
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| Err("a writer thread panicked".to_string()))
        })
    })
}

/// Make and write the orders numbered `ids` (each from its own seed, so the split does not
/// change them).
fn generate_ids(
    dir: &std::path::Path,
    ids: std::ops::Range<usize>,
    count: usize,
    max_numbers: usize,
) -> Result<(), String> {
    let (mut store, _) = Store::open_one(dir).map_err(|e| e.to_string())?;
    let start = Timestamp::from_second(1_790_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
    let last = ids.end;
    let mut batch = Vec::with_capacity(BATCH);
    for i in ids {
        let mut rng = Rng::seeded(count as u64, i as u64);
        let now = start
            .checked_add((i as i64 * 37).minutes())
            .unwrap_or(start);
        let clock = Clock {
            now,
            today: date(2026, 11, 26),
        };
        let mut order = Order::new(
            format!("PO-GEN{i:06}"),
            fields(&mut rng, i, max_numbers),
            now,
        );
        advance(&mut order, &mut rng, clock);
        batch.push(order);
        if batch.len() == BATCH || i + 1 == last {
            store
                .create_batch(std::mem::take(&mut batch))
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
