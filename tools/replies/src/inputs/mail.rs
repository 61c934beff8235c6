//! Saved emails (`.eml`): reply blocks in their text, reply files attached, and
//! emails attached (forwarded) in turn, a few levels deep.
//!
//! The email's parts are walked here, in a loop over a stack of parts, and the
//! mail parser reads each part's header lines only. Why not let it read the
//! whole email: it keeps attached emails nested one in the other and drops them
//! by recursion, decodes emails attached in base64 by recursion and copies what
//! it found inside by recursion again (a stranger's email a few megabytes long
//! nests a hundred thousand: the tool would run out of stack and abort), and it
//! checks its own state with `debug_assert!`, which some broken emails fail in
//! a debug build (a panic). Its header parsing has none of these.

use super::{read_input, read_text_blocks, too_deep, Found};
use crate::project::Project;
use crate::shown::one_line;
use crate::{html_to_text, MAX_NESTED_MAILS};
use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::{MessageParser, MimeHeaders};
use std::borrow::Cow;
use std::cell::Cell;
use std::panic::AssertUnwindSafe;

/// Parts inside parts (`multipart/…` in `multipart/…`) are read this deep in
/// each email; a deeper one is not read, and a sentence says so.
pub(crate) const MAX_PART_DEPTH: usize = 16;

/// One part to read: its bytes (header lines, a blank line, the body), which
/// email it belongs to (an index into the texts), how many emails it is in, how
/// deep in parts, and whether its parent is a `multipart/digest` (whose parts
/// are emails unless they say otherwise).
struct Piece<'a> {
    bytes: Cow<'a, [u8]>,
    mail: usize,
    mails: usize,
    depth: usize,
    in_digest: bool,
}

/// The texts of one email: its plain text parts, and its HTML parts' text.
#[derive(Default)]
struct Texts {
    plain: Vec<String>,
    html: Vec<String>,
}

/// Reads the email `bytes` (found in `mails` emails already; 0: a file of its
/// own), named `name` in messages. `Err` when it is not an email at all.
pub(crate) fn read(
    project: &Project,
    name: &str,
    bytes: &[u8],
    found: &mut Found,
    mails: usize,
) -> Result<(), String> {
    let mut texts: Vec<Texts> = vec![Texts::default()];
    let mut stack = vec![Piece {
        bytes: Cow::Borrowed(bytes),
        mail: 0,
        mails: mails + 1,
        depth: 0,
        in_digest: false,
    }];
    let mut first = true;
    let mut too_many_parts = false;
    let parser = MessageParser::default();
    while let Some(piece) = stack.pop() {
        let parsed = guarded(|| parser.parse_headers(&piece.bytes[..]));
        let head = match parsed {
            Some(Some(head)) if !head.parts.is_empty() => head,
            _ if first => return Err("it is not an email".into()),
            // A part without header lines: plain text, as the standard says.
            _ => {
                let body = &piece.bytes[header_end(&piece.bytes)..];
                texts[piece.mail]
                    .plain
                    .push(String::from_utf8_lossy(body).into_owned());
                continue;
            }
        };
        first = false;
        let body = &piece.bytes[header_end(&piece.bytes)..];
        let (ctype, subtype) = head.content_type().map_or_else(
            || {
                if piece.in_digest {
                    ("message".to_owned(), "rfc822".to_owned())
                } else {
                    ("text".to_owned(), "plain".to_owned())
                }
            },
            |t| {
                (
                    t.ctype().to_ascii_lowercase(),
                    t.subtype().unwrap_or("").to_ascii_lowercase(),
                )
            },
        );
        let decoded = || decode(head.content_transfer_encoding(), body);
        let file = head.attachment_name();
        let attached = file.is_some()
            || head
                .content_disposition()
                .is_some_and(|d| d.is_attachment());
        let boundary = head
            .content_type()
            .and_then(|t| t.attribute("boundary"))
            .filter(|b| !b.is_empty());
        match (ctype.as_str(), subtype.as_str()) {
            ("multipart", _) if boundary.is_some() => {
                if piece.depth + 1 > MAX_PART_DEPTH {
                    too_many_parts = true;
                    continue;
                }
                let parts = split_parts(body, boundary.unwrap_or_default().as_bytes());
                // In reverse, so that they are read in order.
                for part in parts.into_iter().rev() {
                    stack.push(Piece {
                        bytes: Cow::Owned(part.to_vec()),
                        mail: piece.mail,
                        mails: piece.mails,
                        depth: piece.depth + 1,
                        in_digest: subtype == "digest",
                    });
                }
            }
            ("message", "rfc822" | "global") => {
                if piece.mails + 1 > MAX_NESTED_MAILS + 1 {
                    found.refused.push(too_deep(name));
                    continue;
                }
                texts.push(Texts::default());
                stack.push(Piece {
                    bytes: Cow::Owned(decoded()),
                    mail: texts.len() - 1,
                    mails: piece.mails + 1,
                    depth: 0,
                    in_digest: false,
                });
            }
            _ if attached => {
                let file = file.unwrap_or("attachment");
                let lower = file.to_ascii_lowercase();
                if lower.ends_with(".json") || lower.ends_with(".xml") {
                    let label = format!("{name}: {}", one_line(file, 80));
                    read_input(project, &label, &decoded(), found, piece.mails).map_err(|why| {
                        format!("in its attachment {}, {why}", one_line(file, 80))
                    })?;
                }
            }
            ("text", "html") => texts[piece.mail].html.push(html_to_text(&text_of(
                &decoded(),
                head.content_type().and_then(|t| t.attribute("charset")),
            ))),
            ("text", "plain") | ("multipart", _) => texts[piece.mail].plain.push(text_of(
                &decoded(),
                head.content_type().and_then(|t| t.attribute("charset")),
            )),
            _ => {}
        }
    }
    if too_many_parts {
        found.refused.push(format!(
            "{name}: It holds parts nested more than {MAX_PART_DEPTH} deep, which were not read."
        ));
    }
    // Each email's plain text; an HTML-only email's text otherwise (the same block
    // twice in `multipart/alternative` would only be the same reply twice).
    for t in texts {
        let chosen = if t.plain.iter().any(|p| !p.trim().is_empty()) {
            t.plain
        } else {
            t.html
        };
        for text in chosen {
            read_text_blocks(name, &text, found);
        }
    }
    Ok(())
}

