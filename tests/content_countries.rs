//! Native tests: a post's country code must be one npm `flag-icons` has a flag for
//! (the error names `person.country.code`), and the build copies only the flags
//! the posts use. The rules are tested on the seed post's own copy
//! (`tests/fixtures/seed-post.json`); the owner's posts only have to have flags.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::content::countries::{copy_flags, COUNTRY_CODES};
use goosebumps::content::parse_post;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The seed post, from Malta (`"code": "MT"`).
const SEED_POST: &str = include_str!("fixtures/seed-post.json");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed post, from the country `code`.
fn with_code(code: &str) -> String {
    SEED_POST.replacen(r#""code": "MT""#, &format!(r#""code": "{code}""#), 1)
}

/// A new, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("goosebumps-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_codes_are_sorted_unique_iso_pairs() {
    assert_eq!(COUNTRY_CODES.len(), 249, "ISO 3166-1 has 249 codes");
    assert!(
        COUNTRY_CODES.windows(2).all(|w| w[0] < w[1]),
        "sorted, once each"
    );
    assert!(COUNTRY_CODES
        .iter()
        .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
}

#[test]
fn the_codes_are_flag_icons_iso_codes_when_it_is_installed() {
    let list = root().join("node_modules/flag-icons/country.json");
    let Ok(json) = std::fs::read_to_string(&list) else {
        return; // `npm ci` not run: nothing to compare with.
    };
    let countries: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let mut iso: Vec<String> = countries
        .iter()
        .filter(|c| c["iso"] == serde_json::Value::Bool(true))
        .map(|c| c["code"].as_str().unwrap().to_ascii_uppercase())
        .collect();
    iso.sort();
    assert_eq!(
        iso, COUNTRY_CODES,
        "src/content/countries.rs must list flag-icons' ISO codes"
    );
    for code in COUNTRY_CODES {
        let flag = root().join(format!(
            "node_modules/flag-icons/flags/4x3/{}.svg",
            code.to_ascii_lowercase()
        ));
        assert!(flag.exists(), "{} exists", flag.display());
    }
}

#[test]
fn any_country_with_a_flag_is_accepted() {
    for code in ["MT", "GB", "US", "JP", "BR", "ZA"] {
        let post = parse_post("p.json", &with_code(code)).unwrap();
        assert_eq!(post.person.country.code.as_str(), code);
    }
}

#[test]
fn an_unknown_country_code_fails_naming_the_field() {
    // XK (Kosovo) and EU have flags in flag-icons, but no ISO 3166-1 code.
    for code in ["XX", "QQ", "XK", "EU", "UK"] {
        let err = parse_post("p.json", &with_code(code)).unwrap_err();
        assert!(
            err.message
                .starts_with("`person.country.code`: unknown country code"),
            "{code}: {err}"
        );
        assert!(err.line > 1 && err.column > 1, "{err}");
    }
    let err = parse_post("p.json", &with_code("mt")).unwrap_err();
    assert!(
        err.message
            .starts_with("`person.country.code`: country code must be two capital letters"),
        "{err}"
    );
}

#[test]
fn the_build_gets_only_the_flags_its_posts_use_its_own_first() {
    let own = scratch("flags-own");
    std::fs::write(own.join("mt.svg"), "<svg>our Malta</svg>").unwrap();
    let set = scratch("flags-set");
    for code in ["mt", "gb", "jp"] {
        std::fs::write(
            set.join(format!("{code}.svg")),
            format!("<svg>{code}</svg>"),
        )
        .unwrap();
    }
    let to = scratch("flags-to").join("flags");
    let posts = [
        parse_post("a.json", &with_code("MT")).unwrap(),
        parse_post("b.json", &with_code("JP")).unwrap(),
        parse_post("c.json", &with_code("MT")).unwrap(),
    ];
    assert_eq!(copy_flags(&posts, &[&own, &set], &to), Ok(2));
    let mut copied: Vec<_> = std::fs::read_dir(&to)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    copied.sort();
    assert_eq!(copied, ["jp.svg", "mt.svg"]);
    assert_eq!(posts[0].person.country.code.flag_path(), "flags/mt.svg");
    let read = |code: &str| std::fs::read_to_string(to.join(format!("{code}.svg"))).unwrap();
    assert_eq!(
        read("mt"),
        "<svg>our Malta</svg>",
        "the project's own drawing first"
    );
    assert_eq!(read("jp"), "<svg>jp</svg>", "then flag-icons'");

    let missing = [parse_post("d.json", &with_code("US")).unwrap()];
    let err = copy_flags(&missing, &[&own, &set], &to).unwrap_err();
    assert!(err.starts_with("no flag for \"US\": none of "), "{err}");
    assert!(
        err.ends_with("run `npm ci` (cargo xtask setup does), which installs flag-icons"),
        "{err}"
    );
}

#[test]
fn the_seeds_malta_is_the_projects_own_drawing() {
    let own = root().join("public/flags");
    let to = scratch("flags-seed");
    let seed = [parse_post("seed-post.json", SEED_POST).unwrap()];
    // Malta is the project's own 3:2 drawing (559 bytes), as the page has always had,
    // taken even where flag-icons has one.
    assert!(own.join("mt.svg").exists());
    let set = root().join("node_modules/flag-icons/flags/4x3");
    assert_eq!(copy_flags(&seed, &[&own, &set], &to), Ok(1));
    assert_eq!(
        std::fs::read(to.join("mt.svg")).unwrap(),
        std::fs::read(own.join("mt.svg")).unwrap()
    );
}

#[test]
fn the_shipped_posts_have_their_flags() {
    let own = root().join("public/flags");
    let set = root().join("node_modules/flag-icons/flags/4x3");
    let to = scratch("flags-shipped");
    let file_of = |p: &goosebumps::content::Post| {
        format!(
            "{}.svg",
            p.person.country.code.as_str().to_ascii_lowercase()
        )
    };
    let mut posts = goosebumps::content::published_posts().unwrap();
    if !set.exists() {
        // `npm ci` not run: only the project's own flags can be checked.
        posts.retain(|p| own.join(file_of(p)).exists());
    }
    let files: BTreeSet<String> = posts.iter().map(file_of).collect();
    // Each country's flag once, the project's own drawing first, else flag-icons'.
    assert_eq!(copy_flags(&posts, &[&own, &set], &to), Ok(files.len()));
    for file in files {
        let source = if own.join(&file).exists() {
            own.join(&file)
        } else {
            set.join(&file)
        };
        assert_eq!(
            std::fs::read(to.join(&file)).unwrap(),
            std::fs::read(source).unwrap(),
            "{file}"
        );
    }
}
