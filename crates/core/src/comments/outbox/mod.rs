//! What a reader sends the site's owner, and how the owner's tool reads it back:
//! the reply file ("Save the file") and the email ("Email it": a `mailto:` link).
//!
//! - The **reply file**, `reply-<post>-<id>.json`, is an export
//!   ([`super::export`]) holding the one comment and no drafts, so the owner's tool
//!   (and the page's own Import) takes it like any export.
//! - The **email**'s body holds the reply as readable text and, below it, a block
//!   the tool reads back exactly:
//!
//! ```text
//! -----BEGIN GOOSEBUMPS REPLY-----
//! post: "miracle-in-cell-no-7"
//! id: "m3x9q2k0a1b2c3"
//! parent: null
//! date: "2024-03-02T19:05:16.000Z"
//! name: "Maria Camilleri"
//! email: "maria@example.org"
//! website: "https://maria.example.com"
//! text: "I cried at the same scene.\n\nThank you for sharing, John! And I wou"
//!   "ld like to say more than fits on one line."
//! -----END GOOSEBUMPS REPLY-----
//! ```
//!
//! Each value is `null` or JSON string literals (concatenated when a value
//! continues on the next lines), and no line is longer than 72 characters, so mail
//! programs have no reason to rewrap it. Characters a mail program might change
//! (controls, tabs, non-breaking and other special spaces, zero-width and direction
//! marks) are written as `\uXXXX` escapes. The reader ([`read_blocks`]) tolerates
//! `> ` quoting, quoted-printable soft line breaks (a line ending in `=`, when the
//! mail's source was pasted) and a line broken inside a value by a mail program.
//! A block runs from the begin line nearest its end line, and in the mail's
//! readable copy of the text a line the reader typed that looks like a marker is
//! set off with `| `, so only the real block is read back.
//!
//! `write` makes the file, the email and the link; `read` reads blocks back.

mod read;
mod write;

pub use read::*;
pub use write::*;
