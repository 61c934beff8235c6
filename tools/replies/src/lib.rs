//! `cargo xtask replies`: the owner publishes readers' replies.
//!
//! - `add [--dry-run] FILE…` reads reply files and whole exports (JSON), saved
//!   emails (`.eml`) and pasted mail text (`-` reads standard input) holding reply
//!   blocks, and WordPress exports (WXR), and adds what is new to
//!   `src/content/replies/<slug>.json`, by the form's rules;
//! - `list [SLUG]` shows the published threads;
//! - `remove [--dry-run] [--with-replies] ID` takes a reply back.
//!
//! `--root DIR` names the project (the folder with `src/content/posts/`); by
//! default the current folder. Every failure is a sentence naming the file.

mod html;
mod wxr;

pub use html::html_to_text;

use goosebumps::comments::export::{parse_import, ImportError, Refusal, FORMAT};
use goosebumps::comments::outbox::{iso_ms, read_blocks};
use goosebumps::comments::published::{
    file_name, parse_published, wordpress_id, PublishedFile, PublishedReply, REPLIES_DIR,
};
use goosebumps::comments::{Comment, CommentId};
use goosebumps::i18n::Lang;
use mail_parser::{MessageParser, MimeHeaders};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;
use wxr::{Skip, WpComment};

/// The folder of the posts, relative to the project's root.
pub const POSTS_DIR: &str = "src/content/posts";

/// Why a command did nothing. Each is one sentence naming what is at fault.
#[derive(Debug, Error)]
pub enum Error {
    #[error("{0}")]
    Usage(String),
    #[error("{dir} is not the project: it has no {POSTS_DIR}/ folder.")]
    NotTheProject { dir: String },
    #[error("{file} cannot be read: {why}.")]
    Unreadable { file: String, why: String },
    #[error("{file} is not a published replies file: {why}. Nothing was changed.")]
    BadPublished { file: String, why: String },
    #[error("{file} cannot be written: {why}.")]
    Unwritable { file: String, why: String },
    #[error("There is no post “{slug}” (the posts are: {known}).")]
    UnknownPost { slug: String, known: String },
    #[error("No published reply has the id “{id}”.")]
    NoSuchReply { id: String },
    #[error("{id} has {count} {replies} ({ids}): nothing was removed. Add --with-replies to remove {them} too.", replies = if *count == 1 { "reply" } else { "replies" }, them = if *count == 1 { "it" } else { "them" })]
    HasReplies {
        id: String,
        count: usize,
        ids: String,
    },
}

/// The usage text.
pub const USAGE: &str = "usage: cargo xtask replies <command>
  add [--dry-run] FILE…          publish replies from reply files, exports, emails (.eml),
                                 pasted text (- for standard input) and WordPress exports (WXR)
  list [SLUG]                    the published replies, by thread
  remove [--dry-run] [--with-replies] ID
                                 take a published reply back (with its replies, if asked)
  --root DIR                     the project's folder (default: the current folder)";

/// Runs the tool with `args` (without the program's name): what it did goes to
/// `out`, why it did nothing to `err`. Returns the exit code: 0, or 1 when
/// something was refused or nothing could be done.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command(args, stdin, out) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

struct Options {
    root: PathBuf,
    dry_run: bool,
    with_replies: bool,
    rest: Vec<String>,
}

