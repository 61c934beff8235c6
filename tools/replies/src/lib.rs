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
//! dates from 1995-01-01 to a day after now (`date_problem`), ids in one
//! namespace each (`wp-…` is WordPress's), every reader's text shown to the
//! owner as it is ([`shown`]), emails inside emails followed
//! [`MAX_NESTED_MAILS`] deep, and `add` in O(n log n) of the replies.
//!
//! One concept a file: `cli` (the usage, the options, which command runs),
//! `project` (the posts and published files), `inputs` (every format `add` reads;
//! `inputs/mail.rs`, `inputs/wxr.rs`), `commands` (`add`, `list`, `remove`), `shown`
//! (a reader's text as the owner sees it), `html` (WordPress's HTML as text).

mod cli;
mod commands;
mod html;
mod inputs;
mod project;
mod shown;

pub use cli::{run, USAGE};
pub use html::html_to_text;
pub use shown::{is_hidden, shown};

use thiserror::Error;

/// The folder of the posts, relative to the project's root (the core's).
pub use goosebumps_core::project::POSTS_DIR;

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
