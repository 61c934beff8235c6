//! A project of one post (the seed's own copy) in a temporary folder, and the tool run on it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub(crate) const POST: &str = "miracle-in-cell-no-7";

/// The repository's root (this crate is `tools/replies`).
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The real WordPress 6.1 export, kept with these tests (a clone has all it needs).
pub(crate) fn wordpress_export() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress-6.1-export.xml")
}

/// A temporary project with one post, [`POST`]: the seed post's own copy
/// (`tests/fixtures/seed-post.json`), whatever posts the owner has; no published
/// replies.
pub(crate) fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("src/content/posts");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/seed-post.json"),
        posts.join(format!("{POST}.json")),
    )
    .unwrap();
    dir
}

pub(crate) struct Run {
    pub code: i32,
    /// What it did (standard output).
    pub out: String,
    /// Why it did nothing (standard error).
    pub err: String,
}

impl Run {
    /// The summary line (`N added, …`, or a dry run's `N would be added, …`).
    pub(crate) fn summary(&self) -> &str {
        self.out
            .lines()
            .find(|l| l.contains(" added, "))
            .unwrap_or_else(|| panic!("no summary in:\n{}", self.out))
    }
}

/// Runs `replies --root <root> args…`, with `stdin` as standard input.
pub(crate) fn run_with(root: &Path, args: &[&str], stdin: &str) -> Run {
    run_bytes(root, args, stdin.as_bytes())
}

/// Runs `replies --root <root> args…`, with any bytes as standard input.
pub(crate) fn run_bytes(root: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut all = vec!["--root".to_owned(), root.display().to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = replies::run(&all, &mut { stdin }, &mut out, &mut err);
    Run {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

/// What every run must be, whatever it was given: exit code 0 or 1; a failure
/// is one sentence on standard error and nothing else; every line free of the
/// characters a terminal acts on; the replies written only when it says
/// “Added …”, and a refusal (exit code 1) whenever the summary counts one.
/// `before` is [`everything_published`] before the run.
pub(crate) fn assert_sound(r: &Run, root: &Path, before: &str) -> Result<(), String> {
    let after = everything_published(root);
    let fail = |why: &str| {
        Err(format!(
            "{why}\ncode {}\nout: {}\nerr: {}",
            r.code, r.out, r.err
        ))
    };
    if r.code != 0 && r.code != 1 {
        return fail("the exit code is neither 0 nor 1");
    }
    for line in r.out.lines().chain(r.err.lines()) {
        if line.chars().any(replies::is_hidden) {
            return fail("a line shows a control or direction character as it is");
        }
    }
    if !r.err.is_empty() {
        if r.code != 1 || !r.out.is_empty() || after != before {
            return fail("a failure did something");
        }
        if r.err.lines().count() != 1 || !r.err.trim_end().ends_with('.') {
            return fail("a failure is not one sentence");
        }
        return Ok(());
    }
    let summary = r.out.lines().find(|l| l.contains(" added, "));
    if let Some(summary) = summary {
        let refused = summary
            .split(", ")
            .find(|p| p.ends_with(" refused") || p.contains(" refused ("))
            .and_then(|p| p.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok());
        let Some(refused) = refused else {
            return fail("the summary has no count of refusals");
        };
        if (refused > 0) != (r.code == 1) {
            return fail("the exit code does not follow the refusals");
        }
    }
    let wrote = r
        .out
        .lines()
        .any(|l| l.starts_with("Added ") || l.starts_with("Removed "));
    if wrote == (after == before) {
        return fail("the replies were written without saying so, or said and not written");
    }
    Ok(())
}

pub(crate) fn run(root: &Path, args: &[&str]) -> Run {
    run_with(root, args, "")
}

/// The published replies file of the post, if any.
pub(crate) fn published(root: &Path) -> Option<String> {
    std::fs::read_to_string(
        root.join("src/content/replies")
            .join(format!("{POST}.json")),
    )
    .ok()
}

/// Every file under `src/content/replies/`, as text.
pub(crate) fn everything_published(root: &Path) -> String {
    let dir = root.join("src/content/replies");
    let mut all = String::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            all.push_str(&String::from_utf8_lossy(
                &std::fs::read(e.unwrap().path()).unwrap(),
            ));
        }
    }
    all
}

/// Quoted-printable, as a mail program sends it: lines of at most 76, `=` soft breaks.
pub(crate) fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut encoded: Vec<String> = line
            .bytes()
            .map(|b| match b {
                b'=' => "=3D".to_owned(),
                b'\t' | b' ' => (b as char).to_string(),
                b if !(0x20..0x80).contains(&b) => format!("={b:02X}"),
                b => (b as char).to_string(),
            })
            .collect();
        // A space or tab at the end of a line is encoded.
        if let Some(last) = encoded.last_mut() {
            if last == " " || last == "\t" {
                *last = format!("={:02X}", last.as_bytes()[0]);
            }
        }
        let mut width = 0;
        for piece in encoded {
            if width + piece.len() > 75 {
                out.push_str("=\r\n");
                width = 0;
            }
            width += piece.len();
            out.push_str(&piece);
        }
        out.push_str("\r\n");
    }
    out
}

