//! Random bytes through every entry of the command line (issue 16): arguments, files, standard
//! input and the user's catalog. Every run ends within the bound, exits 0, 1 or 2, and prints
//! nothing that could act on a terminal.

use crate::support::hostile::{BOUND, Input, leak, os, run_bounded};
use crate::support::new_order;
use proptest::prelude::*;
use std::ffi::OsString;
use std::fs;
use std::path::Path;

/// An argument: random bytes (no NUL: an argument cannot hold one), or text thick with controls,
/// escape sequences and bidi characters (random bytes are rarely UTF-8, which clap refuses whole).
fn argument() -> impl Strategy<Value = OsString> {
    use std::os::unix::ffi::OsStringExt;
    let bytes = proptest::collection::vec(1u8..=255, 0..40).prop_map(OsString::from_vec);
    let text = "[\\x01-\\x7f\u{80}-\u{9f}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}a-z0-9@.:/-]{0,30}";
    prop_oneof![1 => bytes, 3 => proptest::string::string_regex(text).unwrap().prop_map(OsString::from)]
}

fn entry_is_inert(
    dir: &Path,
    name: &str,
    args: &[OsString],
    input: Input,
) -> Result<(), TestCaseError> {
    let outcome = run_bounded(dir, name, args, input);
    prop_assert!(outcome.took < BOUND);
    prop_assert!(
        matches!(outcome.code, Some(0..=2)),
        "{name}: {:?} {}",
        outcome.code,
        outcome.stderr
    );
    if let Some(problem) = leak(name, &outcome, false) {
        return Err(TestCaseError::fail(problem));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn random_arguments_through_every_subcommand(value in argument(), word in argument()) {
        let store = tempfile::tempdir().unwrap();
        let dir = store.path();
        let id: OsString = new_order(dir, "complete-order.json").into();
        let o = |s: &str| OsString::from(s);
        let v = value.clone();
        for (name, args) in [
            ("set value", vec![o("set"), id.clone(), o("order_name"), v.clone()]),
            ("set date", vec![o("set"), id.clone(), o("port_date"), v.clone()]),
            ("set key", vec![o("set"), id.clone(), v.clone(), word.clone()]),
            ("show id", vec![o("show"), v.clone()]),
            ("list --status", vec![o("list"), o("--status"), v.clone()]),
            ("foc", vec![o("foc"), id.clone(), v.clone(), word.clone()]),
            ("support", vec![o("support"), id.clone(), o("--scenario"), v.clone()]),
            ("ticket", vec![o("ticket"), id.clone(), v.clone()]),
            ("classify", vec![o("classify"), o("--json"), v.clone()]),
            ("reject", vec![o("reject"), id.clone(), o("--text"), v.clone(), o("--fields"), word.clone()]),
            ("export -o", vec![o("export"), id.clone(), o("-o"), v.clone()]),
            ("any command", vec![v.clone(), word.clone()]),
        ] {
            entry_is_inert(dir, name, &args, Input::Null)?;
        }
    }

    #[test]
    fn random_files_through_every_file_entry(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let store = tempfile::tempdir().unwrap();
        let dir = store.path();
        let id = new_order(dir, "complete-order.json");
        let file = dir.join("random");
        fs::write(&file, &bytes).unwrap();
        let path = file.to_str().unwrap();
        let at = format!("@{path}");
        for (name, args) in [
            ("new --from", os(&["new", "--from", path])),
            ("import", os(&["import", path])),
            ("set numbers @csv", os(&["set", &id, "numbers", &at])),
            ("show after", os(&["show", &id])),
            ("list after", os(&["list", "--json"])),
        ] {
            entry_is_inert(dir, name, &args, Input::Null)?;
        }
        for (name, args) in [
            ("classify -", os(&["classify", "-"])),
            ("reject --text -", os(&["reject", &id, "--text", "-"])),
            ("new --from -", os(&["new", "--from", "-"])),
        ] {
            entry_is_inert(dir, name, &args, Input::File(&file))?;
        }
        fs::write(dir.join("rejections.json"), &bytes).unwrap();
        entry_is_inert(dir, "classify (random catalog)", &os(&["classify", "PIN mismatch"]), Input::Null)?;
    }
}
