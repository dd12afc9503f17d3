//! Three-way merge of an order saved in two places: `base` (the order as a screen opened it),
//! `theirs` (the file as another portwiz, the CLI or a sync left it) and `mine` (the screen's
//! edits). Fields are merged one by one over the registry: a field only one side changed takes
//! that side's value; a field both changed to different values is a [`Conflict`] for the user
//! to settle, never decided here. The phone numbers merge number by number (they are a set of
//! independent items: one window importing numbers while another removes one keeps both
//! changes); every other field is one value.
//!
//! The lifecycle (status, rejections, FOC, support, the submitted snapshot) is one part: the
//! side that moved it wins; when both moved it, or when theirs left a status in which fields
//! cannot be edited while mine edited fields, mine's work cannot be applied, and it is kept as a
//! note in the order's history (PIN masked) instead of being dropped.

use super::assignment::{merge_plans, number_key};
use super::fields::FieldValue;
use super::fields::OrderFields;
use super::history::{Change, Event, HistoryEntry};
use super::key::FieldKey;
use super::order::{Foc, Order, Rejection, Support};
use super::registry::{FIELDS, spec};
use super::secret::Secret;
use super::status::Status;

/// What a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// A field of the order.
    Field(FieldKey),
    /// What the Customer Service Record says for a field.
    Csr(FieldKey),
    /// The Microsoft support ticket.
    Ticket,
    /// One number's assignment (`domain::assignment`), by the number's E.164 digits.
    Assignment(u64),
}

impl Part {
    /// The part's name for a person ("Order name", "CSR: Account number").
    pub fn label(self) -> String {
        match self {
            Part::Field(key) => spec(key).label.to_string(),
            Part::Csr(key) => format!("CSR: {}", spec(key).label),
            Part::Ticket => "Support ticket".to_string(),
            Part::Assignment(digits) => format!("Assignment of +{digits}"),
        }
    }

    /// Whether the values are secret (the PIN, and what the CSR says of it).
    pub fn is_secret(self) -> bool {
        match self {
            Part::Field(key) | Part::Csr(key) => spec(key).secret,
            Part::Ticket | Part::Assignment(_) => false,
        }
    }
}

/// Which side's value to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Theirs,
    Mine,
}

/// A part both sides changed to different values: both values, one line each, as shown to the
/// user (a secret's as its mask: the values themselves stay in the orders, which `resolve` reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub part: Part,
    pub theirs: String,
    pub mine: String,
}

impl Conflict {
    fn new(part: Part, theirs: String, mine: String) -> Conflict {
        let shown = |v: String| {
            if part.is_secret() {
                Secret::new(v).masked().to_string()
            } else {
                v
            }
        };
        Conflict {
            part,
            theirs: shown(theirs),
            mine: shown(mine),
        }
    }
}

/// Why mine's work could not be applied to theirs (it is kept as a history note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    /// Theirs moved the order to a status in which fields cannot be edited (submitted,
    /// cancelled...), and mine edited fields.
    NotEditable(Status),
    /// Both recorded a change of the lifecycle (an answer, a submission) since base.
    BothMoved(Status),
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// What would be saved: theirs, with every change of mine that does not collide. A part in
    /// conflict holds theirs' value until [`Merge::resolve`] picks.
    pub order: Order,
    /// The parts the other side changed since base (named in the notice; values never).
    pub theirs_changed: Vec<Part>,
    /// The parts both changed to different values, for the user to choose.
    pub conflicts: Vec<Conflict>,
    /// Set when mine could not be applied at all; `order` is then theirs with a note.
    pub blocked: Option<Blocked>,
}

/// One line of a field's value (lists joined with `; `).
fn line(fields: &OrderFields, key: FieldKey) -> String {
    fields.get(key).to_line()
}

/// The lifecycle part of an order: what an answer or a submission changes.
fn lifecycle(
    o: &Order,
) -> (
    Status,
    &[Rejection],
    Option<&Foc>,
    Option<&Support>,
    Option<&OrderFields>,
) {
    (
        o.status,
        &o.rejections,
        o.foc.as_ref(),
        o.support.as_ref(),
        o.submitted_fields.as_ref(),
    )
}