fn options(args: &[String]) -> Result<Options, Error> {
    let mut o = Options {
        root: PathBuf::from("."),
        dry_run: false,
        with_replies: false,
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

fn say(out: &mut dyn Write, line: impl fmt::Display) {
    let _ = writeln!(out, "{line}");
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

/// A reply found in the inputs, with where it came from.
struct Candidate {
    /// `reply-….json`, `export.xml: comment 12`: how messages name it.
    label: String,
    comment: Comment,
    /// Reply files and emails carry the reader's email, checked as the form does;
    /// WordPress checked its comments' itself.
    require_email: bool,
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
        read_input(project, &name, &bytes, &mut found).map_err(|why| Error::Unreadable {
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

/// What kind of input `bytes` is, by its content (and a `.eml` name).
fn read_input(
    project: &Project,
    name: &str,
    bytes: &[u8],
    found: &mut Found,
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
        read_mail(project, name, bytes, found)
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
                require_email: true,
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
            comment,
            require_email: true,
        });
    }
    Ok(())
}

fn read_wxr(project: &Project, name: &str, text: &str, found: &mut Found) -> Result<(), String> {
    for c in wxr::read(text, |slug| project.knows(slug))? {
        match c {
            WpComment::Publish { wp_id, comment } => found.candidates.push(Candidate {
                label: format!("{name}: comment {wp_id}"),
                comment,
                require_email: false,
            }),
            WpComment::Skipped { wp_id, why } => {
                if let Some(n) = wp_id {
                    found.skipped_ids.insert(wordpress_id(n), why.clone());
                }
                found.skipped.push(why);
            }
            WpComment::Unreadable { wp_id, why } => found
                .refused
                .push(format!("{name}: comment {wp_id}: {}", sentence(&why))),
        }
    }
    Ok(())
}

/// A saved email: reply blocks in its text parts, and attached reply files.
fn read_mail(project: &Project, name: &str, bytes: &[u8], found: &mut Found) -> Result<(), String> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| "it is not an email".to_string())?;
    let before = found.candidates.len() + found.refused.len() + found.skipped.len();
    read_message(project, name, &message, found)?;
    if found.candidates.len() + found.refused.len() + found.skipped.len() == before {
        return Err(
            "it is an email without a reply (no reply block, no attached reply file)".into(),
        );
    }
    Ok(())
}

fn read_message(
    project: &Project,
    name: &str,
    message: &mail_parser::Message,
    found: &mut Found,
) -> Result<(), String> {
    // The plain text part; an HTML-only mail's text otherwise (the same block twice
    // in `multipart/alternative` would only be the same reply twice).
    let mut texts: Vec<String> = message
        .text_bodies()
        .filter(|p| !p.is_text_html())
        .filter_map(|p| p.text_contents().map(str::to_owned))
        .collect();
    if texts.is_empty() {
        texts = message
            .html_bodies()
            .filter_map(|p| p.text_contents().map(html_to_text))
            .collect();
    }
    for text in texts {
        read_text_blocks(name, &text, found);
    }
    for part in message.attachments() {
        if let Some(inner) = part.message() {
            read_message(project, name, inner, found)?;
            continue;
        }
        let file = part.attachment_name().unwrap_or("attachment");
        let label = format!("{name}: {file}");
        let lower = file.to_ascii_lowercase();
        if lower.ends_with(".json") || lower.ends_with(".xml") {
            read_input(project, &label, part.contents(), found)?;
        }
    }
    Ok(())
}

/// How `add` went.
#[derive(Default)]
struct Report {
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
        Skip::OtherType(kind) => format!("of type {kind}"),
        Skip::Deleted => "deleted".into(),
        Skip::UnknownPost => plural("for a post we do not have", "for posts we do not have"),
    }
}

impl fmt::Display for Report {
    /// `3 added, 1 already published, 2 skipped (1 pending, 1 pingback), 1 refused (reply-….json: Your comment is too long.)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} added, {} already published, {} skipped",
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
        write!(f, ", {} refused", self.refused.len())?;
        if !self.refused.is_empty() {
            write!(f, " ({})", self.refused.join(" "))?;
        }
        Ok(())
    }
}

