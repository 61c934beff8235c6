//! Native tests: the published replies file, the reply file and the emailed block
//! (`comments::published`, `comments::outbox`): what the browser writes, the owner's
//! tool reads back exactly.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::export::parse_import;
use goosebumps::comments::outbox::{
    mail_block, mail_body, mail_subject, mailto, read_blocks, reply_file_json, reply_file_name,
    BlockError, BLOCK_LINE_MAX, MAILTO_MAX_CHARS,
};
use goosebumps::comments::published::{
    date_problem, file_name, parse_published, read_published, wordpress_id, PublishedFile,
    PublishedReply, EARLIEST_MS, LATEST_MS,
};
use goosebumps::comments::{Comment, FieldError};
use goosebumps::time::{iso_ms, parse_date_ms};
use proptest::prelude::*;

// The shared builders (one `id`, one `POST` for every test file).
use crate::common;
use common::{id, POST};

const TITLE: &str = "Miracle in cell no. 7";

fn comment(content: &str) -> Comment {
    Comment {
        id: id("m3x9q2k0a1b2c3"),
        post: POST.into(),
        parent_id: Some(id("m3x9p0000zzzzz")),
        author: "Maria Camilleri".into(),
        email: "maria@example.org".into(),
        url: Some("https://maria.example.com".into()),
        content: content.into(),
        created_ms: 1_709_406_316_123,
        edited_ms: None,
        history: Vec::new(),
        deleted: false,
    }
}

/// A reply `created_ms` milliseconds after 2024-03-02 (within the site's era).
fn reply(id_: &str, parent: Option<&str>, created_ms: i64) -> PublishedReply {
    PublishedReply {
        id: id(id_),
        parent: parent.map(id),
        author: "Ana".into(),
        url: None,
        content: format!("text of {id_}"),
        created_ms: 1_709_406_316_000 + created_ms,
    }
}

// --- the published file ---

#[test]
fn a_published_file_is_sorted_pretty_and_reads_back() {
    let mut file = PublishedFile::new(POST);
    file.replies = vec![
        reply("wp-3", Some("wp-2"), 20),
        reply("wp-9", None, 10),
        reply("wp-2", None, 10),
    ];
    let text = file.to_json();
    assert!(text.ends_with("}\n"));
    assert!(text.starts_with("{\n  \"post\": \"miracle-in-cell-no-7\",\n  \"replies\": [\n    {\n      \"id\": \"wp-2\","));
    assert!(!text.contains("\"url\""), "no url is left out: {text}");
    let back = parse_published("x.json", &text).unwrap();
    let ids: Vec<&str> = back.replies.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["wp-2", "wp-9", "wp-3"], "by (created_ms, id)");
    assert_eq!(back.to_json(), text, "stable");
    assert_eq!(file_name(POST), "miracle-in-cell-no-7.json");
    assert_eq!(back.descendants(&id("wp-2")), vec![id("wp-3")]);
}

#[test]
fn a_published_file_with_an_email_or_a_broken_thread_is_refused() {
    let e = parse_published(
        "p.json",
        "{\"post\": \"p\", \"replies\": [\n {\"id\": \"a\", \"parent\": null, \"author\": \"A\",\n \"email\": \"a@example.org\", \"content\": \"x\", \"created_ms\": 1}]}",
    )
    .unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("p.json", 3));
    assert!(e.message.contains("unknown field `email`"), "{e}");

    let broken = r#"{"post": "p", "replies": [{"id": "b", "parent": "a", "author": "A", "content": "x", "created_ms": 1}]}"#;
    let e = parse_published("p.json", broken).unwrap_err();
    assert!(
        e.message
            .contains("the parent `a` of reply `b` is not published"),
        "{e}"
    );

    let twice = r#"{"post": "p", "replies": [
        {"id": "a", "parent": null, "author": "A", "content": "x", "created_ms": 1},
        {"id": "a", "parent": null, "author": "A", "content": "y", "created_ms": 2}]}"#;
    assert!(parse_published("p.json", twice)
        .unwrap_err()
        .message
        .contains("appears twice"));

    // The page reads the file as bytes: bytes that are not UTF-8 text say where.
    let e = parse_published("p.json", b"{\"post\": \"p\xff\", \"replies\": []}").unwrap_err();
    assert_eq!(e.file, "p.json");
    assert!(e.message.contains("not UTF-8 text (at byte 11)"), "{e}");
}

