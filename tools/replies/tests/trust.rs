//! Issue 21, “Trust what is published”: what enters is bounded where it enters.
//! Dates within the site's era, ids in one namespace each, no panic on any
//! input, emails followed a few levels deep, and the owner's terminal showing
//! what the reply says.

use crate::common;
use common::*;
use goosebumps_core::comments::outbox::{mail_block, mail_body, reply_file_json, reply_file_name};
use goosebumps_core::comments::published::parse_published;
use goosebumps_core::comments::Comment;
use std::path::{Path, PathBuf};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn save(dir: &Path, c: &Comment) -> PathBuf {
    let path = dir.join(reply_file_name(c));
    std::fs::write(&path, reply_file_json(c, 1_709_406_400_000)).unwrap();
    path
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Runs `add FILE` on a fresh project and expects one refusal, `why` (after the label).
fn refused_once(dir: &Path, file: &Path, why: &str) {
    let r = run(dir, &["add", s(file)]);
    assert_eq!(r.code, 1, "{}{}", r.out, r.err);
    assert_eq!(
        r.summary(),
        format!(
            "0 added, 0 already published, 0 skipped, 1 refused ({}: {why})",
            s(file)
        )
    );
    assert!(published(dir).is_none(), "nothing written");
}

// ------------------------------------------------------------------ dates

#[test]
fn a_reply_file_dated_before_1995_or_after_tomorrow_is_refused() {
    let inbox = tempfile::tempdir().unwrap();
    for (ms, why) in [
        (
            1,
            "Its `created_ms` (1) is before 1995-01-01, older than any reply could be.".to_owned(),
        ),
        (
            788_918_399_999,
            "Its `created_ms` (788918399999) is before 1995-01-01, older than any reply could be."
                .to_owned(),
        ),
        (
            i64::MIN,
            format!(
                "Its `created_ms` ({}) is before 1995-01-01, older than any reply could be.",
                i64::MIN
            ),
        ),
    ] {
        let dir = project();
        let mut c = reader_comment("d1", None, "Old");
        c.created_ms = ms;
        refused_once(dir.path(), &save(inbox.path(), &c), &why);
    }
    for ms in [now_ms() + 2 * 86_400_000, i64::MAX, 253_402_300_799_999] {
        let dir = project();
        let mut c = reader_comment("d2", None, "Later");
        c.created_ms = ms;
        let file = save(inbox.path(), &c);
        let r = run(dir.path(), &["add", s(&file)]);
        assert_eq!(r.code, 1);
        let start = format!(
            "0 added, 0 already published, 0 skipped, 1 refused ({}: Its `created_ms` ({ms}) is in the future (after ",
            s(&file)
        );
        assert!(r.summary().starts_with(&start), "{}", r.summary());
        assert!(r.summary().ends_with("Z).)"), "{}", r.summary());
        assert!(published(dir.path()).is_none());
    }
    // Within a day of now (a reader's clock ahead of the owner's), and the first
    // instant of 1995, are fine.
    for (id, ms) in [("d3", now_ms() + 3_600_000), ("d4", 788_918_400_000)] {
        let dir = project();
        let mut c = reader_comment(id, None, "Fine");
        c.created_ms = ms;
        let r = run(dir.path(), &["add", s(&save(inbox.path(), &c))]);
        assert_eq!(r.code, 0, "{}", r.out);
    }
}

#[test]
fn an_export_s_comments_are_dated_one_by_one() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let good = reader_comment("e1", None, "Good");
    let mut old = reader_comment("e2", None, "Old");
    old.created_ms = 0;
    let path = inbox.path().join("export.json");
    std::fs::write(
        &path,
        goosebumps_core::comments::export::export_json(
            POST,
            "2024-03-03T00:00:00Z".into(),
            &[good, old],
            &[],
        ),
    )
    .unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.summary(),
        format!(
            "1 added, 0 already published, 0 skipped, 1 refused ({}: e2: Its `created_ms` (0) is \
             before 1995-01-01, older than any reply could be.)",
            s(&path)
        )
    );
}

