//! `cargo xtask replies`: the owner publishes readers' replies.
//!
//! - `add [--dry-run] FILE…` reads reply files and whole exports (JSON), saved
//!   emails (`.eml`) and pasted mail text (`-` reads standard input) holding reply
//!   blocks, and WordPress exports (WXR), and adds what is new to
//!   `src/content/replies/<slug>.json`, by the form's rules;
//! - `list [SLUG]` shows the published threads;
//! - `remove [--dry-run] [--with-replies] [--post SLUG] ID` takes a reply back.
//!
//! `--root DIR` names the project (the folder with `src/content/posts/`); by
//! default the current folder. Every failure is a sentence naming the file.
//!
//! What is published is trusted by the page, so what enters is bounded here:
//! dates from 1995-01-01 to a day after now ([`date_problem`]), ids in one
//! namespace each (`wp-…` is WordPress's), every reader's text shown to the
//! owner as it is ([`shown`]), emails inside emails followed
//! [`MAX_NESTED_MAILS`] deep, and `add` in O(n log n) of the replies.

mod html;
mod mail;
mod shown;
mod wxr;

pub use html::html_to_text;
pub use shown::{is_hidden, shown};

use goosebumps_core::comments::export::{parse_import, ImportError, Refusal, FORMAT};
use goosebumps_core::comments::outbox::read_blocks;
use goosebumps_core::comments::published::{
    date_problem, file_name, parse_published, wordpress_id, PublishedFile, PublishedReply,
    REPLIES_DIR,
};
use goosebumps_core::comments::{Comment, CommentId};
use goosebumps_core::i18n::Lang;
use goosebumps_core::time::iso_ms;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;
use wxr::{Skip, WpComment};

/// The folder of the posts, relative to the project's root.
pub const POSTS_DIR: &str = "src/content/posts";

/// How deep emails attached to an email (`message/rfc822`) are followed: the
/// saved email, and emails attached to it up to this many levels down. A
/// deeper one is not read, and a sentence says so.
pub const MAX_NESTED_MAILS: usize = 3;

/// `list` indents a reply this many levels at most (deeper ones line up with it).
pub const LIST_MAX_INDENT: usize = 5;

/// The prefix of the ids of comments imported from WordPress ([`wordpress_id`]).
const WORDPRESS_PREFIX: &str = "wp-";

/// Why a command did nothing. Each is one sentence naming what is at fault.
#[derive(Debug, Error)]
pub enum Error {
    /// The command line is not one the tool knows (the usage, or what is wrong).
    #[error("{0}")]
    Usage(String),
    /// The folder is not a Goosebumps project.
    #[error("{dir} is not the project: it has no {POSTS_DIR}/ folder.")]
    NotTheProject {
        /// The folder.
        dir: String,
    },
    /// A file named on the command line cannot be read.
    #[error("{file} cannot be read: {why}.")]
    Unreadable {
        /// The file.
        file: String,
        /// Why, as the system says it.
        why: String,
    },
    /// A published replies file does not parse.
    #[error("{file} is not a published replies file: {why}. Nothing was changed.")]
    BadPublished {
        /// The file.
        file: String,
        /// What is wrong with it.
        why: String,
    },
    /// A published replies file cannot be written.
    #[error("{file} cannot be written: {why}.")]
    Unwritable {
        /// The file.
        file: String,
        /// Why, as the system says it.
        why: String,
    },
    /// No post has this slug.
    #[error("There is no post “{slug}” (the posts are: {known}).")]
    UnknownPost {
        /// The slug asked for.
        slug: String,
        /// The posts there are, comma-separated.
        known: String,
    },
    /// No published reply has this id.
    #[error("No published reply has the id “{id}”.")]
    NoSuchReply {
        /// The id asked for.
        id: String,
    },
    /// The post named has no published reply with this id.
    #[error("The post “{slug}” has no published reply with the id “{id}”.")]
    NoSuchReplyOnPost {
        /// The id asked for.
        id: String,
        /// The post named.
        slug: String,
    },
    /// The id is published on several posts and none was named.
    #[error("{id} is published on {count} posts ({posts}): nothing was removed. Add --post SLUG to say which.")]
    OnSeveralPosts {
        /// The id asked for.
        id: String,
        /// On how many posts.
        count: usize,
        /// Their slugs, comma-separated.
        posts: String,
    },
    /// The reply has replies and `--with-replies` was not given.
    #[error("{id} has {count} {replies} ({ids}): nothing was removed. Add --with-replies to remove {them} too.", replies = if *count == 1 { "reply" } else { "replies" }, them = if *count == 1 { "it" } else { "them" })]
    HasReplies {
        /// The reply asked for.
        id: String,
        /// How many replies hang under it.
        count: usize,
        /// Their ids, comma-separated.
        ids: String,
    },
}

