//! Native tests: drafts (`"draft": true`) are left out of a build without
//! `GOOSEBUMPS_DRAFTS=1` — not parsed, not pre-rendered, not in the browser's list
//! that `build.rs` writes — and kept in one with it.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::content::{self, parse_post, posts, BUNDLED};

// The build script's own functions, to check what it writes for posts of the
// tests' own (the owner's may hold a draft or not).
#[allow(dead_code)]
#[path = "../build.rs"]
mod build_script;

/// The seed post (`tests/fixtures/seed-post.json`), which has no `"draft"` field.
const SEED_POST: &str = include_str!("fixtures/seed-post.json");

/// The seed post, as a draft with the slug `slug` (or not, with `draft: false`; or
/// without the field, with `None`).
fn post_json(slug: &str, draft: Option<bool>) -> String {
    assert!(
        !SEED_POST.contains("\"draft\""),
        "the fixture says nothing of drafts"
    );
    let json = SEED_POST.replacen("\"miracle-in-cell-no-7\"", &format!("{slug:?}"), 1);
    match draft {
        Some(draft) => json.replacen('{', &format!("{{\n  \"draft\": {draft},"), 1),
        None => json,
    }
}

#[test]
fn a_post_is_published_unless_it_says_draft_true() {
    let post = parse_post("p.json", &post_json("p", None)).unwrap();
    assert!(!post.is_draft());
    assert!(!parse_post("p.json", &post_json("p", Some(false)))
        .unwrap()
        .is_draft());
    assert!(parse_post("p.json", &post_json("p", Some(true)))
        .unwrap()
        .is_draft());
    assert!(content::is_draft(&post_json("p", Some(true))));
    assert!(!content::is_draft("not JSON"), "the full parser reports it");
    let err = parse_post(
        "p.json",
        &post_json("p", None).replacen('{', "{\"draft\": \"yes\",", 1),
    )
    .unwrap_err();
    assert!(err.message.starts_with("`draft`: invalid type"), "{err}");
}

#[test]
fn drafts_are_left_out_unless_asked_for_and_not_even_parsed() {
    let published = post_json("published", None);
    let draft = post_json("draft", Some(true));
    // Half-written: a draft that does not parse yet never stops a build without drafts.
    let broken = "{\n  \"draft\": true,\n  \"slug\": 7\n}";
    let bundled = [("a.json", published.as_str()), ("b.json", draft.as_str())];
    let slugs = |drafts| -> Vec<String> {
        posts(&bundled, drafts)
            .unwrap()
            .into_iter()
            .map(|p| p.slug)
            .collect()
    };
    assert_eq!(slugs(false), ["published"]);
    assert_eq!(slugs(true), ["published", "draft"]);
    let with_broken = [("a.json", published.as_str()), ("c.json", broken)];
    assert_eq!(posts(&with_broken, false).unwrap().len(), 1);
    let err = posts(&with_broken, true).unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("c.json", 3), "{err}");
}

#[test]
fn this_build_shows_drafts_only_when_compiled_to() {
    // `cargo test` runs without GOOSEBUMPS_DRAFTS, like `cargo xtask dist`.
    assert_eq!(
        content::all_posts().unwrap(),
        posts(BUNDLED, content::DRAFTS_BUILT).unwrap()
    );
    assert!(content::published_posts()
        .unwrap()
        .iter()
        .all(|p| !p.is_draft()));
}

#[test]
fn the_browser_list_leaves_drafts_out_of_a_build_without_them() {
    let published = post_json("published", None);
    let draft = post_json("a-secret-draft", Some(true));
    let files = [("a.json", published.as_str()), ("b.json", draft.as_str())];

    let code = build_script::live_code(&files, false);
    assert!(
        code.contains(r#"const LIVE_FILES: &[&str] = &["a.json", ];"#),
        "{code}"
    );
    // Neither its file name nor its text reaches the browser's build.
    assert!(
        !code.contains("b.json") && !code.contains("a-secret-draft"),
        "{code}"
    );

    let code = build_script::live_code(&files, true);
    assert!(code.contains(r#"&["a.json", "b.json", ]"#), "{code}");
    assert!(code.contains("\"a-secret-draft\".into()"), "{code}");
}

#[test]
fn bundled_holds_every_file_from_the_package_it_is_compiled_in() {
    let files = [
        (
            "a.json".to_owned(),
            build_script::include_path(std::path::Path::new("src/content/posts/a.json")),
            String::new(),
        ),
        (
            "b.json".to_owned(),
            build_script::include_path(std::path::Path::new("/abs/posts/b.json")),
            String::new(),
        ),
    ];
    let code = build_script::bundled_code(&files, true);
    // The default folder, relative to the package: read from the package's folder
    // when the crate is compiled, so a moved project reads its own posts.
    assert!(
        code.contains(
            r#"("a.json", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/content/posts/a.json"))),"#
        ),
        "{code}"
    );
    // A folder named by the environment (GOOSEBUMPS_POSTS_DIR), by its absolute path.
    assert!(
        code.contains(r#"("b.json", include_str!("/abs/posts/b.json")),"#),
        "{code}"
    );
    assert!(
        code.contains("pub const DRAFTS_BUILT: bool = true;"),
        "{code}"
    );
}
