//! The export file (every comment of a post, with its history, and the open drafts)
//! and how an imported file is checked and merged.

use super::model::RESERVED_ID_REASON;
use super::thread::{Index, MAX_DEPTH};
use super::validation::{validate, FieldError};
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
    /// The comment the draft answers; `None` for a new comment.
    pub reply_to: Option<CommentId>,
    /// What was typed.
    pub draft: Draft,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
/// The export file as written: every comment of a post, with its history, and the open drafts.
pub struct ExportFile<'a> {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// Always [`VERSION`].
    pub version: u32,
    /// The post's slug.
    pub post: &'a str,
    /// ISO 8601, UTC.
    pub exported_at: String,
    /// Every comment, with its edit history.
    pub comments: &'a [Comment],
    /// The drafts open when the file was made.
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
    /// Not an export of this app (another app's JSON, or not JSON).
    NotAnExport,
    /// An export of a newer version than this page reads.
    NewerVersion(u32),
    /// An export of another post (its slug).
    OtherPost(String),
}

impl ImportError {
    /// The sentence the page says, in `lang`.
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
    /// The comments the file holds, each checked.
    pub comments: Vec<Comment>,
    /// The drafts the file holds.
    pub drafts: Vec<ExportedDraft>,
    /// One reason per comment that could not be read.
    pub unreadable: Vec<Refusal>,
}

/// Why one comment of an imported file was not taken. The page counts them by
/// reason (a file of 10,000 bad comments is one sentence, not 10,000).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Refusal {
    /// Not a comment this app can read.
    Unreadable,
    /// Its id is one the page itself uses (see [`super::model::RESERVED_IDS`]).
    ReservedId,
    /// The same id twice in the file.
    Twice,
    /// It belongs to another post.
    OtherPost,
    /// It breaks a rule of the form (WordPress's), as the form would say.
    Invalid(FieldError),
    /// Its replies go round in a loop (`a` answers `b`, which answers `a`).
    Loop,
    /// It answers a comment that is neither here nor in the file.
    MissingParent,
    /// The browser would not store it (full or blocked storage).
    NotStored,
}

impl Refusal {
    /// Why one imported comment was not taken, in a few words.
    pub fn message(&self, lang: Lang) -> &'static str {
        let en = lang == Lang::En;
        match self {
            Refusal::Unreadable if en => "not a comment this page can read",
            Refusal::Unreadable => "no es un comentario que esta página pueda leer",
            Refusal::ReservedId if en => "an id the page itself uses",
            Refusal::ReservedId => "un id que usa la propia página",
            Refusal::Twice if en => "the same id twice",
            Refusal::Twice => "el mismo id dos veces",
            Refusal::OtherPost if en => "belongs to another post",
            Refusal::OtherPost => "es de otra entrada",
            Refusal::Invalid(e) => e.message(lang).trim_end_matches('.'),
            Refusal::Loop if en => "replies that answer each other in a loop",
            Refusal::Loop => "respuestas que se responden en bucle",
            Refusal::MissingParent if en => "a reply to a comment that is not here",
            Refusal::MissingParent => "respuesta a un comentario que no está",
            Refusal::NotStored if en => "your browser would not store it",
            Refusal::NotStored => "tu navegador no lo guardó",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En))
    }
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
    for value in envelope.comments {
        match check_comment(value, post) {
            Ok(c) if seen.insert(c.id.clone()) => parsed.comments.push(c),
            Ok(_) => parsed.unreadable.push(Refusal::Twice),
            Err(why) => parsed.unreadable.push(why),
        }
    }
    parsed.drafts = envelope
        .drafts
        .into_iter()
        .filter_map(|d| serde_json::from_str(d.get()).ok())
        .collect();
    Ok(parsed)
}

fn check_comment(value: &RawValue, post: &str) -> Result<Comment, Refusal> {
    let comment: Comment = serde_json::from_str(value.get()).map_err(|e| {
        if e.to_string().contains(RESERVED_ID_REASON) {
            Refusal::ReservedId
        } else {
            Refusal::Unreadable
        }
    })?;
    if comment.post != post {
        return Err(Refusal::OtherPost);
    }
    if comment.parent_id.as_ref() == Some(&comment.id) {
        return Err(Refusal::Loop);
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
            return Err(Refusal::Invalid(errors[0].1));
        }
    }
    Ok(comment)
}

/// How an import went, in the words the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// How many comments were added.
    pub imported: usize,
    /// How many were here already (by id).
    pub already_here: usize,
    /// Comments not taken, counted by reason, in the order of [`Refusal`].
    /// (A short sorted list, not a map: there are a handful of reasons.)
    pub refused: Vec<(Refusal, usize)>,
    /// Replies nested deeper than [`MAX_DEPTH`], moved up to answer the comment
    /// at depth `MAX_DEPTH - 1` of their thread (as WordPress shows them).
    pub moved_up: usize,
}

impl ImportReport {
    /// Counts one comment refused for `why`.
    pub fn refuse(&mut self, why: Refusal) {
        match self.refused.iter().position(|(r, _)| *r >= why) {
            Some(at) if self.refused[at].0 == why => self.refused[at].1 += 1,
            Some(at) => self.refused.insert(at, (why, 1)),
            None => self.refused.push((why, 1)),
        }
    }

