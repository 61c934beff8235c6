//! The export file (every comment of a post, with its history, and the open drafts)
//! and how an imported file is checked and merged.

use super::validation::validate;
use super::{Comment, CommentId, Draft};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::fmt;
use thiserror::Error;

/// Names the file's kind, so another app's JSON is not mistaken for ours.
pub const FORMAT: &str = "goosebumps-comments";
/// The export format version.
pub const VERSION: u32 = 1;

/// A draft as exported: which form it belongs to (`None`: a new comment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedDraft {
    pub reply_to: Option<CommentId>,
    pub draft: Draft,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportFile<'a> {
    pub format: &'static str,
    pub version: u32,
    pub post: &'a str,
    /// ISO 8601, UTC.
    pub exported_at: String,
    pub comments: &'a [Comment],
    pub drafts: &'a [ExportedDraft],
}

/// The exported JSON, pretty-printed so a reader can look inside.
pub fn export_json(
    post: &str,
    exported_at: String,
    comments: &[Comment],
    drafts: &[ExportedDraft],
) -> String {
    let file = ExportFile {
        format: FORMAT,
        version: VERSION,
        post,
        exported_at,
        comments,
        drafts,
    };
    serde_json::to_string_pretty(&file).expect("an export serializes")
}

/// `goosebumps-comments-<post>-<date>.json`, the date as `YYYY-MM-DD`.
pub fn export_file_name(post: &str, iso_date: &str) -> String {
    format!(
        "goosebumps-comments-{post}-{}.json",
        iso_date.get(..10).unwrap_or(iso_date)
    )
}

/// Why a whole file was refused. Nothing is changed then.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.message(Lang::En))]
pub enum ImportError {
    /// With the parser's reason, for the record.
    NotJson(String),
    NotAnExport,
    NewerVersion(u32),
    OtherPost(String),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> &'static str {
        let t = lang.strings();
        match self {
            ImportError::NotJson(_) => t.import_not_json,
            ImportError::NotAnExport => t.import_not_export,
            ImportError::NewerVersion(_) => t.import_newer,
            ImportError::OtherPost(_) => t.import_other_post,
        }
    }
}

/// What a file holds that can be imported, and what could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub comments: Vec<Comment>,
    pub drafts: Vec<ExportedDraft>,
    /// One reason per comment that could not be read.
    pub unreadable: Vec<String>,
}

/// The file's outline; each comment and draft is kept as its JSON text and read on
/// its own (with the same parser the stored records use, so the app has one copy
/// of it, not a second one for `serde_json::Value`).
#[derive(Deserialize)]
struct Envelope<'a> {
    format: String,
    version: u32,
    post: String,
    #[serde(default, borrow)]
    comments: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    drafts: Vec<&'a RawValue>,
}

/// Reads an export for `post`: the file as a whole must be ours; each comment is
/// then checked on its own, so one bad comment does not spoil the rest.
pub fn parse_import(text: &str, post: &str) -> Result<Parsed, ImportError> {
    let _: &RawValue =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let envelope: Envelope = serde_json::from_str(text).map_err(|_| ImportError::NotAnExport)?;
    if envelope.format != FORMAT {
        return Err(ImportError::NotAnExport);
    }
    if envelope.version > VERSION {
        return Err(ImportError::NewerVersion(envelope.version));
    }
    if envelope.post != post {
        return Err(ImportError::OtherPost(envelope.post));
    }
    let mut parsed = Parsed::default();
    let mut seen = HashSet::new();
    for (n, value) in envelope.comments.into_iter().enumerate() {
        match check_comment(value, post) {
            Ok(c) if seen.insert(c.id.clone()) => parsed.comments.push(c),
            Ok(c) => {
                parsed
                    .unreadable
                    .push(format!("comment {}: id {} appears twice", n + 1, c.id))
            }
            Err(why) => parsed.unreadable.push(format!("comment {}: {why}", n + 1)),
        }
    }
    parsed.drafts = envelope
        .drafts
        .into_iter()
        .filter_map(|d| serde_json::from_str(d.get()).ok())
        .collect();
    Ok(parsed)
}

fn check_comment(value: &RawValue, post: &str) -> Result<Comment, String> {
    let comment: Comment = serde_json::from_str(value.get()).map_err(|e| {
        // The position is within the comment's own text, which the reader never sees.
        let why = e.to_string();
        match why.rsplit_once(" at line ") {
            Some((why, _)) => why.to_owned(),
            None => why,
        }
    })?;
    if comment.post != post {
        return Err(format!("belongs to another post (“{}”)", comment.post));
    }
    if comment.parent_id.as_ref() == Some(&comment.id) {
        return Err("replies to itself".into());
    }
    if !comment.deleted {
        let as_typed = Draft {
            comment: comment.content.clone(),
            author: comment.author.clone(),
            email: comment.email.clone(),
            url: comment.url.clone().unwrap_or_default(),
            remember: false,
        };
        if let Err(errors) = validate(&as_typed) {
            return Err(errors[0].1.to_string());
        }
    }
    Ok(comment)
}

/// How an import went, in the words the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub imported: usize,
    pub already_here: usize,
    pub unreadable: Vec<String>,
}

impl ImportReport {
    pub fn message(&self, lang: Lang) -> String {
        lang.import_report(self.imported, self.already_here, &self.unreadable)
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Splits parsed comments into those to store and those already here (by id).
pub fn merge(parsed: Parsed, is_here: impl Fn(&CommentId) -> bool) -> (Vec<Comment>, ImportReport) {
    let (here, new): (Vec<Comment>, Vec<Comment>) =
        parsed.comments.into_iter().partition(|c| is_here(&c.id));
    let report = ImportReport {
        imported: new.len(),
        already_here: here.len(),
        unreadable: parsed.unreadable,
    };
    (new, report)
}