/// The usage text.
pub const USAGE: &str = "usage: cargo xtask replies <command>
  add [--dry-run] FILE…          publish replies from reply files, exports, emails (.eml),
                                 pasted text (- for standard input) and WordPress exports (WXR)
  list [SLUG]                    the published replies, by thread
  remove [--dry-run] [--with-replies] [--post SLUG] ID
                                 take a published reply back (with its replies, if asked;
                                 --post names the post when the id is on several)
  --root DIR                     the project's folder (default: the current folder)";

/// Runs the tool with `args` (without the program's name): what it did goes to
/// `out`, why it did nothing to `err`. Returns the exit code: 0, or 1 when
/// something was refused or nothing could be done. Every line but the usage
/// text is [`shown`]: it may quote a stranger's text.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command(args, stdin, out) {
        Ok(code) => code,
        Err(Error::Usage(usage)) => {
            let _ = writeln!(err, "{usage}");
            1
        }
        Err(e) => {
            let _ = writeln!(err, "{}", shown(&e.to_string()));
            1
        }
    }
}

struct Options {
    root: PathBuf,
    dry_run: bool,
    with_replies: bool,
    /// `remove --post SLUG`: the post to remove from.
    post: Option<String>,
    rest: Vec<String>,
}

fn options(args: &[String]) -> Result<Options, Error> {
    let mut o = Options {
        root: PathBuf::from("."),
        dry_run: false,
        with_replies: false,
        post: None,
        rest: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dry-run" => o.dry_run = true,
            "--with-replies" => o.with_replies = true,
            "--root" => {
                o.root = args
                    .next()
                    .map(PathBuf::from)
                    .ok_or_else(|| Error::Usage("--root needs a folder.".into()))?
            }
            "--post" => {
                o.post = Some(
                    args.next()
                        .cloned()
                        .ok_or_else(|| Error::Usage("--post needs a post's slug.".into()))?,
                )
            }
            "--help" | "-h" => return Err(Error::Usage(USAGE.into())),
            s if s.starts_with("--") || (s.starts_with('-') && s != "-") => {
                return Err(Error::Usage(format!("Unknown option {s}.\n{USAGE}")))
            }
            _ => o.rest.push(a.clone()),
        }
    }
    Ok(o)
}

fn command(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write) -> Result<i32, Error> {
    let mut o = options(args)?;
    if o.rest.is_empty() {
        return Err(Error::Usage(USAGE.into()));
    }
    let cmd = o.rest.remove(0);
    let project = Project::open(&o.root)?;
    match cmd.as_str() {
        "add" if !o.rest.is_empty() => add(&project, &o, stdin, out),
        "list" if o.rest.len() <= 1 => list(&project, o.rest.first().map(String::as_str), out),
        "remove" if o.rest.len() == 1 => remove(&project, &o, &o.rest[0], out),
        _ => Err(Error::Usage(USAGE.into())),
    }
}

/// Writes one line of what was done, [`shown`].
fn say(out: &mut dyn Write, line: impl fmt::Display) {
    let _ = writeln!(out, "{}", shown(&line.to_string()));
}

/// The project's posts and published replies.
struct Project {
    root: PathBuf,
    /// The slugs of `src/content/posts/*.json`, sorted.
    posts: Vec<String>,
}

