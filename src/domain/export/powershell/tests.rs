//! The script is read back by a parse of its own lines (issue 27): every value quoted, one line a
//! number, each value the plan's.

use super::*;
use crate::domain::assign::{Headers, propose, read_rows};
use crate::domain::test_orders::{complete_order, day};

const LOC: &str = "7fda0c0b-6a3d-48b8-854b-3fbe9dcf6513";

/// A command line of the script as PowerShell reads it: bare words, and single-quoted strings in
/// which two quote characters stand for one. `None` when a quote is left open.
fn tokens(line: &str) -> Option<Vec<(bool, String)>> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            continue;
        }
        if SINGLE_QUOTES.contains(&c) {
            let mut value = String::new();
            loop {
                let c = chars.next()?;
                if SINGLE_QUOTES.contains(&c) {
                    match chars.peek() {
                        Some(n) if SINGLE_QUOTES.contains(n) => {
                            value.push(c);
                            chars.next();
                        }
                        _ => break,
                    }
                } else {
                    value.push(c);
                }
            }
            out.push((true, value));
        } else {
            let mut word = c.to_string();
            while let Some(n) = chars.peek().filter(|n| **n != ' ') {
                word.push(*n);
                chars.next();
            }
            out.push((false, word));
        }
    }
    Some(out)
}

/// The parameters of a command line: `-Name value` pairs, every value quoted but the number type.
fn parameters(line: &str) -> (String, Vec<(String, String)>) {
    let tokens = tokens(line).unwrap_or_else(|| panic!("a quote left open: {line}"));
    let (command, rest) = tokens.split_first().unwrap();
    assert!(!command.0, "{line}");
    let params = rest
        .chunks(2)
        .map(|pair| {
            let (name, value) = (&pair[0], &pair[1]);
            assert!(!name.0 && name.1.starts_with('-'), "{line}");
            assert!(
                value.0 || name.1 == "-PhoneNumberType",
                "unquoted {}: {line}",
                name.1
            );
            (name.1.clone(), value.1.clone())
        })
        .collect();
    (command.1.clone(), params)
}

fn planned(order: &mut Order, sheet: &str) {
    let p = propose(order, &read_rows(sheet, Headers::Required).unwrap());
    assert!(!p.has_errors(), "{:?}", p.issues);
    order.assign(&p.changes, day(1).now).unwrap();
}

fn written() -> Written {
    Written {
        tenant: Some("contoso".into()),
        at: day(2).now,
    }
}

#[test]
fn one_line_a_number_every_value_quoted_and_read_back() {
    let mut order = complete_order("PO-PS", "Contoso", 0);
    planned(
        &mut order,
        &format!(
            "PhoneNumber,Identity,LocationId\n+14255550100,o'brien@contoso.com,{LOC}\n+14255550101,bob@contoso.com,{LOC}\n"
        ),
    );
    let script = render(&order, &written()).unwrap();
    assert!(script.starts_with("# portwiz: the Teams assignments of order PO-PS (Redmond HQ main lines)\n# Tenant: contoso\n# Written: 2026-09-03 12:00 UTC\n"), "{script}");
    assert!(
        script.contains("# Not assigned yet (1): +14255550102\n"),
        "{script}"
    );
    let commands: Vec<&str> = script.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(commands.len(), 2);
    for line in &commands {
        let (command, params) = parameters(line);
        assert_eq!(command, "Set-CsPhoneNumberAssignment");
        let get = |name: &str| {
            params
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        let number = get("-PhoneNumber").unwrap();
        let a = &order.assignments[&number];
        assert_eq!(get("-Identity").as_ref(), Some(&a.identity));
        assert_eq!(get("-LocationId").as_ref(), Some(&a.location_id));
        assert_eq!(get("-PhoneNumberType").as_deref(), Some("CallingPlan"));
        assert_eq!(params.len(), 4);
    }
    assert!(
        commands[0].contains("-Identity 'o''brien@contoso.com'"),
        "{}",
        commands[0]
    );
    assert!(
        !script.chars().any(|c| c.is_control() && c != '\n'),
        "{script:?}"
    );
}

#[test]
fn a_hostile_bridge_name_stays_one_quoted_value() {
    let mut order = complete_order("PO-PS", "Contoso", 0);
    order.fields.number_type = "toll_free".into();
    order.fields.numbers = vec!["+18005550100".into()];
    let hostile = "Bridge ‘x’; Remove-Item C:\\ -Recurse; $(evil) `n \"q\" ‚‛'";
    order.assignments.insert(
        "+18005550100".into(),
        Assignment {
            identity: hostile.into(),
            kind: IdentityKind::ConferenceBridge,
            location_id: String::new(),
        },
    );
    let script = render(&order, &written()).unwrap();
    let commands: Vec<&str> = script.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(commands.len(), 1);
    let (command, params) = parameters(commands[0]);
    assert_eq!(command, "Register-CsOnlineDialInConferencingServiceNumber");
    assert_eq!(
        params,
        [
            ("-Identity".to_string(), "+18005550100".to_string()),
            ("-BridgeName".to_string(), hostile.to_string())
        ]
    );
    // A value with a line break or an escape sequence is cleaned before it is quoted.
    assert_eq!(quoted("a\nb\u{1b}[2Jc"), "'a bc'");
}

#[test]
fn nothing_assigned_or_a_plan_the_order_no_longer_fits_writes_nothing() {
    let mut order = complete_order("PO-PS", "Contoso", 0);
    assert!(matches!(
        render(&order, &written()),
        Err(ScriptError::NothingAssigned(_))
    ));
    planned(
        &mut order,
        &format!("PhoneNumber,Identity,LocationId\n+14255550100,alice@contoso.com,{LOC}\n"),
    );
    // The draft's numbers changed after the plan was made.
    order.fields.numbers = vec!["+14255550101".into()];
    let e = render(&order, &written()).unwrap_err().to_string();
    assert!(
        e.contains("+14255550100: +14255550100 is no longer one of the order's numbers"),
        "{e}"
    );
}
