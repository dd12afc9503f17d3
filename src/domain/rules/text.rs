//! Free-text fields: e-mail addresses, carrier length limits, the account PIN.

use super::error::RuleError;

/// Carriers with legacy systems keep only this many characters of the organization name.
pub const ORGANIZATION_NAME_LIMIT: usize = 25;
/// ... and of the authorized user's name.
pub const AUTHORIZED_NAME_LIMIT: usize = 15;

/// Help text for the PIN field: the PIN is not a freeze PIN, a common confusion.
pub const PIN_HELP: &str = "The PIN or passcode on the account at the current carrier (required \
    for every mobile number). It is not a freeze PIN: a freeze (port protection) can only be \
    lifted by asking the carrier, and entering a PIN here doesn't lift it.";

/// `12345` as `12,345`: counts in messages and on screen.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` of a thing, in words: "1 number", "1,200 numbers" (the plural by an `s`).
pub fn counted(n: usize, word: &str) -> String {
    match n {
        1 => format!("1 {word}"),
        n => format!("{} {word}s", thousands(n)),
    }
}

/// A pragmatic e-mail check: one `@`, something before it, a domain with a dot after it, no
/// spaces. Not RFC 5322: it catches typos, not every exotic legal address.
pub fn check_email(text: &str) -> Result<(), RuleError> {
    let email = text.trim();
    let problem = if email.is_empty() {
        Some("is empty")
    } else if email.chars().any(char::is_whitespace) {
        Some("contains a space")
    } else if email.matches('@').count() != 1 {
        Some("needs exactly one @")
    } else {
        let (local, domain) = email.split_once('@').unwrap_or_default();
        if local.is_empty() {
            Some("has nothing before the @")
        } else if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
            Some("needs a domain with a dot after the @")
        } else if domain.contains("..") || local.starts_with('.') || local.ends_with('.') {
            Some("has a misplaced dot")
        } else if email.contains([',', ';', '<', '>', '(', ')', '[', ']', '"', '\\']) {
            Some("contains a character an address can't have")
        } else {
            None
        }
    };
    match problem {
        None => Ok(()),
        Some(problem) => Err(RuleError::new(format!(
            "`{email}` {problem}; write an e-mail address like name@contoso.com."
        ))),
    }
}