/// Where the body starts: after the first empty line (the header lines end
/// there), or at the end when there is none.
fn header_end(bytes: &[u8]) -> usize {
    let mut at = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        at += line.len();
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            return at;
        }
    }
    bytes.len()
}

/// The parts of a multipart body: what lies between its `--boundary` lines
/// (without the line break before each), up to the `--boundary--` line.
fn split_parts<'a>(body: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    for line in body.split_inclusive(|&b| b == b'\n') {
        let here = at;
        at += line.len();
        let bare = line.trim_ascii_end();
        let Some(rest) = bare
            .strip_prefix(b"--")
            .and_then(|r| r.strip_prefix(boundary))
        else {
            continue;
        };
        if !rest.is_empty() && rest != b"--" {
            continue;
        }
        if let Some(s) = start.take() {
            // The line break before the boundary line belongs to it.
            let mut end = here.max(s);
            if end > s && body[end - 1] == b'\n' {
                end -= 1;
                if end > s && body[end - 1] == b'\r' {
                    end -= 1;
                }
            }
            parts.push(&body[s..end]);
        }
        if rest == b"--" {
            return parts;
        }
        start = Some(at);
    }
    // No closing line: the last part runs to the end.
    if let Some(s) = start {
        parts.push(&body[s..]);
    }
    parts
}

/// A part's body, decoded from base64 or quoted-printable as its
/// `Content-Transfer-Encoding` says (as it is otherwise).
fn decode(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    match encoding.map(|e| e.trim().to_ascii_lowercase()).as_deref() {
        Some("base64") => base64_lenient(body),
        Some("quoted-printable") => quoted_printable_lenient(body),
        _ => body.to_vec(),
    }
}

/// Text in `charset` (UTF-8 when none is named or it is unknown).
fn text_of(bytes: &[u8], charset: Option<&str>) -> String {
    match charset.and_then(|c| charset_decoder(c.as_bytes())) {
        Some(decode) => decode(bytes),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Base64, every character outside its alphabet skipped.
fn base64_lenient(text: &[u8]) -> Vec<u8> {
    let value = |b: u8| -> Option<u32> {
        Some(u32::from(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut bits, mut n) = (0u32, 0u32);
    for v in text.iter().filter_map(|&b| value(b)) {
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    out
}

/// Quoted-printable: `=XX` a byte, `=` at the end of a line a soft break, any
/// other `=` kept as it is.
fn quoted_printable_lenient(text: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'=' {
            let rest = &text[i + 1..];
            if let (Some(h), Some(l)) = (
                rest.first().and_then(|&b| hex(b)),
                rest.get(1).and_then(|&b| hex(b)),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
            let blanks = rest
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\r'))
                .count();
            if rest.get(blanks) == Some(&b'\n') {
                i += 1 + blanks + 1;
                continue;
            }
        }
        out.push(text[i]);
        i += 1;
    }
    out
}

thread_local! {
    /// True while the mail parser runs under [`guarded`]: its panics are caught,
    /// and not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `parse` (the mail parser), catching a panic: `None` then. (Only its
/// header parsing runs here, which has no `debug_assert!`; this is the belt to
/// those braces.) Its panics are not printed; any other thread's are, as before.
fn guarded<T>(parse: impl FnOnce() -> T) -> Option<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info)
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(parse));
    QUIET.with(|q| q.set(was));
    result.ok()
}
