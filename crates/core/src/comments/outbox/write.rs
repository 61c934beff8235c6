//! Writing what a reader sends: the reply file, the email's subject, body and
//! block, and the `mailto:` link.

use crate::comments::export::export_json;
use crate::comments::Comment;
use crate::time::{iso_ms, iso_utc};

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

/// The line without mail quoting (`>`, `> >`…) and leading white space.
pub(super) fn unquoted(line: &str) -> &str {
    let mut line = line.trim_start();
    while let Some(rest) = line.strip_prefix('>') {
        line = rest.trim_start();
    }
    line.trim_end_matches('\r')
}
