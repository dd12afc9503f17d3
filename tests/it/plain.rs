//! Plain mode: the wizard as line-by-line questions, driven by a scripted input.

use crate::support::{Run, fixture, order_file, portwiz};
use jiff::civil::date;
use portwiz::domain::document;
use portwiz::domain::order::RejectionInput;
use portwiz::domain::{Clock, FieldKey, OrderFields, Status, Step};
use portwiz::plain::{self, Outcome};
use portwiz::store::Store;
use std::io::Write;
use std::process::Stdio;

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

fn fixture_fields() -> OrderFields {
    let text = std::fs::read_to_string(fixture("complete-order.json")).unwrap();
    document::parse(&text, false).unwrap().fields
}

/// One answer a field, in the wizard's order, from the registry: the fixture's values, with
/// `overrides` giving some fields several lines (a bad answer, then a good one).
fn script(overrides: &[(FieldKey, &str)]) -> String {
    let fields = fixture_fields();
    let mut lines = String::new();
    for step in Step::ALL.into_iter().filter(|s| *s != Step::Review) {
        for field in step.fields_asked(&fields) {
            match overrides.iter().find(|(k, _)| *k == field.key) {
                Some((_, answer)) => lines.push_str(answer),
                None => lines.push_str(&fields.get(field.key).to_line()),
            }
            lines.push('\n');
        }
    }
    lines
}

fn run_plain(dir: &std::path::Path, input: &str) -> (Outcome, String) {
    let (mut store, _) = Store::open(dir).unwrap();
    let mut output = Vec::new();
    let outcome = plain::run(input.as_bytes(), &mut output, &mut store, clock()).unwrap();
    (outcome, String::from_utf8(output).unwrap())
}

fn only_order_id(dir: &std::path::Path) -> String {
    let mut ids: Vec<String> = std::fs::read_dir(dir.join("orders"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    ids.remove(0)
}

#[test]
fn a_complete_order_is_created_and_submitted() {
    let dir = tempfile::tempdir().unwrap();
    // The country by its number in the list, the number type by its value.
    let input = script(&[
        (FieldKey::Country, "1"),
        (FieldKey::NumberType, "Geographic"),
    ]) + "y\n";
    let (outcome, output) = run_plain(dir.path(), &input);
    let id = only_order_id(dir.path());
    assert_eq!(outcome, Outcome::Submitted(id.clone()), "{output}");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "submitted");
    assert_eq!(file["fields"]["country"], "US");
    assert_eq!(file["fields"]["number_type"], "geographic");
    assert_eq!(
        file["fields"]["numbers"],
        serde_json::json!(["+14255550100", "+14255550101", "+14255550102"])
    );
    assert_eq!(file["fields"]["pin"], "482913");
    // Counted like the app's wizard: 7 steps, the last one Review.
    assert!(output.contains("Step 1 of 7: Get started"), "{output}");
    assert!(
        output.contains("Step 6 of 7: Letter of Authorization"),
        "{output}"
    );
    assert!(output.contains("Step 7 of 7: Review"), "{output}");
    // The fixture's numbers are of the fictional 555-01xx range: said, and no obstacle.
    assert!(output.contains("fictional (555-01xx)"), "{output}");
    assert!(output.contains(&format!("Order {id} is now Submitted.")));
    assert!(!output.contains("482913"), "the PIN was echoed back");
    assert!(!output.contains('\x1b'));
}

#[test]
fn a_bad_value_is_asked_again_with_its_message() {
    let dir = tempfile::tempdir().unwrap();
    let input = script(&[
        (FieldKey::PortDate, "2026-11-27\n2026-12-08"),
        (
            FieldKey::Numbers,
            "425-555-0100, 42555\n425-555-0100, 425-555-0101, 425-555-0102",
        ),
    ]) + "y\n";
    let (outcome, output) = run_plain(dir.path(), &input);
    assert!(matches!(outcome, Outcome::Submitted(_)), "{output}");
    let asked = |label: &str| output.lines().filter(|l| l.starts_with(label)).count();
    assert_eq!(asked("Port date: "), 2, "{output}");
    assert_eq!(asked("Phone numbers: "), 2, "{output}");
    assert!(output.contains("Error: Port date:"), "{output}");
    assert!(output.contains("Error: Phone numbers: 42555"), "{output}");
    assert!(
        output.contains("42555” and move on"),
        "the retry names the value it would keep: {output}"
    );
}

#[test]
fn bang_keeps_a_wrong_value_and_the_review_refuses_to_submit() {
    let dir = tempfile::tempdir().unwrap();
    let input = script(&[(FieldKey::RequesterEmail, "sam at fabrikam\n!")]);
    let (outcome, output) = run_plain(dir.path(), &input);
    let id = only_order_id(dir.path());
    assert_eq!(outcome, Outcome::Kept(Some(id.clone())), "{output}");
    let review = &output[output.rfind("Review").unwrap()..];
    assert!(review.contains("Error: Requester e-mail"), "{review}");
    assert!(review.contains("1 error(s) must be fixed"), "{review}");
    assert!(!output.contains("Have you submitted it"));
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "draft");
    assert_eq!(file["fields"]["requester"]["email"], "sam at fabrikam");
}

