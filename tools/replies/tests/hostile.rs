//! Properties: whatever a stranger sends, every reader of input answers with
//! exit code 0 or 1 and sentences, never a panic, and writes only when it says
//! so (see `common::assert_sound`). Arbitrary bytes; and documents that look
//! valid (reply files and exports, pasted blocks, emails, WordPress exports,
//! published files) with arbitrary values where a stranger chooses them.

use crate::common;
use common::*;
use goosebumps_core::comments::outbox::{mail_block, reply_file_json, BLOCK_BEGIN, BLOCK_END};
use goosebumps_core::comments::{Comment, CommentId};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::path::Path;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Adds `bytes` as a file named `name`, then as standard input; both sound.
fn add_both_ways(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = project();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let before = everything_published(dir.path());
    let r = run(dir.path(), &["add", path.to_str().unwrap()]);
    assert_sound(&r, dir.path(), &before).map_err(TestCaseError::fail)?;
    let dir = project();
    let r = run_bytes(dir.path(), &["add", "-"], bytes);
    assert_sound(&r, dir.path(), "").map_err(TestCaseError::fail)?;
    Ok(())
}

/// Text a stranger may type: any characters, with controls, direction marks,
/// surrogate-looking escapes and markup weighted in.
fn stranger_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 .,!?]{1,8}",
        1 => any::<char>().prop_map(String::from),
        1 => prop::sample::select(vec![
            "\u{0}", "\u{1b}[2J", "\u{7f}", "\u{85}", "\u{9b}", "\u{202e}", "\u{2066}", "\u{2069}",
            "\u{200f}", "\u{61c}", "\u{feff}", "\n", "\r\n", "\t", "\u{3000}", "é", "🇲🇹",
            "<b>", "</a>", "<a href=\"http://x.example\">", "<p>", "<script>", "&amp;", "&#0;",
            "]]>", "\"", "\\", "\\ud800", "-----BEGIN GOOSEBUMPS REPLY-----",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

fn id_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z][a-z0-9]{0,3}",
        2 => "wp-[0-9]{1,2}",
        1 => prop::sample::select(vec!["new", "order", "", "A", "a b", "-", "wp-"]).prop_map(str::to_owned),
        1 => stranger_text(),
    ]
}

fn millis() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => 1_709_406_316_000i64..1_709_500_000_000,
        1 => any::<i64>(),
        1 => prop::sample::select(vec![
            i64::MIN, i64::MAX, -1, 0, 788_918_399_999, 788_918_400_000, 253_402_300_799_999,
            253_402_300_800_000,
        ]),
    ]
}

// ------------------------------------------------------------------ bytes

proptest! {
    #![proptest_config(config(128))]
    #[test]
    fn any_bytes_are_sound(
        start in prop::sample::select(vec![
            "", "{", "<", "\u{feff}{", "From: a@example.org\r\nTo: b@example.org\r\n",
            "-----BEGIN GOOSEBUMPS REPLY-----\n", "<rss><wp:wxr_version>",
        ]),
        body in prop::collection::vec(any::<u8>(), 0..1500),
        eml in any::<bool>(),
    ) {
        let mut bytes = start.as_bytes().to_vec();
        bytes.extend(body);
        add_both_ways(if eml { "input.eml" } else { "input" }, &bytes)?;
    }
}

// ------------------------------------------------------------------ JSON

fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        stranger_text().prop_map(Value::from),
        Just(json!([1, [2, [3]]])),
        Just(json!({"a": {"b": null}})),
    ]
}

