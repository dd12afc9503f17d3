//! Issue 18, "what a new user trips on": the lifecycle and command-line points, run as a user
//! would (the real binary on a temp store).

use crate::support::{new_order, order_file, run};
use std::path::Path;

fn ok(dir: &Path, args: &[&str]) -> crate::support::Run {
    let out = run(dir, args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    out
}

fn submitted(dir: &Path) -> String {
    let id = new_order(dir, "complete-order.json");
    ok(dir, &["submit", &id]);
    id
}

#[test]
fn a_revised_foc_is_recorded_on_a_foc_confirmed_order_and_both_stay_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted(dir.path());
    ok(dir.path(), &["foc", &id, "2026-12-08", "10:00"]);
    let revised = ok(dir.path(), &["foc", &id, "2026-12-10", "14:30"]);
    assert!(
        revised.stdout.contains("FOC confirmed"),
        "{}",
        revised.stdout
    );
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "foc_confirmed");
    assert_eq!(file["foc"]["date"], "2026-12-10");
    let notes: Vec<String> = file["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["note"].as_str().unwrap_or_default().to_string())
        .collect();
    let all = notes.join("\n");
    assert!(all.contains("2026-12-08 10:00"), "{all}");
    assert!(all.contains("2026-12-10 14:30"), "{all}");
    assert!(all.contains("was 2026-12-08 10:00"), "{all}");
}

#[test]
fn a_foc_on_a_weekend_or_holiday_and_a_completion_before_the_foc_warn() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted(dir.path());
    let saturday = ok(dir.path(), &["foc", &id, "2026-12-12"]);
    assert!(
        saturday.stderr.contains("warning") && saturday.stderr.contains("Saturday"),
        "{}",
        saturday.stderr
    );
    let christmas = ok(dir.path(), &["foc", &id, "12/25/2026"]);
    assert!(
        christmas.stderr.contains("Christmas"),
        "{}",
        christmas.stderr
    );
    let business_day = ok(dir.path(), &["foc", &id, "2026-12-08"]);
    assert!(
        !business_day.stderr.contains("warning"),
        "{}",
        business_day.stderr
    );
    // Today is 2026-11-26 (the pinned clock): before the FOC.
    let early = ok(dir.path(), &["complete", &id]);
    assert!(
        early.stderr.contains("warning") && early.stderr.contains("before the FOC date 2026-12-08"),
        "{}",
        early.stderr
    );
    assert_eq!(order_file(dir.path(), &id)["status"], "completed");
}

#[test]
fn resubmit_with_nothing_changed_is_refused_unless_unchanged_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted(dir.path());
    ok(
        dir.path(),
        &[
            "reject",
            &id,
            "--text",
            "The account number does not match our records.",
        ],
    );
    let refused = run(dir.path(), &["resubmit", &id]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("not changed since the carrier rejected it")
            && refused.stderr.contains("--unchanged"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        order_file(dir.path(), &id)["status"],
        "customer_action_required"
    );
    let lifted = ok(dir.path(), &["resubmit", &id, "--unchanged"]);
    assert!(
        lifted.stderr.contains("without changes"),
        "{}",
        lifted.stderr
    );
    assert_eq!(order_file(dir.path(), &id)["status"], "submitted");
    // A changed order needs no flag.
    ok(
        dir.path(),
        &["reject", &id, "--text", "Account number mismatch"],
    );
    ok(dir.path(), &["set", &id, "account_number", "ACC-0098766"]);
    ok(dir.path(), &["resubmit", &id]);
}

#[test]
fn list_names_each_order_and_show_gives_the_foc_and_the_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted(dir.path());
    let listed = ok(dir.path(), &["list"]);
    let line = listed.stdout.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(line.ends_with("Redmond HQ main lines"), "{line}");
    ok(dir.path(), &["foc", &id, "2026-12-08", "10:00"]);
    ok(dir.path(), &["ticket", &id, "TKT-4711"]);
    let shown = ok(dir.path(), &["show", &id]).stdout;
    assert!(shown.contains("2026-12-08 10:00"), "{shown}");
    assert!(shown.contains("Support ticket: TKT-4711"), "{shown}");
}

#[test]
fn the_app_without_a_terminal_says_so_and_points_to_plain_and_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("no terminal"), "{}", out.stderr);
    assert!(
        out.stderr.contains("--plain") && out.stderr.contains("portwiz list"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("No such device"), "{}", out.stderr);
}