    /// How many comments were refused for `why`.
    pub fn refused_for(&self, why: &Refusal) -> usize {
        self.refused
            .iter()
            .find(|(r, _)| r == why)
            .map_or(0, |(_, n)| *n)
    }

    /// How many comments were not taken.
    pub fn refused_count(&self) -> usize {
        self.refused.iter().map(|(_, n)| n).sum()
    }

    /// How an import went: "N imported, M already here, K could not be read (2 × why; 1 × why)."
    /// Refusals are counted by reason, so the sentence stays short whatever the file.
    pub fn message(&self, lang: Lang) -> String {
        let report = self;
        let (imported, already, k) = (report.imported, report.already_here, report.refused_count());
        let mut out = match (lang, imported == 1, already == 1) {
            (Lang::En, _, _) => {
                format!("{imported} imported, {already} already here, {k} could not be read")
            }
            (Lang::Es, one, one_here) => format!(
                "{imported} {}, {already} {}, {k} no se {} leer",
                if one { "importado" } else { "importados" },
                if one_here { "ya estaba" } else { "ya estaban" },
                if k == 1 { "pudo" } else { "pudieron" },
            ),
        };
        if k > 0 {
            let reasons: Vec<String> = report
                .refused
                .iter()
                .map(|(why, n)| format!("{n} × {}", why.message(lang)))
                .collect();
            out.push_str(&format!(" ({})", reasons.join("; ")));
        }
        out.push('.');
        if report.moved_up > 0 {
            let n = report.moved_up;
            out.push(' ');
            out.push_str(&match (lang, n) {
                (Lang::En, 1) => {
                    "1 reply nested deeper than 5 levels was moved up to the fifth.".to_owned()
                }
                (Lang::En, n) => {
                    format!("{n} replies nested deeper than 5 levels were moved up to the fifth.")
                }
                (Lang::Es, 1) => {
                    "1 respuesta anidada a más de 5 niveles se ha subido al quinto.".to_owned()
                }
                (Lang::Es, n) => {
                    format!("{n} respuestas anidadas a más de 5 niveles se han subido al quinto.")
                }
            });
        }
        out
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Splits parsed comments into those to store and those already in `here` (by
/// id), and makes the new ones fit the threads: a reply loop is refused whole,
/// a reply to a comment neither here nor in the file is refused (and so are its
/// own replies), and a reply deeper than [`MAX_DEPTH`] is moved up to it.
pub fn merge(parsed: Parsed, here: &Index) -> (Vec<Comment>, ImportReport) {
    let mut report = ImportReport::default();
    for why in parsed.unreadable {
        report.refuse(why);
    }
    let (old, new): (Vec<Comment>, Vec<Comment>) = parsed
        .comments
        .into_iter()
        .partition(|c| here.contains(&c.id));
    report.already_here = old.len();
    // Sorted by id, searched by halves (the app's one sort, no map type more).
    let mut parent_of: Vec<(&CommentId, Option<&CommentId>)> =
        new.iter().map(|c| (&c.id, c.parent_id.as_ref())).collect();
    super::order::sort_by_number_and_text(&mut parent_of, |(id, _)| (0, id.as_str()));
    // The parent of any comment, here or in the file.
    let parent = |id: &CommentId| -> Option<Option<CommentId>> {
        match parent_of.binary_search_by(|(k, _)| (*k).cmp(id)) {
            Ok(at) => Some(parent_of[at].1.cloned()),
            Err(_) => here.get(id).map(|e| e.parent.clone()),
        }
    };
    // Each new comment's chain up to its thread's first comment: ok with its
    // ancestors (nearest first), or why not.
    let chain = |id: &CommentId| -> Result<Vec<CommentId>, Refusal> {
        let mut ancestors: Vec<CommentId> = Vec::new();
        let mut at = id.clone();
        loop {
            match parent(&at) {
                None => return Err(Refusal::MissingParent),
                Some(None) => return Ok(ancestors),
                Some(Some(p)) => {
                    if p == *id || ancestors.contains(&p) {
                        return Err(Refusal::Loop);
                    }
                    ancestors.push(p.clone());
                    at = p;
                }
            }
        }
    };
    let verdicts: Vec<_> = new.iter().map(|c| chain(&c.id)).collect();
    let mut kept = Vec::with_capacity(new.len());
    for (mut comment, verdict) in new.into_iter().zip(verdicts) {
        match verdict {
            Err(why) => report.refuse(why),
            Ok(ancestors) => {
                // Depth = ancestors + 1; above MAX_DEPTH, answer the ancestor at MAX_DEPTH - 1.
                if ancestors.len() >= MAX_DEPTH {
                    comment.parent_id = Some(ancestors[ancestors.len() - (MAX_DEPTH - 1)].clone());
                    report.moved_up += 1;
                }
                kept.push(comment);
            }
        }
    }
    report.imported = kept.len();
    (kept, report)
}
