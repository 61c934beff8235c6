//! Reading the blocks of a pasted email back into comments, whatever a mail
//! program did to them on the way.

use super::write::{unquoted, BLOCK_BEGIN, BLOCK_END};
use crate::comments::{Comment, CommentId};
use crate::time::parse_date_ms;
use std::fmt;

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