#[test]
fn include_secrets_where_no_secret_goes_and_an_empty_ticket_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    for format in ["csv", "loa"] {
        let out = run(
            dir.path(),
            &["export", &id, "--format", format, "--include-secrets"],
        );
        assert_eq!(out.code, 2, "{format}: {}", out.stderr);
        assert!(out.stderr.contains("--include-secrets"), "{}", out.stderr);
        assert!(out.stdout.is_empty());
    }
    ok(
        dir.path(),
        &["export", &id, "--format", "json", "--include-secrets"],
    );
    let empty = run(dir.path(), &["ticket", &id, ""]);
    assert_eq!(empty.code, 2, "{}", empty.stderr);
    let blank = run(dir.path(), &["ticket", &id, "   "]);
    assert_eq!(blank.code, 2, "{}", blank.stderr);
}

#[test]
fn subcommand_help_describes_its_arguments_and_set_lists_every_key_with_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let show = ok(dir.path(), &["show", "--help"]).stdout;
    let described = |help: &str, arg: &str, words: &str| {
        help.lines()
            .any(|l| l.trim_start().starts_with(arg) && l.contains(words))
    };
    assert!(described(&show, "--json", "Print JSON"), "{show}");
    assert!(described(&show, "<ID>", "The order's id"), "{show}");
    let set = ok(dir.path(), &["set", "--help"]).stdout;
    assert!(described(&set, "<KEY>", "A field key"), "{set}");
    assert!(described(&set, "<VALUE>", "The new value"), "{set}");
    for field in portwiz::domain::FIELDS {
        let line = set
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{} ", field.key)))
            .unwrap_or_else(|| panic!("{} not listed: {set}", field.key));
        assert!(line.contains(&field.kind.format()), "{line}");
    }
    assert!(set.contains("YYYY-MM-DD"), "{set}");
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = ok(dir.path(), &["completions", shell]).stdout;
        assert!(
            script.contains("portwiz") && script.contains("resubmit"),
            "{shell}"
        );
    }
    assert_eq!(run(dir.path(), &["completions", "tcsh"]).code, 2);
    let page = ok(dir.path(), &["man"]).stdout;
    assert!(page.contains(".TH portwiz"), "{page}");
    assert!(page.contains("completions"), "{page}");
    // Neither needs the store: nothing was created.
    assert!(!dir.path().join("orders").exists());
}

#[cfg(unix)]
#[test]
fn the_permissions_warning_does_not_name_a_file_moved_to_quarantine() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let good = dir.path().join(format!("orders/{id}.json"));
    let bad = dir.path().join("orders/PO-BROKEN.json");
    std::fs::write(&bad, "{ not json").unwrap();
    for path in [&good, &bad] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let out = ok(dir.path(), &["list"]);
    assert!(out.stderr.contains("quarantine"), "{}", out.stderr);
    let chmod = out.stderr.lines().find(|l| l.contains("chmod")).unwrap();
    assert!(chmod.contains(&good.display().to_string()), "{chmod}");
    assert!(!chmod.contains("PO-BROKEN"), "{chmod}");
}

#[test]
fn wording_reads_well() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"pin\": \n").unwrap();
    let json = run(dir.path(), &["new", "--from", bad.to_str().unwrap()]);
    assert_eq!(json.code, 2);
    assert_eq!(json.stderr.matches("line").count(), 1, "{}", json.stderr);
    assert!(json.stderr.contains("at line 3, column"), "{}", json.stderr);

    let id = submitted(dir.path());
    ok(dir.path(), &["cancel", &id]);
    let again = run(dir.path(), &["cancel", &id]);
    assert_eq!(again.code, 1);
    assert!(!again.stderr.contains("any status but"), "{}", again.stderr);
    assert!(again.stderr.contains("final"), "{}", again.stderr);

    let id = submitted(dir.path());
    ok(
        dir.path(),
        &["reject", &id, "--text", "Account number mismatch"],
    );
    let warned = run(dir.path(), &["resubmit", &id, "--unchanged"]);
    assert!(
        warned
            .stderr
            .contains("rejected by the carrier, not changed since then"),
        "{}",
        warned.stderr
    );
}

#[test]
fn reject_refuses_a_status_update_without_force_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted(dir.path());
    for text in ["your port request is processing", "We received your order"] {
        let out = run(dir.path(), &["reject", &id, "--text", text]);
        assert_eq!(out.code, 2, "{text}: {}", out.stderr);
        assert!(
            out.stderr.contains("status update") && out.stderr.contains("--force"),
            "{}",
            out.stderr
        );
        assert_eq!(order_file(dir.path(), &id)["status"], "submitted");
    }
    ok(
        dir.path(),
        &["reject", &id, "--text", "We received your order", "--force"],
    );
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "customer_action_required");
}

#[test]
fn reject_keeps_the_sentence_that_triggered_the_match() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted(dir.path());
    let text =
        "Hello team, we looked at your request today. The PIN does not match our records. Regards";
    ok(dir.path(), &["reject", &id, "--text", text]);
    let file = order_file(dir.path(), &id);
    assert_eq!(
        file["rejections"][0]["key_sentence"],
        "The PIN does not match our records."
    );
}