/// A saved email (`.eml`) whose text part is `body`, quoted-printable.
pub(crate) fn eml(subject: &str, body: &str) -> String {
    format!(
        "From: Maria Camilleri <maria@example.org>\r\nTo: owner@example.org\r\n\
         Subject: {subject}\r\nDate: Sat, 02 Mar 2024 19:06:00 +0000\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\r\n{}",
        quoted_printable(body)
    )
}

/// A WordPress export (WXR 1.2) of the post [`POST`] holding `comments`.
pub(crate) fn wxr(comments: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Miracle</title><wp:post_id>4</wp:post_id><wp:post_name><![CDATA[{POST}]]></wp:post_name>
{comments}
</item></channel></rss>"#
    )
}

/// One approved WordPress comment: its id, parent (`0`: none), UTC date, author and text.
pub(crate) fn wp_comment(id: &str, parent: &str, gmt: &str, author: &str, content: &str) -> String {
    format!(
        "<wp:comment><wp:comment_id>{id}</wp:comment_id>\
         <wp:comment_author><![CDATA[{author}]]></wp:comment_author>\
         <wp:comment_author_email><![CDATA[someone@example.org]]></wp:comment_author_email>\
         <wp:comment_date><![CDATA[2024-03-02 21:05:16]]></wp:comment_date>\
         <wp:comment_date_gmt><![CDATA[{gmt}]]></wp:comment_date_gmt>\
         <wp:comment_content><![CDATA[{content}]]></wp:comment_content>\
         <wp:comment_approved><![CDATA[1]]></wp:comment_approved>\
         <wp:comment_type><![CDATA[comment]]></wp:comment_type>\
         <wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )
}

/// A reader's comment on [`POST`], as the page stores it.
pub(crate) fn reader_comment(
    id: &str,
    parent: Option<&str>,
    content: &str,
) -> goosebumps_core::comments::Comment {
    use goosebumps_core::comments::{Comment, CommentId};
    Comment {
        id: CommentId::parse(id).unwrap(),
        post: POST.into(),
        parent_id: parent.map(|p| CommentId::parse(p).unwrap()),
        author: "Maria Camilleri".into(),
        email: "maria@example.org".into(),
        url: None,
        content: content.into(),
        created_ms: 1_709_406_316_123,
        edited_ms: None,
        history: Vec::new(),
        deleted: false,
    }
}

/// A post more, `slug`, in the temporary project.
pub(crate) fn add_post(root: &Path, slug: &str) {
    std::fs::write(root.join(format!("src/content/posts/{slug}.json")), "{}").unwrap();
}

/// Writes `src/content/replies/<slug>.json` by hand: `replies` is the JSON array's inside.
pub(crate) fn write_published(root: &Path, slug: &str, replies: &str) {
    let dir = root.join("src/content/replies");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(format!("{slug}.json")),
        format!("{{\"post\": \"{slug}\", \"replies\": [{replies}]}}\n"),
    )
    .unwrap();
}

/// Base64 in lines of 76, as mail programs write it.
pub(crate) fn base64(bytes: &[u8]) -> String {
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

/// `inner` (an email's source) attached to a new email, as `message/rfc822`,
/// plainly or in base64.
pub(crate) fn wrap_mail(inner: &str, level: usize, base64_encoded: bool) -> String {
    let (encoding, body) = if base64_encoded {
        (
            "Content-Transfer-Encoding: base64\r\n",
            base64(inner.as_bytes()),
        )
    } else {
        ("", inner.to_owned())
    };
    format!(
        "From: Fwd {level} <fwd{level}@example.org>\r\nTo: owner@example.org\r\n\
         Subject: Fwd {level}\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"B{level}\"\r\n\r\n\
         --B{level}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nForwarded.\r\n\
         --B{level}\r\nContent-Type: message/rfc822\r\n{encoding}\
         Content-Disposition: attachment; filename=\"fwd{level}.eml\"\r\n\r\n{body}\r\n\
         --B{level}--\r\n"
    )
}
