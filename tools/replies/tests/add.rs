//! `replies add` on reply files, exports, emails and pasted text: the form's rules,
//! each refusal with its sentence, and nothing written when a file cannot be read.

use crate::common;
use common::*;
use goosebumps_core::comments::export::export_json;
use goosebumps_core::comments::outbox::{
    mail_body, mail_subject, reply_file_json, reply_file_name,
};
use goosebumps_core::comments::published::parse_published;
use goosebumps_core::comments::{Comment, CommentId};
use std::path::{Path, PathBuf};

const TITLE: &str = "Miracle in cell no. 7";

fn comment(id: &str, parent: Option<&str>, content: &str) -> Comment {
    Comment {
        id: CommentId::parse(id).unwrap(),
        post: POST.into(),
        parent_id: parent.map(|p| CommentId::parse(p).unwrap()),
        author: "Maria Camilleri".into(),
        email: "maria@example.org".into(),
        url: Some("maria.example.com".into()),
        content: content.into(),
        created_ms: 1_709_406_316_123,
        edited_ms: None,
        history: Vec::new(),
        deleted: false,
    }
}

/// Saves `comment` as the page's "Save the file" does, in `dir`.
fn save(dir: &Path, comment: &Comment) -> PathBuf {
    let path = dir.join(reply_file_name(comment));
    std::fs::write(&path, reply_file_json(comment, 1_709_406_400_000)).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_reply_file_is_published_by_the_form_rules_without_its_email() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let file = save(
        inbox.path(),
        &comment("m3x9q2k0a1b2c3", None, "  Thank you!\n"),
    );
    let r = run(dir.path(), &["add", s(&file)]);
    assert_eq!(r.code, 0, "{}", r.out);
    assert_eq!(
        r.summary(),
        "1 added, 0 already published, 0 skipped, 0 refused"
    );
    assert!(r
        .out
        .contains("Added 1 to src/content/replies/miracle-in-cell-no-7.json."));
    let text = published(dir.path()).unwrap();
    assert!(!text.contains("maria@"), "{text}");
    let file = parse_published("x", &text).unwrap();
    assert_eq!(file.replies[0].content, "Thank you!");
    assert_eq!(
        file.replies[0].url.as_deref(),
        Some("https://maria.example.com")
    );
    let again = run(
        dir.path(),
        &[
            "add",
            s(&inbox
                .path()
                .join(reply_file_name(&comment("m3x9q2k0a1b2c3", None, "x")))),
        ],
    );
    assert_eq!(
        again.summary(),
        "0 added, 1 already published, 0 skipped, 0 refused"
    );
}

fn refused(c: Comment, sentence: &str) {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let file = save(inbox.path(), &c);
    let r = run(dir.path(), &["add", s(&file)]);
    assert_eq!(r.code, 1, "{}", r.out);
    assert_eq!(
        r.summary(),
        format!(
            "0 added, 0 already published, 0 skipped, 1 refused ({}: {sentence})",
            s(&file)
        )
    );
    assert!(
        !dir.path().join("src/content/replies").exists(),
        "nothing written"
    );
}

#[test]
fn each_refusal_has_the_form_s_sentence_and_nothing_is_written() {
    refused(
        comment("a1", None, &"é".repeat(32_763)),
        "Your comment is too long.",
    );
    let mut nameless = comment("a2", None, "Hi");
    nameless.author = "   ".into();
    refused(nameless, "Please fill the required fields.");
    let mut long_name = comment("a3", None, "Hi");
    long_name.author = "n".repeat(246);
    refused(long_name, "Your name is too long.");
    let mut script = comment("a4", None, "Hi");
    script.url = Some("javascript:alert(1)".into());
    refused(
        script,
        "Please enter a website address that starts with http:// or https://, or leave it empty.",
    );
    let mut bad_email = comment("a5", None, "Hi");
    bad_email.email = "not-an-address".into();
    refused(bad_email, "Please enter a valid email address.");
    refused(
        comment("a6", None, " \n "),
        "Please type your comment text.",
    );
    refused(
        comment("a7", Some("zz9"), "A reply to nothing"),
        "Its parent comment zz9 is neither published nor in these files.",
    );
}