fn add(
    project: &Project,
    o: &Options,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
) -> Result<i32, Error> {
    let mut published = project.all_published()?;
    let mut found = read_inputs(project, &o.rest, stdin)?;
    let mut report = Report {
        skipped: std::mem::take(&mut found.skipped),
        refused: std::mem::take(&mut found.refused),
        ..Report::default()
    };

    // New, checked replies per post, in input order; the same reply twice counts once.
    let mut new: Vec<(String, String, PublishedReply)> = Vec::new();
    let mut seen: HashMap<(String, CommentId), Comment> = HashMap::new();
    found
        .ids_in_files
        .extend(found.candidates.iter().map(|c| c.comment.id.clone()));
    for c in std::mem::take(&mut found.candidates) {
        let post = c.comment.post.clone();
        let Some(file) = published.get(&post) else {
            report.skipped.push(Skip::UnknownPost);
            continue;
        };
        if file.contains(&c.comment.id) {
            report.already += 1;
            continue;
        }
        let key = (post.clone(), c.comment.id.clone());
        if let Some(earlier) = seen.get(&key) {
            if earlier.content != c.comment.content || earlier.author != c.comment.author {
                report.refused.push(format!(
                    "{}: {}",
                    c.label,
                    sentence(&format!(
                        "another reply in these files has the same id {}",
                        c.comment.id
                    ))
                ));
            }
            continue;
        }
        seen.insert(key, c.comment.clone());
        match PublishedReply::from_comment(&c.comment, c.require_email) {
            Ok(reply) => new.push((c.label, post, reply)),
            Err(e) => report.refused.push(format!("{}: {e}", c.label)),
        }
    }

    // A reply is added when its parent is published or added (in any order of the files).
    let mut accepted: HashSet<(String, CommentId)> = HashSet::new();
    let mut pending = new;
    loop {
        let before = pending.len();
        let mut waiting = Vec::new();
        for (label, post, reply) in pending {
            let ok = match &reply.parent {
                None => true,
                Some(p) => {
                    p != &reply.id
                        && (published[&post].contains(p)
                            || accepted.contains(&(post.clone(), p.clone())))
                }
            };
            if ok {
                accepted.insert((post.clone(), reply.id.clone()));
                published
                    .get_mut(&post)
                    .expect("a known post")
                    .replies
                    .push(reply);
                report.added += 1;
            } else {
                waiting.push((label, post, reply));
            }
        }
        pending = waiting;
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    for (label, _, reply) in pending {
        let parent = reply.parent.expect("only replies wait for a parent");
        let why = match found.skipped_ids.get(&parent) {
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

    let changed: Vec<&PublishedFile> = published
        .values()
        .filter(|f| accepted.iter().any(|(post, _)| post == &f.post))
        .collect();
    for file in &changed {
        let added = accepted.iter().filter(|(p, _)| p == &file.post).count();
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

fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!("{}…", flat.chars().take(max - 1).collect::<String>())
    }
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
        fn walk(
            file: &PublishedFile,
            parent: Option<&CommentId>,
            depth: usize,
            out: &mut dyn Write,
        ) {
            for r in file.replies.iter().filter(|r| r.parent.as_ref() == parent) {
                let date = iso_ms(r.created_ms);
                say(
                    out,
                    format!(
                        "{}{}  {} {}  {}: {}",
                        "  ".repeat(depth + 1),
                        r.id,
                        &date[..10],
                        &date[11..16],
                        one_line(&r.author, 40),
                        one_line(&r.content, 60)
                    ),
                );
                walk(file, Some(&r.id), depth + 1, out);
            }
        }
        walk(&file, None, 0, out);
    }
    Ok(0)
}

// ---------------------------------------------------------------- remove

fn remove(project: &Project, o: &Options, id: &str, out: &mut dyn Write) -> Result<i32, Error> {
    let missing = || Error::NoSuchReply { id: id.to_owned() };
    let id = CommentId::parse(id).ok_or_else(missing)?;
    let published = project.all_published()?;
    let mut file = published
        .into_values()
        .find(|f| f.contains(&id))
        .ok_or_else(missing)?;
    let below = file.descendants(&id);
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
    file.replies
        .retain(|r| r.id != id && !below.contains(&r.id));
    let what = match below.len() {
        0 => id.to_string(),
        1 => format!("{id} and its reply {}", below[0]),
        n => format!(
            "{id} and its {n} replies ({})",
            below
                .iter()
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
