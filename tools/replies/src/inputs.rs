//! What `add` reads: reply files, exports, emails (nested ones too), pasted text
//! and WordPress exports, each turned into candidates to publish.

mod mail;
pub(crate) mod wxr;

use crate::project::*;
use crate::shown::one_line;
use crate::*;
use goosebumps_core::comments::export::{parse_import, ImportError, Refusal, FORMAT};
use goosebumps_core::comments::outbox::read_blocks;
use goosebumps_core::comments::published::wordpress_id;
use goosebumps_core::comments::{Comment, CommentId};
use goosebumps_core::i18n::Lang;
use goosebumps_core::time::iso_ms;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use wxr::{Skip, WpComment};

// ---------------------------------------------------------------- add

/// Who made a reply's id (and so which ids it may have).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A reader's browser: reply files, exports, emails and pasted blocks. They
    /// carry the reader's email, checked as the form does, and never a `wp-` id.
    Reader,
    /// A WordPress export, which checked its comments' emails itself.
    WordPress,
}

/// A reply found in the inputs, with where it came from.
pub(crate) struct Candidate {
    /// `reply-….json`, `export.xml: comment 12`: how messages name it.
    pub(crate) label: String,
    pub(crate) comment: Comment,
    pub(crate) origin: Origin,
    /// The field its date was read from, as messages name it (`` `created_ms` ``,
    /// `` `date` ``, `` `wp:comment_date_gmt` ``), and the date as written there.
    pub(crate) date_field: &'static str,
    pub(crate) date_text: String,
}

/// What the inputs hold.
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) candidates: Vec<Candidate>,
    pub(crate) skipped: Vec<Skip>,
    /// The id of every comment the files hold, added or not.
    pub(crate) ids_in_files: HashSet<CommentId>,
    /// The skipped comments that had an id (WordPress's), and why.
    pub(crate) skipped_ids: HashMap<CommentId, Skip>,
    /// Sentences: `reply-….json: Your comment is too long.`
    pub(crate) refused: Vec<String>,
}

pub(crate) fn sentence(text: &str) -> String {
    let mut s = text.trim().to_owned();
    if let Some(first) = s.chars().next() {
        s.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

pub(crate) fn display_name(path: &str) -> String {
    if path == "-" {
        "standard input".into()
    } else {
        path.to_owned()
    }
}

/// Reads every input before anything is decided: one unreadable file stops it all.
pub(crate) fn read_inputs(
    project: &Project,
    paths: &[String],
    stdin: &mut dyn Read,
) -> Result<Found, Error> {
    let mut found = Found::default();
    for path in paths {
        let name = display_name(path);
        let mut bytes = Vec::new();
        let read = if path == "-" {
            stdin.read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
        };
        read.map_err(|e| Error::Unreadable {
            file: name.clone(),
            why: io_reason(&e),
        })?;
        read_input(project, &name, &bytes, &mut found, 0).map_err(|why| Error::Unreadable {
            file: name.clone(),
            why,
        })?;
    }
    Ok(found)
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "it is a folder".into(),
        _ => e.to_string(),
    }
}

/// What kind of input `bytes` is, by its content (and a `.eml` name). `mails` is
/// how many emails it was found in (0 for a file named on the command line).
pub(crate) fn read_input(
    project: &Project,
    name: &str,
    bytes: &[u8],
    found: &mut Found,
    mails: usize,
) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).ok();
    let start = text
        .map(|t| t.trim_start_matches('\u{feff}').trim_start())
        .unwrap_or("");
    if start.starts_with('{') {
        read_export(project, name, start, found)
    } else if start.starts_with('<') {
        read_wxr(project, name, start, found)
    } else if name.to_ascii_lowercase().ends_with(".eml") || looks_like_mail(bytes) {
        read_mail(project, name, bytes, found, mails)
    } else if let Some(text) = text {
        let n = read_text_blocks(name, text, found);
        if n == 0 {
            Err(
                "it holds no reply (no reply file, export, WordPress export, email or \
                 -----BEGIN GOOSEBUMPS REPLY----- block)"
                    .into(),
            )
        } else {
            Ok(())
        }
    } else {
        Err("it is not text, and not an email".into())
    }
}

/// A mail's source starts with header lines (`From: …`, `Content-Type: …`).
pub(crate) fn looks_like_mail(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let mut headers = 0;
    for line in head.lines() {
        if line.is_empty() {
            break;
        }
        let name = line.split(':').next().unwrap_or("").to_ascii_lowercase();
        if [
            "from",
            "to",
            "subject",
            "date",
            "mime-version",
            "content-type",
            "message-id",
            "received",
            "return-path",
        ]
        .contains(&name.as_str())
        {
            headers += 1;
        } else if !line.starts_with([' ', '\t']) && !line.contains(':') {
            return false;
        }
    }
    headers >= 2
}