#[test]
fn a_reply_and_its_parent_in_the_same_files_are_added_in_any_order() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let mut child = comment("b2", Some("b1"), "The reply");
    child.created_ms += 10;
    let child = save(inbox.path(), &child);
    let parent = save(inbox.path(), &comment("b1", None, "The first"));
    let r = run(dir.path(), &["add", s(&child), s(&parent)]);
    assert_eq!(
        r.summary(),
        "2 added, 0 already published, 0 skipped, 0 refused"
    );
    // Later, a reply to a published comment.
    let grandchild = save(inbox.path(), &comment("b3", Some("b2"), "Deeper"));
    let r = run(dir.path(), &["add", s(&grandchild)]);
    assert_eq!(
        r.summary(),
        "1 added, 0 already published, 0 skipped, 0 refused"
    );
}

#[test]
fn some_refused_others_added_and_the_exit_code_says_so() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let good = save(inbox.path(), &comment("c1", None, "Fine"));
    let bad = save(inbox.path(), &comment("c2", None, &"x".repeat(65_526)));
    let r = run(dir.path(), &["add", s(&good), s(&bad)]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.summary(),
        format!(
            "1 added, 0 already published, 0 skipped, 1 refused ({}: Your comment is too long.)",
            s(&bad)
        )
    );
}

#[test]
fn a_reply_to_a_refused_reply_is_refused_too() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let parent = save(inbox.path(), &comment("f1", None, &"x".repeat(65_526)));
    let child = save(inbox.path(), &comment("f2", Some("f1"), "A reply"));
    let r = run(dir.path(), &["add", s(&parent), s(&child)]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.summary(),
        format!(
            "0 added, 0 already published, 0 skipped, 2 refused ({}: Your comment is too long. \
             {}: Its parent comment f1 could not be added.)",
            s(&parent),
            s(&child)
        )
    );
    assert!(!dir.path().join("src/content/replies").exists());
}

#[test]
fn a_file_it_cannot_read_changes_nothing_and_says_why() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let good = save(inbox.path(), &comment("d1", None, "Fine"));
    let missing = inbox.path().join("nope.json");
    let r = run(dir.path(), &["add", s(&good), s(&missing)]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.err.trim(),
        format!("{} cannot be read: there is no such file.", s(&missing))
    );
    assert!(r.out.is_empty());
    assert!(!dir.path().join("src/content/replies").exists());

    for (name, text, why) in [
        ("notes.txt", "Just some words.", "it holds no reply"),
        ("broken.json", "{\"format\": ", "it is not JSON"),
        (
            "other.json",
            "{\"hello\": 1}",
            "it is JSON but not a Goosebumps reply file or export",
        ),
        (
            "page.xml",
            "<html><body>hi</body></html>",
            "it is XML but not a WordPress export (WXR)",
        ),
        ("bad.xml", "<rss><channel>", "it is not well-formed XML"),
    ] {
        let path = inbox.path().join(name);
        std::fs::write(&path, text).unwrap();
        let r = run(dir.path(), &["add", s(&good), s(&path)]);
        assert_eq!(r.code, 1, "{name}");
        assert!(
            r.err
                .starts_with(&format!("{} cannot be read: {why}", s(&path))),
            "{name}: {}",
            r.err
        );
        assert!(r.err.trim_end().ends_with('.'));
        assert!(!dir.path().join("src/content/replies").exists(), "{name}");
    }
    let r = run(dir.path(), &["add", s(inbox.path())]);
    assert!(
        r.err.contains("cannot be read: it is a folder."),
        "{}",
        r.err
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let r = run(elsewhere.path(), &["add", s(&good)]);
    assert_eq!(r.code, 1);
    assert!(r
        .err
        .contains("is not the project: it has no src/content/posts/ folder."));
}

#[test]
fn a_saved_email_in_quoted_printable_is_read_back_exactly() {
    let dir = project();
    let inbox = tempfile::tempdir().unwrap();
    let text = "I cried at the same scene. When Ova runs to him…\n\nGrazzi ħafna, John! = \"quotes\" \
                and a line that is long enough to be broken by quoted-printable soft breaks, twice or more. 🇲🇹";
    let c = comment("m3x9q2k0a1b2c3", None, text);
    let mail = eml(&mail_subject(TITLE, &c.author), &mail_body(TITLE, &c));
    assert!(mail.contains("=\r\n"), "the mail has soft breaks");
    let path = inbox.path().join("Reply.eml");
    std::fs::write(&path, &mail).unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert_eq!(r.code, 0, "{}", r.out);
    assert_eq!(
        r.summary(),
        "1 added, 0 already published, 0 skipped, 0 refused"
    );
    let file = parse_published("x", published(dir.path()).unwrap()).unwrap();
    assert_eq!(file.replies[0].content, text);
    assert_eq!(file.replies[0].created_ms, 1_709_406_316_123);
    assert!(!published(dir.path()).unwrap().contains("maria@"));

    // The same mail with no .eml name, and quoted in a reply, pasted on standard input.
    let quoted: String = mail_body(TITLE, &c)
        .lines()
        .map(|l| format!("> {l}\n"))
        .collect();
    let r = run_with(dir.path(), &["add", "-"], &quoted);
    assert_eq!(
        r.summary(),
        "0 added, 1 already published, 0 skipped, 0 refused"
    );
    let unnamed = inbox.path().join("saved-mail");
    std::fs::write(&unnamed, &mail).unwrap();
    assert_eq!(
        run(dir.path(), &["add", s(&unnamed)]).summary(),
        "0 added, 1 already published, 0 skipped, 0 refused"
    );
}