#[test]
fn end_of_input_keeps_what_was_answered() {
    let dir = tempfile::tempdir().unwrap();
    let (outcome, output) = run_plain(dir.path(), "2\ngeographic\n");
    let id = only_order_id(dir.path());
    assert_eq!(outcome, Outcome::Kept(Some(id.clone())));
    assert!(output.contains("End of input."), "{output}");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["fields"]["country"], "CA");
    assert_eq!(file["fields"]["number_type"], "geographic");
}

#[test]
fn nothing_typed_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (outcome, _) = run_plain(dir.path(), "");
    assert_eq!(outcome, Outcome::Kept(None));
    assert_eq!(
        std::fs::read_dir(dir.path().join("orders"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn a_rejected_order_is_chosen_fixed_and_resubmitted() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let mut order =
        portwiz::domain::Order::new("PO-REJECTED".into(), fixture_fields(), clock().now);
    order.submit(clock()).unwrap();
    let input = RejectionInput {
        text: "End user name mismatch".into(),
        fields: vec![FieldKey::AuthorizedUserLastName],
        ..Default::default()
    };
    order.reject(input, clock().now).unwrap();
    store.save(&order).unwrap();
    drop(store);

    // Choose it by number; the rejected field comes first; fix it, skip the rest, resubmit.
    let (outcome, output) = run_plain(dir.path(), "1\nM Reyes\nn\ny\n");
    assert_eq!(
        outcome,
        Outcome::Submitted("PO-REJECTED".into()),
        "{output}"
    );
    assert!(output.contains("1) PO-REJECTED  Customer action required"));
    assert!(output.contains("The carrier rejected it: End user name mismatch"));
    assert!(
        output.contains("First, the fields the carrier named:"),
        "{output}"
    );
    assert!(output.contains("Named in the carrier's rejection"));
    assert!(output.contains("Go through the other fields as well? [y/N]"));
    assert!(
        !output.contains("Step 1 of 7"),
        "the other fields were not asked: {output}"
    );
    assert!(output.contains("Step 7 of 7: Review"), "{output}");
    assert!(
        output.contains("Have you resubmitted it in the Teams admin center? y records it [y/N]"),
        "{output}"
    );
    assert!(
        output.contains("Ready to enter in the Teams admin center"),
        "{output}"
    );
    let file = order_file(dir.path(), "PO-REJECTED");
    assert_eq!(file["status"], Status::Submitted.key());
    assert_eq!(file["fields"]["authorized_user"]["last_name"], "M Reyes");
}

#[test]
fn a_reopened_draft_asks_what_is_missing_first_then_offers_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let mut fields = fixture_fields();
    fields.organization_name.clear();
    fields.service_address.postal_code = "not a zip".into();
    let order = portwiz::domain::Order::new("PO-DRAFT".into(), fields, clock().now);
    store.save(&order).unwrap();
    drop(store);

    // Choose it; the two fields to fix come first, in the wizard's order; skip the rest.
    let (outcome, output) = run_plain(dir.path(), "1\nFabrikam Inc\n98052\nn\n");
    assert_eq!(outcome, Outcome::Kept(Some("PO-DRAFT".into())), "{output}");
    assert!(
        output.contains("First, what is missing or wrong:"),
        "{output}"
    );
    let organization = output.find("Organization name").unwrap();
    let postal = output.find("Service address ZIP").unwrap();
    let offer = output.find("Go through the other fields as well?").unwrap();
    assert!(organization < postal && postal < offer, "{output}");
    assert!(!output.contains("Step 1 of 7"), "{output}");
    assert!(output.contains("Step 7 of 7: Review"), "{output}");
    let file = order_file(dir.path(), "PO-DRAFT");
    assert_eq!(file["fields"]["organization_name"], "Fabrikam Inc");
    assert_eq!(file["fields"]["service_address"]["postal_code"], "98052");
}

#[test]
fn a_rejected_order_offers_the_other_fields_after_the_rejected_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let mut order =
        portwiz::domain::Order::new("PO-REJECTED".into(), fixture_fields(), clock().now);
    order.submit(clock()).unwrap();
    let input = RejectionInput {
        text: "End user name mismatch".into(),
        fields: vec![FieldKey::AuthorizedUserLastName],
        ..Default::default()
    };
    order.reject(input, clock().now).unwrap();
    store.save(&order).unwrap();
    drop(store);

    // Every other field kept as it is (Enter), in the wizard's order, then resubmit.
    // (Plain mode asks only the fields the order's country asks.)
    let others = portwiz::domain::FIELDS
        .iter()
        .filter(|f| f.key != FieldKey::AuthorizedUserLastName && f.asked(&fixture_fields()))
        .count();
    let input = format!("1\nM Reyes\ny\n{}y\n", "\n".repeat(others));
    let (outcome, output) = run_plain(dir.path(), &input);
    assert_eq!(
        outcome,
        Outcome::Submitted("PO-REJECTED".into()),
        "{output}"
    );
    let first_rejected = output.find("Authorized user last name, required").unwrap();
    let first_step = output.find("Step 1 of 7: Get started").unwrap();
    assert!(first_rejected < first_step, "{output}");
    // Asked once: not again among the other fields.
    assert_eq!(
        output
            .matches("Authorized user last name, required")
            .count(),
        1,
        "{output}"
    );
    assert!(output.contains("Now: ••••"), "the PIN is masked");
}

