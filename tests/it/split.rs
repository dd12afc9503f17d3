//! `portwiz split` and the app's split screen (issue 26.2): a company's sheet of 3,000 numbers
//! over two accounts and a toll-free line becomes its orders, one a Service Center case; a bad
//! row is named once and kept out; `--dry-run` and the preview create nothing.

use crate::support::{demo_app, order_file, press, render, run, typed};
use crossterm::event::KeyCode;
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, update};
use std::path::{Path, PathBuf};

/// 2,000 numbers on account 1111, 990 on account 2222, 10 toll-free on 1111, a bad row.
fn company_sheet(dir: &Path) -> PathBuf {
    let mut text =
        String::from("PhoneNumber,current_carrier,account_number,service_address.city\n");
    for i in 0..2_000 {
        text.push_str(&format!(
            "+1425{:07},Contoso Telecom,1111,Redmond\n",
            2_000_000 + i
        ));
    }
    for i in 0..990 {
        text.push_str(&format!(
            "+1206{:07},Contoso Telecom,2222,Redmond\n",
            2_000_000 + i
        ));
    }
    for i in 0..10 {
        text.push_str(&format!("+1800200{:04},Contoso Telecom,1111,Redmond\n", i));
    }
    text.push_str("call me,Contoso Telecom,1111,Redmond\n");
    let path = dir.join("fabrikam.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_company_sheet_becomes_its_orders_one_of_them_a_service_center_case() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = company_sheet(dir.path());
    let sheet = sheet.to_str().unwrap();
    let dry = run(dir.path(), &["split", sheet, "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(dry.stdout, "", "a dry run creates nothing");
    assert!(
        dry.stderr
            .contains("3,000 numbers in 3 orders; 1 bad row left out"),
        "{}",
        dry.stderr
    );
    assert!(
        !dir.path().join("orders").exists()
            || std::fs::read_dir(dir.path().join("orders"))
                .unwrap()
                .count()
                == 0
    );

    let out = run(dir.path(), &["split", sheet]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ids: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(ids.len(), 3, "{}", out.stdout);
    let stderr = &out.stderr;
    for line in [
        "order 1: 2,000 numbers (rows 2–2001): US, Contoso Telecom, 1111, geographic → Phone Number Service Center",
        "order 2: 990 numbers (rows 2002–2991): US, Contoso Telecom, 2222, geographic → US & Canada wizard; a second account (2222)",
        "order 3: 10 numbers (rows 2992–3001): US, Contoso Telecom, 1111, toll-free → US & Canada wizard; toll-free numbers go in their own order",
        "error: ",
        "Row 3002: ",
    ] {
        assert!(stderr.contains(line), "{line:?} in:\n{stderr}");
    }
    assert_eq!(
        stderr.matches("Row 3002").count(),
        1,
        "named once: {stderr}"
    );
    let first = order_file(dir.path(), ids[0]);
    assert_eq!(first["status"], "draft");
    assert_eq!(first["fields"]["numbers"].as_array().unwrap().len(), 2_000);
    assert_eq!(first["fields"]["order_name"], "fabrikam 1 of 3");
    assert_eq!(first["fields"]["service_address"]["city"], "Redmond");
    let show = run(dir.path(), &["show", ids[0]]).stdout;
    assert!(show.contains("Phone Number Service Center"), "{show}");
    let case = run(dir.path(), &["export", ids[0], "--format", "case"]);
    assert!(
        case.stdout.contains("Case type: Port in"),
        "{}",
        case.stdout
    );
}

#[test]
fn a_sheet_without_a_phone_number_column_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(&path, "Name,City\nA,B\n").unwrap();
    let out = run(dir.path(), &["split", path.to_str().unwrap()]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("No column is headed PhoneNumber"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "");
}

/// `m` on the history: the path, Enter, a preview of the orders, Enter creates the drafts.
#[test]
fn the_app_previews_the_orders_before_creating_them() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = company_sheet(dir.path());
    let mut app = demo_app(100, 30);
    press(&mut app, KeyCode::Char('m'));
    assert!(
        matches!(app.top(), Screen::Split(_)),
        "the split screen opens"
    );
    typed(&mut app, sheet.to_str().unwrap());
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects, [Effect::ReadNumbersCsv(sheet.clone())]);
    let bytes = std::fs::read(&sheet).unwrap();
    update(&mut app, Msg::FileRead(Ok(bytes)));
    let screen = render(&app);
    assert!(
        screen.contains("3,000 numbers in 3 orders; 1 bad row left out"),
        "{screen}"
    );
    assert!(screen.contains("→ Phone Number Service Center"), "{screen}");
    assert!(screen.contains("Why: a second account (2222)"), "{screen}");
    let effects = press(&mut app, KeyCode::Enter);
    let Some(Effect::CreateDrafts(drafts)) = effects.first() else {
        panic!("Enter creates the drafts: {effects:?}")
    };
    assert_eq!(drafts.len(), 3);
    assert_eq!(drafts[2].order_name, "fabrikam 3 of 3");
    assert!(matches!(app.top(), Screen::Home(_)), "back on the history");
}