#[test]
fn an_html_only_email_is_read() {
    let dir = project();
    let c = comment(
        "m3x9q2k0a1b2c5",
        None,
        "Line one\n\n<b>not bold</b> & “quoted”",
    );
    let html: String = mail_body(TITLE, &c)
        .lines()
        .map(|l| {
            let escaped = l
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            format!("<div>{escaped}<br></div>\r\n")
        })
        .collect();
    let mail = format!(
        "From: Maria <maria@example.org>\r\nTo: owner@example.org\r\nSubject: Reply\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n",
        base64(format!("<html><body>{html}</body></html>").as_bytes())
    );
    let inbox = tempfile::tempdir().unwrap();
    let path = inbox.path().join("html.eml");
    std::fs::write(&path, mail).unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert_eq!(
        r.summary(),
        "1 added, 0 already published, 0 skipped, 0 refused",
        "{}{}",
        r.out,
        r.err
    );
    let file = parse_published("x", published(dir.path()).unwrap()).unwrap();
    assert_eq!(file.replies[0].content, c.content);
}

#[test]
fn an_email_with_the_reply_file_attached_in_base64_is_read() {
    let dir = project();
    let c = comment(
        "m3x9q2k0a1b2c4",
        None,
        &"A long, heartfelt reply. ".repeat(100),
    );
    let json = reply_file_json(&c, 1_709_406_400_000);
    let b64 = base64(json.as_bytes());
    let mail = format!(
        "From: Maria <maria@example.org>\r\nTo: owner@example.org\r\nSubject: Reply\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n\
         --XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe reply is attached.\r\n\
         --XX\r\nContent-Type: application/json; name=\"{name}\"\r\n\
         Content-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n\
         {b64}\r\n--XX--\r\n",
        name = reply_file_name(&c)
    );
    let inbox = tempfile::tempdir().unwrap();
    let path = inbox.path().join("long.eml");
    std::fs::write(&path, mail).unwrap();
    let r = run(dir.path(), &["add", s(&path)]);
    assert_eq!(
        r.summary(),
        "1 added, 0 already published, 0 skipped, 0 refused",
        "{}",
        r.out
    );
}

#[test]
fn a_whole_export_adds_its_comments_and_skips_deleted_ones() {
    let dir = project();
    let a = comment("e1", None, "One");
    let mut b = comment("e2", Some("e1"), "Two");
    b.created_ms += 5;
    let gone = comment("e3", None, "Three").placeholder();
    let other = Comment {
        post: "hello-world".into(),
        ..comment("e4", None, "Elsewhere")
    };
    let inbox = tempfile::tempdir().unwrap();
    let path = inbox
        .path()
        .join("goosebumps-comments-miracle-in-cell-no-7-2024-03-02.json");
    std::fs::write(
        &path,
        export_json(POST, "2024-03-02T20:00:00Z".into(), &[a, b, gone], &[]),
    )
    .unwrap();
    let foreign = inbox.path().join("goosebumps-comments-hello-world.json");
    std::fs::write(
        &foreign,
        export_json("hello-world", "2024-03-02T20:00:00Z".into(), &[other], &[]),
    )
    .unwrap();
    let r = run(dir.path(), &["add", s(&path), s(&foreign)]);
    assert_eq!(
        r.summary(),
        "2 added, 0 already published, 2 skipped (1 deleted, 1 for a post we do not have), 0 refused"
    );
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (n, chunk) in bytes.chunks(3).enumerate() {
        if n > 0 && n % 19 == 0 {
            out.push_str("\r\n");
        }
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[(v >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