#[test]
fn a_date_out_of_the_sites_era_is_refused_by_the_build_and_skipped_by_the_page() {
    let file = |ms: &str| {
        format!(
            r#"{{"post": "p", "replies": [
            {{"id": "wp-1", "parent": null, "author": "A", "content": "kept", "created_ms": 1709406316000}},
            {{"id": "wp-2", "parent": null, "author": "B", "content": "far", "created_ms": {ms}}}]}}"#
        )
    };
    for ms in [
        "9223372036854775807",
        "-9223372036854775808",
        "0",
        "253402300800000",
        "788918399999",
    ] {
        // The build and the owner's tool: a sentence naming the reply and the field.
        let e = parse_published("p.json", file(ms)).unwrap_err();
        assert!(
            e.message.contains("reply `wp-2`: `created_ms`"),
            "{ms}: {e}"
        );
        // The page: that one entry is left out, not the file.
        let read = read_published("p.json", file(ms)).unwrap();
        assert_eq!(read.skipped, 1, "{ms}");
        assert_eq!(read.replies.len(), 1);
        assert_eq!(read.replies[0].content, "kept");
    }
    // A number JSON cannot hold in an i64 (1e300, 2^64), a string, a missing
    // field, an id seen before: each is one entry left out.
    for bad in ["1e300", "18446744073709551616", "\"1709406316000\"", "null"] {
        let read = read_published("p.json", file(bad)).unwrap();
        assert_eq!((read.replies.len(), read.skipped), (1, 1), "{bad}");
    }
    let twice = file("1709406316000").replace("wp-2", "wp-1");
    let read = read_published("p.json", twice).unwrap();
    assert_eq!((read.replies.len(), read.skipped), (1, 1));
    // Both ends of the era are in it; the tool's "now" bounds the future to a day.
    assert_eq!(date_problem(EARLIEST_MS, None), None);
    assert_eq!(date_problem(LATEST_MS, None), None);
    let now = 1_765_000_000_000;
    assert_eq!(date_problem(now + 86_400_000, Some(now)), None);
    assert!(date_problem(now + 86_400_001, Some(now))
        .unwrap()
        .contains("in the future"));
    // What is not a replies file at all is still an error, with where.
    assert_eq!(read_published("p.json", "{").unwrap_err().line, 1);
}

proptest! {
    #[test]
    fn the_pages_reader_of_published_replies_gives_a_value_or_a_sentence(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = read_published("p.json", &bytes);
    }

    #[test]
    fn any_entry_is_kept_or_skipped_never_the_file(entry in "[ -~]{0,60}", ms in any::<i64>()) {
        let text = format!(
            r#"{{"post": "p", "replies": [{{"id": "wp-1", "parent": null, "author": "A", "content": "kept", "created_ms": 1709406316000}}, {{"id": "wp-2", "parent": null, "author": {}, "content": "x", "created_ms": {ms}}}]}}"#,
            serde_json::to_string(&entry).unwrap()
        );
        let read = read_published("p.json", text).unwrap();
        prop_assert_eq!(read.replies.len() + read.skipped, 2);
        prop_assert_eq!(&read.replies[0].content, "kept");
    }
}

#[test]
fn from_comment_applies_the_form_rules_and_drops_the_email() {
    let mut c = comment("  Hello \n");
    c.url = Some("maria.example.com".into());
    let r = PublishedReply::from_comment(&c, true).unwrap();
    assert_eq!(r.content, "Hello");
    assert_eq!(r.url.as_deref(), Some("https://maria.example.com"));
    assert_eq!(r.to_comment(POST).email, "");
    assert!(!serde_json::to_string(&r).unwrap().contains("maria@"));

    let long = comment(&"é".repeat(32_763)); // 65,526 bytes
    let e = PublishedReply::from_comment(&long, true).unwrap_err();
    assert_eq!(e, FieldError::CommentTooLong);
    assert_eq!(e.to_string(), "Your comment is too long.");

    let mut nameless = comment("Hi");
    nameless.author = " ".into();
    assert_eq!(
        PublishedReply::from_comment(&nameless, true).unwrap_err(),
        FieldError::Required
    );
    let mut script = comment("Hi");
    script.url = Some("javascript:alert(1)".into());
    assert_eq!(
        PublishedReply::from_comment(&script, true).unwrap_err(),
        FieldError::UrlInvalid
    );
    let mut no_email = comment("Hi");
    no_email.email = String::new();
    assert_eq!(
        PublishedReply::from_comment(&no_email, true).unwrap_err(),
        FieldError::Required
    );
    assert!(PublishedReply::from_comment(&no_email, false).is_ok());
}

#[test]
fn the_subject_is_one_line() {
    assert_eq!(
        mail_subject("A\r\nB", "Ana\nBcc: x@example.org"),
        "Reply to “A B” from Ana Bcc: x@example.org"
    );
}

