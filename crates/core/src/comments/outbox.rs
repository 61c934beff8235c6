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

use super::export::export_json;
use super::{Comment, CommentId};
use crate::time::{days_from_civil, iso_utc};
use std::fmt;

/// The longest `mailto:` link the page offers; a longer reply asks for the file.
pub const MAILTO_MAX_CHARS: usize = 2000;
/// The line before the block.
pub const BLOCK_BEGIN: &str = "-----BEGIN GOOSEBUMPS REPLY-----";
/// The line after the block.
pub const BLOCK_END: &str = "-----END GOOSEBUMPS REPLY-----";
/// The longest line of a block, in characters.
pub const BLOCK_LINE_MAX: usize = 72;

/// `reply-<post>-<id>.json`.
pub fn reply_file_name(comment: &Comment) -> String {
    format!("reply-{}-{}.json", comment.post, comment.id)
}

/// The reply file's text: an export of `comment` alone, saved at `saved_ms`.
pub fn reply_file_json(comment: &Comment, saved_ms: i64) -> String {
    export_json(
        &comment.post,
        iso_utc(saved_ms),
        std::slice::from_ref(comment),
        &[],
    )
}

/// The email's subject: `Reply to “<post title>” from <name>`, on one line.
pub fn mail_subject(post_title: &str, author: &str) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "Reply to “{}” from {}",
        one_line(post_title),
        one_line(author)
    )
}

