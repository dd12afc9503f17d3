//! `portwiz assign ID FILE.csv` and `export --format powershell` on the real binary
//! (docs/assign.md): a good sheet changes the plan and says so on stdout; a bad one is named line
//! by line and changes nothing; hostile sheets are capped and refused; the plan survives an
//! export and import; the script quotes every value.

use crate::support::{new_order, order_file, run};
use std::path::Path;

const LOC: &str = "7fda0c0b-6a3d-48b8-854b-3fbe9dcf6513";

fn sheet(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_sheet_assigns_the_numbers_and_the_script_carries_them_out() {
    let store = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let id = new_order(store.path(), "complete-order.json");
    let csv = sheet(
        files.path(),
        "a.csv",
        &format!(
            "identity,LOCATIONID,phonenumber\r\nalice@contoso.com,{LOC},14255550100\r\ncq-main@contoso.com,{LOC},+14255550101\r\n"
        ),
    );
    let out = run(store.path(), &["assign", &id, &csv]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("+14255550100: alice@contoso.com (user, location 7fda0c0b"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("2 assignments changed; 2 of 3 numbers assigned"),
        "{}",
        out.stdout
    );
    let file = order_file(store.path(), &id);
    assert_eq!(
        file["assignments"]["+14255550100"]["identity"],
        "alice@contoso.com"
    );
    assert_eq!(
        file["history"].as_array().unwrap().last().unwrap()["event"],
        "assigned"
    );

    let script = run(store.path(), &["export", &id, "--format", "powershell"]);
    assert_eq!(script.code, 0, "{}", script.stderr);
    assert!(
        script
            .stdout
            .starts_with(&format!("# portwiz: the Teams assignments of order {id}")),
        "{}",
        script.stdout
    );
    assert!(
        script.stdout.contains("# Written: 2026-"),
        "{}",
        script.stdout
    );
    assert!(script.stdout.contains(&format!(
        "Set-CsPhoneNumberAssignment -Identity 'alice@contoso.com' -PhoneNumber '+14255550100' -PhoneNumberType CallingPlan -LocationId '{LOC}'\n"
    )), "{}", script.stdout);
    assert!(
        script
            .stdout
            .contains("# Not assigned yet (1): +14255550102"),
        "{}",
        script.stdout
    );

    // The plan goes out with the json export and comes back with import.
    let exported = run(store.path(), &["export", &id, "--format", "json"]);
    let json = sheet(files.path(), "o.json", &exported.stdout);
    let imported = run(store.path(), &["import", &json]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let copy = order_file(store.path(), imported.stdout.trim());
    assert_eq!(copy["assignments"], file["assignments"]);
}

#[test]
fn a_bad_sheet_is_named_line_by_line_and_changes_nothing() {
    let store = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let id = new_order(store.path(), "complete-order.json");
    let before = std::fs::read(store.path().join("orders").join(format!("{id}.json"))).unwrap();
    let csv = sheet(
        files.path(),
        "bad.csv",
        &format!(
            "PhoneNumber,Identity,LocationId\n+14255550100,alice@contoso.com,{LOC}\n\
             +14255550100,bob@contoso.com,{LOC}\n+19995550100,carol@contoso.com,{LOC}\n\
             +14255550102,dave@contoso.com,\n"
        ),
    );
    let out = run(store.path(), &["assign", &id, &csv]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("bad.csv: line 3: +14255550100 is given twice (also on line 2)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("line 4: +19995550100 is not one of order"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("line 5: +14255550102 goes to a user without an emergency location"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("nothing was changed"), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    let after = std::fs::read(store.path().join("orders").join(format!("{id}.json"))).unwrap();
    assert_eq!(before, after);
    let script = run(store.path(), &["export", &id, "--format", "powershell"]);
    assert_eq!(script.code, 1);
    assert!(
        script.stderr.contains("no number of order"),
        "{}",
        script.stderr
    );
}

#[test]
fn hostile_sheets_are_capped_and_refused_and_nothing_unclean_is_echoed() {
    let store = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let id = new_order(store.path(), "complete-order.json");
    let huge = sheet(
        files.path(),
        "huge.csv",
        &"PhoneNumber,Identity\n".repeat(70_000),
    );
    let out = run(store.path(), &["assign", &id, &huge]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let wrong = sheet(
        files.path(),
        "wrong.csv",
        "Number,User,Location\n+14255550100,a@b.com,x\n",
    );
    let out = run(store.path(), &["assign", &id, &wrong]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("line 1: column “User” is not one portwiz reads"),
        "{}",
        out.stderr
    );
    let escapes = sheet(
        files.path(),
        "esc.csv",
        &format!(
            "PhoneNumber,Identity,LocationId\n+14255550100,\"a\u{1b}[2J\u{1b}]0;owned\u{7}lice@contoso.com\",{LOC}\n+14255550101,\"bob@contoso.com\n'; Remove-Item C:\\\",{LOC}\n"
        ),
    );
    let out = run(store.path(), &["assign", &id, &escapes]);
    assert_eq!(out.code, 1);
    assert!(
        !out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{7}'),
        "{:?}",
        out.stderr
    );
    assert!(
        out.stderr.contains("line 2: the identity"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("line 3: the identity"),
        "{}",
        out.stderr
    );
    let folder = run(
        store.path(),
        &["assign", &id, files.path().to_str().unwrap()],
    );
    assert_eq!(folder.code, 2, "{}", folder.stderr);
    assert!(order_file(store.path(), &id).get("assignments").is_none());
}

#[test]
fn show_says_who_gets_which_number_what_is_left_and_the_script() {
    let store = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let id = new_order(store.path(), "complete-order.json");
    let json_before = run(store.path(), &["show", &id, "--json"]);
    let before: serde_json::Value = serde_json::from_str(&json_before.stdout).unwrap();
    assert_eq!(before["assignment_plan"]["assigned"], 0);
    assert_eq!(before["assignment_plan"]["script_ready"], false);
    assert!(
        !run(store.path(), &["show", &id])
            .stdout
            .contains("Assignments")
    );

    let csv = sheet(
        files.path(),
        "a.csv",
        &format!(
            "PhoneNumber,Identity,LocationId\n+14255550100,alice@contoso.com,{LOC}\n\
             +14255550102,bob@contoso.com,{LOC}\n"
        ),
    );
    assert_eq!(run(store.path(), &["assign", &id, &csv]).code, 0);
    let show = run(store.path(), &["show", &id]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    for line in [
        "Assignments (2 of 3 numbers assigned; changed ",
        &format!("  +14255550100  alice@contoso.com (user, location {LOC})\n"),
        &format!("  +14255550102  bob@contoso.com (user, location {LOC})\n"),
        "  Not assigned yet (1): +14255550101\n",
        &format!("portwiz export {id} --format powershell -o {id}-assignments.ps1"),
    ] {
        assert!(show.stdout.contains(line), "{line:?} in\n{}", show.stdout);
    }

    // --json: the export's fields as before, plus what the plan says.
    let out = run(store.path(), &["show", &id, "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        doc["assignments"]["+14255550102"]["identity"],
        "bob@contoso.com"
    );
    let plan = &doc["assignment_plan"];
    assert_eq!(plan["assigned"], 2);
    assert_eq!(plan["numbers"], 3);
    assert_eq!(plan["not_assigned"], serde_json::json!(["+14255550101"]));
    assert_eq!(plan["problems"], serde_json::json!([]));
    assert_eq!(plan["script_ready"], true);
    assert!(
        plan["changed"]
            .as_str()
            .is_some_and(|t| t.starts_with("20"))
    );
    for (key, value) in before.as_object().unwrap() {
        if key != "assignment_plan" && key != "history" && key != "assignments" {
            assert_eq!(&doc[key], value, "{key}: show --json only adds fields");
        }
    }

    // A number taken off the order since: the plan argues and the script waits.
    let set = run(
        store.path(),
        &["set", &id, "numbers", "+14255550100,+14255550101"],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let show = run(store.path(), &["show", &id]);
    for line in [
        "Assignments (1 of 2 numbers assigned; ",
        "  ! +14255550102 is no longer one of the order's numbers\n",
        &format!("  Fix these (portwiz assign {id} FILE.csv"),
    ] {
        assert!(show.stdout.contains(line), "{line:?} in\n{}", show.stdout);
    }
    let out = run(store.path(), &["show", &id, "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["assignment_plan"]["script_ready"], false);
    assert_eq!(
        doc["assignment_plan"]["problems"][0]["number"],
        "+14255550102"
    );
}