#[test]
fn the_pin_typed_over_a_pipe_is_masked_in_the_transcript() {
    let input = script(&[]) + "y\n";
    let (code, stdout, path, _dir) = run_binary(&["--plain"], &[], &input);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        !stdout.contains("482913"),
        "the PIN was printed back: {stdout}"
    );
    assert!(stdout.contains("Account PIN: ••••\n"), "{stdout}");
    let id = only_order_id(&path);
    assert_eq!(order_file(&path, &id)["fields"]["pin"], "482913");
}

fn run_binary(
    args: &[&str],
    env: &[(&str, &str)],
    input: &str,
) -> (i32, String, std::path::PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout) = pipe_through(dir.path(), args, env, input);
    let path = dir.path().to_path_buf();
    (code, stdout, path, dir)
}

/// The binary on the store at `dir` with `input` on a pipe: its exit code and stdout.
fn pipe_through(
    dir: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
    input: &str,
) -> (i32, String) {
    let mut cmd = portwiz(dir);
    cmd.args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn the_binary_runs_plain_mode_over_a_pipe() {
    let input = script(&[(FieldKey::PortDate, "2026-12-25\n2026-12-08")]) + "y\n";
    let (code, stdout, path, _dir) = run_binary(&["--plain"], &[], &input);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("is now Submitted"), "{stdout}");
    // Over a pipe each answer is echoed after its prompt, so the transcript reads in order.
    assert!(
        stdout.contains("Port date: 2026-12-25\n  Error: Port date:"),
        "{stdout}"
    );
    assert!(!stdout.contains('\x1b'));
    let id = only_order_id(&path);
    assert_eq!(order_file(&path, &id)["status"], "submitted");
}

#[test]
fn a_dumb_terminal_without_a_command_gets_plain_mode() {
    let (code, stdout, path, _dir) = run_binary(&[], &[("TERM", "dumb")], "US\n");
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("plain mode"), "{stdout}");
    assert!(stdout.contains("End of input."), "{stdout}");
    let id = only_order_id(&path);
    assert_eq!(order_file(&path, &id)["fields"]["country"], "US");
}

