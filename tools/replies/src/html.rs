//! WordPress's comment HTML as the text a reader saw: tags removed, entities
//! decoded, line breaks and paragraphs kept, and a link's address kept in the text
//! when it differs from its words.
//!
//! WordPress keeps a comment's text as typed, with the few tags it allows
//! (`a href`, `abbr`, `b`, `blockquote`, `cite`, `code`, `del`, `em`, `i`, `q`, `s`,
//! `strike`, `strong`; imported comments may also hold `p` and `br`), and shows its
//! line breaks (`wpautop`): a line break stays a line break, a blank line a paragraph.

use html_escape::decode_html_entities;

/// Tags that end a paragraph where they open or close.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "blockquote",
    "ul",
    "ol",
    "li",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "tr",
];

/// The text a reader saw of WordPress comment HTML.
pub fn html_to_text(html: &str) -> String {
    let html = html.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    // A paragraph break is owed before the next text.
    let mut paragraph = false;
    // The open link: where its words start in `out`, and its address. One at a
    // time, as browsers read them (a link inside a link closes the first), so a
    // link's words are looked at once.
    let mut link: Option<(usize, Option<String>)> = None;
    let mut rest = html.as_str();
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out, &mut paragraph, rest);
            break;
        };
        push_text(&mut out, &mut paragraph, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(tag) = Tag::read(rest) else {
            // A `<` that opens no tag is text ("a < b").
            push_text(&mut out, &mut paragraph, "<");
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        match tag.name.as_str() {
            // Inside a pending paragraph break, a line break adds nothing.
            "br" if !paragraph => out.push('\n'),
            "script" | "style" if !tag.closing => {
                rest = closing_tag_end(rest, &tag.name).map_or("", |at| &rest[at..]);
            }
            "a" => {
                if let Some((start, href)) = link.take() {
                    close_link(&mut out, &mut paragraph, start, href);
                }
                if !tag.closing {
                    link = Some((out.len(), tag.href));
                }
            }
            name if BLOCKS.contains(&name) && !out.trim().is_empty() => paragraph = true,
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Ends a link whose words start at `start` of `out`: its address is added when
/// the words do not say it.
fn close_link(out: &mut String, paragraph: &mut bool, start: usize, href: Option<String>) {
    // A paragraph break may have trimmed the text below `start` since: from the
    // character there.
    let mut start = start.min(out.len());
    while !out.is_char_boundary(start) {
        start -= 1;
    }
    let words = out[start..].trim();
    if let Some(href) = href.filter(|h| !same_address(h, words)) {
        if words.is_empty() {
            push_text(out, paragraph, &href);
        } else {
            out.push_str(&format!(" ({href})"));
        }
    }
}

/// Where the text after `</name …>` starts in `rest` (any case), if it closes.
/// One pass over the bytes, without copying the rest of the text.
fn closing_tag_end(rest: &str, name: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let name = name.as_bytes();
    let mut from = 0;
    while let Some(at) = rest.get(from..)?.find("</").map(|i| i + from) {
        let after = at + 2;
        let matches = bytes
            .get(after..after + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if matches {
            let gt = rest[after..].find('>')?;
            return Some(after + gt + 1);
        }
        from = after;
    }
    None
}

fn push_text(out: &mut String, paragraph: &mut bool, raw: &str) {
    let text = decode_html_entities(raw);
    if *paragraph {
        let text = text.trim_start();
        if text.is_empty() {
            return;
        }
        out.truncate(out.trim_end().len());
        out.push_str("\n\n");
        *paragraph = false;
        out.push_str(text);
    } else {
        out.push_str(&text);
    }
}

/// True when a link's words already say its address (`example.org/a` for
/// `https://example.org/a/`).
fn same_address(href: &str, words: &str) -> bool {
    let bare = |s: &str| {
        let s = s.trim();
        let s = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(s);
        let s = s.strip_prefix("www.").unwrap_or(s);
        s.trim_end_matches('/').to_ascii_lowercase()
    };
    bare(href) == bare(words)
}

/// One tag: its name (lower case), whether it closes, a link's `http`/`https`
/// address, and how many bytes of the text it takes.
struct Tag {
    name: String,
    closing: bool,
    href: Option<String>,
    len: usize,
}

impl Tag {
    fn read(text: &str) -> Option<Tag> {
        let body = text.strip_prefix('<')?;
        let (closing, body) = match body.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, body),
        };
        let name_len = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        // The end: the first `>` outside quotes. Quotes may come escaped with a
        // backslash (`href=\"…\"`), as some exports hold them.
        let bytes = body.as_bytes();
        let mut quote: Option<u8> = None;
        let mut end = None;
        for (i, &b) in bytes.iter().enumerate().skip(name_len) {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), b) if b == q => quote = None,
                (None, b'>') => {
                    end = Some(i);
                    break;
                }
                (None, b'<') => return None,
                _ => {}
            }
        }
        let end = end?;
        let name = body[..name_len].to_ascii_lowercase();
        let attributes = body[name_len..end]
            .replace("\\\"", "\"")
            .replace("\\'", "'");
        let href = (name == "a" && !closing)
            .then(|| attribute(&attributes, "href"))
            .flatten()
            .map(|h| decode_html_entities(h.trim()).into_owned())
            .filter(|h| {
                let lower = h.to_ascii_lowercase();
                lower.starts_with("https://") || lower.starts_with("http://")
            });
        Some(Tag {
            name,
            closing,
            href,
            len: 1 + usize::from(closing) + end + 1,
        })
    }
}

/// The value of attribute `name` in a tag's attribute text.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let key_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = rest[..key_len].to_ascii_lowercase();
        rest = rest[key_len..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], &inner[(close + 1).min(inner.len())..])
                }
                _ => {
                    let stop = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..stop], &after[stop..])
                }
            };
            rest = next;
            Some(value)
        } else {
            None
        };
        if key == name {
            return value.map(str::to_owned);
        }
    }
}