/// The numbers: theirs, without those mine removed, with those mine added (in mine's order).
fn merge_numbers(base: &[String], theirs: &[String], mine: &[String]) -> Vec<String> {
    let mut out: Vec<String> = theirs
        .iter()
        .filter(|n| !base.contains(n) || mine.contains(n))
        .cloned()
        .collect();
    for n in mine {
        if !base.contains(n) && !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}

/// Merge `mine` into `theirs`, both descendants of `base`.
pub fn merge(base: &Order, theirs: &Order, mine: &Order) -> Merge {
    let mut order = theirs.clone();
    let mut theirs_changed = Vec::new();
    let mut conflicts = Vec::new();
    let mut mine_fields = Vec::new();
    for f in FIELDS {
        let (b, t, m) = (
            base.fields.get(f.key),
            theirs.fields.get(f.key),
            mine.fields.get(f.key),
        );
        if t != b {
            theirs_changed.push(Part::Field(f.key));
        }
        if m == b || m == t {
            continue;
        }
        mine_fields.push(f.key);
        if t == b {
            order.fields.set(f.key, m);
        } else if f.key == FieldKey::Numbers {
            let merged = merge_numbers(
                &base.fields.numbers,
                &theirs.fields.numbers,
                &mine.fields.numbers,
            );
            order.fields.set(f.key, FieldValue::List(merged));
        } else {
            conflicts.push(Conflict::new(Part::Field(f.key), t.to_line(), m.to_line()));
        }
    }
    merge_csr(
        base,
        theirs,
        mine,
        &mut order,
        &mut theirs_changed,
        &mut conflicts,
    );
    merge_number_marks(base, theirs, mine, &mut order);
    let mine_ticket = mine.ticket != base.ticket && mine.ticket != theirs.ticket;
    if theirs.ticket != base.ticket {
        theirs_changed.push(Part::Ticket);
    }
    if mine_ticket {
        if theirs.ticket == base.ticket {
            order.ticket = mine.ticket.clone();
        } else {
            conflicts.push(Conflict::new(
                Part::Ticket,
                theirs.ticket.clone().unwrap_or_default(),
                mine.ticket.clone().unwrap_or_default(),
            ));
        }
    }
    let plan = merge_assignments(base, theirs, mine, &mut theirs_changed, &mut conflicts);
    let mine_moved = lifecycle(mine) != lifecycle(base);
    let theirs_moved = lifecycle(theirs) != lifecycle(base);
    let edited = !mine_fields.is_empty() || mine.csr != base.csr || mine_ticket;
    let blocked = if mine_moved && theirs_moved {
        Some(Blocked::BothMoved(theirs.status))
    } else if theirs_moved && edited && !theirs.status.is_editable() {
        Some(Blocked::NotEditable(theirs.status))
    } else {
        None
    };
    if let Some(why) = blocked {
        let mut order = kept_as_note(base, theirs, mine, why);
        // The plan is no field: mine's assignments stand whatever the order became.
        order.assignments = plan;
        return Merge {
            order,
            theirs_changed,
            conflicts: Vec::new(),
            blocked,
        };
    }
    if mine_moved {
        order.status = mine.status;
        order.rejections = mine.rejections.clone();
        order.foc = mine.foc.clone();
        order.support = mine.support.clone();
        order.submitted_fields = mine.submitted_fields.clone();
    }
    order.assignments = plan;
    carry_flags(theirs, mine, &mut order, &mine_fields);
    order.history = merged_history(base, theirs, mine);
    order.updated_at = theirs.updated_at.max(mine.updated_at);
    Merge {
        order,
        theirs_changed,
        conflicts,
        blocked: None,
    }
}

/// What the CSR says, key by key, like the fields.
fn merge_csr(
    base: &Order,
    theirs: &Order,
    mine: &Order,
    order: &mut Order,
    theirs_changed: &mut Vec<Part>,
    conflicts: &mut Vec<Conflict>,
) {
    let keys: std::collections::BTreeSet<FieldKey> = base
        .csr
        .keys()
        .chain(theirs.csr.keys())
        .chain(mine.csr.keys())
        .copied()
        .collect();
    for key in keys {
        let (b, t, m) = (base.csr.get(&key), theirs.csr.get(&key), mine.csr.get(&key));
        if t != b {
            theirs_changed.push(Part::Csr(key));
        }
        if m == b || m == t {
            continue;
        }
        if t == b {
            match m {
                Some(v) => order.csr.insert(key, v.clone()),
                None => order.csr.remove(&key),
            };
        } else {
            conflicts.push(Conflict::new(
                Part::Csr(key),
                t.cloned().unwrap_or_default(),
                m.cloned().unwrap_or_default(),
            ));
        }
    }
}

/// The assignment plans, number by number (`assignment::merge_plans`): a number both changed
/// differently is a conflict, theirs kept until the user picks.
fn merge_assignments(
    base: &Order,
    theirs: &Order,
    mine: &Order,
    theirs_changed: &mut Vec<Part>,
    conflicts: &mut Vec<Conflict>,
) -> super::assignment::Plan {
    let (plan, changed, both) =
        merge_plans(&base.assignments, &theirs.assignments, &mine.assignments);
    let part = |n: &String| number_key(n).map(Part::Assignment);
    theirs_changed.extend(changed.iter().filter_map(part));
    let side = |o: &Order, n: &String| {
        o.assignments
            .get(n)
            .map_or_else(|| "not assigned".to_string(), |a| a.describe())
    };
    for number in &both {
        if let Some(p) = part(number) {
            conflicts.push(Conflict::new(p, side(theirs, number), side(mine, number)));
        }
    }
    plan
}

/// What the carrier said of each number, number by number: a number only one side marked or
/// unmarked takes that side's; one both changed keeps the later mark (a mark is the carrier's
/// words, not a choice of the user's: the newer answer is the one that stands, and a mark one
/// side removed while the other renewed it stays, so no answer is lost).
fn merge_number_marks(base: &Order, theirs: &Order, mine: &Order, order: &mut Order) {
    let numbers: std::collections::BTreeSet<&String> = base
        .number_marks
        .keys()
        .chain(theirs.number_marks.keys())
        .chain(mine.number_marks.keys())
        .collect();
    for number in numbers {
        let (b, t, m) = (
            base.number_marks.get(number),
            theirs.number_marks.get(number),
            mine.number_marks.get(number),
        );
        if m == b || m == t {
            continue;
        }
        let kept = match (t == b, t, m) {
            (true, _, m) => m,
            (false, Some(t), Some(m)) => Some(if m.at > t.at { m } else { t }),
            (false, t, m) => t.or(m),
        };
        match kept {
            Some(mark) => order.number_marks.insert(number.clone(), mark.clone()),
            None => order.number_marks.remove(number),
        };
    }
}

/// The PIN and LOA bookkeeping follow the side whose value was kept.
fn carry_flags(theirs: &Order, mine: &Order, order: &mut Order, mine_fields: &[FieldKey]) {
    if mine_fields.contains(&FieldKey::Pin) && order.fields.pin == mine.fields.pin {
        order.pin_changed_since_submission = order.submitted_fields.is_some();
    }
    if mine_fields.contains(&FieldKey::Loa) && order.fields.loa == mine.fields.loa {
        order.loa_signed_fields = mine.loa_signed_fields.clone();
    } else if theirs.fields.loa != order.fields.loa {
        order.loa_signed_fields = theirs.loa_signed_fields.clone();
    }
}

/// Theirs' history with what mine added to base's, in time order: the entries of visits with
/// an id merged by id, the others by position.
fn merged_history(base: &Order, theirs: &Order, mine: &Order) -> Vec<HistoryEntry> {
    let without_id = |o: &Order| -> Vec<HistoryEntry> {
        o.history
            .iter()
            .filter(|e| e.visit.is_none())
            .cloned()
            .collect()
    };
    let mut history = merged_by_position(
        &without_id(base),
        &without_id(theirs),
        &without_id(mine),
        theirs,
        mine,
    );
    history.extend(merged_visits(base, theirs, mine));
    history.sort_by_key(|e| e.at);
    history
}

/// The entries of visits with an id: each visit's entry as the side that changed it since base
/// left it (only the window of the visit writes it); where both differ from base (a base that is
/// a stand-in), the later one.
fn merged_visits(base: &Order, theirs: &Order, mine: &Order) -> Vec<HistoryEntry> {
    let find = |o: &'_ Order, id: &str| -> Option<HistoryEntry> {
        o.history
            .iter()
            .find(|e| e.visit.as_deref() == Some(id))
            .cloned()
    };
    let mut ids: Vec<&str> = Vec::new();
    for e in theirs.history.iter().chain(&mine.history) {
        if let Some(id) = e.visit.as_deref().filter(|id| !ids.contains(id)) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let (b, t, m) = (find(base, id), find(theirs, id), find(mine, id));
            if m == b || m == t {
                t
            } else if t == b {
                m
            } else {
                t.into_iter().chain(m).max_by_key(|e| e.at)
            }
        })
        .collect()
}