/// A comment as JSON: mostly plausible fields, any of them replaced or left out.
fn json_comment() -> impl Strategy<Value = Value> {
    (
        id_text(),
        prop::option::of(id_text()),
        stranger_text(),
        prop_oneof![Just("maria@example.org".to_owned()), stranger_text()],
        prop::option::of(prop_oneof![
            Just("https://x.example".to_owned()),
            stranger_text()
        ]),
        prop_oneof![Just("Hello".to_owned()), stranger_text()],
        millis(),
        prop::collection::vec((0usize..10, json_value()), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(id, parent, author, email, url, content, created, odd, deleted)| {
                let mut c = json!({
                    "id": id, "post": POST, "parent_id": parent, "author": author,
                    "email": email, "url": url, "content": content, "created_ms": created,
                });
                if deleted {
                    c["deleted"] = json!(true);
                }
                const FIELDS: [&str; 10] = [
                    "id",
                    "post",
                    "parent_id",
                    "author",
                    "email",
                    "url",
                    "content",
                    "created_ms",
                    "edited_ms",
                    "history",
                ];
                for (field, value) in odd {
                    if value.is_null() && field % 3 == 0 {
                        c.as_object_mut().unwrap().remove(FIELDS[field]);
                    } else {
                        c[FIELDS[field]] = value;
                    }
                }
                c
            },
        )
}

proptest! {
    #![proptest_config(config(128))]
    #[test]
    fn reply_files_and_exports_with_any_values_are_sound(
        comments in prop::collection::vec(json_comment(), 0..6),
        version in prop_oneof![4 => Just(json!(1)), 1 => json_value()],
        post in prop_oneof![4 => Just(POST.to_owned()), 1 => stranger_text()],
    ) {
        let file = json!({
            "format": "goosebumps-comments", "version": version, "post": post,
            "exported_at": "2024-03-03T00:00:00Z", "comments": comments, "drafts": [],
        });
        add_both_ways("reply.json", file.to_string().as_bytes())?;
    }
}

// ------------------------------------------------------------------ blocks

/// A string literal of a block: escapes, with lone and paired surrogates weighted in.
fn literal() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Z0-9 .é]{1,6}",
        2 => prop_oneof![0xD800u32..0xE000, 0xDBF0u32..0xDC10, any::<u16>().prop_map(u32::from)]
            .prop_map(|u| format!("\\u{u:04x}")),
        1 => prop::sample::select(vec![
            "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\x", "\\u12", "\\u+fff", "\\", "\n  ", "\"", "\u{202e}",
            "\\ud83d\\ude00", "\\ud800\\u0000",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|p| format!("\"{}\"", p.concat()))
}

fn block_value() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => literal(),
        1 => Just("null".to_owned()),
        1 => (literal(), literal()).prop_map(|(a, b)| format!("{a}\n  {b}")),
        1 => stranger_text(),
    ]
}

proptest! {
    #![proptest_config(config(192))]
    #[test]
    fn pasted_blocks_with_any_string_contents_are_sound(
        values in prop::collection::vec((0usize..10, block_value()), 1..10),
        date in prop_oneof![
            Just("\"2024-03-02T19:05:16.123Z\"".to_owned()),
            (0u64..100_000_000_000_000, 0u8..14, 0u8..33).prop_map(|(y, m, d)| format!("\"{y:04}-{m:02}-{d:02}T19:05:16.000Z\"")),
            literal(),
        ],
        quoted in any::<bool>(),
        soft_breaks in any::<bool>(),
    ) {
        const KEYS: [&str; 10] = ["post", "id", "parent", "date", "name", "email", "website", "text", "text", "other"];
        let mut lines = vec![BLOCK_BEGIN.to_owned()];
        lines.push(format!("post: \"{POST}\""));
        lines.push(format!("date: {date}"));
        for (key, value) in values {
            lines.push(format!("{}: {value}", KEYS[key]));
        }
        lines.push(BLOCK_END.to_owned());
        let mut text = lines.join("\n");
        if soft_breaks {
            text = text.replace("e", "=\ne");
        }
        if quoted {
            text = text.lines().map(|l| format!("> {l}\n")).collect();
        }
        add_both_ways("pasted.txt", text.as_bytes())?;
    }

    #[test]
    fn a_block_of_a_real_comment_with_any_text_is_sound(
        content in stranger_text(),
        author in stranger_text(),
        id in "[a-z0-9]{1,6}",
        created in millis(),
    ) {
        let c = Comment {
            created_ms: created,
            author,
            ..reader_comment(&id, None, &content)
        };
        add_both_ways("pasted.txt", mail_block(&c).as_bytes())?;
    }
}

