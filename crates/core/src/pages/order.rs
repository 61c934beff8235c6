//! The order of the posts and the addresses of their pages.

use crate::content::Post;

/// The posts newest first (by `published`; the same date, by slug), as the home
/// page and the feeds list them.
pub fn newest_first(posts: &[Post]) -> Vec<&Post> {
    let mut sorted: Vec<&Post> = posts.iter().collect();
    // Why the slug as a second key: two posts of the same second still get one
    // order in every list and every build.
    sorted.sort_by(|a, b| b.published.cmp(&a.published).then(a.slug.cmp(&b.slug)));
    sorted
}

/// The posts either side of `slug` in time: `(previous, next)`, the older and the
/// newer one, as WordPress's post navigation links them; `None` at either end.
pub fn neighbours<'a>(posts: &'a [Post], slug: &str) -> (Option<&'a Post>, Option<&'a Post>) {
    let newest = newest_first(posts);
    let Some(at) = newest.iter().position(|p| p.slug == slug) else {
        return (None, None);
    };
    let next = at.checked_sub(1).map(|i| newest[i]);
    let previous = newest.get(at + 1).copied();
    (previous, next)
}

/// The oldest post: the one the site's single page used to be, so old links to
/// `/#comment-<id>` are sent to it.
pub fn first_post(posts: &[Post]) -> Option<&Post> {
    newest_first(posts).last().copied()
}

/// A post's address under `base` (which ends with `/`): `<base><slug>/`.
pub fn post_url(base: &str, slug: &str) -> String {
    format!("{base}{slug}/")
}

/// The address of a post's comment page `n` under `base` (which ends with `/`), as
/// WordPress makes it: the post's own address for the first page (it shows the
/// first comment page), `<base><slug>/comment-page-<n>/` for the others.
pub fn comment_page_url(base: &str, slug: &str, n: usize) -> String {
    let post = post_url(base, slug);
    if n > 1 {
        format!("{post}comment-page-{n}/")
    } else {
        post
    }
}

/// The comment page an address's path names: `…/comment-page-<n>/` (also without
/// the last `/`, or with `index.html`) is `n`; any other path is the first page.
pub fn page_in_path(path: &str) -> usize {
    // Why by parts and a prefix, not a search for the words: the browser build then
    // needs no substring search (a few KB of wasm).
    path.rsplit('/')
        .find(|part| !part.is_empty() && *part != "index.html")
        .and_then(|last| last.strip_prefix("comment-page-"))
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1)
}

/// The comment page a build-time render shows (the first without one): the
/// pre-render step gives it to the comments of `<slug>/comment-page-<n>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentPage(pub usize);

/// The first words of `text`: at most `max_chars` characters, cut at a space and
/// ended with `…` when anything was left out.
pub fn first_words(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    // Why at a space: a word cut in half reads as a typo.
    let cut = match cut.rfind(char::is_whitespace) {
        Some(at) if at > 0 => &cut[..at],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c))
    )
}