/// Theirs' entries, then what mine added to base's (by position: base's are the first of
/// mine's).
fn merged_by_position(
    base: &[HistoryEntry],
    theirs_history: &[HistoryEntry],
    mine_history: &[HistoryEntry],
    theirs: &Order,
    mine: &Order,
) -> Vec<HistoryEntry> {
    let mut history = theirs_history.to_vec();
    let shared = base.len().min(mine_history.len());
    let mut from = shared;
    // An entry mine was still adding to (an edit visit) may have grown since base: mine's
    // version of it replaces base's where theirs still has it.
    if shared > 0 && mine_history.get(shared - 1) != base.get(shared - 1) {
        let theirs_moved_on = theirs_history.len() > shared;
        match history.get_mut(shared - 1) {
            Some(entry) if Some(&*entry) == base.get(shared - 1) && !theirs_moved_on => {
                *entry = mine_history[shared - 1].clone();
            }
            // Theirs has entries after it: what mine added to it since base is told after
            // them, from the values theirs left, and the entry stays as base saved it.
            Some(entry) if Some(&*entry) == base.get(shared - 1) => {
                let grown = &mine_history[shared - 1];
                let changes: Vec<Change> = grown
                    .changes
                    .iter()
                    .filter(|c| !entry.changes.contains(c))
                    .filter_map(|c| {
                        // Compared before masking: two different PINs mask alike.
                        let (was, now) = (line(&theirs.fields, c.key), line(&mine.fields, c.key));
                        (was != now).then(|| Change::new(c.key, &was, &now))
                    })
                    .collect();
                if !changes.is_empty() {
                    let latest = theirs.history.last().map_or(grown.at, |e| e.at);
                    history.push(HistoryEntry {
                        at: grown.at.max(latest),
                        event: Event::Edited,
                        from: None,
                        to: None,
                        note: super::edit::edited_note(&mine.fields, &changes),
                        changes,
                        visit: None,
                        by: None,
                    });
                }
            }
            _ => from = shared - 1,
        }
    }
    // Entries theirs already holds (mine began on an older version than its last) stay once.
    let added: Vec<HistoryEntry> = mine_history
        .iter()
        .skip(from)
        .filter(|e| !theirs_history.contains(e))
        .cloned()
        .collect();
    history.extend(added);
    history
}

