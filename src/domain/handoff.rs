//! The hand-off: an order laid out as the Teams admin center's porting wizard asks for it, page
//! by page with its labels, one value per line, so the admin can copy each value across. The
//! pages and labels are the registry's (`FieldSpec::admin_page`, `admin_label`); for a
//! resubmission the fields changed since the rejection come first, as they are what must be
//! entered again.

use super::export::{ExportError, csv, one_line, readable_value};
use super::fields::FieldValue;
use super::key::FieldKey;
use super::order::{Clock, Order, Refusal};
use super::registry::{FIELDS, FieldSpec, spec};
use super::secret::MASK;
use super::status::Status;

pub use super::admin_page::AdminPage;

/// One value to enter in the admin center. Never holds the PIN in clear: `shown` masks it, and
/// the clipboard's text comes from [`clipboard_text`] when the user asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffLine {
    pub key: FieldKey,
    pub page: AdminPage,
    pub label: std::borrow::Cow<'static, str>,
    /// The value as drawn: cleaned, the PIN masked; `None` when the field is empty.
    pub shown: Option<String>,
    pub secret: bool,
    /// Changed since the order was last submitted (so rejected): to enter again.
    pub changed: bool,
}

/// The order as the admin center asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    /// The order goes back after a rejection: `changed` lists what to enter again.
    pub resubmission: bool,
    /// For a resubmission, the fields changed since the rejection, in page order.
    pub changed: Vec<HandoffLine>,
    /// Every other field, in page order (every field for a first submission).
    pub rest: Vec<HandoffLine>,
    /// The journal's notes, dated (`journal::dated_notes`): what was said with the carrier or
    /// the desk, for whoever enters the order; nothing here is entered in Teams.
    pub notes: Vec<String>,
    /// For an order the wizard does not take, the Service Center case's fields
    /// (`export::case`), to enter in the case form; empty for a wizard order.
    pub case: Vec<super::export::case::CaseField>,
}

impl Handoff {
    /// Every line in the order the view lists them: the changed ones, then the rest.
    pub fn lines(&self) -> impl Iterator<Item = &HandoffLine> {
        self.changed.iter().chain(&self.rest)
    }

    pub fn len(&self) -> usize {
        self.changed.len() + self.rest.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn line(&self, index: usize) -> Option<&HandoffLine> {
        self.lines().nth(index)
    }
}

/// The fields in the page order of the admin center's wizard for this order's route (the
/// registry's order within a page).
pub fn fields_by_page(order: &super::fields::OrderFields) -> Vec<&'static FieldSpec> {
    let mut fields: Vec<&FieldSpec> = FIELDS.iter().collect();
    // Stable: a page keeps the registry's order.
    fields.sort_by_key(|f| f.admin_for(order).0);
    fields
}

/// The hand-off of an order.
pub fn handoff(order: &Order) -> Handoff {
    let resubmission = order.status == Status::CustomerActionRequired;
    let (mut changed, mut rest) = (Vec::new(), Vec::new());
    for field in fields_by_page(&order.fields)
        .into_iter()
        .filter(|f| f.asked(&order.fields))
    {
        let (page, label) = field.admin_for(&order.fields);
        let line = HandoffLine {
            key: field.key,
            page,
            label,
            shown: shown(order, field),
            secret: field.secret,
            changed: resubmission && order.changed_since_submission(field.key),
        };
        if line.changed {
            changed.push(line);
        } else {
            rest.push(line);
        }
    }
    Handoff {
        resubmission,
        changed,
        rest,
        notes: super::journal::dated_notes(order),
        case: match order.fields.submission_route() {
            super::countries::Route::ServiceCenter => super::export::case::fields(order),
            _ => Vec::new(),
        },
    }
}

fn shown(order: &Order, field: &FieldSpec) -> Option<String> {
    let value = order.fields.get(field.key);
    if value.is_empty() {
        return None;
    }
    if field.secret {
        return Some(MASK.to_string());
    }
    match (field.key, &value) {
        (FieldKey::Numbers, FieldValue::List(numbers)) if numbers.len() > 1 => Some(format!(
            "{} numbers: {}",
            numbers.len(),
            numbers_pasted(numbers)
        )),
        _ => readable_value(field, &value),
    }
}

