//! `set --help`'s countries section: each Calling Plans country with its rules and where each
//! comes from, read from the rulebook (docs/countries.md), never a second list.

use crate::domain::countries::{AskedBy, CountryRules, rulebook};

/// The section: one block per country, a rule a line with its source in brackets.
pub fn countries_help() -> String {
    let book = rulebook();
    let mut text = format!(
        "\nCountries (country), each rule with where it comes from (the list: {}):\n",
        book.list_source
    );
    for country in &book.countries {
        text.push_str(&country_block(country));
    }
    text
}

fn country_block(c: &CountryRules) -> String {
    let also = if c.aliases.is_empty() {
        String::new()
    } else {
        format!(" (also {})", c.aliases.join(", "))
    };
    let mut lines = vec![format!("  {} {}{also}", c.code, c.name)];
    lines.push(rule("route", c.route.value.label(), &c.route.source));
    lines.push(rule("time zone", &c.time_zone.value, &c.time_zone.source));
    let types: Vec<&str> = c.number_types.iter().map(|t| t.key.as_str()).collect();
    lines.push(rule(
        "number types",
        &types.join(", "),
        &sources(c.number_types.iter().map(|t| t.source.as_str())),
    ));
    if !c.not_portable.is_empty() {
        let prefixes: Vec<&str> = c.not_portable.iter().map(|r| r.prefix.as_str()).collect();
        lines.push(rule(
            "not portable",
            &prefixes.join(", "),
            &sources(c.not_portable.iter().map(|r| r.source.as_str())),
        ));
    }
    lines.push(match &c.postcode {
        Some(p) => rule("postcode", &format!("e.g. {}", p.example), &p.source),
        None => "    postcode: none".to_string(),
    });
    for id in &c.identifiers {
        let who = match id.asked_by {
            AskedBy::Microsoft => "asked by Microsoft",
            AskedBy::Peers => "a warning: peers say carriers check it",
        };
        lines.push(rule(&format!("identifiers.{}", id.name), who, &id.source));
    }
    let lead = match c.lead_time.business_days {
        Some(days) => format!("{days} business days"),
        None => "none stated".to_string(),
    };
    lines.push(rule("lead time", &lead, &c.lead_time.source));
    let holidays = if c.holidays.partial {
        format!(
            "{}, partial (see the port date's warning)",
            c.holidays.scope
        )
    } else {
        c.holidays.scope.clone()
    };
    lines.push(rule("holidays", &holidays, &c.holidays.source));
    let forms: Vec<String> = c
        .loa
        .forms
        .iter()
        .map(|f| format!("{} ({})", f.title, f.language))
        .collect();
    let forms = if forms.is_empty() {
        "Microsoft's form, not transcribed: download it from the admin center".to_string()
    } else {
        forms.join("; ")
    };
    lines.push(rule("LOA", &forms, &c.loa.source));
    let mut block = lines.join("\n");
    block.push('\n');
    block
}

/// "    what: value [source]".
fn rule(what: &str, value: &str, source: &str) -> String {
    format!("    {what}: {value} [{source}]")
}

/// Each source once, in the order met.
fn sources<'a>(all: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for source in all {
        if !seen.contains(&source) {
            seen.push(source);
        }
    }
    seen.join("; ")
}

#[cfg(test)]
mod tests {
    use super::countries_help;
    use crate::domain::countries::rulebook;

    /// Every country is listed with each identifier and where its rules come from.
    #[test]
    fn every_country_its_identifiers_and_their_sources_are_listed() {
        let help = countries_help();
        for country in &rulebook().countries {
            assert!(
                help.contains(&format!("\n  {} {}", country.code, country.name)),
                "{}",
                country.code
            );
            assert!(help.contains(&country.route.source), "{}", country.code);
            assert!(help.contains(&country.holidays.source), "{}", country.code);
            for id in &country.identifiers {
                assert!(help.contains(&format!("identifiers.{}: ", id.name)));
                assert!(help.contains(&id.source), "{}", id.name);
            }
        }
        assert!(help.contains("holidays: national, partial"), "Hong Kong's");
    }
}
