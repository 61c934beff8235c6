//! WordPress export files (WXR, Tools → Export): each post's comments, as comments
//! of this app, or why each is skipped.

use crate::html::html_to_text;
use goosebumps_core::comments::published::wordpress_id;
use goosebumps_core::comments::Comment;
use goosebumps_core::time::parse_date_ms;

/// The WXR namespace of WordPress's own elements (`wp:comment`…); 1.0–1.2 differ only in version.
const WP_NAMESPACE_PREFIX: &str = "http://wordpress.org/export/";

/// Why a WordPress comment is not published.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Skip {
    Pending,
    Trash,
    Spam,
    Pingback,
    Trackback,
    /// Another comment type (a plugin's: `review`, `note`…).
    OtherType(String),
    /// A comment deleted in the reader's browser (an export's placeholder).
    Deleted,
    /// A comment of a post this site does not have.
    UnknownPost,
}

/// One comment of the export: to publish (when WordPress approved it), or skipped.
#[derive(Debug)]
pub(crate) enum WpComment {
    Publish {
        wp_id: u64,
        comment: Box<Comment>,
        /// The element its date was read from (`wp:comment_date_gmt`, or
        /// `wp:comment_date` when WordPress did not know the UTC time), and the
        /// date as written there.
        date_field: &'static str,
        date_text: String,
    },
    /// Not published, and why; with its id, so a reply to it can say so.
    Skipped { wp_id: Option<u64>, why: Skip },
    /// A comment that cannot be read (a missing id, date or parent), with why.
    Unreadable { wp_id: String, why: String },
}

/// How deep elements may nest. A WordPress export needs 6 (`rss`, `channel`,
/// `item`, `wp:comment`, `wp:commentmeta`, `wp:meta_key`); the XML parser reads
/// nested elements by recursion, so a file nested a hundred thousand deep would
/// overflow the stack: it is refused before it is parsed.
pub(crate) const MAX_XML_DEPTH: usize = 256;