/// What the clipboard gets for a field: the value as the admin center takes it (numbers
/// separated by commas, a list by semicolons, a choice by its label), the PIN in clear.
/// `None` when the field is empty.
pub fn clipboard_text(order: &Order, key: FieldKey) -> Option<String> {
    let field = spec(key);
    let value = order.fields.get(key);
    if value.is_empty() {
        return None;
    }
    match (key, &value) {
        (FieldKey::Numbers, FieldValue::List(numbers)) => Some(numbers_pasted(numbers)),
        (_, FieldValue::Text(text)) if field.secret => Some(one_line(text)),
        _ => readable_value(field, &value),
    }
}

/// Numbers as the admin center's wizard takes them pasted: separated by commas.
fn numbers_pasted(numbers: &[String]) -> String {
    numbers
        .iter()
        .map(|n| one_line(n))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The numbers as the CSV the admin center uploads (the CSV export's file).
pub fn numbers_csv(order: &Order) -> Result<String, ExportError> {
    csv::render(&order.fields.numbers)
}

/// Record that the order was entered in the admin center: draft → submitted, or customer
/// action required → submitted (a resubmission), through the same checks as the wizard's
/// Review.
pub fn record_submission(order: &mut Order, clock: Clock) -> Result<(), Refusal> {
    match order.status {
        Status::CustomerActionRequired => order.resubmit(clock),
        _ => order.submit(clock),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_orders::{complete_order, day, rejection};

    #[test]
    fn a_first_submission_lists_every_field_by_the_admin_centers_pages() {
        let order = complete_order("PW-1", "Contoso Telecom", 0);
        let h = handoff(&order);
        assert!(!h.resubmission);
        assert!(h.changed.is_empty());
        // Every field a US order asks (no other country's identifiers).
        let asked = FIELDS.iter().filter(|f| f.asked(&order.fields)).count();
        assert_eq!(h.len(), asked);
        assert_eq!(asked, FIELDS.len() - 12);
        let pages: Vec<AdminPage> = h.lines().map(|l| l.page).collect();
        let mut sorted = pages.clone();
        sorted.sort();
        assert_eq!(pages, sorted);
        // Documents come before the porting details, as in the admin center.
        let at = |k| h.lines().position(|l| l.key == k).unwrap();
        assert!(at(FieldKey::Documents) < at(FieldKey::OrderName));
        assert!(at(FieldKey::OrderName) < at(FieldKey::Loa));
        // Every page of the admin center has a field.
        for page in AdminPage::ALL {
            assert!(h.lines().any(|l| l.page == page), "{page:?}");
        }
    }

    #[test]
    fn an_all_regions_order_is_laid_out_in_that_wizards_pages_and_labels() {
        let mut order = complete_order("PW-1", "Northwind Telecom", 0);
        let f = &mut order.fields;
        f.country = "GB".into();
        f.service_address.country = "GB".into();
        f.numbers = vec!["+442079460000".into(), "+442079460001".into()];
        f.number_usage = vec![
            "+442079460000 user".into(),
            "+442079460001 conference".into(),
        ];
        let h = handoff(&order);
        let pages: Vec<AdminPage> = h.lines().map(|l| l.page).collect();
        let mut sorted = pages.clone();
        sorted.sort();
        assert_eq!(pages, sorted);
        let mut titles: Vec<&str> = pages.iter().map(|p| p.title()).collect();
        titles.dedup();
        assert_eq!(
            titles,
            [
                "Get started",
                "Add account information",
                "Add number features",
                "Complete your order"
            ]
        );
        let line = |k| h.lines().find(|l| l.key == k).unwrap();
        assert_eq!(line(FieldKey::Numbers).label, "Phone numbers (E.164 only)");
        assert_eq!(line(FieldKey::Numbers).page, AdminPage::GetStarted);
        assert_eq!(
            line(FieldKey::NumberUsage).page,
            AdminPage::AddNumberFeatures
        );
        assert_eq!(
            line(FieldKey::PortTime).label,
            "Port time (local, Europe/London)"
        );
        // No mobile numbers port there: no account PIN is asked.
        assert!(h.lines().all(|l| l.key != FieldKey::Pin));
        assert!(h.lines().any(|l| l.key == FieldKey::IdUnderlyingCarrier));
    }

    #[test]
    fn the_pin_is_masked_on_screen_and_in_clear_only_for_the_clipboard() {
        let order = complete_order("PW-1", "Contoso Telecom", 0);
        let pin = order.fields.pin.expose().to_string();
        assert!(!pin.is_empty());
        let h = handoff(&order);
        for line in h.lines() {
            assert!(
                !line.shown.as_deref().unwrap_or("").contains(&pin),
                "{line:?}"
            );
        }
        let line = h.lines().find(|l| l.key == FieldKey::Pin).unwrap();
        assert!(line.secret);
        assert_eq!(line.shown.as_deref(), Some(MASK));
        assert_eq!(clipboard_text(&order, FieldKey::Pin), Some(pin));
    }

    #[test]
    fn numbers_are_copied_separated_by_commas_and_as_the_teams_csv() {
        let order = complete_order("PW-1", "Contoso Telecom", 0);
        let copied = clipboard_text(&order, FieldKey::Numbers).unwrap();
        assert_eq!(copied, order.fields.numbers.join(", "));
        let csv = numbers_csv(&order).unwrap();
        assert!(csv.starts_with("PhoneNumber\r\n"), "{csv}");
        for number in &order.fields.numbers {
            assert!(csv.contains(&format!("{number}\r\n")), "{csv}");
        }
        // A choice is copied by its label, as the admin center lists it.
        assert_eq!(
            clipboard_text(&order, FieldKey::Country).as_deref(),
            Some("United States")
        );
    }

    #[test]
    fn a_resubmission_lists_what_changed_since_the_rejection_first() {
        let mut order = complete_order("PW-1", "Contoso Telecom", 0);
        order.submit(day(1)).unwrap();
        order
            .reject(rejection(&[FieldKey::AccountNumber]), day(3).now)
            .unwrap();
        order
            .edit(
                FieldKey::AccountNumber,
                FieldValue::Text("ACC-777".into()),
                day(4).now,
            )
            .unwrap();
        order
            .edit(FieldKey::Pin, FieldValue::Text("9999".into()), day(4).now)
            .unwrap();
        let h = handoff(&order);
        assert!(h.resubmission);
        let changed: Vec<FieldKey> = h.changed.iter().map(|l| l.key).collect();
        assert_eq!(changed, [FieldKey::AccountNumber, FieldKey::Pin]);
        assert_eq!(h.line(0).and_then(|l| l.shown.as_deref()), Some("ACC-777"));
        // Every field a US order asks (no other country's identifiers).
        let asked = FIELDS.iter().filter(|f| f.asked(&order.fields)).count();
        assert_eq!(h.len(), asked);
        assert_eq!(asked, FIELDS.len() - 12);
        assert!(h.rest.iter().all(|l| !l.changed));
    }

    #[test]
    fn recording_the_submission_is_the_reviews_transition() {
        let mut order = complete_order("PW-1", "Contoso Telecom", 0);
        record_submission(&mut order, day(1)).unwrap();
        assert_eq!(order.status, Status::Submitted);
        // Not twice.
        assert!(record_submission(&mut order, day(1)).is_err());
        order
            .reject(rejection(&[FieldKey::AccountNumber]), day(3).now)
            .unwrap();
        record_submission(&mut order, day(4)).unwrap();
        assert_eq!(order.status, Status::Submitted);
        // An incomplete order is refused by the readiness check.
        let mut empty = complete_order("PW-2", "Contoso Telecom", 0);
        empty.fields.account_number.clear();
        assert!(record_submission(&mut empty, day(1)).is_err());
        assert_eq!(empty.status, Status::Draft);
    }
}
