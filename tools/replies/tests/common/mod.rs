//! A project of one post (the seed's own copy) in a temporary folder, and the tool run on it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub const POST: &str = "miracle-in-cell-no-7";

/// The repository's root (this crate is `tools/replies`).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The real WordPress 6.1 export, kept with these tests (a clone has all it needs).
pub fn wordpress_export() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress-6.1-export.xml")
}

/// A temporary project with one post, [`POST`]: the seed post's own copy
/// (`tests/fixtures/seed-post.json`), whatever posts the owner has; no published
/// replies.
pub fn project() -> tempfile::TempDir {
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

pub struct Run {
    pub code: i32,
    /// What it did (standard output).
    pub out: String,
    /// Why it did nothing (standard error).
    pub err: String,
}

impl Run {
    /// The summary line (`N added, …`, or a dry run's `N would be added, …`).
    pub fn summary(&self) -> &str {
        self.out
            .lines()
            .find(|l| l.contains(" added, "))
            .unwrap_or_else(|| panic!("no summary in:\n{}", self.out))
    }
}

/// Runs `replies --root <root> args…`, with `stdin` as standard input.
pub fn run_with(root: &Path, args: &[&str], stdin: &str) -> Run {
    let mut all = vec!["--root".to_owned(), root.display().to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = replies::run(&all, &mut stdin.as_bytes(), &mut out, &mut err);
    Run {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

pub fn run(root: &Path, args: &[&str]) -> Run {
    run_with(root, args, "")
}

/// The published replies file of the post, if any.
pub fn published(root: &Path) -> Option<String> {
    std::fs::read_to_string(
        root.join("src/content/replies")
            .join(format!("{POST}.json")),
    )
    .ok()
}

/// Every file under `src/content/replies/`, as text.
pub fn everything_published(root: &Path) -> String {
    let dir = root.join("src/content/replies");
    let mut all = String::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
    }
    all
}

/// Quoted-printable, as a mail program sends it: lines of at most 76, `=` soft breaks.
pub fn quoted_printable(text: &str) -> String {
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
pub fn eml(subject: &str, body: &str) -> String {
    format!(
        "From: Maria Camilleri <maria@example.org>\r\nTo: owner@example.org\r\n\
         Subject: {subject}\r\nDate: Sat, 02 Mar 2024 19:06:00 +0000\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\r\n{}",
        quoted_printable(body)
    )
}
