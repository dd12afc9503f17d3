//! `portwiz copy ID`: a new draft with the fields only, so copies never count the original's
//! story twice; and an export keeps what the "LOA must be signed again" warning needs.

use crate::support::{new_order, order_file, run};

#[test]
fn copy_makes_a_draft_with_the_fields_and_none_of_the_rejections() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let rejected = run(
        dir.path(),
        &[
            "reject",
            &id,
            "--text",
            "Account number mismatch",
            "--fields",
            "account_number",
        ],
    );
    assert_eq!(rejected.code, 0, "{}", rejected.stderr);

    let out = run(dir.path(), &["copy", &id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let new_id = out.stdout.trim();
    assert!(
        new_id.starts_with("PO-") && new_id != id,
        "{:?}",
        out.stdout
    );
    assert_eq!(
        out.stdout.lines().count(),
        1,
        "only the id: {:?}",
        out.stdout
    );

    let original = order_file(dir.path(), &id);
    let copy = order_file(dir.path(), new_id);
    assert_eq!(copy["status"], "draft");
    assert_eq!(copy["fields"], original["fields"]);
    assert!(
        copy["rejections"].as_array().is_none_or(Vec::is_empty),
        "{copy:#}"
    );
    let history = copy["history"].as_array().unwrap();
    assert_eq!(history.len(), 1, "{history:#?}");
    assert!(history[0]["note"].as_str().unwrap().contains(&id));
    // The stats count the original's rejection once.
    let stats = run(dir.path(), &["stats", "--json"]).stdout;
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["all"]["rejected"], 1, "{stats:#}");
    assert_eq!(stats["all"]["orders"], 2, "{stats:#}");
}

#[test]
fn an_imported_export_still_says_the_loa_must_be_signed_again() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let set = run(
        dir.path(),
        &["set", &id, "organization_name", "Fabrikam Holdings"],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let exported = run(dir.path(), &["export", &id, "--format", "json"]);
    assert!(
        exported.stdout.contains("loa_signed_fields"),
        "{}",
        exported.stdout
    );
    let file = dir.path().join("export.json");
    std::fs::write(&file, &exported.stdout).unwrap();
    let imported = run(dir.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let new_id = imported.stdout.trim();
    for order in [id.as_str(), new_id] {
        let submit = run(dir.path(), &["submit", order]);
        assert!(
            submit
                .stderr
                .contains("The LOA must be signed again: Organization name"),
            "{order}: {}",
            submit.stderr
        );
    }
}

#[test]
fn c_on_an_order_page_opens_a_copy_in_the_wizard_and_esc_keeps_it() {
    use crate::support::{demo_app, open_order, press, render};
    use crossterm::event::KeyCode;
    use portwiz::domain::Status;
    use portwiz::tui::{Effect, Msg, update};

    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0003");
    let effects = press(&mut app, KeyCode::Char('c'));
    assert_eq!(effects, vec![Effect::CopyOrder("PO-DEMO0003".into())]);
    update(
        &mut app,
        Msg::CopyId {
            source: "PO-DEMO0003".into(),
            id: "PO-COPY0001".into(),
        },
    );
    let screen = render(&app);
    assert!(screen.contains("Porting wizard"), "{screen}");
    assert!(screen.contains("✎ Draft"), "{screen}");
    let effects = press(&mut app, KeyCode::Esc);
    let saved = effects
        .iter()
        .find_map(|e| match e {
            Effect::Save(order) => Some(order.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("Esc keeps the copy: {effects:?}"));
    let original = app.order("PO-DEMO0003").unwrap();
    assert_eq!(saved.id, "PO-COPY0001");
    assert_eq!(saved.status, Status::Draft);
    assert_eq!(saved.fields, original.fields);
    assert!(saved.rejections.is_empty() && saved.csr.is_empty());
}
