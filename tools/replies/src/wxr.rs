//! WordPress export files (WXR, Tools → Export): each post's comments, as comments
//! of this app, or why each is skipped.

use crate::html::html_to_text;
use goosebumps::comments::outbox::parse_date_ms;
use goosebumps::comments::published::wordpress_id;
use goosebumps::comments::Comment;

/// The WXR namespace of WordPress's own elements (`wp:comment`…); 1.0–1.2 differ only in version.
const WP_NAMESPACE_PREFIX: &str = "http://wordpress.org/export/";

/// Why a WordPress comment is not published.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
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
pub enum WpComment {
    Publish {
        wp_id: u64,
        comment: Comment,
        /// The element its date was read from (`wp:comment_date_gmt`, or
        /// `wp:comment_date` when WordPress did not know the UTC time), and the
        /// date as written there.
        date_field: &'static str,
        date_text: String,
    },
    /// Not published, and why; with its id, so a reply to it can say so.
    Skipped {
        wp_id: Option<u64>,
        why: Skip,
    },
    /// A comment that cannot be read (a missing id, date or parent), with why.
    Unreadable {
        wp_id: String,
        why: String,
    },
}

/// Reads a WXR file. `Err` when it is not well-formed XML or not a WordPress export.
pub fn read(text: &str, is_known_post: impl Fn(&str) -> bool) -> Result<Vec<WpComment>, String> {
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
            let gmt = text_of(&c, "comment_date_gmt").trim().to_owned();
            let local = text_of(&c, "comment_date").trim().to_owned();
            let date = [("wp:comment_date_gmt", gmt), ("wp:comment_date", local)]
                .into_iter()
                .find_map(|(field, text)| Some((field, parse_date_ms(&text)?, text)));
            let Some((date_field, created_ms, date_text)) = date else {
                let why = [
                    ("wp:comment_date_gmt", text_of(&c, "comment_date_gmt")),
                    ("wp:comment_date", text_of(&c, "comment_date")),
                ]
                .into_iter()
                .map(|(field, text)| (field, text.trim().to_owned()))
                .find(|(_, text)| !text.is_empty() && !text.starts_with("0000-00-00"))
                .map_or("it has no date".to_owned(), |(field, text)| {
                    format!("its `{field}` “{text}” is not a date from 0000 to 9999 (YYYY-MM-DD hh:mm:ss)")
                });
                found.push(WpComment::Unreadable { wp_id: raw_id, why });
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
                    why: format!("its `wp:comment_parent` “{raw_parent}” is not a comment id"),
                });
                continue;
            };
            let url = text_of(&c, "comment_author_url").trim().to_owned();
            let author = html_to_text(&text_of(&c, "comment_author"));
            found.push(WpComment::Publish {
                wp_id,
                comment: Comment {
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
                },
                date_field,
                date_text,
            });
        }
    }
    Ok(found)
}
