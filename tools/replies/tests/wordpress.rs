//! The real WordPress 6.1 export (`tests/fixtures/wordpress-6.1-export.xml`):
//! exactly its approved comments are published, with their threads and text, and
//! no email or IP address.

use crate::common;
use common::*;
use goosebumps_core::comments::published::parse_published;

/// What the fixture holds, counted by hand from the XML: comments 2, 3, 4, 5, 6
/// and 11 on `miracle-in-cell-no-7` are approved comments; 7 is pending, 9 in the
/// trash, 10 a pingback; 1 is on "Hello world!", a post this site does not have.
const SUMMARY: &str = "6 added, 0 already published, 4 skipped (1 pending, 1 in the trash, \
                       1 pingback, 1 for a post we do not have), 0 refused";

fn imported() -> (tempfile::TempDir, String) {
    let dir = project();
    let export = wordpress_export();
    let r = run(dir.path(), &["add", export.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.out);
    assert_eq!(r.summary(), SUMMARY);
    let text = published(dir.path()).expect("the post's replies are written");
    (dir, text)
}

#[test]
fn the_approved_comments_are_published_with_their_threads_and_text() {
    let (_dir, text) = imported();
    let file = parse_published("x", &text).unwrap();
    assert_eq!(file.post, POST);
    type Row<'a> = (&'a str, Option<&'a str>, &'a str, Option<&'a str>, i64);
    let rows: Vec<Row> = file
        .replies
        .iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.parent.as_ref().map(|p| p.as_str()),
                r.author.as_str(),
                r.url.as_deref(),
                r.created_ms,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "wp-2",
                None,
                "Maria Camilleri",
                Some("https://maria.example.com"),
                1_709_406_316_000
            ),
            ("wp-3", Some("wp-2"), "John Amato", None, 1_709_409_987_000),
            (
                "wp-4",
                Some("wp-3"),
                "Lucía Fernández",
                None,
                1_709_413_658_000
            ),
            (
                "wp-5",
                None,
                "Emre Yılmaz",
                Some("http://emre.example.net/blog/"),
                1_709_417_329_000
            ),
            ("wp-6", None, "Sam", None, 1_709_421_000_000),
            ("wp-11", None, "Ana", None, 1_709_439_355_000),
        ]
    );
    let content = |id: &str| {
        file.replies
            .iter()
            .find(|r| r.id.as_str() == id)
            .unwrap()
            .content
            .clone()
    };
    assert_eq!(
        content("wp-2"),
        "I cried at the same scene. When Ova runs to him…\n\nThank you for sharing, John!"
    );
    assert_eq!(content("wp-3"), "Grazzi Maria! It stays with you for days.");
    assert_eq!(
        content("wp-4"),
        "¡Yo también! La vi en Buenos Aires con mi papá. Inolvidable."
    );
    assert_eq!(
        content("wp-5"),
        "Yedinci Koğuştaki Mucize — Aras Bulut İynemli deserved every award. 🇹🇷 \
         My review (https://example.net/review)"
    );
    assert_eq!(
        content("wp-6"),
        "Is there a version with English subtitles? alert(1) & why is the Korean one so different?"
    );
    let long = content("wp-11");
    assert_eq!(long, vec!["A long, heartfelt reply."; 120].join(" "));
}

#[test]
fn no_email_or_ip_address_of_the_export_is_published() {
    let xml = std::fs::read_to_string(wordpress_export()).unwrap();
    let mut secrets = Vec::new();
    for tag in [
        "wp:comment_author_email",
        "wp:comment_author_IP",
        "wp:author_email",
    ] {
        for chunk in xml.split(&format!("<{tag}>")).skip(1) {
            let value = chunk.split(&format!("</{tag}>")).next().unwrap();
            let value = value
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>");
            if !value.is_empty() {
                secrets.push(value.to_owned());
            }
        }
    }
    assert!(secrets.len() >= 20, "emails and IPs found: {secrets:?}");
    let (dir, text) = imported();
    let everything = everything_published(dir.path());
    assert_eq!(everything, text);
    for secret in &secrets {
        assert!(
            !everything.contains(secret.as_str()),
            "{secret} was published"
        );
    }
    assert!(!everything.contains("203.0.113."));
    assert!(!everything.contains('@'));
    assert!(!everything.contains("\"email\""));
}