#[test]
fn a_pasted_block_s_date_is_bounded_and_a_year_far_out_is_not_a_date() {
    let dir = project();
    let mut c = reader_comment("b1", None, "From the past");
    c.created_ms = 0;
    let r = run_with(dir.path(), &["add", "-"], &mail_block(&c));
    assert_eq!(r.code, 1);
    assert_eq!(
        r.summary(),
        "0 added, 0 already published, 0 skipped, 1 refused (standard input: Its `date` \
         (1970-01-01T00:00:00.000Z) is before 1995-01-01, older than any reply could be.)"
    );
    let c = reader_comment("b2", None, "Far");
    let block = mail_block(&c).replace(
        "2024-03-02T19:05:16.123Z",
        "99999999999999999999-03-02T19:05:16.123Z",
    );
    assert!(block.contains("99999999999999999999-"));
    let r = run_with(dir.path(), &["add", "-"], &block);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.summary(),
        "0 added, 0 already published, 0 skipped, 1 refused (standard input: The reply block's \
         `date` is not valid.)"
    );
    for date in [
        "9223372036854775807-01-01T00:00:00.000Z",
        "2024-03-02T19:05:16.-12Z",
        "2024-03-02T19:05:16.+12Z",
        "+024-03-02T19:05:16.000Z",
        "2024-02-30T00:00:00.000Z",
        "10000-01-01T00:00:00.000Z",
    ] {
        let block = mail_block(&c).replace("2024-03-02T19:05:16.123Z", date);
        let r = run_with(dir.path(), &["add", "-"], &block);
        assert_eq!(r.code, 1, "{date}");
        assert!(
            r.summary()
                .ends_with("(standard input: The reply block's `date` is not valid.)"),
            "{date}: {}",
            r.summary()
        );
    }
    assert!(published(dir.path()).is_none());
}

#[test]
fn a_wordpress_comment_s_date_is_bounded_and_named_by_its_element() {
    let dir = project();
    let xml = wxr(&[
        wp_comment("1", "0", "2999-01-01 00:00:00", "Ana", "From the future"),
        wp_comment("2", "0", "1980-05-01 10:00:00", "Bo", "From the past"),
        wp_comment(
            "3",
            "0",
            "99999999999999999999-01-01 00:00:00",
            "Cy",
            "Far out",
        ),
        wp_comment(
            "4",
            "1",
            "2024-03-02 19:05:16",
            "Di",
            "A reply to the future",
        ),
        wp_comment(
            "5",
            "x7",
            "2024-03-02 19:05:16",
            "Ed",
            "A parent that is no id",
        ),
        wp_comment("6", "0", "2024-03-02 19:05:16", "Fa", "Fine"),
    ]
    .concat());
    let path = dir.path().join("export.xml");
    std::fs::write(&path, &xml).unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert_eq!(r.code, 1);
    let p = s(&path);
    let summary = r.summary();
    assert!(
        summary.starts_with("1 added, 0 already published, 0 skipped, 5 refused ("),
        "{summary}"
    );
    for sentence in [
        format!("{p}: comment 3: Its `wp:comment_date_gmt` “99999999999999999999-01-01 00:00:00” is not a date from the years 0000 to 9999 (YYYY-MM-DD hh:mm:ss)."),
        format!("{p}: comment 5: Its `wp:comment_parent` “x7” is not a comment id."),
        format!("{p}: comment 1: Its `wp:comment_date_gmt` (2999-01-01 00:00:00) is in the future (after "),
        format!("{p}: comment 2: Its `wp:comment_date_gmt` (1980-05-01 10:00:00) is before 1995-01-01, older than any reply could be."),
        format!("{p}: comment 4: Its parent comment wp-1 could not be added."),
    ] {
        assert!(summary.contains(&sentence), "{sentence}\n{summary}");
    }
    let file = parse_published("x", published(dir.path()).unwrap()).unwrap();
    assert_eq!(file.replies.len(), 1);
    assert_eq!(file.replies[0].id.as_str(), "wp-6");
}

