//! Native tests: WordPress's comment rules, limits (in UTF-8 bytes) and words.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::validation::{
    counter_text, normalize_url, validate, Field, FieldError, MAX_AUTHOR_BYTES, MAX_COMMENT_BYTES,
    MAX_URL_BYTES,
};
use goosebumps::comments::Draft;
use goosebumps::i18n::Lang;
use goosebumps::text::{is_email, MAX_EMAIL_BYTES};

fn draft() -> Draft {
    Draft {
        comment: "What a film.".into(),
        author: "Ana".into(),
        email: "ana@example.com".into(),
        url: String::new(),
        remember: false,
    }
}

fn errors(d: &Draft) -> Vec<(Field, FieldError)> {
    validate(d).err().unwrap_or_default()
}

#[test]
fn a_complete_comment_is_accepted_and_trimmed() {
    let mut d = draft();
    d.comment = "  line one\nline two \n".into();
    d.author = " Ana ".into();
    let ok = validate(&d).unwrap();
    assert_eq!(ok.content, "line one\nline two");
    assert_eq!(ok.author, "Ana");
    assert_eq!(ok.url, None);
}

#[test]
fn missing_fields_get_wordpress_words_in_form_order() {
    let e = errors(&Draft::default());
    assert_eq!(
        e,
        vec![
            (Field::Comment, FieldError::CommentMissing),
            (Field::Author, FieldError::Required),
            (Field::Email, FieldError::Required),
        ]
    );
    assert_eq!(
        FieldError::CommentMissing.to_string(),
        "Please type your comment text."
    );
    assert_eq!(
        FieldError::Required.to_string(),
        "Please fill the required fields."
    );
    assert_eq!(
        FieldError::EmailInvalid.to_string(),
        "Please enter a valid email address."
    );
    assert_eq!(
        FieldError::CommentTooLong.to_string(),
        "Your comment is too long."
    );
    assert_eq!(
        FieldError::AuthorTooLong.to_string(),
        "Your name is too long."
    );
    assert_eq!(
        FieldError::EmailTooLong.to_string(),
        "Your email address is too long."
    );
    assert_eq!(FieldError::UrlTooLong.to_string(), "Your URL is too long.");
}

#[test]
fn white_space_only_counts_as_missing() {
    let mut d = draft();
    d.comment = " \n\t ".into();
    assert_eq!(
        errors(&d),
        vec![(Field::Comment, FieldError::CommentMissing)]
    );
}

/// A string of exactly `bytes` UTF-8 bytes made of 2-byte characters (plus one
/// ASCII letter when odd), so byte and character counts differ.
fn of_bytes(bytes: usize) -> String {
    let mut s = "é".repeat(bytes / 2);
    if bytes % 2 == 1 {
        s.push('a');
    }
    assert_eq!(s.len(), bytes);
    s
}

#[test]
fn comment_limit_is_65525_bytes() {
    let mut d = draft();
    for (bytes, ok) in [
        (MAX_COMMENT_BYTES - 1, true),
        (MAX_COMMENT_BYTES, true),
        (MAX_COMMENT_BYTES + 1, false),
    ] {
        d.comment = of_bytes(bytes);
        assert_eq!(validate(&d).is_ok(), ok, "{bytes} bytes");
    }
    assert_eq!(
        errors(&d),
        vec![(Field::Comment, FieldError::CommentTooLong)]
    );
    // 4-byte emoji: 16,382 of them are 65,528 bytes, over the limit though far under 65,525 characters.
    d.comment = "😀".repeat(16_382);
    assert_eq!(
        errors(&d),
        vec![(Field::Comment, FieldError::CommentTooLong)]
    );
}

#[test]
fn name_limit_is_245_bytes() {
    let mut d = draft();
    for (bytes, ok) in [
        (MAX_AUTHOR_BYTES - 1, true),
        (MAX_AUTHOR_BYTES, true),
        (MAX_AUTHOR_BYTES + 1, false),
    ] {
        d.author = of_bytes(bytes);
        assert_eq!(validate(&d).is_ok(), ok, "{bytes} bytes");
    }
    assert_eq!(errors(&d), vec![(Field::Author, FieldError::AuthorTooLong)]);
}