/// Mine's history still says what this window changed; where the user kept the other window's
/// value instead, one entry after it says so, so the history ends at the value on disk.
fn kept_theirs_in_history(
    order: &mut Order,
    conflicts: &[Conflict],
    mine: &Order,
    pick: &impl Fn(Part) -> Side,
) {
    let changes: Vec<Change> = conflicts
        .iter()
        .filter(|c| pick(c.part) != Side::Mine)
        .filter_map(|c| match c.part {
            // Compared before masking: two different PINs mask alike.
            Part::Field(key) => {
                let (was, now) = (line(&mine.fields, key), line(&order.fields, key));
                (was != now).then(|| Change::new(key, &was, &now))
            }
            Part::Csr(_) | Part::Ticket | Part::Assignment(_) => None,
        })
        .collect();
    if changes.is_empty() {
        return;
    }
    let labels: Vec<&str> = changes.iter().map(|c| spec(c.key).label).collect();
    let at = order.history.last().map_or(order.updated_at, |e| e.at);
    order.history.push(HistoryEntry {
        at,
        event: Event::Edited,
        from: None,
        to: None,
        note: format!(
            "Kept the other window's value of {} (changed in two places)",
            labels.join(", ")
        ),
        changes,
        visit: None,
        by: None,
    });
}