/// Splits a list of e-mail addresses: Teams separates them with semicolons; commas and new lines
/// are accepted too. Blank items are dropped.
pub fn split_emails(text: &str) -> Vec<String> {
    text.split([';', ',', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Checks every address of a list; the error names the first bad one.
pub fn check_emails(text: &str) -> Result<Vec<String>, RuleError> {
    let emails = split_emails(text);
    for email in &emails {
        check_email(email)?;
    }
    Ok(emails)
}

/// A warning when `text` is longer (in characters) than a carrier limit: some carriers truncate
/// to the limit, and the truncated value may then fail to match their record.
pub fn length_warning(text: &str, limit: usize) -> Option<String> {
    let text = text.trim();
    let count = text.chars().count();
    if count <= limit {
        return None;
    }
    let kept: String = text.chars().take(limit).collect();
    Some(format!(
        "{count} characters; some carriers keep only the first {limit} (\"{kept}\"). Enter it \
         exactly as on the carrier's record; if their record is shortened, use their version."
    ))
}

/// The authorized user's full name ("First Last") against the 15-character limit.
pub fn authorized_name_warning(first: &str, last: &str) -> Option<String> {
    let full = format!("{} {}", first.trim(), last.trim());
    length_warning(full.trim(), AUTHORIZED_NAME_LIMIT)
}

/// Checks an account PIN: letters and digits only. Returns a warning (not an error) when the
/// length is outside the usual 4 to 10 characters, since some carriers use other lengths.
pub fn check_pin(text: &str) -> Result<Option<String>, RuleError> {
    let pin = text.trim();
    if pin.is_empty() {
        return Err(RuleError::new(
            "Enter the account PIN or passcode from the current carrier (required for mobile \
             numbers). It is not a freeze PIN.",
        ));
    }
    if let Some(bad) = pin.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(RuleError::new(format!(
            "The PIN contains `{bad}`; a carrier PIN has letters and digits only. Enter it exactly \
             as the carrier gave it."
        )));
    }
    let len = pin.chars().count();
    Ok((!(4..=10).contains(&len)).then(|| {
        format!(
            "The PIN has {len} characters; carrier PINs usually have 4 to 10. Check it with the \
             carrier (a freeze PIN is something else)."
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_counts_have_thousands() {
        assert_eq!(counted(1, "number"), "1 number");
        assert_eq!(counted(0, "number"), "0 numbers");
        assert_eq!(counted(1_200, "number"), "1,200 numbers");
    }

    #[test]
    fn good_emails() {
        for ok in [
            "ana@contoso.com",
            " it.team+port@mail.contoso.co.uk ",
            "a@b.io",
        ] {
            assert_eq!(check_email(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn bad_emails_say_why() {
        for (bad, why) in [
            ("", "is empty"),
            ("ana @contoso.com", "contains a space"),
            ("ana.contoso.com", "needs exactly one @"),
            ("ana@@contoso.com", "needs exactly one @"),
            ("@contoso.com", "has nothing before the @"),
            ("ana@contoso", "needs a domain with a dot"),
            ("ana@contoso.", "needs a domain with a dot"),
            ("ana@contoso..com", "misplaced dot"),
            ("ana@contoso.com;", "can't have"),
        ] {
            let err = check_email(bad).unwrap_err();
            assert!(err.message().contains(why), "{bad}: {err}");
            assert!(err.message().ends_with("like name@contoso.com."), "{err}");
        }
    }

    #[test]
    fn email_lists_split_on_semicolons_and_commas() {
        assert_eq!(
            split_emails("a@x.com; b@x.com,c@x.com ;\n d@x.com;;"),
            ["a@x.com", "b@x.com", "c@x.com", "d@x.com"]
        );
        assert!(split_emails(" ; ").is_empty());
        assert_eq!(check_emails("a@x.com; b@x.com").map(|v| v.len()), Ok(2));
        let err = check_emails("a@x.com; b-at-x.com").unwrap_err();
        assert!(err.message().starts_with("`b-at-x.com`"), "{err}");
    }

    #[test]
    fn length_warnings_count_characters() {
        assert_eq!(length_warning("Contoso Ltd", ORGANIZATION_NAME_LIMIT), None);
        let name = "Contoso Pharmaceuticals Incorporated";
        let warning = length_warning(name, ORGANIZATION_NAME_LIMIT).unwrap();
        assert!(warning.starts_with("36 characters; some carriers keep only the first 25"));
        assert!(
            warning.contains("\"Contoso Pharmaceuticals I\""),
            "{warning}"
        );
        // Characters, not bytes: 15 accented letters fit.
        assert_eq!(
            length_warning("ÉéÉéÉéÉéÉéÉéÉéÉ", AUTHORIZED_NAME_LIMIT),
            None
        );
        assert!(length_warning("ÉéÉéÉéÉéÉéÉéÉéÉé", AUTHORIZED_NAME_LIMIT).is_some());
        assert_eq!(authorized_name_warning("Ana", "Lopez"), None);
        assert!(authorized_name_warning("Alexandra", "Montgomery").is_some());
    }

    #[test]
    fn pins() {
        assert_eq!(check_pin("1234"), Ok(None));
        assert_eq!(check_pin(" a1B2c3 "), Ok(None));
        assert!(
            check_pin("123")
                .unwrap()
                .unwrap()
                .contains("has 3 characters")
        );
        assert!(check_pin("12345678901").unwrap().is_some());
        let err = check_pin("").unwrap_err();
        assert!(err.message().contains("not a freeze PIN"), "{err}");
        let err = check_pin("12-34").unwrap_err();
        assert!(err.message().contains("contains `-`"), "{err}");
        assert!(PIN_HELP.contains("not a freeze PIN"));
    }
}
