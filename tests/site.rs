//! Native tests: the bundled site settings parse, and a bad value names the file,
//! line, column and field.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::content::site::{bundled_site, parse_site, SiteUrl};

#[test]
fn the_bundled_settings_parse() {
    let site = bundled_site().expect("src/content/site.json parses");
    assert_eq!(site.name.as_str(), "Goosebumps");
    assert!(!site.owner.name.as_str().is_empty());
}

#[test]
fn every_field_is_read() {
    let site = parse_site(
        "site.json",
        r#"{"name": "Goosebumps", "url": "https://example.org/blog/",
            "owner": {"name": "Ana", "email": "replies@example.org"}}"#,
    )
    .unwrap();
    assert_eq!(site.url.unwrap().as_str(), "https://example.org/blog/");
    assert_eq!(site.owner.name.as_str(), "Ana");
    assert_eq!(site.owner.email.unwrap().as_str(), "replies@example.org");
}

#[test]
fn url_and_owner_email_are_optional() {
    let site = parse_site(
        "site.json",
        r#"{"name": "G", "url": null, "owner": {"name": "Ana"}}"#,
    )
    .unwrap();
    assert_eq!(site.url, None);
    assert_eq!(site.owner.email, None);
}

fn error_of(json: &str) -> goosebumps::content::ContentError {
    parse_site("site.json", json).expect_err("a bad value is refused")
}

#[test]
fn a_relative_or_foreign_url_names_file_line_column_and_field() {
    for url in [
        "example.org",
        "/blog/",
        "ftp://example.org/",
        "javascript:alert(1)",
        "https://",
        "https://example.org/?q=1",
        "https://exa mple.org/",
    ] {
        let json = format!(
            "{{\n  \"name\": \"G\",\n  \"url\": {url:?},\n  \"owner\": {{\"name\": \"A\"}}\n}}"
        );
        let e = error_of(&json);
        assert_eq!(e.file, "site.json");
        assert_eq!(e.line, 3, "{url}: {e}");
        assert!(e.column > 0);
        assert!(e.message.contains("`url`"), "{e}");
        assert!(
            e.to_string().starts_with("site.json:3:"),
            "the message starts with file:line:column: {e}"
        );
    }
}

#[test]
fn a_bad_owner_email_names_its_field() {
    let e = error_of(r#"{"name": "G", "owner": {"name": "A", "email": "not an address"}}"#);
    assert_eq!((e.line, e.file.as_str()), (1, "site.json"));
    assert!(e.message.contains("`owner.email`"), "{e}");
}

#[test]
fn an_empty_name_missing_owner_or_unknown_field_is_refused() {
    assert!(error_of(r#"{"name": "  ", "owner": {"name": "A"}}"#)
        .message
        .contains("`name` must not be empty"));
    assert!(error_of(r#"{"name": "G", "owner": {"name": ""}}"#)
        .message
        .contains("`owner.name` must not be empty"));
    assert!(error_of(r#"{"name": "G"}"#)
        .message
        .contains("missing field `owner`"));
    assert!(
        error_of(r#"{"name": "G", "owner": {"name": "A"}, "title": "x"}"#)
            .message
            .contains("unknown field `title`")
    );
    assert!(
        error_of(r#"{"name": "G", "owner": {"name": "A", "mail": "x"}}"#)
            .message
            .contains("unknown field `mail`")
    );
}

#[test]
fn goosebumps_site_url_overrides_the_settings() {
    let site = parse_site(
        "site.json",
        r#"{"name": "G", "url": "https://example.org/", "owner": {"name": "A"}}"#,
    )
    .unwrap();
    assert_eq!(
        site.url_with(None).unwrap().unwrap().as_str(),
        "https://example.org/"
    );
    assert_eq!(
        site.url_with(Some("")).unwrap().unwrap().as_str(),
        "https://example.org/"
    );
    assert_eq!(
        site.url_with(Some("https://preview.example.net"))
            .unwrap()
            .unwrap(),
        SiteUrl::parse("https://preview.example.net").unwrap()
    );
    let e = site.url_with(Some("preview.example.net")).unwrap_err();
    assert!(e.starts_with("GOOSEBUMPS_SITE_URL: `url` must be"), "{e}");
}