#[test]
fn wordpress_ids_are_prefixed() {
    assert_eq!(wordpress_id(123).as_str(), "wp-123");
}

// --- the reply file ---

#[test]
fn the_reply_file_is_an_export_of_the_one_comment() {
    let c = comment("Hello");
    assert_eq!(
        reply_file_name(&c),
        "reply-miracle-in-cell-no-7-m3x9q2k0a1b2c3.json"
    );
    let text = reply_file_json(&c, 1_709_406_400_000);
    assert!(text.contains("\"format\": \"goosebumps-comments\""));
    let parsed = parse_import(&text, POST).unwrap();
    assert_eq!(parsed.comments, vec![c]);
    assert!(parsed.drafts.is_empty() && parsed.unreadable.is_empty());
}

// --- the email ---

#[test]
fn dates_round_trip_to_the_millisecond() {
    assert_eq!(iso_ms(1_709_406_316_123), "2024-03-02T19:05:16.123Z");
    assert_eq!(
        parse_date_ms("2024-03-02T19:05:16.123Z"),
        Some(1_709_406_316_123)
    );
    assert_eq!(
        parse_date_ms("2024-03-02 19:05:16"),
        Some(1_709_406_316_000)
    );
    assert_eq!(parse_date_ms("1970-01-01 00:00:00"), Some(0));
    for bad in [
        "2024-02-30 00:00:00",
        "2024-13-01 00:00:00",
        "0000-00-00 00:00:00",
        "yesterday",
        "2024-03-02",
    ] {
        assert_eq!(parse_date_ms(bad), None, "{bad}");
    }
}

const HARD: &str = "I cried at the same scene. When Ova runs to him…\n\nThank you, John! \
    \"Quoted\" and back\\slash, tab\there, nbsp\u{a0}here, bidi \u{202e}olleh\u{202c}, zero\u{200b}width, \
    emoji 🇲🇹👨‍👩‍👧, combining e\u{301}, CRLF\r\nand a very long line that goes on and on and on and on and on and on and on and on.";

#[test]
fn the_block_reads_back_exactly_and_has_short_lines() {
    let c = comment(HARD);
    let block = mail_block(&c);
    for line in block.lines() {
        assert!(line.chars().count() <= BLOCK_LINE_MAX, "{line}");
        assert!(!line.ends_with(' '));
    }
    assert!(block.is_ascii() || block.contains('…'));
    assert_eq!(read_blocks(&block), vec![Ok(c.clone())]);

    let mut top = c.clone();
    top.parent_id = None;
    top.url = None;
    assert_eq!(read_blocks(&mail_block(&top)), vec![Ok(top)]);
}

#[test]
fn the_block_survives_quoting_soft_breaks_and_rewrapping() {
    let c = comment(HARD);
    let block = mail_block(&c);
    let body = mail_body(TITLE, &c);
    assert!(body.starts_with("Maria Camilleri replied to “Miracle in cell no. 7”:\n\nI cried"));
    assert_eq!(read_blocks(&body), vec![Ok(c.clone())]);

    let quoted: String = body.lines().map(|l| format!("> > {l}\r\n")).collect();
    assert_eq!(read_blocks(&quoted), vec![Ok(c.clone())], "quoted twice");

    // Quoted-printable, as in a mail's source: soft breaks every 40 bytes, `=` as `=3D`.
    let mut qp = String::new();
    for line in block.lines() {
        let encoded: String = line
            .bytes()
            .map(|b| match b {
                b'=' => "=3D".to_string(),
                b if b >= 0x80 => format!("={b:02X}"),
                b => (b as char).to_string(),
            })
            .collect();
        let mut rest = encoded.as_str();
        while rest.len() > 40 {
            let mut cut = 40;
            while rest[..cut].ends_with('=') || rest[..cut].rfind('=').is_some_and(|i| i + 3 > cut)
            {
                cut -= 1;
            }
            qp.push_str(&rest[..cut]);
            qp.push_str("=\n");
            rest = &rest[cut..];
        }
        qp.push_str(rest);
        qp.push('\n');
    }
    assert_eq!(
        read_blocks(&qp),
        vec![Ok(c.clone())],
        "quoted-printable:\n{qp}"
    );

    // A mail program that breaks a line at a space, keeping it (format=flowed)...
    let plain =
        comment("one two three four five six seven eight nine ten eleven twelve thirteen fourteen");
    let flowed = mail_block(&plain).replacen("seven ", "seven \n", 1);
    assert_eq!(read_blocks(&flowed), vec![Ok(plain.clone())]);
    // ...or putting the line break in its place.
    let hard = mail_block(&plain).replacen("seven ", "seven\n", 1);
    assert_eq!(read_blocks(&hard), vec![Ok(plain)]);
}