impl Project {
    fn open(root: &Path) -> Result<Self, Error> {
        let dir = root.join(POSTS_DIR);
        let entries = std::fs::read_dir(&dir).map_err(|_| Error::NotTheProject {
            dir: root.display().to_string(),
        })?;
        let mut posts: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
            .collect();
        posts.sort();
        Ok(Self {
            root: root.to_owned(),
            posts,
        })
    }

    fn knows(&self, slug: &str) -> bool {
        self.posts.iter().any(|p| p == slug)
    }

    /// `src/content/replies/<slug>.json`, as messages name it.
    fn relative(slug: &str) -> String {
        format!("{REPLIES_DIR}/{}", file_name(slug))
    }

    fn published(&self, slug: &str) -> Result<PublishedFile, Error> {
        let path = self.root.join(REPLIES_DIR).join(file_name(slug));
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(PublishedFile::new(slug))
            }
            Err(e) => {
                return Err(Error::Unreadable {
                    file: Self::relative(slug),
                    why: e.to_string(),
                })
            }
        };
        let file =
            parse_published(&Self::relative(slug), &text).map_err(|e| Error::BadPublished {
                file: Self::relative(slug),
                why: e.to_string(),
            })?;
        if file.post != slug {
            return Err(Error::BadPublished {
                file: Self::relative(slug),
                why: format!("it names the post “{}”", file.post),
            });
        }
        Ok(file)
    }

    fn all_published(&self) -> Result<BTreeMap<String, PublishedFile>, Error> {
        self.posts
            .iter()
            .map(|slug| Ok((slug.clone(), self.published(slug)?)))
            .collect()
    }

    /// Writes `file` (through a temporary file, so a failure leaves the old one).
    fn write(&self, file: &PublishedFile) -> Result<(), Error> {
        let dir = self.root.join(REPLIES_DIR);
        let unwritable = |e: std::io::Error| Error::Unwritable {
            file: Self::relative(&file.post),
            why: e.to_string(),
        };
        std::fs::create_dir_all(&dir).map_err(unwritable)?;
        let path = dir.join(file_name(&file.post));
        let temp = dir.join(format!(".{}.tmp", file_name(&file.post)));
        std::fs::write(&temp, file.to_json()).map_err(unwritable)?;
        std::fs::rename(&temp, &path).map_err(unwritable)
    }
}

// ---------------------------------------------------------------- add

/// Who made a reply's id (and so which ids it may have).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// A reader's browser: reply files, exports, emails and pasted blocks. They
    /// carry the reader's email, checked as the form does, and never a `wp-` id.
    Reader,
    /// A WordPress export, which checked its comments' emails itself.
    WordPress,
}

/// A reply found in the inputs, with where it came from.
struct Candidate {
    /// `reply-….json`, `export.xml: comment 12`: how messages name it.
    label: String,
    comment: Comment,
    origin: Origin,
    /// The field its date was read from, as messages name it (`` `created_ms` ``,
    /// `` `date` ``, `` `wp:comment_date_gmt` ``), and the date as written there.
    date_field: &'static str,
    date_text: String,
}

/// What the inputs hold.
#[derive(Default)]
struct Found {
    candidates: Vec<Candidate>,
    skipped: Vec<Skip>,
    /// The id of every comment the files hold, added or not.
    ids_in_files: HashSet<CommentId>,
    /// The skipped comments that had an id (WordPress's), and why.
    skipped_ids: HashMap<CommentId, Skip>,
    /// Sentences: `reply-….json: Your comment is too long.`
    refused: Vec<String>,
}

