//! WordPress's comment rules, limits and words.
//!
//! Limits are counted in UTF-8 bytes, as WordPress counts them
//! (`wp_get_comment_fields_max_lengths`, checked with `mb_strlen(…, '8bit')`).
//! Values are trimmed of surrounding white space and NUL (see [`trim`]), as WordPress
//! trims them; nothing
//! else is changed, so a comment is stored exactly as typed.

use super::model::{Draft, ValidComment};
use crate::i18n::Lang;
use crate::text::{is_email, trim, MAX_EMAIL_BYTES};
use thiserror::Error;

/// Longest comment, in UTF-8 bytes.
pub const MAX_COMMENT_BYTES: usize = 65_525;
/// Longest name, in UTF-8 bytes.
pub const MAX_AUTHOR_BYTES: usize = 245;
/// Longest website address, in UTF-8 bytes (after `https://` is added).
pub const MAX_URL_BYTES: usize = 200;
/// From this many bytes on the form shows how much room is left.
pub const COUNTER_FROM_BYTES: usize = 60_000;

/// The form's fields, in the order they appear (and get focus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The comment's text.
    Comment,
    /// The name.
    Author,
    /// The email address.
    Email,
    /// The website.
    Url,
}

/// Why a field was refused, in WordPress's words (see [`FieldError::message`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Error)]
#[error("{}", self.message(Lang::En))]
pub enum FieldError {
    /// No text.
    CommentMissing,
    /// A text over [`MAX_COMMENT_BYTES`].
    CommentTooLong,
    /// The name or the email address is missing.
    Required,
    /// A name over [`MAX_AUTHOR_BYTES`].
    AuthorTooLong,
    /// Not an email address WordPress accepts.
    EmailInvalid,
    /// An email address over `MAX_EMAIL_BYTES`.
    EmailTooLong,
    /// A website over [`MAX_URL_BYTES`].
    UrlTooLong,
    /// Not an `http` or `https` website.
    UrlInvalid,
}

impl FieldError {
    /// The sentence a reader sees, in their language.
    pub fn message(self, lang: Lang) -> &'static str {
        let t = lang.strings();
        match self {
            FieldError::CommentMissing => t.comment_missing,
            FieldError::CommentTooLong => t.comment_too_long,
            FieldError::Required => t.required,
            FieldError::AuthorTooLong => t.author_too_long,
            FieldError::EmailInvalid => t.email_invalid,
            FieldError::EmailTooLong => t.email_too_long,
            FieldError::UrlTooLong => t.url_too_long,
            FieldError::UrlInvalid => t.url_invalid,
        }
    }
}

/// Checks the form as WordPress would. On failure, one error per failing field,
/// in form order, so the first is the one to focus.
pub fn validate(draft: &Draft) -> Result<ValidComment, Vec<(Field, FieldError)>> {
    let content = trim(&draft.comment);
    let author = trim(&draft.author);
    let email = trim(&draft.email);
    let url = normalize_url(&draft.url);
    let mut errors = Vec::new();

    if let Err(e) = validate_text(content) {
        errors.push((Field::Comment, e));
    }
    if author.is_empty() {
        errors.push((Field::Author, FieldError::Required));
    } else if author.len() > MAX_AUTHOR_BYTES {
        errors.push((Field::Author, FieldError::AuthorTooLong));
    }
    if email.is_empty() {
        errors.push((Field::Email, FieldError::Required));
    } else if email.len() > MAX_EMAIL_BYTES {
        errors.push((Field::Email, FieldError::EmailTooLong));
    } else if !is_email(email) {
        errors.push((Field::Email, FieldError::EmailInvalid));
    }
    match &url {
        Err(e) => errors.push((Field::Url, *e)),
        Ok(Some(u)) if u.len() > MAX_URL_BYTES => errors.push((Field::Url, FieldError::UrlTooLong)),
        Ok(_) => {}
    }

    if errors.is_empty() {
        Ok(ValidComment {
            content: content.to_owned(),
            author: author.to_owned(),
            email: email.to_owned(),
            url: url.unwrap_or(None),
        })
    } else {
        Err(errors)
    }
}

/// Checks a comment's text alone (as when it is edited), returning it trimmed.
pub fn validate_text(text: &str) -> Result<&str, FieldError> {
    let text = trim(text);
    if text.is_empty() {
        Err(FieldError::CommentMissing)
    } else if text.len() > MAX_COMMENT_BYTES {
        Err(FieldError::CommentTooLong)
    } else {
        Ok(text)
    }
}

/// True for an `http://` or `https://` address, the only ones shown as links.
pub fn is_web_url(url: &str) -> bool {
    let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    scheme.starts_with("https://") || scheme.starts_with("http://")
}

/// The website as it will be stored: `None` when empty, `https://` added when the
/// scheme is missing, refused when it is not `http`/`https` or has no host.
pub fn normalize_url(raw: &str) -> Result<Option<String>, FieldError> {
    let url = trim(raw);
    if url.is_empty() {
        return Ok(None);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FieldError::UrlInvalid);
    }
    let with_scheme = match scheme_of(url) {
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => {
            url.to_owned()
        }
        Some(_) => return Err(FieldError::UrlInvalid),
        None => format!("https://{}", url.trim_start_matches('/')),
    };
    let after = with_scheme
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or("");
    let host = after.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(FieldError::UrlInvalid);
    }
    Ok(Some(with_scheme))
}

/// The URL's scheme, if it has one. `example.com:8080` has none (that is a host and
/// port), while `javascript:alert(1)` and `mailto:x` do.
fn scheme_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once(':')?;
    let well_formed = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    let is_port = rest.starts_with(|c: char| c.is_ascii_digit()) && !rest.starts_with("//");
    (well_formed && !is_port).then_some(scheme)
}

/// What the live counter under the comment says, once the comment nears its limit.
pub fn counter_text(comment: &str, lang: Lang) -> Option<String> {
    let used = trim(comment).len();
    (used >= COUNTER_FROM_BYTES).then(|| lang.counter(used, MAX_COMMENT_BYTES))
}