// ------------------------------------------------------------------ emails

/// A MIME part of an email.
#[derive(Debug, Clone)]
enum Part {
    Text {
        text: String,
        html: bool,
    },
    Attachment {
        name: String,
        content: Vec<u8>,
    },
    Email {
        headers: Vec<String>,
        body: Box<Part>,
    },
    Multipart {
        subtype: &'static str,
        parts: Vec<Part>,
    },
}

fn reply_text() -> impl Strategy<Value = String> {
    prop_oneof![
        stranger_text(),
        ("[a-z0-9]{1,6}", stranger_text(), millis()).prop_map(|(id, text, ms)| {
            let c = Comment {
                created_ms: ms,
                ..reader_comment(&id, None, &text)
            };
            format!("Hello.\n\n{}", mail_block(&c))
        }),
    ]
}

fn leaf() -> impl Strategy<Value = Part> {
    prop_oneof![
        (reply_text(), any::<bool>()).prop_map(|(text, html)| Part::Text { text, html }),
        (
            prop_oneof![
                Just("reply.json".to_owned()),
                Just("export.xml".to_owned()),
                stranger_text().prop_map(|s| format!("{s}.json"))
            ],
            prop_oneof![
                ("[a-z0-9]{1,6}", stranger_text(), millis()).prop_map(|(id, text, ms)| {
                    let c = Comment {
                        created_ms: ms,
                        ..reader_comment(&id, None, &text)
                    };
                    reply_file_json(&c, 1_709_406_400_000).into_bytes()
                }),
                prop::collection::vec(any::<u8>(), 0..200),
                Just(wxr(&wp_comment("1", "0", "2024-03-02 19:05:16", "Ana", "Hi")).into_bytes()),
            ],
        )
            .prop_map(|(name, content)| Part::Attachment { name, content }),
    ]
}

fn part() -> impl Strategy<Value = Part> {
    leaf().prop_recursive(6, 24, 4, |inner| {
        prop_oneof![
            (
                prop::collection::vec("[A-Za-z-]{1,12}: [ -~]{0,20}", 0..3),
                inner.clone()
            )
                .prop_map(|(headers, body)| Part::Email {
                    headers,
                    body: Box::new(body)
                }),
            (
                prop::sample::select(vec!["mixed", "alternative", "related", "digest", "x-odd"]),
                prop::collection::vec(inner, 0..4),
            )
                .prop_map(|(subtype, parts)| Part::Multipart { subtype, parts }),
        ]
    })
}

