//! The built `index.html` every page starts from, and the markup a view renders to.

use crate::components::{SiteBase, BASE_ATTR, POST_ATTR, PRERENDER_ROOT};
use leptos::prelude::*;

/// The markup of one page's body, rendered under a new owner with the site's base.
pub(super) fn render_markup(public: &str, view: impl FnOnce() -> AnyView + 'static) -> String {
    let owner = Owner::new();
    let public = public.to_owned();
    owner.with(move || {
        provide_context(SiteBase(public));
        view().to_html()
    })
}

/// The built `index.html` with its places found: the text of `<title>`, the end
/// of `<head>`, the start of `<body>`'s content. Found by tags outside comments,
/// in the template alone.
pub(super) struct Template<'a> {
    pub(super) text: &'a str,
    /// The title's text (between `<title>` and `</title>`).
    pub(super) title: std::ops::Range<usize>,
    /// Where `</head>` starts.
    pub(super) head_end: usize,
    /// Just after the `<body …>` tag.
    pub(super) body_start: usize,
}

impl<'a> Template<'a> {
    pub(super) fn parse(text: &'a str) -> Result<Self, String> {
        let tags = tags(text);
        let find = |name: &str, from: usize| {
            tags.iter()
                .find(|t| t.start >= from && t.name.eq_ignore_ascii_case(name))
        };
        let missing = |what: &str| format!("the built index.html has no {what}");
        let title_open = find("title", 0).ok_or_else(|| missing("<title>"))?;
        // The title's text is raw text: its end is the next `</title`.
        let title_close = text[title_open.end..]
            .to_ascii_lowercase()
            .find("</title")
            .map(|at| title_open.end + at)
            .ok_or_else(|| missing("</title>"))?;
        let head_end = find("/head", title_close)
            .ok_or_else(|| missing("</head> after its <title>"))?
            .start;
        let body = find("body", head_end).ok_or_else(|| missing("<body> after </head>"))?;
        Ok(Self {
            text,
            title: title_open.end..title_close,
            head_end,
            body_start: body.end,
        })
    }

    /// The page: the template with `page_title`, the `head` tags before
    /// `</head>`, and `markup` under the root the app starts over. Assembled from
    /// the template's pieces around the places found by [`Template::parse`].
    pub(super) fn page(
        &self,
        page_title: &str,
        head: &str,
        markup: &str,
        public: &str,
        post: Option<&str>,
    ) -> String {
        let t = self.text;
        let post_attr = post
            .map(|slug| format!(" {POST_ATTR}=\"{}\"", escape(slug)))
            .unwrap_or_default();
        let mut html = String::with_capacity(t.len() + head.len() + markup.len() + 200);
        html.push_str(&t[..self.title.start]);
        html.push_str(&escape(page_title));
        html.push_str(&t[self.title.end..self.head_end]);
        html.push_str(head);
        html.push_str(&t[self.head_end..self.body_start]);
        html.push_str(&format!(
            "\n<div id=\"{PRERENDER_ROOT}\" {BASE_ATTR}=\"{}\"{post_attr}>",
            escape(public)
        ));
        html.push_str(markup);
        html.push_str("</div>");
        html.push_str(&t[self.body_start..]);
        html
    }
}

/// A start or end tag of the template: `name` is `title`, `/head`…; `start` and
/// `end` are the byte offsets of `<` and just after `>`.
pub(super) struct Tag<'a> {
    pub(super) name: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The tags of `html`, skipping comments and the text of `<script>`/`<style>`/
/// `<title>` elements (raw text, where `<` opens nothing).
pub(super) fn tags(html: &str) -> Vec<Tag<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |i| lt + i + 3);
            continue;
        }
        let name_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '!'))
            .unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        // The end of the tag: the next `>` outside a quoted attribute value.
        let mut quote = None;
        let mut end = html.len();
        for (i, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = lt + i + 1;
                    break;
                }
                _ => {}
            }
        }
        found.push(Tag {
            name,
            start: lt,
            end,
        });
        at = end;
        let raw = ["script", "style", "title"]
            .into_iter()
            .find(|r| name.eq_ignore_ascii_case(r));
        if let Some(raw) = raw {
            // Skip to the element's end tag (its text is not markup).
            let close = format!("</{raw}");
            at = html[at..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |i| at + i);
        }
    }
    found
}

pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
