use super::*;
use crate::domain::test_orders::{complete_order, day};

const LOC: &str = "7fda0c0b-6a3d-48b8-854b-3fbe9dcf6513";

fn rows(text: &str) -> Vec<Row> {
    read_rows(text, Headers::Required).unwrap()
}

fn messages(p: &Proposal) -> Vec<String> {
    p.issues.iter().map(ToString::to_string).collect()
}

#[test]
fn columns_in_any_case_and_order_numbers_with_or_without_plus() {
    let order = complete_order("PO-A", "Contoso", 0);
    let sheet = format!(
        "locationid,IDENTITY,Phone Number\n{LOC},alice@contoso.com,14255550100\n{LOC},bob@contoso.com,+1 (425) 555-0101\n"
    );
    let p = propose(&order, &rows(&sheet));
    assert!(p.issues.is_empty(), "{:?}", messages(&p));
    assert_eq!(p.changes.len(), 2);
    assert_eq!(p.changes[0].number, "+14255550100");
    assert_eq!(
        p.changes[1].after.as_ref().map(|a| a.identity.as_str()),
        Some("bob@contoso.com")
    );
}

#[test]
fn each_problem_is_named_with_its_line() {
    let order = complete_order("PO-A", "Contoso", 0);
    let sheet = format!(
        "PhoneNumber,Identity,LocationId\n\
         +14255550199,alice@contoso.com,{LOC}\n\
         +14255550100,alice@contoso.com,{LOC}\n\
         +14255550100,bob@contoso.com,{LOC}\n\
         +14255550101,Bob Smith,{LOC}\n\
         +14255550102,carol@contoso.com,\n"
    );
    let p = propose(&order, &rows(&sheet));
    let said = messages(&p);
    assert!(
        said[0].starts_with("line 2: +14255550199 is not one of order PO-A"),
        "{said:?}"
    );
    assert!(
        said[1].starts_with("line 4: +14255550100 is given twice (also on line 3)"),
        "{said:?}"
    );
    assert!(
        said[2].starts_with("line 5: “Bob Smith” is not a user's"),
        "{said:?}"
    );
    assert!(
        said[3].starts_with("line 6: +14255550102 goes to a user without an emergency location"),
        "{said:?}"
    );
    assert_eq!(p.errors().count(), 4);
}

#[test]
fn a_service_number_never_goes_to_a_user_and_a_bridge_takes_only_service_numbers() {
    let mut order = complete_order("PO-T", "Contoso", 0);
    order.fields.number_type = "toll_free".into();
    order.fields.numbers = vec!["+18005550100".into(), "+18005550101".into()];
    let p = propose(
        &order,
        &rows("PhoneNumber,Identity\n+18005550100,alice@contoso.com\n"),
    );
    assert!(
        messages(&p)[0].contains("is a service number (toll-free)"),
        "{:?}",
        messages(&p)
    );
    let p = propose(
        &order,
        &rows(
            "PhoneNumber,Identity,IdentityType\n+18005550100,aa-main@contoso.com,auto attendant\n+18005550101,Conference Bridge,ConferenceBridge\n",
        ),
    );
    assert!(p.issues.is_empty(), "{:?}", messages(&p));
    let user_numbers = complete_order("PO-U", "Contoso", 0);
    let p = propose(
        &user_numbers,
        &rows("PhoneNumber,Identity,IdentityType\n+14255550100,Conference Bridge,bridge\n"),
    );
    assert!(
        messages(&p)[0].contains("takes only service numbers"),
        "{:?}",
        messages(&p)
    );
}

#[test]
fn the_emergency_location_is_an_error_in_the_us_and_canada_only() {
    let mut order = complete_order("PO-GB", "Contoso", 0);
    order.fields.country = "GB".into();
    order.fields.numbers = vec!["+442079460000".into()];
    let p = propose(
        &order,
        &rows("PhoneNumber,Identity\n442079460000,alice@contoso.co.uk\n"),
    );
    assert!(p.issues.is_empty(), "{:?}", messages(&p));
    assert!(
        messages(&propose(
            &order,
            &rows("PhoneNumber,Identity,LocationId\n442079460000,a@b.com,null\n")
        ))[0]
            .contains("`null` removes")
    );
}