#[test]
fn dates_print_and_parse_whatever_the_number() {
    use goosebumps_core::i18n::Lang;
    use goosebumps_core::time::{
        display, iso_ms, iso_utc, long_day, parse_date_ms, parse_iso_utc, year,
    };
    for ms in [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX] {
        for offset in [i32::MIN, -840, 0, 840, i32::MAX] {
            let _ = display(ms, offset, Lang::En);
            let _ = year(ms, offset);
        }
        let _ = (iso_utc(ms), iso_ms(ms), long_day(ms, Lang::Es));
    }
    assert_eq!(iso_ms(i64::MAX), "292278994-08-17T07:12:55.807Z");
    assert_eq!(
        parse_date_ms("9999-12-31 23:59:59"),
        Some(253_402_300_799_000)
    );
    assert_eq!(
        parse_date_ms("0000-03-01T00:00:00.000Z"),
        Some(-62_162_035_200_000)
    );
    assert_eq!(parse_date_ms("99999-01-01 00:00:00"), None);
    assert_eq!(parse_date_ms("9223372036854775807-01-01 00:00:00"), None);
    assert_eq!(
        parse_iso_utc("9999-12-31T23:59:59Z"),
        Some(253_402_300_799_000)
    );
    assert_eq!(parse_iso_utc("99999-12-31"), None);
}

// ------------------------------------------------------------------ ids

#[test]
fn a_reader_s_file_cannot_use_a_wordpress_id() {
    let inbox = tempfile::tempdir().unwrap();
    let dir = project();
    let file = save(inbox.path(), &reader_comment("wp-12", None, "Mine"));
    refused_once(
        dir.path(),
        &file,
        "It uses the id wp-12, which is kept for comments imported from WordPress.",
    );
    // Pasted, or mailed, the same.
    let r = run_with(
        dir.path(),
        &["add", "-"],
        &mail_body("T", &reader_comment("wp-3", None, "x")),
    );
    assert_eq!(
        r.summary(),
        "0 added, 0 already published, 0 skipped, 1 refused (standard input: It uses the id wp-3, \
         which is kept for comments imported from WordPress.)"
    );
    // Answering a WordPress comment is what readers do: a `wp-` parent is fine.
    let export = wordpress_export();
    assert_eq!(run(dir.path(), &["add", s(&export)]).code, 0);
    let answer = save(inbox.path(), &reader_comment("r1", Some("wp-2"), "Me too"));
    let r = run(dir.path(), &["add", s(&answer)]);
    assert_eq!(r.code, 0, "{}", r.out);
    // And a reader's file that says it is WordPress's published comment is still refused.
    let forged = save(inbox.path(), &reader_comment("wp-2", None, "I said that"));
    let r = run(dir.path(), &["add", s(&forged)]);
    assert_eq!(r.code, 1);
    assert!(r
        .summary()
        .contains("It uses the id wp-2, which is kept for comments imported from WordPress."));
}

#[test]
fn a_wordpress_id_published_with_other_words_is_a_conflict_not_already_published() {
    let dir = project();
    assert_eq!(run(dir.path(), &["add", s(&wordpress_export())]).code, 0);
    let before = published(dir.path()).unwrap();
    // Another site's export (or an edited one): comment 2 is someone else's now.
    let xml = wxr(&[
        wp_comment(
            "2",
            "0",
            "2024-03-02 19:05:16",
            "Mallory",
            "Something else entirely",
        ),
        wp_comment(
            "3",
            "2",
            "2024-03-02 20:06:27",
            "John Amato",
            "Grazzi Maria! It stays with you for days.",
        ),
    ]
    .concat());
    let path = dir.path().join("other-site.xml");
    std::fs::write(&path, &xml).unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.summary(),
        format!(
            "0 added, 1 already published, 0 skipped, 1 refused ({}: comment 2: It conflicts with \
             the published reply wp-2 (src/content/replies/miracle-in-cell-no-7.json), which has \
             another author or text.)",
            s(&path)
        )
    );
    assert_eq!(published(dir.path()).unwrap(), before, "nothing written");
}

#[test]
fn an_id_means_one_reply_across_posts() {
    let dir = project();
    add_post(dir.path(), "other-post");
    write_published(
        dir.path(),
        "other-post",
        r#"{"id": "x1", "parent": null, "author": "Ana", "content": "Hi", "created_ms": 1709406316000}"#,
    );
    let inbox = tempfile::tempdir().unwrap();
    let file = save(inbox.path(), &reader_comment("x1", None, "Hi"));
    refused_once(
        dir.path(),
        &file,
        "Its id x1 is already published on another post (src/content/replies/other-post.json).",
    );
    // Two files of this run with one id on two posts: the second is refused.
    let a = save(inbox.path(), &reader_comment("x2", None, "Hi"));
    let other = Comment {
        post: "other-post".into(),
        ..reader_comment("x2", None, "Hi")
    };
    let b = inbox.path().join("other.json");
    std::fs::write(&b, reply_file_json(&other, 1_709_406_400_000)).unwrap();
    let r = run(dir.path(), &["add", s(&a), s(&b)]);
    assert_eq!(
        r.summary(),
        format!(
            "1 added, 0 already published, 0 skipped, 1 refused ({}: Another reply in these files \
             has the same id x2.)",
            s(&b)
        )
    );
}

