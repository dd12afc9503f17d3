//! When an order goes to the Phone Number Service Center instead of a porting wizard
//! (docs/countries.md, the Service Center): more numbers than the wizard takes, or service numbers. Each reason names
//! Microsoft's page that states it.

use super::Country;
use super::choices::NumberUsage;
use super::text::thousands;

/// The most numbers the porting wizard takes in one order.
pub const WIZARD_MAX_NUMBERS: usize = 999;

/// The most numbers portwiz keeps in one order (a Service Center case): a company's sheet larger
/// than this is split first (`portwiz split`).
pub const SERVICE_CENTER_MAX_NUMBERS: usize = 10_000;

/// Microsoft's page for what goes to the Service Center.
pub const SOURCE: &str = "Microsoft, Teams/phone-number-calling-plans/manually-submit-port-order.md \
     and transfer-phone-numbers-to-teams.md: service numbers for conferencing bridges, auto \
     attendants and call queues, or more than 999 user numbers, are submitted manually";

/// Why an order is a Service Center case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseReason {
    /// More numbers than the wizard takes.
    ManyNumbers(usize),
    /// Numbers whose usage makes them service numbers (voice apps, conference bridges).
    ServiceNumbers { count: usize, usage: NumberUsage },
}

impl std::fmt::Display for CaseReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaseReason::ManyNumbers(n) => write!(
                f,
                "{} numbers: the porting wizard takes at most {WIZARD_MAX_NUMBERS}",
                thousands(*n)
            ),
            CaseReason::ServiceNumbers { count, usage } => {
                let what = match usage {
                    NumberUsage::Conference => "for a conferencing bridge",
                    _ => "for an auto attendant or call queue",
                };
                let numbers = if *count == 1 { "number" } else { "numbers" };
                write!(
                    f,
                    "{count} service {numbers} {what}: Microsoft takes service numbers as a case"
                )
            }
        }
    }
}

/// The reasons an order of `numbers` numbers with these usage items (`number_usage`) goes to the
/// Service Center; none: it goes through its country's wizard.
/// The usage an item names, and whether it names one number (`false`: a usage alone, for every
/// number). Read without checking the number: the route is worked out at every frame, and the
/// field's own check names a bad number.
fn usage_of(item: &str) -> Option<(bool, NumberUsage)> {
    let split = item.find(|c: char| c.is_alphabetic()).unwrap_or(item.len());
    let (number, words) = item.split_at(split);
    let usage = words.trim().parse().ok()?;
    Some((number.chars().any(|c| c.is_ascii_digit()), usage))
}

pub fn case_reasons(numbers: usize, usages: &[String], _country: Country) -> Vec<CaseReason> {
    let mut reasons = Vec::new();
    if numbers > WIZARD_MAX_NUMBERS {
        reasons.push(CaseReason::ManyNumbers(numbers));
    }
    for usage in [NumberUsage::VoiceApp, NumberUsage::Conference] {
        let count = usages
            .iter()
            .filter_map(|item| usage_of(item))
            .filter(|(_, u)| *u == usage)
            .map(|(one, _)| if one { 1 } else { numbers })
            .sum::<usize>()
            .min(numbers.max(1));
        if count > 0 {
            reasons.push(CaseReason::ServiceNumbers { count, usage });
        }
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gb() -> Country {
        "GB".parse().unwrap()
    }

    #[test]
    fn the_wizard_takes_999_numbers_and_the_service_center_1000_and_more() {
        assert!(case_reasons(999, &[], Country::Us).is_empty());
        assert_eq!(
            case_reasons(1_000, &[], Country::Us),
            [CaseReason::ManyNumbers(1_000)]
        );
        let reasons = case_reasons(10_000, &[], gb());
        assert_eq!(
            reasons[0].to_string(),
            "10,000 numbers: the porting wizard takes at most 999"
        );
    }

    #[test]
    fn service_numbers_go_to_the_service_center_whatever_their_count() {
        let usages = [
            "+442079460000 voice app".to_string(),
            "+442079460001 user".to_string(),
        ];
        let reasons = case_reasons(2, &usages, gb());
        assert_eq!(
            reasons,
            [CaseReason::ServiceNumbers {
                count: 1,
                usage: NumberUsage::VoiceApp
            }]
        );
        assert!(
            reasons[0]
                .to_string()
                .contains("auto attendant or call queue")
        );
        // A usage alone applies to every number.
        let bridge = case_reasons(3, &["conference".to_string()], "FR".parse().unwrap());
        assert_eq!(
            bridge,
            [CaseReason::ServiceNumbers {
                count: 3,
                usage: NumberUsage::Conference
            }]
        );
        assert!(case_reasons(2, &["user".to_string()], gb()).is_empty());
    }
}