#[test]
fn hostile_cells_are_refused_and_echoed_clean_and_short() {
    let order = complete_order("PO-A", "Contoso", 0);
    let long = "x".repeat(5_000);
    let sheet = format!(
        "PhoneNumber,Identity,LocationId\n\
         +14255550100,\"al\u{1b}]52;c;aGk=\u{7}ice@contoso.com\",{LOC}\n\
         +14255550101,\"bob@contoso.com\nInvoke-Evil\",{LOC}\n\
         +14255550102,{long}@contoso.com,{LOC}\n"
    );
    let p = propose(&order, &rows(&sheet));
    assert_eq!(p.errors().count(), 3, "{:?}", messages(&p));
    for said in messages(&p) {
        assert!(!said.chars().any(|c| c.is_control()), "{said:?}");
        assert!(said.chars().count() < 400, "{said}");
    }
}

#[test]
fn wrong_columns_and_huge_sheets_are_refused_before_any_row() {
    let e = read_rows("PhoneNumber,Identity,Location\n+1,a\n", Headers::Required).unwrap_err();
    assert_eq!(e.line, 1);
    assert!(
        e.reason.contains("“Location” is not one portwiz reads"),
        "{e}"
    );
    let e = read_rows("Number,LocationId\n", Headers::Required).unwrap_err();
    assert!(e.reason.contains("no Identity column"), "{e}");
    let e = read_rows(&"a".repeat(parse::MAX_BYTES + 1), Headers::Required).unwrap_err();
    assert!(e.reason.contains("KiB"), "{e}");
    let e = read_rows("+14255550100,a@b.com\n", Headers::Required).unwrap_err();
    assert!(e.reason.contains("not one portwiz reads"), "{e}");
}

#[test]
fn a_paste_from_a_sheet_needs_no_header_and_takes_tabs() {
    let pasted = format!(
        "+14255550100\talice@contoso.com\t{LOC}\n4255550101\tcq@contoso.com\t\tResourceAccount\n"
    );
    let got = read_rows(&pasted, Headers::Optional).unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].line, 1);
    assert_eq!(got[1].kind, "ResourceAccount");
    let order = complete_order("PO-A", "Contoso", 0);
    let p = propose(&order, &got);
    // A user number given to a resource account is a warning, not an error.
    assert!(!p.has_errors(), "{:?}", messages(&p));
    assert_eq!(p.warnings().count(), 1);
}

#[test]
fn assigning_records_one_entry_and_an_empty_identity_clears() {
    let mut order = complete_order("PO-A", "Contoso", 0);
    let p = propose(
        &order,
        &rows(&format!(
            "PhoneNumber,Identity,LocationId\n+14255550100,alice@contoso.com,{LOC}\n+14255550101,bob@contoso.com,{LOC}\n"
        )),
    );
    order.assign(&p.changes, day(1).now).unwrap();
    assert_eq!(order.assigned_count(), 2);
    let entry = order.history.last().unwrap();
    assert_eq!(entry.event, Event::Assigned);
    assert!(
        entry
            .note
            .starts_with("Assigned 2 numbers: +14255550100 → alice@contoso.com (user, location"),
        "{}",
        entry.note
    );
    let p = propose(&order, &rows("PhoneNumber,Identity\n+14255550101,\n"));
    assert!(p.issues.is_empty());
    order.assign(&p.changes, day(2).now).unwrap();
    assert_eq!(order.assigned_count(), 1);
    assert_eq!(
        order.history.last().unwrap().note,
        "Cleared 1 number: +14255550101"
    );
    // The same sheet again changes nothing and records nothing.
    let before = order.history.len();
    let p = propose(
        &order,
        &rows(&format!(
            "PhoneNumber,Identity,LocationId\n+14255550100,alice@contoso.com,{LOC}\n"
        )),
    );
    assert!(p.changes.is_empty());
    order.assign(&p.changes, day(3).now).unwrap();
    assert_eq!(order.history.len(), before);
}

#[test]
fn a_cancelled_order_takes_no_assignment() {
    let mut order = complete_order("PO-A", "Contoso", 0);
    order.status = Status::Cancelled;
    let p = propose(
        &order,
        &rows(&format!(
            "PhoneNumber,Identity,LocationId\n+14255550100,alice@contoso.com,{LOC}\n"
        )),
    );
    let before = order.clone();
    assert!(order.assign(&p.changes, day(1).now).is_err());
    assert_eq!(order, before);
}

#[test]
fn one_identity_for_two_numbers_is_a_warning() {
    let order = complete_order("PO-A", "Contoso", 0);
    let p = propose(
        &order,
        &rows(&format!(
            "PhoneNumber,Identity,LocationId\n+14255550100,alice@contoso.com,{LOC}\n+14255550101,ALICE@contoso.com,{LOC}\n"
        )),
    );
    assert!(!p.has_errors());
    assert_eq!(p.warnings().count(), 2, "{:?}", messages(&p));
}
