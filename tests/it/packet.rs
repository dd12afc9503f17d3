//! Hand-off packets (issue 28.4): `export ID --format packet -o DIR` writes a folder the
//! customer's admin can act on alone: the admin center's fields in its wizard's order (or the
//! Service Center case's), the numbers CSV, the LOA PDF and a README; the PIN only with
//! `--include-secrets`, in a 0600 file, with a warning. A folder with anything in it, or a link,
//! is refused and left as it was.

use crate::support::{new_order, run};
use std::path::Path;

const PIN: &str = "8642";

fn order_with_pin(dir: &Path) -> String {
    let id = new_order(dir, "complete-order.json");
    let set = run(dir, &["set", &id, "pin", PIN, "order_name", "Packet HQ"]);
    assert_eq!(set.code, 0, "{}", set.stderr);
    id
}

/// `export ID --format packet -o DIR` and `extra` arguments.
fn packet_to(dir: &Path, id: &str, to: &Path, extra: &[&str]) -> crate::support::Run {
    let to = to.to_str().expect("utf-8");
    let args = [&["export", id, "--format", "packet", "-o", to], extra].concat();
    run(dir, &args)
}

fn read(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
}

#[test]
fn a_packet_holds_the_sheet_numbers_loa_and_steps_and_no_pin_by_default() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let id = order_with_pin(dir);
    let packet = dir.join("for-the-customer");
    let out = packet_to(dir, &id, &packet, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&packet)
        .expect("the folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "1-admin-center-fields.txt",
            "2-numbers.csv",
            "3-letter-of-authorization.pdf",
            "README.txt"
        ]
    );
    assert_eq!(out.stdout.lines().count(), 4, "{}", out.stdout);
    let sheet = read(&packet.join("1-admin-center-fields.txt"));
    // The admin center's pages, in its wizard's order, with the order's values.
    let pages = [
        "Get started",
        "Phone numbers",
        "Account information",
        "Porting details",
    ];
    let at: Vec<usize> = pages
        .iter()
        .map(|p| {
            sheet
                .find(&format!("\n{p}\n"))
                .unwrap_or_else(|| panic!("{p}: {sheet}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{sheet}");
    assert!(
        sheet.contains("Fabrikam Inc") && sheet.contains("+14255550100"),
        "{sheet}"
    );
    assert!(sheet.contains("(not in this packet"), "{sheet}");
    assert!(read(&packet.join("2-numbers.csv")).starts_with("PhoneNumber"));
    assert!(read(&packet.join("3-letter-of-authorization.pdf")).starts_with("%PDF-"));
    let readme = read(&packet.join("README.txt"));
    assert!(
        readme.contains("Teams admin center") && readme.contains("sign"),
        "{readme}"
    );
    for name in &names {
        assert!(
            !read(&packet.join(name)).contains(PIN),
            "the PIN is in {name}"
        );
    }
    // Again into the same folder: refused, naming what it would overwrite; nothing changes.
    let before = read(&packet.join("README.txt"));
    let again = packet_to(dir, &id, &packet, &[]);
    assert_ne!(again.code, 0);
    assert!(again.stderr.contains("would overwrite"), "{}", again.stderr);
    assert_eq!(read(&packet.join("README.txt")), before);
}

#[test]
fn the_pin_goes_in_only_with_include_secrets_with_a_warning_in_a_private_file() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let id = order_with_pin(dir);
    let packet = dir.join("with-pin");
    let out = packet_to(dir, &id, &packet, &["--include-secrets"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("PIN in clear"), "{}", out.stderr);
    let sheet = packet.join("1-admin-center-fields.txt");
    assert!(read(&sheet).contains(PIN));
    assert!(read(&packet.join("README.txt")).contains("keep it private"));
    for other in [
        "2-numbers.csv",
        "3-letter-of-authorization.pdf",
        "README.txt",
    ] {
        assert!(!read(&packet.join(other)).contains(PIN), "{other}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&sheet)
            .expect("sheet")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_or_a_file_in_the_folders_place_is_refused_and_nothing_is_written_through_it() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let id = order_with_pin(dir);
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    let link = dir.join("link");
    std::os::unix::fs::symlink(&elsewhere, &link).expect("symlink");
    let out = packet_to(dir, &id, &link, &[]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("symbolic link"), "{}", out.stderr);
    assert_eq!(std::fs::read_dir(&elsewhere).expect("dir").count(), 0);
    let file = dir.join("a-file");
    std::fs::write(&file, "mine").expect("write");
    let out = packet_to(dir, &id, &file, &[]);
    assert_ne!(out.code, 0);
    assert_eq!(read(&file), "mine");
    // Without -o: a usage error that says how.
    let out = run(dir, &["export", &id, "--format", "packet"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("-o"), "{}", out.stderr);
}

#[test]
fn a_service_center_orders_packet_holds_the_case_fields() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let id = order_with_pin(dir);
    crate::support::make_uk_case(dir, &id, &[]);
    let packet = dir.join("case");
    let out = packet_to(dir, &id, &packet, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let case = read(&packet.join("1-service-center-case.txt"));
    assert!(case.contains("Case type: Port in"), "{case}");
    assert!(!packet.join("1-admin-center-fields.txt").exists());
    assert!(read(&packet.join("README.txt")).contains("Open a case"));
}

/// The hand-off's `p` asks the runtime for the packet in a folder named after the order; the
/// runtime writes it (no PIN) and the hand-off says where, or why not.
#[test]
fn p_in_the_hand_off_writes_the_packet_and_says_where() {
    use crate::support::{demo_app, open_order, press, render};
    use crossterm::event::KeyCode;
    use portwiz::tui::{Effect, Msg, update};
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let mut app = demo_app(100, 30);
    app.export_dir = Some(dir.to_path_buf());
    open_order(&mut app, "PO-DEMO0001");
    press(&mut app, KeyCode::Char('t'));
    let effects = press(&mut app, KeyCode::Char('p'));
    let expected = dir.join("PO-DEMO0001-packet");
    assert_eq!(
        effects,
        [Effect::WritePacket {
            order_id: "PO-DEMO0001".into(),
            dir: expected.clone()
        }]
    );
    // The runtime's part, on a store of one order with a PIN.
    let id = order_with_pin(dir);
    let (mut store, _) = portwiz::store::Store::open(dir).expect("store");
    let packet = dir.join("runtime-packet");
    let reply = portwiz::tui::execute(
        &mut store,
        Effect::WritePacket {
            order_id: id.clone(),
            dir: packet.clone(),
        },
    );
    assert!(matches!(&reply, Some(Msg::Exported { .. })), "{reply:?}");
    assert!(read(&packet.join("1-admin-center-fields.txt")).contains("Packet HQ"));
    assert!(!read(&packet.join("1-admin-center-fields.txt")).contains(PIN));
    let again = portwiz::tui::execute(
        &mut store,
        Effect::WritePacket {
            order_id: id,
            dir: packet,
        },
    );
    let Some(Msg::ExportFailed { reason, .. }) = again else {
        panic!("{again:?}");
    };
    update(
        &mut app,
        Msg::ExportFailed {
            order_id: "PO-DEMO0001".into(),
            reason,
        },
    );
    assert!(
        render(&app).contains("No packet written"),
        "{}",
        render(&app)
    );
    update(
        &mut app,
        Msg::Exported {
            order_id: "PO-DEMO0001".into(),
            path: expected.display().to_string(),
        },
    );
    assert!(
        render(&app).contains("Packet written to"),
        "{}",
        render(&app)
    );
}