fn sentence(text: &str) -> String {
    let mut s = text.trim().to_owned();
    if let Some(first) = s.chars().next() {
        s.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

fn display_name(path: &str) -> String {
    if path == "-" {
        "standard input".into()
    } else {
        path.to_owned()
    }
}

/// Reads every input before anything is decided: one unreadable file stops it all.
fn read_inputs(project: &Project, paths: &[String], stdin: &mut dyn Read) -> Result<Found, Error> {
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

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "it is a folder".into(),
        _ => e.to_string(),
    }
}

/// What kind of input `bytes` is, by its content (and a `.eml` name). `mails` is
/// how many emails it was found in (0 for a file named on the command line).
fn read_input(
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
fn looks_like_mail(bytes: &[u8]) -> bool {
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
fn read_text_blocks(name: &str, text: &str, found: &mut Found) -> usize {
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
struct Outline {
    format: Option<String>,
    post: Option<String>,
    #[serde(default)]
    comments: Vec<OutlineComment>,
}

#[derive(serde::Deserialize)]
struct OutlineComment {
    #[serde(default)]
    id: Option<serde_json::Value>,
}

/// A reply file (`reply-<post>-<id>.json`) or a whole export.
fn read_export(project: &Project, name: &str, text: &str, found: &mut Found) -> Result<(), String> {
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

fn read_wxr(project: &Project, name: &str, text: &str, found: &mut Found) -> Result<(), String> {
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
fn read_mail(
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

fn too_deep(name: &str) -> String {
    format!(
        "{name}: It holds an email nested more than {MAX_NESTED_MAILS} deep (an email attached \
         to an email attached to …), which was not read."
    )
}

/// How `add` went.
#[derive(Default)]
struct Report {
    /// A dry run: the words say what would be done.
    dry_run: bool,
    added: usize,
    already: usize,
    skipped: Vec<Skip>,
    refused: Vec<String>,
}

fn skip_words(skip: &Skip, n: usize) -> String {
    let plural = |one: &str, many: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            many.to_owned()
        }
    };
    match skip {
        Skip::Pending => "pending".into(),
        Skip::Trash => "in the trash".into(),
        Skip::Spam => "spam".into(),
        Skip::Pingback => plural("pingback", "pingbacks"),
        Skip::Trackback => plural("trackback", "trackbacks"),
        Skip::OtherType(kind) => format!("of type {}", one_line(kind, 40)),
        Skip::Deleted => "deleted".into(),
        Skip::UnknownPost => plural("for a post we do not have", "for posts we do not have"),
    }
}

impl fmt::Display for Report {
    /// `3 added, 1 already published, 2 skipped (1 pending, 1 pingback), 1 refused (reply-….json: Your comment is too long.)`;
    /// a dry run's: `3 would be added, 1 already published, 2 would be skipped (…), 1 would be refused (…)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let would = if self.dry_run { "would be " } else { "" };
        write!(
            f,
            "{} {would}added, {} already published, {} {would}skipped",
            self.added,
            self.already,
            self.skipped.len()
        )?;
        if !self.skipped.is_empty() {
            let mut counts: BTreeMap<&Skip, usize> = BTreeMap::new();
            for s in &self.skipped {
                *counts.entry(s).or_default() += 1;
            }
            let parts: Vec<String> = counts
                .iter()
                .map(|(s, n)| format!("{n} {}", skip_words(s, *n)))
                .collect();
            write!(f, " ({})", parts.join(", "))?;
        }
        write!(f, ", {} {would}refused", self.refused.len())?;
        if !self.refused.is_empty() {
            write!(f, " ({})", self.refused.join(" "))?;
        }
        Ok(())
    }
}

/// The time now, in milliseconds since the epoch (`None` if the clock is unset).
fn now_ms() -> Option<i64> {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    i64::try_from(since.as_millis()).ok()
}

/// Why `c`'s date cannot be published (before 1995, or after a day from now).
fn date_refusal(c: &Candidate, now: Option<i64>) -> Option<String> {
    let ms = c.comment.created_ms;
    let problem = date_problem(ms, now)?;
    // `date_problem` names `created_ms` and the number; the reason follows them.
    let number = format!("{ms} ");
    let why = problem
        .split_once(&number)
        .map_or(problem.as_str(), |(_, why)| why);
    Some(sentence(&format!(
        "its {} ({}) {why}",
        c.date_field, c.date_text
    )))
}

/// The same comment: a published reply and WordPress's comment of the same id,
/// by what the page shows of them (the author and the text, as published).
fn same_comment(published: &PublishedReply, comment: &Comment) -> bool {
    PublishedReply::from_comment(comment, false)
        .is_ok_and(|r| r.author == published.author && r.content == published.content)
}

fn add(
    project: &Project,
    o: &Options,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
) -> Result<i32, Error> {
    let mut published = project.all_published()?;
    let mut found = read_inputs(project, &o.rest, stdin)?;
    let now = now_ms();
    let mut report = Report {
        dry_run: o.dry_run,
        skipped: std::mem::take(&mut found.skipped),
        refused: std::mem::take(&mut found.refused),
        ..Report::default()
    };

    // Where each published id is: its post and its place there. (An id is on one
    // post; a file edited by hand may have put it on two.)
    let mut where_published: HashMap<CommentId, Vec<(String, usize)>> = HashMap::new();
    for (slug, file) in &published {
        for (at, r) in file.replies.iter().enumerate() {
            where_published
                .entry(r.id.clone())
                .or_default()
                .push((slug.clone(), at));
        }
    }
    let is_published_on = |post: &str, id: &CommentId| {
        where_published
            .get(id)
            .is_some_and(|places| places.iter().any(|(p, _)| p == post))
    };

    // New, checked replies, in input order; the same reply twice counts once.
    let mut new: Vec<(String, String, PublishedReply)> = Vec::new();
    let mut seen: HashMap<CommentId, (String, String, String)> = HashMap::new();
    found
        .ids_in_files
        .extend(found.candidates.iter().map(|c| c.comment.id.clone()));
    for c in std::mem::take(&mut found.candidates) {
        let post = c.comment.post.clone();
        let id = &c.comment.id;
        let refuse = |why: String| format!("{}: {}", c.label, sentence(&why));
        if !published.contains_key(&post) {
            report.skipped.push(Skip::UnknownPost);
            continue;
        }
        if c.origin == Origin::Reader && id.as_str().starts_with(WORDPRESS_PREFIX) {
            report.refused.push(refuse(format!(
                "it uses the id {id}, which is kept for comments imported from WordPress"
            )));
            continue;
        }
        if let Some(places) = where_published.get(id) {
            match places.iter().find(|(p, _)| *p == post) {
                Some((_, at)) => {
                    let there = &published[&post].replies[*at];
                    if c.origin == Origin::WordPress && !same_comment(there, &c.comment) {
                        report.refused.push(refuse(format!(
                            "it conflicts with the published reply {id} ({}), which has another \
                             author or text",
                            Project::relative(&post)
                        )));
                    } else {
                        report.already += 1;
                    }
                }
                None => {
                    let (other, _) = &places[0];
                    report.refused.push(refuse(format!(
                        "its id {id} is already published on another post ({})",
                        Project::relative(other)
                    )));
                }
            }
            continue;
        }
        if let Some((earlier_post, author, content)) = seen.get(id) {
            if *earlier_post != post || *content != c.comment.content || *author != c.comment.author
            {
                report.refused.push(refuse(format!(
                    "another reply in these files has the same id {id}"
                )));
            }
            continue;
        }
        seen.insert(
            id.clone(),
            (
                post.clone(),
                c.comment.author.clone(),
                c.comment.content.clone(),
            ),
        );
        if let Some(why) = date_refusal(&c, now) {
            report.refused.push(format!("{}: {why}", c.label));
            continue;
        }
        match PublishedReply::from_comment(&c.comment, c.origin == Origin::Reader) {
            Ok(reply) => new.push((c.label, post, reply)),
            Err(e) => report.refused.push(format!("{}: {e}", c.label)),
        }
    }

    // A reply is added when its parent is published or added (in any order of the
    // files): from the replies whose parent is published (or that have none), each
    // added reply lets its own replies in. One pass, O(n) with the map.
    let mut waiting_for: HashMap<(&str, &CommentId), Vec<usize>> = HashMap::new();
    let mut ready: VecDeque<usize> = VecDeque::new();
    for (i, (_, post, reply)) in new.iter().enumerate() {
        match &reply.parent {
            None => ready.push_back(i),
            Some(p) if p != &reply.id && is_published_on(post, p) => ready.push_back(i),
            Some(p) => waiting_for.entry((post.as_str(), p)).or_default().push(i),
        }
    }
    let mut accepted = vec![false; new.len()];
    while let Some(i) = ready.pop_front() {
        accepted[i] = true;
        let (_, post, reply) = &new[i];
        if let Some(replies) = waiting_for.remove(&(post.as_str(), &reply.id)) {
            ready.extend(replies);
        }
    }
    drop(waiting_for);

    let mut added_to: BTreeMap<String, usize> = BTreeMap::new();
    for ((label, post, reply), accepted) in new.into_iter().zip(accepted) {
        if accepted {
            *added_to.entry(post.clone()).or_default() += 1;
            if let Some(file) = published.get_mut(&post) {
                file.replies.push(reply);
                report.added += 1;
            }
            continue;
        }
        let Some(parent) = reply.parent else {
            continue; // (every reply without a parent is accepted)
        };
        let why = match found.skipped_ids.get(&parent) {
            _ if parent == reply.id => "It answers itself.".to_owned(),
            Some(skip) => format!(
                "Its parent comment {parent} was skipped ({}).",
                skip_words(skip, 1)
            ),
            None if found.ids_in_files.contains(&parent) => {
                format!("Its parent comment {parent} could not be added.")
            }
            None => format!("Its parent comment {parent} is neither published nor in these files."),
        };
        report.refused.push(format!("{label}: {why}"));
    }

    for (post, added) in &added_to {
        let Some(file) = published.get(post) else {
            continue;
        };
        if o.dry_run {
            say(
                out,
                format!("Would add {added} to {}.", Project::relative(&file.post)),
            );
        } else {
            project.write(file)?;
            say(
                out,
                format!("Added {added} to {}.", Project::relative(&file.post)),
            );
        }
    }
    say(out, &report);
    if o.dry_run {
        say(out, "Dry run: nothing was written.");
    }
    Ok(if report.refused.is_empty() { 0 } else { 1 })
}

// ---------------------------------------------------------------- list

/// `text` on one line (white space runs made one space), at most `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!(
            "{}…",
            flat.chars().take(max.saturating_sub(1)).collect::<String>()
        )
    }
}

/// One reply as `list` shows it, `depth` levels down its thread (0: it starts
/// one), indented at most [`LIST_MAX_INDENT`] levels.
fn list_line(r: &PublishedReply, depth: usize) -> String {
    // Any number is a date (`iso_ms` prints every one); the day and the minute are
    // what comes before and after the `T`, however long the year.
    let date = iso_ms(r.created_ms);
    let (day, time) = date.split_once('T').unwrap_or((date.as_str(), ""));
    format!(
        "{}{}  {} {}  {}: {}",
        "  ".repeat(depth.min(LIST_MAX_INDENT - 1) + 1),
        r.id,
        day,
        time.get(..5).unwrap_or(time),
        one_line(&r.author, 40),
        one_line(&r.content, 60)
    )
}

fn list(project: &Project, slug: Option<&str>, out: &mut dyn Write) -> Result<i32, Error> {
    let slugs: Vec<String> = match slug {
        Some(s) if project.knows(s) => vec![s.to_owned()],
        Some(s) => {
            return Err(Error::UnknownPost {
                slug: s.to_owned(),
                known: project.posts.join(", "),
            })
        }
        None => project.posts.clone(),
    };
    for slug in slugs {
        let mut file = project.published(&slug)?;
        file.sort();
        let n = file.replies.len();
        say(
            out,
            format!("{slug}: {n} {}", if n == 1 { "reply" } else { "replies" }),
        );
        // Each thread depth first, oldest first at each level: a stack, not recursion
        // (a thread may be thousands deep).
        let mut replies_to: HashMap<Option<&CommentId>, Vec<&PublishedReply>> = HashMap::new();
        for r in &file.replies {
            replies_to.entry(r.parent.as_ref()).or_default().push(r);
        }
        let mut listed: HashSet<&CommentId> = HashSet::new();
        let mut stack: Vec<(&PublishedReply, usize)> = replies_to
            .get(&None)
            .map(|top| top.iter().rev().map(|r| (*r, 0)).collect())
            .unwrap_or_default();
        while let Some((r, depth)) = stack.pop() {
            if !listed.insert(&r.id) {
                continue;
            }
            say(out, list_line(r, depth));
            if let Some(replies) = replies_to.get(&Some(&r.id)) {
                stack.extend(replies.iter().rev().map(|c| (*c, depth + 1)));
            }
        }
        // Replies no thread reaches: they answer each other in a loop (a file
        // edited by hand); listed all the same.
        let stray: Vec<&PublishedReply> = file
            .replies
            .iter()
            .filter(|r| !listed.contains(&r.id))
            .collect();
        if !stray.is_empty() {
            say(out, "  In a loop (each answers another of these):");
            for r in stray {
                say(out, list_line(r, 1));
            }
        }
    }
    Ok(0)
}

// ---------------------------------------------------------------- remove

/// The replies to `id` in `file`, then theirs, and so on (in file order within
/// each level), as [`PublishedFile::descendants`] finds them, in O(n) with a map
/// (that one compares every reply with every parent found). `id` itself is never
/// one of them, even in a loop.
fn descendants(file: &PublishedFile, id: &CommentId) -> Vec<CommentId> {
    let mut replies_to: HashMap<&CommentId, Vec<&CommentId>> = HashMap::new();
    for r in &file.replies {
        if let Some(p) = &r.parent {
            replies_to.entry(p).or_default().push(&r.id);
        }
    }
    let mut found: Vec<CommentId> = Vec::new();
    let mut seen: HashSet<&CommentId> = HashSet::from([id]);
    let mut frontier = vec![id];
    while let Some(parent) = frontier.pop() {
        for &child in replies_to.get(parent).into_iter().flatten() {
            if seen.insert(child) {
                found.push(child.clone());
                frontier.push(child);
            }
        }
    }
    found
}

fn remove(project: &Project, o: &Options, id: &str, out: &mut dyn Write) -> Result<i32, Error> {
    let missing = || Error::NoSuchReply { id: id.to_owned() };
    let id = CommentId::parse(id).ok_or_else(missing)?;
    let mut file = match &o.post {
        Some(slug) => {
            if !project.knows(slug) {
                return Err(Error::UnknownPost {
                    slug: slug.clone(),
                    known: project.posts.join(", "),
                });
            }
            let file = project.published(slug)?;
            if !file.contains(&id) {
                return Err(Error::NoSuchReplyOnPost {
                    id: id.to_string(),
                    slug: slug.clone(),
                });
            }
            file
        }
        None => {
            let mut holding: Vec<PublishedFile> = project
                .all_published()?
                .into_values()
                .filter(|f| f.contains(&id))
                .collect();
            if holding.len() > 1 {
                return Err(Error::OnSeveralPosts {
                    id: id.to_string(),
                    count: holding.len(),
                    posts: holding
                        .iter()
                        .map(|f| f.post.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
            holding.pop().ok_or_else(missing)?
        }
    };
    let below = descendants(&file, &id);
    if !below.is_empty() && !o.with_replies {
        return Err(Error::HasReplies {
            id: id.to_string(),
            count: below.len(),
            ids: below
                .iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let gone: HashSet<&CommentId> = below.iter().chain([&id]).collect();
    file.replies.retain(|r| !gone.contains(&r.id));
    let what = match below.as_slice() {
        [] => id.to_string(),
        [one] => format!("{id} and its reply {one}"),
        all => format!(
            "{id} and its {} replies ({})",
            all.len(),
            all.iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let target = Project::relative(&file.post);
    if o.dry_run {
        say(out, format!("Would remove {what} from {target}."));
        say(out, "Dry run: nothing was written.");
    } else {
        project.write(&file)?;
        say(out, format!("Removed {what} from {target}."));
    }
    Ok(0)
}