/// Theirs, with a history note that says what mine did and why it was not applied.
fn kept_as_note(base: &Order, theirs: &Order, mine: &Order, why: Blocked) -> Order {
    let mut order = theirs.clone();
    let changes: Vec<Change> = FIELDS
        .iter()
        .filter_map(|f| {
            let (b, m) = (line(&base.fields, f.key), line(&mine.fields, f.key));
            (b != m).then(|| Change::new(f.key, &b, &m))
        })
        .collect();
    let answers: Vec<&str> = mine
        .history
        .iter()
        .skip(base.history.len())
        .filter(|e| e.event != Event::Edited)
        .map(|e| e.note.as_str())
        .collect();
    let mut note = match why {
        Blocked::NotEditable(status) => format!(
            "Not applied: these edits were made in another window while the order became {}",
            status.label()
        ),
        Blocked::BothMoved(status) => format!(
            "Not applied: recorded in another window while the order became {}",
            status.label()
        ),
    };
    if !answers.is_empty() {
        note.push_str(&format!(" (it recorded: {})", answers.join("; ")));
    }
    order.history.push(HistoryEntry {
        at: mine.updated_at.max(theirs.updated_at),
        event: Event::Edited,
        from: None,
        to: None,
        note,
        changes,
        visit: None,
        by: None,
    });
    order.updated_at = mine.updated_at.max(theirs.updated_at);
    order
}

impl Merge {
    /// Whether nothing is left for the user to decide.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The order with each conflict settled by `pick` (a part not named keeps theirs).
    pub fn resolve(&self, mine: &Order, pick: impl Fn(Part) -> Side) -> Order {
        let mut order = self.order.clone();
        for c in &self.conflicts {
            if pick(c.part) != Side::Mine {
                continue;
            }
            match c.part {
                Part::Field(key) => {
                    order.fields.set(key, mine.fields.get(key));
                    if key == FieldKey::Pin {
                        order.pin_changed_since_submission = order.submitted_fields.is_some();
                    }
                    if key == FieldKey::Loa {
                        order.loa_signed_fields = mine.loa_signed_fields.clone();
                    }
                }
                Part::Csr(key) => match mine.csr.get(&key) {
                    Some(v) => {
                        order.csr.insert(key, v.clone());
                    }
                    None => {
                        order.csr.remove(&key);
                    }
                },
                Part::Ticket => order.ticket = mine.ticket.clone(),
                Part::Assignment(digits) => {
                    let number = format!("+{digits}");
                    match mine.assignments.get(&number) {
                        Some(a) => order.assignments.insert(number, a.clone()),
                        None => order.assignments.remove(&number),
                    };
                }
            }
        }
        kept_theirs_in_history(&mut order, &self.conflicts, mine, &pick);
        order
    }

    /// What to tell the user after a merge: what the other side changed (named by label,
    /// values never, so no secret is in it) and what could not be applied.
    pub fn notice(&self) -> String {
        let names = |parts: &mut dyn Iterator<Item = Part>| {
            parts.map(Part::label).collect::<Vec<_>>().join(", ")
        };
        if let Some(why) = self.blocked {
            let status = match why {
                Blocked::NotEditable(s) | Blocked::BothMoved(s) => s,
            };
            return format!(
                "This order became {} in another window meanwhile, so your change could not be applied. It is kept as a note in the order's history; nothing was lost.",
                status.label()
            );
        }
        let changed = names(&mut self.theirs_changed.iter().copied());
        let mut text = if changed.is_empty() {
            "Another window saved this order meanwhile; your edits were combined with it."
                .to_string()
        } else {
            format!("Another window changed {changed} meanwhile; your edits were combined with it.")
        };
        if !self.conflicts.is_empty() {
            let both = names(&mut self.conflicts.iter().map(|c| c.part));
            text.push_str(&format!(
                " Both changed {both}: choose which value to keep."
            ));
        }
        text
    }
}

#[cfg(test)]
mod assignment_tests;
#[cfg(test)]
mod tests;