/// A store where the fixture's carrier rejected the account number on an earlier order (since
/// resubmitted), and a complete draft for the same carrier.
fn store_with_history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let mut earlier =
        portwiz::domain::Order::new("PO-EARLIER".into(), fixture_fields(), clock().now);
    earlier.submit(clock()).unwrap();
    let rejection = RejectionInput {
        text: "Account number mismatch".into(),
        fields: vec![FieldKey::AccountNumber],
        ..Default::default()
    };
    earlier.reject(rejection, clock().now).unwrap();
    earlier.resubmit(clock()).unwrap();
    store.save(&earlier).unwrap();
    let draft = portwiz::domain::Order::new("PO-DRAFT".into(), fixture_fields(), clock().now);
    store.save(&draft).unwrap();
    dir
}

/// The binary in plain mode over a pipe, on the store at `dir`.
fn plain_over_a_pipe(dir: &std::path::Path, input: &str) -> (i32, String) {
    pipe_through(dir, &["--plain"], &[], input)
}

#[test]
fn the_review_warns_from_the_carriers_history_without_blocking() {
    let dir = store_with_history();
    let carrier = fixture_fields().current_carrier;
    // The draft by its number, every value kept, then submitted.
    let asked = portwiz::domain::FIELDS
        .iter()
        .filter(|f| f.asked(&fixture_fields()))
        .count();
    let input = format!("1\n{}y\n", "\n".repeat(asked));
    let (code, stdout) = plain_over_a_pipe(dir.path(), &input);
    assert_eq!(code, 0, "{stdout}");
    let review = &stdout[stdout.rfind("Step 7 of 7: Review").expect(&stdout)..];
    assert!(
        review.contains(&format!(
            "Warning (from your history): {carrier} rejected the account number on your last order: check it against the CSR."
        )),
        "{review}"
    );
    assert!(
        review.contains("is now Submitted"),
        "a warning never blocks: {review}"
    );
    assert_eq!(order_file(dir.path(), "PO-DRAFT")["status"], "submitted");
    assert!(!stdout.contains('\x1b'));
}

#[test]
fn the_menu_prints_the_insights_as_text() {
    let dir = store_with_history();
    let carrier = fixture_fields().current_carrier;
    let (code, stdout) = plain_over_a_pipe(dir.path(), "i\n");
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("Type i for the insights"), "{stdout}");
    assert!(
        stdout.contains("Insights from 2 orders (1 carrier), as of 2026-11-26"),
        "{stdout}"
    );
    assert!(stdout.contains(&carrier), "{stdout}");
    assert!(
        stdout.contains("Rejected        1 of 1 submitted (100%), 1 rejection"),
        "{stdout}"
    );
    assert!(stdout.contains("Account number (1)"), "{stdout}");
    // Then the question again, until the end of input.
    assert!(stdout.matches("Order: ").count() >= 2, "{stdout}");
    assert!(!stdout.contains('\x1b'));
}

#[test]
fn a_retry_after_a_bad_value_names_what_was_typed_never_empty() {
    let dir = tempfile::tempdir().unwrap();
    // A number of 2 digits (kept as typed, with its error), then a mask for the PIN (refused).
    let input = script(&[(FieldKey::Numbers, "12\n!"), (FieldKey::Pin, "••••\n!")]);
    let (_, output) = run_plain(dir.path(), &input);
    assert!(
        output.contains("or ! to keep “12” and move on"),
        "the retry names what was typed: {output}"
    );
    assert!(
        output.contains("Nothing was stored"),
        "a refused value says nothing was kept: {output}"
    );
    let retries: Vec<&str> = output
        .lines()
        .filter(|l| l.contains("Type another value"))
        .collect();
    assert!(
        retries
            .iter()
            .all(|l| !l.contains("(empty)") && !l.contains("the one shown")),
        "{retries:?}"
    );
}

/// `--demo --plain` is plain mode on the demo copy (a screen-reader user's way to try the demo),
/// not the full-screen app refusing to start for want of a terminal; the user's store is left empty.
#[test]
fn demo_with_plain_asks_its_questions_on_the_demo_orders() {
    let dir = tempfile::tempdir().unwrap();
    let out: Run = portwiz(dir.path())
        .args(["--demo", "--plain"])
        .output()
        .unwrap()
        .into();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("plain mode"), "{}", out.stdout);
    assert!(out.stdout.contains("PO-DEMO"), "{}", out.stdout);
    assert!(!out.stderr.contains("no terminal"), "{}", out.stderr);
    let written = std::fs::read_dir(dir.path().join("orders"))
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert_eq!(written, 0, "the user's store stays empty");
}