/// Reads a WXR file. `Err` when it is not well-formed XML or not a WordPress export.
pub(crate) fn read(
    text: &str,
    is_known_post: impl Fn(&str) -> bool,
) -> Result<Vec<WpComment>, String> {
    if nested_deeper_than(text, MAX_XML_DEPTH) {
        return Err(format!(
            "it is XML nested more than {MAX_XML_DEPTH} elements deep, which no WordPress \
             export is"
        ));
    }
    let doc = roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: false,
            ..Default::default()
        },
    )
    .map_err(|e| format!("it is not well-formed XML ({e})"))?;
    let root = doc.root_element();
    let is_wp = |n: &roxmltree::Node, name: &str| {
        n.is_element()
            && n.tag_name().name() == name
            && n.tag_name()
                .namespace()
                .is_some_and(|ns| ns.starts_with(WP_NAMESPACE_PREFIX))
    };
    if root.tag_name().name() != "rss" || !root.descendants().any(|n| is_wp(&n, "wxr_version")) {
        return Err("it is XML but not a WordPress export (WXR)".into());
    }
    let text_of = |parent: &roxmltree::Node, name: &str| -> String {
        parent
            .children()
            .find(|c| is_wp(c, name))
            .map(|c| c.children().filter_map(|t| t.text()).collect::<String>())
            .unwrap_or_default()
    };
    let mut found = Vec::new();
    for item in root.descendants().filter(|n| n.has_tag_name("item")) {
        let slug = text_of(&item, "post_name");
        for c in item.children().filter(|c| is_wp(c, "comment")) {
            let raw_id = text_of(&c, "comment_id").trim().to_owned();
            let kind = text_of(&c, "comment_type").trim().to_owned();
            let approved = text_of(&c, "comment_approved").trim().to_owned();
            let skip = match kind.as_str() {
                "" | "comment" => None,
                "pingback" => Some(Skip::Pingback),
                "trackback" => Some(Skip::Trackback),
                other => Some(Skip::OtherType(other.to_owned())),
            }
            .or(match approved.as_str() {
                "1" | "approve" | "approved" => None,
                "trash" | "post-trashed" => Some(Skip::Trash),
                "spam" => Some(Skip::Spam),
                _ => Some(Skip::Pending),
            })
            .or((!is_known_post(&slug)).then_some(Skip::UnknownPost));
            if let Some(why) = skip {
                found.push(WpComment::Skipped {
                    wp_id: raw_id.parse().ok(),
                    why,
                });
                continue;
            }
            let Ok(wp_id) = raw_id.parse::<u64>() else {
                found.push(WpComment::Unreadable {
                    wp_id: raw_id,
                    why: "it has no comment id".into(),
                });
                continue;
            };
            // The UTC date; WordPress writes `0000-00-00 00:00:00` there when it did
            // not know it, and then the site's clock is the best there is.
            let unknown = |t: &str| t.is_empty() || t.starts_with("0000-00-00");
            let gmt = text_of(&c, "comment_date_gmt").trim().to_owned();
            let local = text_of(&c, "comment_date").trim().to_owned();
            let (date_field, date_text) = if !unknown(&gmt) {
                ("wp:comment_date_gmt", gmt)
            } else if !unknown(&local) {
                ("wp:comment_date", local)
            } else {
                found.push(WpComment::Unreadable {
                    wp_id: raw_id,
                    why: "it has no date".into(),
                });
                continue;
            };
            let Some(created_ms) = parse_date_ms(&date_text) else {
                found.push(WpComment::Unreadable {
                    wp_id: raw_id,
                    why: format!(
                        "its `{date_field}` “{}” is not a date from the years 0000 to 9999 \
                         (YYYY-MM-DD hh:mm:ss)",
                        crate::shown::one_line(&date_text, 40)
                    ),
                });
                continue;
            };
            let raw_parent = text_of(&c, "comment_parent").trim().to_owned();
            let parent = if raw_parent.is_empty() {
                0
            } else if let Ok(n) = raw_parent.parse::<u64>() {
                n
            } else {
                found.push(WpComment::Unreadable {
                    wp_id: raw_id,
                    why: format!(
                        "its `wp:comment_parent` “{}” is not a comment id",
                        crate::shown::one_line(&raw_parent, 40)
                    ),
                });
                continue;
            };
            let url = text_of(&c, "comment_author_url").trim().to_owned();
            let author = html_to_text(&text_of(&c, "comment_author"));
            found.push(WpComment::Publish {
                wp_id,
                comment: Box::new(Comment {
                    id: wordpress_id(wp_id),
                    post: slug.clone(),
                    parent_id: (parent != 0).then(|| wordpress_id(parent)),
                    // One line: a name is shown on one.
                    author: author.split_whitespace().collect::<Vec<_>>().join(" "),
                    // Never kept: WordPress already checked it, and it is never published.
                    email: String::new(),
                    url: (!url.is_empty()).then_some(url),
                    content: html_to_text(&text_of(&c, "comment_content")),
                    created_ms,
                    edited_ms: None,
                    history: Vec::new(),
                    deleted: false,
                }),
                date_field,
                date_text,
            });
        }
    }
    Ok(found)
}

/// True when elements in `text` nest deeper than `limit`, counted in one pass
/// without parsing: comments, CDATA, processing instructions, declarations and
/// quoted attribute values are skipped, an empty-element tag (`<a/>`) does not
/// nest. (It counts at least as deep as any parser goes: an element never closed
/// stays open.)
pub(crate) fn nested_deeper_than(text: &str, limit: usize) -> bool {
    let bytes = text.as_bytes();
    let skip_past = |from: usize, end: &str| -> usize {
        text.get(from..)
            .and_then(|rest| rest.find(end))
            .map_or(bytes.len(), |at| from + at + end.len())
    };
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = text.get(i..).and_then(|rest| rest.find('<')) {
        let start = i + at;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = skip_past(start + 4, "-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_past(start + 9, "]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_past(start + 2, "?>");
        } else if rest.starts_with(b"<!") {
            i = skip_past(start + 2, ">");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = skip_past(start + 2, ">");
        } else {
            // A start tag: to its `>`, outside quoted attribute values.
            let mut quote = None;
            let mut end = bytes.len();
            for (k, &b) in rest.iter().enumerate().skip(1) {
                match (quote, b) {
                    (None, b'"' | b'\'') => quote = Some(b),
                    (Some(q), b) if b == q => quote = None,
                    (None, b'>') => {
                        end = start + k;
                        break;
                    }
                    _ => {}
                }
            }
            if end == bytes.len() || bytes[end - 1] != b'/' {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            i = (end + 1).min(bytes.len());
        }
    }
    false
}
