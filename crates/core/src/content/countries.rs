//! The country codes a post may name: the ISO 3166-1 alpha-2 codes that npm
//! `flag-icons` (the flags the build copies, `flags/4x3/<code>.svg`) has a flag for,
//! from its `country.json` (`"iso": true`). `tests/content_countries.rs` checks the
//! list against `node_modules/flag-icons` when it is installed.

/// Every accepted code, upper case, sorted.
pub const COUNTRY_CODES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Copies the flag of every post's country to `to` as `<code>.svg` (the path
/// `CountryCode::flag_path` names), and no other flag: the build carries only the
/// flags its posts use. Each is taken from the first folder of `from` that has it:
/// the project's own `public/flags/` (a lighter or house drawing, such as the seed
/// post's Malta flag), then npm `flag-icons`' `flags/4x3/`, which has them all.
/// Returns how many it copied.
#[cfg(not(target_arch = "wasm32"))]
pub fn copy_flags(
    posts: &[super::Post],
    from: &[&std::path::Path],
    to: &std::path::Path,
) -> Result<usize, String> {
    let mut codes: Vec<String> = posts
        .iter()
        .map(|post| post.person.country.code.as_str().to_ascii_lowercase())
        .collect();
    codes.sort();
    codes.dedup();
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for code in &codes {
        let file = format!("{code}.svg");
        let Some(source) = from.iter().map(|dir| dir.join(&file)).find(|f| f.exists()) else {
            let looked: Vec<String> = from
                .iter()
                .map(|d| d.join(&file).display().to_string())
                .collect();
            return Err(format!(
                "no flag for {:?}: none of {} exists; run `npm ci` (cargo xtask setup does), \
                 which installs flag-icons",
                code.to_ascii_uppercase(),
                looked.join(", ")
            ));
        };
        std::fs::copy(&source, to.join(&file)).map_err(|e| format!("{}: {e}", source.display()))?;
    }
    Ok(codes.len())
}
