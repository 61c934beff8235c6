//! The commands: `add` (with its report), `list` and `remove`.

use crate::inputs::wxr::Skip;
use crate::inputs::*;
use crate::project::*;
use crate::shown::one_line;
use crate::*;
use goosebumps_core::comments::published::{date_problem, PublishedFile, PublishedReply};
use goosebumps_core::comments::{Comment, CommentId};
use goosebumps_core::time::iso_ms;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt;
use std::io::{Read, Write};
use std::path::PathBuf;

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

pub(crate) fn skip_words(skip: &Skip, n: usize) -> String {
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
pub(crate) fn now_ms() -> Option<i64> {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    i64::try_from(since.as_millis()).ok()
}

/// Why `c`'s date cannot be published (before 1995, or after a day from now).
pub(crate) fn date_refusal(c: &Candidate, now: Option<i64>) -> Option<String> {
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
pub(crate) fn same_comment(published: &PublishedReply, comment: &Comment) -> bool {
    PublishedReply::from_comment(comment, false)
        .is_ok_and(|r| r.author == published.author && r.content == published.content)
}

pub(crate) fn add(
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

/// One reply as `list` shows it, `depth` levels down its thread (0: it starts
/// one), indented at most [`LIST_MAX_INDENT`] levels.
pub(crate) fn list_line(r: &PublishedReply, depth: usize) -> String {
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

pub(crate) fn list(
    project: &Project,
    slug: Option<&str>,
    out: &mut dyn Write,
) -> Result<i32, Error> {
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
pub(crate) fn descendants(file: &PublishedFile, id: &CommentId) -> Vec<CommentId> {
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

pub(crate) fn remove(
    project: &Project,
    o: &Options,
    id: &str,
    out: &mut dyn Write,
) -> Result<i32, Error> {
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

pub(crate) struct Options {
    pub(crate) root: PathBuf,
    pub(crate) dry_run: bool,
    pub(crate) with_replies: bool,
    /// `remove --post SLUG`: the post to remove from.
    pub(crate) post: Option<String>,
    pub(crate) rest: Vec<String>,
}

/// Writes one line of what was done, [`shown`].
pub(crate) fn say(out: &mut dyn Write, line: impl fmt::Display) {
    let _ = writeln!(out, "{}", shown(&line.to_string()));
}