#[test]
fn a_second_run_adds_nothing() {
    let (dir, first) = imported();
    let export = wordpress_export();
    let again = run(dir.path(), &["add", export.to_str().unwrap()]);
    assert_eq!(again.code, 0);
    assert_eq!(
        again.summary(),
        "0 added, 6 already published, 4 skipped (1 pending, 1 in the trash, 1 pingback, \
         1 for a post we do not have), 0 refused"
    );
    assert!(!again.out.contains("Added "), "{}", again.out);
    assert_eq!(
        published(dir.path()).unwrap(),
        first,
        "the file is untouched"
    );
}

#[test]
fn a_dry_run_says_the_same_and_writes_nothing() {
    let dir = project();
    let export = wordpress_export();
    let r = run(dir.path(), &["add", "--dry-run", export.to_str().unwrap()]);
    assert_eq!(r.code, 0);
    // The same counts, in the words of what would be done.
    assert_eq!(
        r.summary(),
        "6 would be added, 0 already published, 4 would be skipped (1 pending, 1 in the trash, \
         1 pingback, 1 for a post we do not have), 0 would be refused"
    );
    assert!(!r.summary().contains("6 added"));
    assert!(r
        .out
        .contains("Would add 6 to src/content/replies/miracle-in-cell-no-7.json."));
    assert!(r.out.contains("Dry run: nothing was written."));
    assert!(!dir.path().join("src/content/replies").exists());
}

#[test]
fn list_shows_the_threads_and_remove_keeps_them_whole() {
    let (dir, _) = imported();
    let root = dir.path();
    let listed = run(root, &["list"]);
    assert_eq!(listed.code, 0);
    let lines: Vec<&str> = listed.out.lines().collect();
    assert_eq!(lines[0], "miracle-in-cell-no-7: 6 replies");
    assert!(lines[1].starts_with("  wp-2  2024-03-02 19:05  Maria Camilleri: I cried"));
    assert!(lines[2].starts_with("    wp-3  "));
    assert!(lines[3].starts_with("      wp-4  "));
    assert!(lines[4].starts_with("  wp-5  "));

    let refused = run(root, &["remove", "wp-2"]);
    assert_eq!(refused.code, 1);
    assert_eq!(
        refused.err.trim(),
        "wp-2 has 2 replies (wp-3, wp-4): nothing was removed. Add --with-replies to remove them too."
    );
    let dry = run(root, &["remove", "--dry-run", "--with-replies", "wp-2"]);
    assert_eq!(dry.code, 0);
    assert!(dry
        .out
        .contains("Would remove wp-2 and its 2 replies (wp-3, wp-4)"));
    assert!(published(root).unwrap().contains("wp-3"));

    let removed = run(root, &["remove", "--with-replies", "wp-2"]);
    assert_eq!(removed.code, 0);
    assert_eq!(
        removed.out.trim(),
        "Removed wp-2 and its 2 replies (wp-3, wp-4) from src/content/replies/miracle-in-cell-no-7.json."
    );
    let one = run(root, &["remove", "wp-6"]);
    assert_eq!(one.code, 0, "{}", one.out);
    let file = parse_published("x", published(root).unwrap()).unwrap();
    let ids: Vec<&str> = file.replies.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["wp-5", "wp-11"]);
    let missing = run(root, &["remove", "wp-6"]);
    assert_eq!(
        (missing.code, missing.err.trim()),
        (1, "No published reply has the id “wp-6”.")
    );
    assert_eq!(run(root, &["list", "nope"]).code, 1);
}