#[test]
fn remove_asks_which_post_when_an_id_is_on_two() {
    let dir = project();
    let root = dir.path();
    add_post(root, "other-post");
    let reply = r#"{"id": "x1", "parent": null, "author": "Ana", "content": "Hi", "created_ms": 1709406316000}"#;
    let child = r#"{"id": "x2", "parent": "x1", "author": "Bo", "content": "Yes", "created_ms": 1709406317000}"#;
    write_published(root, POST, &format!("{reply}, {child}"));
    write_published(root, "other-post", reply);
    let both = everything_published(root);
    let r = run(root, &["remove", "x1"]);
    assert_eq!((r.code, r.out.as_str()), (1, ""));
    assert_eq!(
        r.err.trim(),
        "x1 is published on 2 posts (miracle-in-cell-no-7, other-post): nothing was removed. \
         Add --post SLUG to say which."
    );
    assert_eq!(everything_published(root), both);
    let r = run(root, &["remove", "--post", "nope", "x1"]);
    assert!(r.err.starts_with("There is no post “nope”"), "{}", r.err);
    let r = run(root, &["remove", "--post", "other-post", "x2"]);
    assert_eq!(
        r.err.trim(),
        "The post “other-post” has no published reply with the id “x2”."
    );
    let r = run(root, &["remove", "--post"]);
    assert_eq!(r.err.trim(), "--post needs a post's slug.");
    let r = run(root, &["remove", "--post", POST, "x1"]);
    assert_eq!(
        r.err.trim(),
        "x1 has 1 reply (x2): nothing was removed. Add --with-replies to remove it too."
    );
    let r = run(root, &["remove", "--post", "other-post", "x1"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(
        r.out.trim(),
        "Removed x1 from src/content/replies/other-post.json."
    );
    assert!(
        published(root).unwrap().contains("\"x1\""),
        "the other post keeps its x1"
    );
    // Now on one post only: no --post needed.
    let r = run(root, &["remove", "--with-replies", "x1"]);
    assert_eq!(
        r.out.trim(),
        "Removed x1 and its reply x2 from src/content/replies/miracle-in-cell-no-7.json."
    );
    assert!(replies::USAGE.contains("--post SLUG"));
}

// ------------------------------------------------------------------ no panics

#[test]
fn a_lone_surrogate_escape_in_a_block_is_a_sentence_not_a_panic() {
    let dir = project();
    let c = reader_comment("s1", None, "PLACEHOLDER");
    for escape in [
        r"\ud800\u0000",
        r"\ud800",
        r"\ud800\ud800",
        r"\udc00",
        r"\udbff\uffff",
        r"\ud800\u+fff",
        r"\u+fff",
        r"\ud800x",
    ] {
        let block = mail_block(&c).replace("PLACEHOLDER", escape);
        let r = run_with(dir.path(), &["add", "-"], &block);
        assert_eq!(r.code, 1, "{escape}");
        assert!(
            r.summary().ends_with(
                "1 refused (standard input: The reply block cannot be read: an unknown escape.)"
            ),
            "{escape}: {}",
            r.summary()
        );
    }
    // A real pair is one character.
    let block = mail_block(&c).replace("PLACEHOLDER", r"\ud83d\ude00");
    let r = run_with(dir.path(), &["add", "-"], &block);
    assert_eq!(r.code, 0, "{}", r.out);
    let file = parse_published("x", published(dir.path()).unwrap()).unwrap();
    assert_eq!(file.replies[0].content, "😀");
}

#[test]
fn emails_in_emails_are_followed_three_deep_and_no_deeper() {
    let c = reader_comment("n1", None, "Forwarded to you");
    let inner = eml("Reply", &mail_body("T", &c));
    for base64_encoded in [false, true] {
        let mut mail = inner.clone();
        for level in 1..=3 {
            mail = wrap_mail(&mail, level, base64_encoded);
        }
        let dir = project();
        let path = dir.path().join("fwd.eml");
        std::fs::write(&path, &mail).unwrap();
        let r = run(dir.path(), &["add", s(&path)]);
        assert_eq!(
            (r.code, r.summary()),
            (0, "1 added, 0 already published, 0 skipped, 0 refused"),
            "three deep, base64 {base64_encoded}: {}{}",
            r.out,
            r.err
        );
        let deeper = wrap_mail(&mail, 4, base64_encoded);
        let dir = project();
        let path = dir.path().join("fwd.eml");
        std::fs::write(&path, &deeper).unwrap();
        let r = run(dir.path(), &["add", s(&path)]);
        assert_eq!(r.code, 1, "{}{}", r.out, r.err);
        assert_eq!(
            r.summary(),
            format!(
                "0 added, 0 already published, 0 skipped, 1 refused ({}: It holds an email nested \
                 more than 3 deep (an email attached to an email attached to …), which was not read.)",
                s(&path)
            ),
            "base64 {base64_encoded}"
        );
        assert!(published(dir.path()).is_none());
    }
}

/// `inner` inside `levels` emails, each attached to the next as it is (no boundary).
fn nested(inner: &str, levels: usize) -> String {
    let mut mail = inner.to_owned();
    for level in 1..=levels {
        mail = format!(
            "From: a{level}@example.org\r\nTo: b@example.org\r\nSubject: {level}\r\n\
             Content-Type: message/rfc822\r\n\r\n{mail}"
        );
    }
    mail
}

#[test]
fn an_email_nesting_emails_thousands_deep_is_read_in_a_loop() {
    let c = reader_comment("n2", None, "Deep");
    let inner = eml("Reply", &mail_body("T", &c));
    for (name, mail) in [
        ("plain.eml", nested(&inner, 3000)),
        // Hidden in base64, where only decoding finds them.
        ("encoded.eml", wrap_mail(&nested(&inner, 20_000), 1, true)),
        (
            "twice.eml",
            wrap_mail(&wrap_mail(&nested(&inner, 2000), 1, true), 2, true),
        ),
    ] {
        let dir = project();
        let path = dir.path().join(name);
        std::fs::write(&path, &mail).unwrap();
        let r = run(dir.path(), &["add", s(&path)]);
        assert_eq!(
            r.summary(),
            format!(
                "0 added, 0 already published, 0 skipped, 1 refused ({}: It holds an email nested \
                 more than 3 deep (an email attached to an email attached to …), which was not read.)",
                s(&path)
            ),
            "{name}"
        );
        assert_sound(&r, dir.path(), "").unwrap();
    }
}

#[test]
fn parts_nested_in_parts_are_read_sixteen_deep() {
    let c = reader_comment("n3", None, "In parts");
    let deep = |levels: usize| {
        let mut part = format!("Content-Type: text/plain\r\n\r\n{}", mail_block(&c));
        for level in 0..levels {
            part = format!(
                "Content-Type: multipart/mixed; boundary=\"p{level}\"\r\n\r\n--p{level}\r\n{part}\r\n--p{level}--\r\n"
            );
        }
        format!("From: a@example.org\r\nTo: b@example.org\r\n{part}")
    };
    let dir = project();
    let path = dir.path().join("parts.eml");
    std::fs::write(&path, deep(16)).unwrap();
    let r = run(dir.path(), &["add", "--dry-run", s(&path)]);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    for levels in [17, 20_000] {
        std::fs::write(&path, deep(levels)).unwrap();
        let r = run(dir.path(), &["add", s(&path)]);
        assert_eq!(
            r.summary(),
            format!(
                "0 added, 0 already published, 0 skipped, 1 refused ({}: It holds parts nested \
                 more than 16 deep, which were not read.)",
                s(&path)
            )
        );
    }
}

#[test]
fn an_email_the_mail_parser_stopped_on_is_read() {
    // An email attached whose text is no email, inside an email attached: the
    // mail parser's own checks failed on it (a panic, in a debug build).
    let broken = "From: a@example.org\r\nTo: b@example.org\r\n\
                  Content-Type: message/rfc822\r\n\r\nRnJvbTogYUBl";
    let c = reader_comment("n4", None, "Still here");
    let mail = format!(
        "From: Maria <maria@example.org>\r\nTo: owner@example.org\r\nSubject: Reply\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
         --b1\r\nContent-Type: text/plain\r\n\r\n{}\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\n\
         {broken}\r\n--b1--\r\n",
        mail_block(&c)
    );
    let dir = project();
    let path = dir.path().join("broken.eml");
    std::fs::write(&path, mail).unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert_eq!(
        (r.code, r.summary()),
        (0, "1 added, 0 already published, 0 skipped, 0 refused"),
        "{}",
        r.err
    );
}

#[test]
fn deep_json_xml_and_html_are_sentences() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let deep_json = format!(
        "{{\"format\": \"goosebumps-comments\", \"version\": 1, \"post\": \"{POST}\", \"comments\": [{{\"id\": {}1{}}}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let deep_xml = wxr(&format!(
        "{}x{}",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    ));
    // As deep as is read (the export's own elements are 3 of it): parsed, in a
    // test's small stack.
    let deep_enough = wxr(&format!("{}x{}", "<a>".repeat(253), "</a>".repeat(253)));
    let never_closed = wxr(&"<a>".repeat(100_000));
    let deep_html = wxr(&wp_comment(
        "1",
        "0",
        "2024-03-02 19:05:16",
        "Ana",
        &format!("{}x", "<a href=\"http://x.example\">w".repeat(20_000)),
    ));
    for (name, text) in [
        ("deep.json", deep_json),
        ("deep.xml", deep_xml),
        ("deep-enough.xml", deep_enough),
        ("never-closed.xml", never_closed),
        ("links.xml", deep_html),
    ] {
        let path = inbox.path().join(name);
        std::fs::write(&path, text).unwrap();
        let before = everything_published(dir.path());
        let r = run(dir.path(), &["add", s(&path)]);
        assert_sound(&r, dir.path(), &before).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn a_link_that_opens_after_a_wide_space_does_not_split_a_character() {
    // The link's words start where the text ended, before a paragraph break
    // trimmed a three-byte space: that place is inside the `é` now.
    assert_eq!(
        replies::html_to_text("a\u{3000}<a href=\"http://x.example\"><p>é</a>"),
        "a\n\né (http://x.example)"
    );
    assert_eq!(
        replies::html_to_text(
            "<a href=\"http://one.example\">one<a href=\"http://two.example\">two</a>"
        ),
        "one (http://one.example)two (http://two.example)"
    );
    assert_eq!(
        replies::html_to_text(&format!("{}end", "<SCRIPT>x</script>".repeat(3))),
        "end"
    );
}

#[test]
fn list_walks_a_thread_thousands_deep_and_indents_at_most_five_levels() {
    let dir = project();
    let root = dir.path();
    let mut replies = Vec::new();
    for i in 0..3000 {
        let parent = if i == 0 {
            "null".to_owned()
        } else {
            format!("\"c{}\"", i - 1)
        };
        replies.push(format!(
            r#"{{"id": "c{i}", "parent": {parent}, "author": "A", "content": "Level {i}", "created_ms": {}}}"#,
            1_709_406_316_000_i64 + i
        ));
    }
    write_published(root, POST, &replies.join(", "));
    let r = run(root, &["list"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let lines: Vec<&str> = r.out.lines().collect();
    assert_eq!(lines[0], "miracle-in-cell-no-7: 3000 replies");
    assert_eq!(lines.len(), 3001);
    assert!(lines[1].starts_with("  c0  2024-03-02 19:05  A: Level 0"));
    assert!(lines[5].starts_with("          c4  "));
    assert!(lines[6].starts_with("          c5  "));
    assert!(lines[3000].starts_with("          c2999  "));
    // Taking the first back with its replies: one pass, not one per reply.
    let r = run(root, &["remove", "--dry-run", "--with-replies", "c0"]);
    assert_eq!(r.code, 0);
    assert!(r
        .out
        .starts_with("Would remove c0 and its 2999 replies (c1, c2, c3, "));
}

#[test]
fn list_lists_replies_that_answer_each_other_in_a_loop() {
    let dir = project();
    write_published(
        dir.path(),
        POST,
        r#"{"id": "a1", "parent": null, "author": "A", "content": "Top", "created_ms": 1709406316000},
           {"id": "l1", "parent": "l2", "author": "B", "content": "One", "created_ms": 1709406317000},
           {"id": "l2", "parent": "l1", "author": "C", "content": "Two", "created_ms": 1709406318000}"#,
    );
    let r = run(dir.path(), &["list"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let lines: Vec<&str> = r.out.lines().collect();
    assert_eq!(lines.len(), 5, "{}", r.out);
    assert_eq!(lines[2], "  In a loop (each answers another of these):");
    assert!(lines[3].starts_with("    l1  "));
    assert!(lines[4].starts_with("    l2  "));
    // And a reply in a loop is never its own descendant.
    let r = run(dir.path(), &["remove", "l1"]);
    assert_eq!(
        r.err.trim(),
        "l1 has 1 reply (l2): nothing was removed. Add --with-replies to remove it too."
    );
}

// ------------------------------------------------------------------ what the owner sees

const HOSTILE_NAME: &str =
    "Eve\u{202e}gnp.exe\u{1b}[2J\u{9b}31m\u{7f}\u{200f}\u{2066}x\u{2069}\u{61c}";
const HOSTILE_SHOWN: &str =
    r"Eve\u{202e}gnp.exe\u{1b}[2J\u{9b}31m\u{7f}\u{200f}\u{2066}x\u{2069}\u{61c}";

#[test]
fn list_shows_control_and_direction_characters_as_escapes() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let mut c = reader_comment("h1", None, "Text \u{1b}]0;owned\u{7} \u{202d}x");
    c.author = HOSTILE_NAME.into();
    let r = run(dir.path(), &["add", s(&save(inbox.path(), &c))]);
    assert_eq!(r.code, 0, "{}", r.out);
    // Published as the reader wrote it; only shown escaped.
    let file = parse_published("x", published(dir.path()).unwrap()).unwrap();
    assert_eq!(file.replies[0].author, HOSTILE_NAME);
    let r = run(dir.path(), &["list"]);
    assert_eq!(
        r.out.lines().nth(1).unwrap(),
        format!(
            "  h1  2024-03-02 19:05  {HOSTILE_SHOWN}: Text \\u{{1b}}]0;owned\\u{{7}} \\u{{202d}}x"
        )
    );
    assert!(!r.out.chars().any(|c| c != '\n' && replies::is_hidden(c)));
}

#[test]
fn refusals_quote_a_stranger_s_text_escaped() {
    let dir = project();
    // A block whose unexpected character is a right-to-left override.
    let block = mail_block(&reader_comment("h2", None, "Hi")).replace("name: ", "name: \u{202e}");
    let r = run_with(dir.path(), &["add", "-"], &block);
    assert_eq!(
        r.summary(),
        "0 added, 0 already published, 0 skipped, 1 refused (standard input: The reply block \
         cannot be read: unexpected “\\u{202e}”.)"
    );
    // An attachment's file name.
    let mail = format!(
        "From: Maria <maria@example.org>\r\nTo: owner@example.org\r\nSubject: Reply\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n\
         --XX\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n\
         --XX\r\nContent-Type: application/json\r\n\
         Content-Disposition: attachment; filename=\"reply\u{202e}nosj.json\"\r\n\r\n\
         {}\r\n--XX--\r\n",
        reply_file_json(
            &reader_comment("h3", None, &"x".repeat(70_000)),
            1_709_406_400_000
        )
    );
    let path = dir.path().join("mail.eml");
    std::fs::write(&path, mail).unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert_eq!(
        r.summary(),
        format!(
            "0 added, 0 already published, 0 skipped, 1 refused ({}: reply\\u{{202e}}nosj.json: \
             Your comment is too long.)",
            s(&path)
        )
    );
    // A file named on the command line, and an error's sentence.
    let odd = dir.path().join("odd\u{1b}[31m.json");
    std::fs::write(&odd, "{\"x\": ").unwrap();
    let r = run(dir.path(), &["add", s(&odd)]);
    assert!(
        r.err
            .contains("odd\\u{1b}[31m.json cannot be read: it is not JSON"),
        "{}",
        r.err
    );
    // WordPress text: a comment type, a date.
    let xml = wxr(&wp_comment(
        "1",
        "0",
        "2024-03-02\u{202e} 19:05:16",
        "Ana",
        "Hi",
    ));
    let path = dir.path().join("wp.xml");
    std::fs::write(&path, xml).unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert!(
        r.summary().contains("“2024-03-02\\u{202e} 19:05:16”"),
        "{}",
        r.summary()
    );
    for line in r.out.lines() {
        assert!(!line.chars().any(replies::is_hidden), "{line:?}");
    }
}