/// The part's headers and body, in `encoding` (0: as it is, 1: base64, 2: quoted-printable).
fn render(part: &Part, encodings: &mut impl Iterator<Item = u8>, boundary: &mut usize) -> String {
    fn encode(encodings: &mut impl Iterator<Item = u8>, bytes: &[u8]) -> (String, String) {
        match encodings.next().unwrap_or(0) % 3 {
            1 => (
                "Content-Transfer-Encoding: base64\r\n".into(),
                base64(bytes),
            ),
            2 => (
                "Content-Transfer-Encoding: quoted-printable\r\n".into(),
                quoted_printable(&String::from_utf8_lossy(bytes)),
            ),
            _ => (String::new(), String::from_utf8_lossy(bytes).into_owned()),
        }
    }
    match part {
        Part::Text { text, html } => {
            let (cte, body) = encode(encodings, text.as_bytes());
            format!(
                "Content-Type: text/{}; charset=utf-8\r\n{cte}\r\n{body}",
                if *html { "html" } else { "plain" }
            )
        }
        Part::Attachment { name, content } => {
            let (cte, body) = encode(encodings, content);
            format!(
                "Content-Type: application/octet-stream\r\n\
                 Content-Disposition: attachment; filename=\"{}\"\r\n{cte}\r\n{body}",
                name.replace(['"', '\r', '\n'], "_")
            )
        }
        Part::Email { headers, body } => {
            let inner = format!(
                "From: a@example.org\r\nTo: b@example.org\r\n{}{}",
                headers
                    .iter()
                    .map(|h| format!("{h}\r\n"))
                    .collect::<String>(),
                render(body, encodings, boundary)
            );
            let (cte, inner) = encode(encodings, inner.as_bytes());
            format!("Content-Type: message/rfc822\r\n{cte}\r\n{inner}")
        }
        Part::Multipart { subtype, parts } => {
            *boundary += 1;
            let b = format!("b{boundary}");
            let mut out = format!("Content-Type: multipart/{subtype}; boundary=\"{b}\"\r\n\r\n");
            for p in parts {
                out.push_str(&format!("--{b}\r\n{}\r\n", render(p, encodings, boundary)));
            }
            out.push_str(&format!("--{b}--\r\n"));
            out
        }
    }
}

proptest! {
    #![proptest_config(config(128))]
    #[test]
    fn emails_of_any_shape_are_sound(
        top in part(),
        headers in prop::collection::vec("[A-Za-z-]{1,12}: [ -~]{0,30}", 0..4),
        encodings in prop::collection::vec(any::<u8>(), 0..40),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut boundary = 0;
        let mut mail = format!(
            "From: Maria <maria@example.org>\r\nTo: owner@example.org\r\nSubject: Reply\r\n\
             MIME-Version: 1.0\r\n{}{}",
            headers.iter().map(|h| format!("{h}\r\n")).collect::<String>(),
            render(&top, &mut encodings.into_iter(), &mut boundary)
        )
        .into_bytes();
        if let Some(cut) = cut {
            mail.truncate(cut.index(mail.len() + 1));
        }
        add_both_ways("mail.eml", &mail)?;
    }
}

// ------------------------------------------------------------------ WordPress

fn xml_escaped(text: &str) -> String {
    text.chars()
        .filter(|c| matches!(*c, '\t' | '\n' | '\r' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..))
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn wp_date() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1995u32..2030, 1u32..13, 1u32..29, 0u32..24, 0u32..60).prop_map(|(y, m, d, h, mi)| format!("{y}-{m:02}-{d:02} {h:02}:{mi:02}:00")),
        1 => (0u64..100_000_000_000_000_000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02} 12:00:00")),
        1 => Just("0000-00-00 00:00:00".to_owned()),
        1 => stranger_text(),
    ]
}

fn wp_number() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (0u64..12).prop_map(|n| n.to_string()),
        1 => Just(u64::MAX.to_string()),
        1 => Just("18446744073709551616".to_owned()),
        1 => stranger_text(),
    ]
}