#[test]
fn email_limit_is_100_bytes() {
    let mut d = draft();
    for (bytes, ok) in [
        (MAX_EMAIL_BYTES - 1, true),
        (MAX_EMAIL_BYTES, true),
        (MAX_EMAIL_BYTES + 1, false),
    ] {
        let local = "a".repeat(bytes - "@example.com".len());
        d.email = format!("{local}@example.com");
        assert_eq!(validate(&d).is_ok(), ok, "{bytes} bytes");
    }
    assert_eq!(errors(&d), vec![(Field::Email, FieldError::EmailTooLong)]);
}

#[test]
fn website_limit_is_200_bytes_after_https_is_added() {
    let mut d = draft();
    for (bytes, ok) in [
        (MAX_URL_BYTES - 1, true),
        (MAX_URL_BYTES, true),
        (MAX_URL_BYTES + 1, false),
    ] {
        let path = "a".repeat(bytes - "https://example.com/".len());
        d.url = format!("example.com/{path}");
        assert_eq!(validate(&d).is_ok(), ok, "{bytes} bytes");
    }
    assert_eq!(errors(&d), vec![(Field::Url, FieldError::UrlTooLong)]);
}

#[test]
fn email_follows_wordpress_is_email() {
    for good in [
        "ana@example.com",
        "a.b+c@sub.example.co.uk",
        "x_y@a-b.io",
        "O'Neil@example.ie",
    ] {
        assert!(is_email(good), "{good}");
    }
    for bad in [
        "a@b.c",           // shorter than 6
        "@example.com",    // no local part
        "ana.example.com", // no @
        "ana@example",     // one label
        "ana@exa..mple.com",
        "ana@.example.com",
        "ana@example.com.",
        "ana@-example.com",
        "ana@exam_ple.com",
        "an a@example.com",
        "ana@éxample.com",
        "<ana>@example.com",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
    let mut d = draft();
    d.email = "not an email".into();
    assert_eq!(errors(&d), vec![(Field::Email, FieldError::EmailInvalid)]);
}

#[test]
fn website_must_be_http_or_https_and_gets_https_when_bare() {
    assert_eq!(normalize_url(""), Ok(None));
    assert_eq!(normalize_url("  "), Ok(None));
    assert_eq!(
        normalize_url("example.com"),
        Ok(Some("https://example.com".into()))
    );
    assert_eq!(
        normalize_url("example.com:8080/x"),
        Ok(Some("https://example.com:8080/x".into()))
    );
    assert_eq!(
        normalize_url("//example.com"),
        Ok(Some("https://example.com".into()))
    );
    assert_eq!(
        normalize_url("http://example.com"),
        Ok(Some("http://example.com".into()))
    );
    assert_eq!(
        normalize_url("HTTPS://Example.com/a?b#c"),
        Ok(Some("HTTPS://Example.com/a?b#c".into()))
    );
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:ana@example.com",
        "ftp://example.com",
        "https://",
        "https:///path",
        "http://exa mple.com",
    ] {
        assert_eq!(normalize_url(bad), Err(FieldError::UrlInvalid), "{bad}");
    }
}

#[test]
fn counter_appears_near_the_limit() {
    assert_eq!(counter_text(&"a".repeat(59_999), Lang::En), None);
    assert_eq!(
        counter_text(&"a".repeat(60_000), Lang::En).unwrap(),
        "60,000 of 65,525 bytes used; 5,525 left."
    );
    assert_eq!(
        counter_text(&"é".repeat(32_763), Lang::En).unwrap(),
        "65,526 of 65,525 bytes used; 1 too many."
    );
}

#[test]
fn only_web_addresses_are_links() {
    use goosebumps::comments::validation::is_web_url;
    assert!(is_web_url("https://example.com"));
    assert!(is_web_url("HTTP://example.com"));
    for not in [
        "javascript:alert(1)",
        "data:text/html,x",
        "ftp://x",
        "",
        "http:/x",
    ] {
        assert!(!is_web_url(not), "{not}");
    }
}
