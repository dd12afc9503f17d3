//! The command line's manners: `set` says what changed, `list --status` takes "waiting on you"
//! as the app's `f` does, and `new --from` and `import` name a document's problems the same way.

use crate::support::{new_order, run};

#[test]
fn set_says_on_stdout_what_it_changed_with_the_pin_masked() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let out = run(
        dir.path(),
        &[
            "set",
            &id,
            "organization_name",
            "Fabrikam Holdings",
            "pin",
            "4321",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(&format!(
            "{id}: Organization name “Fabrikam Inc” → “Fabrikam Holdings”"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Account PIN •••• → ••••"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("4321"), "{}", out.stdout);
    let again = run(
        dir.path(),
        &["set", &id, "organization_name", "Fabrikam Holdings"],
    );
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
}

#[test]
fn list_status_takes_waiting_on_you() {
    let dir = tempfile::tempdir().unwrap();
    let draft = new_order(dir.path(), "complete-order.json");
    let submitted = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &submitted]).code, 0);
    for spelling in ["waiting on you", "Waiting on you", "waiting_on_you"] {
        let out = run(dir.path(), &["list", "--status", spelling]);
        assert_eq!(out.code, 0, "{spelling}: {}", out.stderr);
        assert!(out.stdout.contains(&draft), "{spelling}: {}", out.stdout);
        assert!(
            !out.stdout.contains(&submitted),
            "{spelling}: {}",
            out.stdout
        );
    }
    let wrong = run(dir.path(), &["list", "--status", "waiting"]);
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("waiting on you"), "{}", wrong.stderr);
}

#[test]
fn new_and_import_name_a_documents_problems_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.json");
    std::fs::write(
        &file,
        r#"{"organization_name": "Fabrikam Inc", "requester.email": "sam at fabrikam"}"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let new = run(dir.path(), &["new", "--from", path]);
    let import = run(dir.path(), &["import", path]);
    assert_eq!(new.code, import.code, "{} / {}", new.stderr, import.stderr);
    assert_eq!(new.code, 0);
    assert!(new.stderr.contains("Requester e-mail"), "{}", new.stderr);
    assert_eq!(new.stderr, import.stderr);
    assert!(
        !new.stderr.starts_with("error:"),
        "a draft was made: {}",
        new.stderr
    );
}

#[test]
fn show_of_a_support_engaged_order_says_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let support = run(
        dir.path(),
        &["support", &id, "--scenario", "submission_error"],
    );
    assert_eq!(support.code, 0, "{}", support.stderr);
    let show = run(dir.path(), &["show", &id]);
    assert!(
        show.stdout
            .contains("(submission_error): The order hit a submission error"),
        "{}",
        show.stdout
    );
}