proptest! {
    #![proptest_config(config(128))]
    #[test]
    fn wordpress_exports_with_any_comments_are_sound(
        comments in prop::collection::vec(
            (
                wp_number(), wp_number(), wp_date(), wp_date(),
                prop::sample::select(vec!["1", "0", "approve", "spam", "trash", "", "post-trashed"]),
                prop::sample::select(vec!["", "comment", "pingback", "trackback", "review"]),
                stranger_text(), stranger_text(), stranger_text(),
            ),
            0..10,
        ),
        published_first in any::<bool>(),
    ) {
        let xml = wxr(&comments
            .iter()
            .map(|(id, parent, gmt, local, approved, kind, author, content, url)| {
                format!(
                    "<wp:comment><wp:comment_id>{}</wp:comment_id>\
                     <wp:comment_author>{}</wp:comment_author>\
                     <wp:comment_author_url>{}</wp:comment_author_url>\
                     <wp:comment_date>{}</wp:comment_date>\
                     <wp:comment_date_gmt>{}</wp:comment_date_gmt>\
                     <wp:comment_content>{}</wp:comment_content>\
                     <wp:comment_approved>{approved}</wp:comment_approved>\
                     <wp:comment_type>{kind}</wp:comment_type>\
                     <wp:comment_parent>{}</wp:comment_parent></wp:comment>",
                    xml_escaped(id), xml_escaped(author), xml_escaped(url), xml_escaped(local),
                    xml_escaped(gmt), xml_escaped(content), xml_escaped(parent)
                )
            })
            .collect::<String>());
        let dir = project();
        if published_first {
            // Some of these ids published already, with other words.
            assert_eq!(run(dir.path(), &["add", wordpress_export().to_str().unwrap()]).code, 0);
        }
        let path = dir.path().join("export.xml");
        std::fs::write(&path, &xml).unwrap();
        let before = everything_published(dir.path());
        let r = run(dir.path(), &["add", path.to_str().unwrap()]);
        assert_sound(&r, dir.path(), &before).map_err(TestCaseError::fail)?;
        let r = run(dir.path(), &["list"]);
        prop_assert_eq!(r.code, 0, "{}", r.err);
        assert_sound(&r, dir.path(), &everything_published(dir.path())).map_err(TestCaseError::fail)?;
    }
}

// ------------------------------------------------------------------ published files

proptest! {
    #![proptest_config(config(128))]
    #[test]
    fn list_and_remove_on_any_published_file_are_sound(
        replies in prop::collection::vec(
            ("[a-z][0-9]?", prop::option::of("[a-z][0-9]?"), stranger_text(), stranger_text(), millis()),
            0..12,
        ),
        target in "[a-z][0-9]?",
        with_replies in any::<bool>(),
        on_post in any::<bool>(),
        garbage in prop::option::of(prop::collection::vec(any::<u8>(), 0..100)),
    ) {
        let dir = project();
        let root: &Path = dir.path();
        match garbage {
            Some(bytes) => {
                std::fs::create_dir_all(root.join("src/content/replies")).unwrap();
                std::fs::write(root.join(format!("src/content/replies/{POST}.json")), bytes).unwrap();
            }
            None => {
                let entries: Vec<String> = replies
                    .iter()
                    .map(|(id, parent, author, content, ms)| {
                        json!({
                            "id": id, "parent": parent, "author": author, "content": content,
                            "created_ms": ms,
                        })
                        .to_string()
                    })
                    .collect();
                write_published(root, POST, &entries.join(", "));
            }
        }
        let before = everything_published(root);
        let r = run(root, &["list"]);
        assert_sound(&r, root, &before).map_err(TestCaseError::fail)?;
        let mut args = vec!["remove"];
        if with_replies {
            args.push("--with-replies");
        }
        if on_post {
            args.extend(["--post", POST]);
        }
        args.push(&target);
        let r = run(root, &args);
        assert_sound(&r, root, &before).map_err(TestCaseError::fail)?;
    }
}

// ------------------------------------------------------------------ the parsers themselves

proptest! {
    #![proptest_config(config(256))]
    #[test]
    fn dates_and_html_of_any_text_never_panic(text in stranger_text(), digits in "[0-9]{1,25}") {
        use goosebumps_core::time::parse_date_ms;
        use goosebumps_core::time::parse_iso_utc;
        for t in [
            text.clone(),
            format!("{digits}-01-01 00:00:00"),
            format!("{digits}-01-01T00:00:00.000Z"),
            format!("2024-{digits}-01"),
            digits.clone(),
        ] {
            let _ = parse_date_ms(&t);
            let _ = parse_iso_utc(&t);
        }
        let _ = replies::html_to_text(&text);
        let shown = replies::shown(&text);
        prop_assert!(!shown.chars().any(replies::is_hidden));
        let _ = CommentId::parse(&text);
    }
}
