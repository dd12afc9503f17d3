//! US state and Canadian province codes with their names. The US list has the 50 states, DC and
//! Puerto Rico (Teams ports US and Puerto Rico numbers in US orders).

/// A Puerto Rico order's service address: its one code.
pub(super) const PR: &[(&str, &str)] = &[("PR", "Puerto Rico")];

pub(super) const US: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

pub(super) const CA: &[(&str, &str)] = &[
    ("AB", "Alberta"),
    ("BC", "British Columbia"),
    ("MB", "Manitoba"),
    ("NB", "New Brunswick"),
    ("NL", "Newfoundland and Labrador"),
    ("NS", "Nova Scotia"),
    ("NT", "Northwest Territories"),
    ("NU", "Nunavut"),
    ("ON", "Ontario"),
    ("PE", "Prince Edward Island"),
    ("QC", "Quebec"),
    ("SK", "Saskatchewan"),
    ("YT", "Yukon"),
];

/// Other names people write, already folded (see `fold`): old codes, French names, short forms.
pub(super) const US_ALIASES: &[(&str, &str)] = &[
    ("washingtondc", "DC"),
    ("washingtondistrictofcolumbia", "DC"),
];

pub(super) const CA_ALIASES: &[(&str, &str)] = &[
    ("pq", "QC"),
    ("que", "QC"),
    ("québec", "QC"),
    ("nf", "NL"),
    ("nfld", "NL"),
    ("newfoundland", "NL"),
    ("labrador", "NL"),
    ("terreneuveetlabrador", "NL"),
    ("pei", "PE"),
    ("îleduprinceédouard", "PE"),
    ("yukonterritory", "YT"),
    ("yk", "YT"),
    ("colombiebritannique", "BC"),
    ("nouveaubrunswick", "NB"),
    ("nouvelleécosse", "NS"),
    ("territoiresdunordouest", "NT"),
];

/// Lower-case letters only: "New  York", "new-york" and "N.Y." compare as "newyork" / "ny".
pub(super) fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}