/// `2024-03-02T19:05:16.000Z`: a time to the millisecond, as the block writes it.
pub fn iso_ms(ms: i64) -> String {
    let seconds = iso_utc(ms);
    format!(
        "{}.{:03}Z",
        seconds.trim_end_matches('Z'),
        ms.rem_euclid(1000)
    )
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.mmm]Z` (or with a space for the `T` and no `Z`, as
/// WordPress writes `comment_date_gmt`) as milliseconds since the epoch, UTC.
/// The year has four digits (0000–9999), so every date read prints again and no
/// arithmetic on a stranger's number can overflow; anything else is `None`.
pub fn parse_date_ms(date: &str) -> Option<i64> {
    let date = date.trim();
    let date = date.strip_suffix('Z').unwrap_or(date);
    let (day, time) = date.split_once(['T', ' '])?;
    let (time, millis) = match time.split_once('.') {
        Some((t, m)) if m.len() == 3 && m.bytes().all(|b| b.is_ascii_digit()) => {
            (t, m.parse::<i64>().ok()?)
        }
        Some(_) => return None,
        None => (time, 0),
    };
    // Three parts of ASCII digits, each at most `widths` long (and not empty).
    let numbers = |s: &str, widths: [usize; 3]| -> Option<[i64; 3]> {
        let mut parts = s.split(['-', ':']);
        let mut out = [0; 3];
        for (slot, width) in out.iter_mut().zip(widths) {
            let p = parts.next()?;
            if p.is_empty() || p.len() > width || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            *slot = p.parse().ok()?;
        }
        parts.next().is_none().then_some(out)
    };
    // (The day must print back as written: `2024-03-02`, so four digits of year.)
    let ([y, m, dd], t) = (numbers(day, [4, 2, 2])?, numbers(time, [2, 2, 2])?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&dd) || t[0] > 23 || t[1] > 59 || t[2] > 59 {
        return None;
    }
    // Every number here is bounded by the four-digit year; checked all the same.
    let days = days_from_civil(y, m, dd)?;
    let seconds = days
        .checked_mul(86_400)?
        .checked_add(t[0] * 3600 + t[1] * 60 + t[2])?;
    let ms = seconds.checked_mul(1000)?.checked_add(millis)?;
    // 31 February and the like do not come back the same.
    (iso_ms(ms).get(..10) == Some(day)).then_some(ms)
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c as u32,
            0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180E
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164
            | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFFF)
}

/// A character as it is written inside a block's string literal.
fn escaped(c: char) -> String {
    match c {
        '"' => "\\\"".into(),
        '\\' => "\\\\".into(),
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        '\t' => "\\t".into(),
        c if needs_escape(c) => format!("\\u{:04x}", c as u32),
        c => c.to_string(),
    }
}

/// `key: "…"`, continued on lines of `  "…"`, none longer than [`BLOCK_LINE_MAX`].
fn write_value(out: &mut String, key: &str, value: Option<&str>) {
    let Some(value) = value else {
        out.push_str(&format!("{key}: null\n"));
        return;
    };
    let mut line = format!("{key}: \"");
    let mut width = line.chars().count();
    let mut on_line = 0;
    for c in value.chars() {
        let piece = escaped(c);
        let n = piece.chars().count();
        if width + n + 1 > BLOCK_LINE_MAX && on_line > 0 {
            out.push_str(&line);
            out.push_str("\"\n");
            line = "  \"".into();
            width = 3;
            on_line = 0;
        }
        line.push_str(&piece);
        width += n;
        on_line += 1;
    }
    out.push_str(&line);
    out.push_str("\"\n");
}

/// The block that carries `comment` in an email (see the module's documentation).
pub fn mail_block(comment: &Comment) -> String {
    let mut out = format!("{BLOCK_BEGIN}\n");
    write_value(&mut out, "post", Some(&comment.post));
    write_value(&mut out, "id", Some(comment.id.as_str()));
    write_value(
        &mut out,
        "parent",
        comment.parent_id.as_ref().map(|p| p.as_str()),
    );
    write_value(&mut out, "date", Some(&iso_ms(comment.created_ms)));
    write_value(&mut out, "name", Some(&comment.author));
    write_value(&mut out, "email", Some(&comment.email));
    write_value(&mut out, "website", comment.url.as_deref());
    write_value(&mut out, "text", Some(&comment.content));
    out.push_str(BLOCK_END);
    out.push('\n');
    out
}

/// The email's body: the reply as readable text, then its block.
pub fn mail_body(post_title: &str, comment: &Comment) -> String {
    // A marker line the reader typed is set off in this copy, so that only the
    // block below is read back (which holds the text exactly).
    let readable: Vec<String> = comment
        .content
        .split('\n')
        .map(|line| {
            let bare = unquoted(line).trim_end();
            if bare == BLOCK_BEGIN || bare == BLOCK_END {
                format!("| {line}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    let mut body = format!(
        "{} replied to “{post_title}”:\n\n{}\n\n",
        comment.author,
        readable.join("\n")
    );
    if let Some(url) = &comment.url {
        body.push_str(&format!("Website: {url}\n"));
    }
    if let Some(parent) = &comment.parent_id {
        body.push_str(&format!("In reply to comment {parent}.\n"));
    }
    body.push_str(
        "\nThe site's owner publishes this reply from the block below \
         (`cargo xtask replies add`): please leave it as it is.\n\n",
    );
    body.push_str(&mail_block(comment));
    body
}

/// The body of an email whose reply is too long for a link: it asks for the file.
pub fn mail_body_attach(post_title: &str, comment: &Comment) -> String {
    format!(
        "{} replied to “{post_title}”.\n\nThis reply is too long for an email link: \
         please attach the file {} (from “Save the file”) to this email, then send it.\n",
        comment.author,
        reply_file_name(comment)
    )
}

/// An "Email it" link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailto {
    /// `mailto:<to>?subject=…&body=…`, at most [`MAILTO_MAX_CHARS`] when it holds the reply.
    pub href: String,
    /// True when the reply did not fit: the body asks to attach the saved file.
    pub attach_file: bool,
}

/// Percent-encodes all but the unreserved characters (and `keep`), line breaks as `%0D%0A`.
fn percent(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.replace("\r\n", "\n").bytes() {
        match b {
            b'\n' => out.push_str("%0D%0A"),
            b if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) => {
                out.push(b as char)
            }
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The "Email it" link for `comment` on the post titled `post_title`, to the owner's
/// address `to` (none: the reader's mail program asks). The whole reply is in the
/// body when the link stays within [`MAILTO_MAX_CHARS`]; otherwise the body asks to
/// attach the reply file instead ([`Mailto::attach_file`]).
pub fn mailto(to: Option<&str>, post_title: &str, comment: &Comment) -> Mailto {
    let head = format!(
        "mailto:{}?subject={}&body=",
        percent(to.unwrap_or(""), b"@"),
        percent(&mail_subject(post_title, &comment.author), b"")
    );
    let full = format!("{head}{}", percent(&mail_body(post_title, comment), b""));
    if full.len() <= MAILTO_MAX_CHARS {
        Mailto {
            href: full,
            attach_file: false,
        }
    } else {
        Mailto {
            href: format!(
                "{head}{}",
                percent(&mail_body_attach(post_title, comment), b"")
            ),
            attach_file: true,
        }
    }
}

/// Why a block in a mail could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockError {
    /// The begin line without its end line.
    Unterminated,
    /// Not `key: value` lines (with the reason).
    Malformed(String),
    /// A value the block must have.
    Missing(&'static str),
    /// A value that is not what its field holds.
    Invalid(&'static str),
}

impl fmt::Display for BlockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlockError::Unterminated => {
                write!(f, "the reply block has no end line ({BLOCK_END})")
            }
            BlockError::Malformed(why) => write!(f, "the reply block cannot be read: {why}"),
            BlockError::Missing(field) => write!(f, "the reply block has no `{field}`"),
            BlockError::Invalid(field) => write!(f, "the reply block's `{field}` is not valid"),
        }
    }
}

impl std::error::Error for BlockError {}

/// The line without mail quoting (`>`, `> >`…) and leading white space.
fn unquoted(line: &str) -> &str {
    let mut line = line.trim_start();
    while let Some(rest) = line.strip_prefix('>') {
        line = rest.trim_start();
    }
    line.trim_end_matches('\r')
}

/// The block's lines as one text, unquoted. When a line ends in `=` the block was
/// pasted from a mail's quoted-printable source: soft breaks are joined (a line
/// continued this way keeps its start as it is) and `=XX` decoded.
fn block_text(raw: &[&str]) -> String {
    if !raw.iter().any(|l| l.trim_end().ends_with('=')) {
        return raw
            .iter()
            .map(|l| unquoted(l))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let mut joined = String::new();
    let mut continuing = false;
    for line in raw {
        let line = if continuing {
            line.trim_end_matches('\r')
        } else {
            unquoted(line)
        };
        let line = line.trim_end();
        match line.strip_suffix('=') {
            Some(soft) => {
                joined.push_str(soft);
                continuing = true;
            }
            None => {
                joined.push_str(line);
                joined.push('\n');
                continuing = false;
            }
        }
    }
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

enum Token {
    Key(String),
    Null,
    Text(String),
}

fn tokens(text: &str) -> Result<Vec<Token>, BlockError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            out.push(Token::Text(literal(&mut chars)?));
        } else if c.is_ascii_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_alphanumeric() || c == '_' {
                    word.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek() == Some(&':') {
                chars.next();
                out.push(Token::Key(word));
            } else if word == "null" {
                out.push(Token::Null);
            } else {
                return Err(BlockError::Malformed(format!("unexpected “{word}”")));
            }
        } else {
            return Err(BlockError::Malformed(format!("unexpected “{c}”")));
        }
    }
    Ok(out)
}

/// A string literal's value, after its opening quote. A raw line break inside it
/// was made by a mail program rewrapping the line: it is dropped after a space
/// (format=flowed keeps the space) and stands for the space it replaced otherwise.
fn literal(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<String, BlockError> {
    let mut out = String::new();
    let unterminated = || BlockError::Malformed("a text has no closing quote".into());
    loop {
        match chars.next().ok_or_else(unterminated)? {
            '"' => return Ok(out),
            '\n' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                    chars.next();
                }
            }
            '\\' => {
                let bad = || BlockError::Malformed("an unknown escape".into());
                match chars.next().ok_or_else(unterminated)? {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    '/' => out.push('/'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'u' => {
                        let first = hex4(chars)?;
                        // A high surrogate must be followed by a low one (`\ud83d\ude00`);
                        // anything else (`\ud800\u0000`, a lone `\udc00`) is no character.
                        let code = if (0xD800..0xDC00).contains(&first) {
                            if chars.next() != Some('\\') || chars.next() != Some('u') {
                                return Err(bad());
                            }
                            let second = hex4(chars)?;
                            if !(0xDC00..0xE000).contains(&second) {
                                return Err(bad());
                            }
                            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                        } else {
                            first
                        };
                        out.push(char::from_u32(code).ok_or_else(bad)?);
                    }
                    _ => return Err(bad()),
                }
            }
            c => out.push(c),
        }
    }
}

/// The four hex digits of a `\uXXXX` escape.
fn hex4(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<u32, BlockError> {
    let s: String = chars.by_ref().take(4).collect();
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(BlockError::Malformed("an unknown escape".into()));
    }
    u32::from_str_radix(&s, 16).map_err(|_| BlockError::Malformed("an unknown escape".into()))
}

/// Reads one block's lines (between its begin and end lines) as a comment.
fn read_block(raw: &[&str]) -> Result<Comment, BlockError> {
    let text = block_text(raw);
    let mut fields: Vec<(String, Option<String>)> = Vec::new();
    const KNOWN: [&str; 8] = [
        "post", "id", "parent", "date", "name", "email", "website", "text",
    ];
    for token in tokens(&text)? {
        match (token, fields.last_mut()) {
            (Token::Key(k), _) => {
                // Checked as each comes, so there are never more than eight to compare.
                if !KNOWN.contains(&k.as_str()) {
                    return Err(BlockError::Malformed(format!("unknown field `{k}`")));
                }
                if fields.iter().any(|(seen, _)| *seen == k) {
                    return Err(BlockError::Malformed(format!("`{k}` appears twice")));
                }
                fields.push((k, None));
            }
            (Token::Null, Some((_, None))) => {}
            (Token::Text(t), Some((_, value))) => {
                value.get_or_insert_with(String::new).push_str(&t)
            }
            _ => return Err(BlockError::Malformed("a value without its name".into())),
        }
    }
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.clone())
    };
    let need = |key: &'static str| get(key).ok_or(BlockError::Missing(key));
    let id = CommentId::parse(&need("id")?).ok_or(BlockError::Invalid("id"))?;
    let parent_id = match get("parent") {
        Some(p) => Some(CommentId::parse(&p).ok_or(BlockError::Invalid("parent"))?),
        None => None,
    };
    let created_ms = parse_date_ms(&need("date")?).ok_or(BlockError::Invalid("date"))?;
    Ok(Comment {
        id,
        post: need("post")?,
        parent_id,
        author: need("name")?,
        email: get("email").unwrap_or_default(),
        url: get("website").filter(|w| !w.is_empty()),
        content: need("text")?,
        created_ms,
        edited_ms: None,
        history: Vec::new(),
        deleted: false,
    })
}

/// Every reply block in a mail's text, in order: each read back as the comment it
/// was written from ([`mail_block`]), or why it could not be.
pub fn read_blocks(text: &str) -> Vec<Result<Comment, BlockError>> {
    let raw: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    // A block runs from the begin line nearest its end line: a begin line the reader
    // typed into their text (above the block) does not swallow the block.
    let mut begin = None;
    for (i, line) in raw.iter().enumerate() {
        let line = unquoted(line).trim_end();
        if line == BLOCK_BEGIN {
            begin = Some(i);
        } else if line == BLOCK_END {
            if let Some(b) = begin.take() {
                found.push(read_block(&raw[b + 1..i]));
            }
        }
    }
    if begin.is_some() {
        found.push(Err(BlockError::Unterminated));
    }
    found
}