/// Reply blocks in a mail's text; returns how many there were.
pub(crate) fn read_text_blocks(name: &str, text: &str, found: &mut Found) -> usize {
    let blocks = read_blocks(text);
    for (n, block) in blocks.iter().enumerate() {
        let label = if blocks.len() == 1 {
            name.to_owned()
        } else {
            format!("{name}: reply {}", n + 1)
        };
        match block {
            Ok(comment) => found.candidates.push(Candidate {
                label,
                comment: comment.clone(),
                origin: Origin::Reader,
                date_field: "`date`",
                date_text: iso_ms(comment.created_ms),
            }),
            Err(why) => found
                .refused
                .push(format!("{label}: {}", sentence(&why.to_string()))),
        }
    }
    blocks.len()
}

#[derive(serde::Deserialize)]
pub(crate) struct Outline {
    pub(crate) format: Option<String>,
    pub(crate) post: Option<String>,
    #[serde(default)]
    pub(crate) comments: Vec<OutlineComment>,
}

#[derive(serde::Deserialize)]
pub(crate) struct OutlineComment {
    #[serde(default)]
    pub(crate) id: Option<serde_json::Value>,
}

/// A reply file (`reply-<post>-<id>.json`) or a whole export.
pub(crate) fn read_export(
    project: &Project,
    name: &str,
    text: &str,
    found: &mut Found,
) -> Result<(), String> {
    let outline: Outline = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            format!("it is not JSON ({e})")
        } else {
            "it is JSON but not a Goosebumps reply file or export".into()
        }
    })?;
    let (Some(format), Some(post)) = (outline.format, outline.post) else {
        return Err("it is JSON but not a Goosebumps reply file or export".into());
    };
    if format != FORMAT {
        return Err("it is JSON but not a Goosebumps reply file or export".into());
    }
    if !project.knows(&post) {
        found.skipped.extend(std::iter::repeat_n(
            Skip::UnknownPost,
            outline.comments.len(),
        ));
        return Ok(());
    }
    let parsed = parse_import(text, &post).map_err(|e| match e {
        ImportError::NewerVersion(v) => {
            format!("it is a version {v} export, newer than this tool understands")
        }
        _ => "it is JSON but not a Goosebumps reply file or export".to_owned(),
    })?;
    let one = outline.comments.len() == 1;
    found.ids_in_files.extend(
        outline
            .comments
            .iter()
            .filter_map(|c| c.id.as_ref()?.as_str().and_then(CommentId::parse)),
    );
    for why in parsed.unreadable {
        // The form's own sentence where a rule of the form was broken.
        let why = match why {
            Refusal::Invalid(e) => e.message(Lang::En).to_owned(),
            other => other.to_string(),
        };
        found.refused.push(format!("{name}: {}", sentence(&why)));
    }
    for comment in parsed.comments {
        if comment.deleted {
            found.skipped.push(Skip::Deleted);
            continue;
        }
        found.candidates.push(Candidate {
            label: if one {
                name.to_owned()
            } else {
                format!("{name}: {}", comment.id)
            },
            date_text: comment.created_ms.to_string(),
            comment,
            origin: Origin::Reader,
            date_field: "`created_ms`",
        });
    }
    Ok(())
}

pub(crate) fn read_wxr(
    project: &Project,
    name: &str,
    text: &str,
    found: &mut Found,
) -> Result<(), String> {
    for c in wxr::read(text, |slug| project.knows(slug))? {
        match c {
            WpComment::Publish {
                wp_id,
                comment,
                date_field,
                date_text,
            } => found.candidates.push(Candidate {
                label: format!("{name}: comment {wp_id}"),
                comment: *comment,
                origin: Origin::WordPress,
                date_field: if date_field == "wp:comment_date" {
                    "`wp:comment_date`"
                } else {
                    "`wp:comment_date_gmt`"
                },
                date_text: one_line(&date_text, 40),
            }),
            WpComment::Skipped { wp_id, why } => {
                if let Some(n) = wp_id {
                    found.skipped_ids.insert(wordpress_id(n), why.clone());
                }
                found.skipped.push(why);
            }
            WpComment::Unreadable { wp_id, why } => {
                if let Ok(n) = wp_id.parse::<u64>() {
                    found.ids_in_files.insert(wordpress_id(n));
                }
                found.refused.push(format!(
                    "{name}: comment {}: {}",
                    one_line(&wp_id, 40),
                    sentence(&why)
                ))
            }
        }
    }
    Ok(())
}

/// A saved email: reply blocks in its text parts, attached reply files, and
/// emails attached to it in turn (see [`mail`]). It was found in `mails` emails
/// (0: it is a file of its own).
pub(crate) fn read_mail(
    project: &Project,
    name: &str,
    bytes: &[u8],
    found: &mut Found,
    mails: usize,
) -> Result<(), String> {
    if mails > MAX_NESTED_MAILS {
        found.refused.push(too_deep(name));
        return Ok(());
    }
    let before = found.candidates.len() + found.refused.len() + found.skipped.len();
    mail::read(project, name, bytes, found, mails)?;
    if found.candidates.len() + found.refused.len() + found.skipped.len() == before {
        return Err(
            "it is an email without a reply (no reply block, no attached reply file)".into(),
        );
    }
    Ok(())
}

pub(crate) fn too_deep(name: &str) -> String {
    format!(
        "{name}: It holds an email nested more than {MAX_NESTED_MAILS} deep (an email attached \
         to an email attached to …), which was not read."
    )
}