#[test]
fn markers_typed_in_the_text_do_not_spoil_the_block() {
    let c = comment(
        "Look:\n-----BEGIN GOOSEBUMPS REPLY-----\nnot a block\n-----END GOOSEBUMPS REPLY-----\n\
         and\n-----BEGIN GOOSEBUMPS REPLY-----\nagain",
    );
    let block = mail_block(&c);
    assert_eq!(read_blocks(&block), vec![Ok(c.clone())]);
    let body = mail_body(TITLE, &c);
    assert!(body.contains("\n| -----BEGIN GOOSEBUMPS REPLY-----\nnot a block\n"));
    assert_eq!(
        read_blocks(&body),
        vec![Ok(c)],
        "only the real block is read"
    );
}

#[test]
fn a_broken_block_says_why() {
    let block = mail_block(&comment("Hi"));
    assert_eq!(
        read_blocks(&block.replace("-----END GOOSEBUMPS REPLY-----", "")),
        vec![Err(BlockError::Unterminated)]
    );
    let no_text: String = block
        .lines()
        .filter(|l| !l.starts_with("text:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        read_blocks(&no_text),
        vec![Err(BlockError::Missing("text"))]
    );
    assert_eq!(
        read_blocks(&block.replace("2024-03-02T19", "2024-03-32T19")),
        vec![Err(BlockError::Invalid("date"))]
    );
    assert!(read_blocks("no block here").is_empty());
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn the_mailto_link_holds_the_reply_or_asks_for_the_file() {
    let c = comment("I cried at the same scene.\n\nThank you, John!");
    let m = mailto(Some("owner+replies@example.org"), TITLE, &c);
    assert!(!m.attach_file);
    assert!(m.href.len() <= MAILTO_MAX_CHARS);
    assert!(m.href.is_ascii() && !m.href.contains(' '));
    let (to, query) = m
        .href
        .strip_prefix("mailto:")
        .unwrap()
        .split_once('?')
        .unwrap();
    assert_eq!(percent_decode(to), "owner+replies@example.org");
    let (subject, body) = query.split_once("&body=").unwrap();
    assert_eq!(
        percent_decode(subject.strip_prefix("subject=").unwrap()),
        mail_subject(TITLE, "Maria Camilleri")
    );
    assert_eq!(
        mail_subject(TITLE, "Maria Camilleri"),
        "Reply to “Miracle in cell no. 7” from Maria Camilleri"
    );
    let body = percent_decode(body);
    assert!(
        body.contains("\r\n"),
        "line breaks are CRLF in a mailto body"
    );
    assert_eq!(read_blocks(&body), vec![Ok(c.clone())]);

    let long = comment(&"A long, heartfelt reply. ".repeat(80));
    let m = mailto(None, TITLE, &long);
    assert!(m.attach_file);
    assert!(m.href.starts_with("mailto:?subject="));
    assert!(m.href.len() <= MAILTO_MAX_CHARS);
    let body = percent_decode(m.href.split_once("&body=").unwrap().1);
    assert!(body.contains("too long for an email link"));
    assert!(body.contains(&reply_file_name(&long)));
    assert!(read_blocks(&body).is_empty());
}

#[test]
fn the_link_is_as_long_as_it_may_be_and_no_longer() {
    // The longest text that still fits, and one byte more.
    let fits = |n: usize| !mailto(None, TITLE, &comment(&"a".repeat(n))).attach_file;
    let mut n = 1;
    while fits(n) {
        n += 1;
    }
    let last = mailto(None, TITLE, &comment(&"a".repeat(n - 1)));
    assert!(last.href.len() <= MAILTO_MAX_CHARS && last.href.len() > MAILTO_MAX_CHARS - 10);
}

proptest! {
    #[test]
    fn any_reply_round_trips_through_the_block(
        content in "\\PC{1,300}|[\\s\\S]{1,300}",
        author in "\\PC{1,40}",
        created_ms in 0i64..4_102_444_800_000,
        quote in proptest::bool::ANY,
    ) {
        let mut c = comment(&content);
        c.author = author;
        c.created_ms = created_ms;
        let mut text = mail_body(TITLE, &c);
        if quote {
            text = text.lines().map(|l| format!("> {l}\n")).collect();
        }
        prop_assert_eq!(read_blocks(&text), vec![Ok(c)]);
    }
}
