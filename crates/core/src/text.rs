//! WordPress's rules for plain text that both the comments and the site's
//! settings follow: what trimming removes and what an email address is. Why a
//! module of its own: `content` (the owner's address) and `comments` (the
//! reader's) both use them, and neither uses the other for it.

/// Longest email address, in UTF-8 bytes.
pub const MAX_EMAIL_BYTES: usize = 100;

/// Removes white space and NUL from both ends. WordPress uses PHP's `trim()`
/// (space, tab, line breaks, NUL, vertical tab); this also removes the other
/// Unicode spaces, so a comment of only non-breaking spaces counts as empty.
pub fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\0')
}

/// WordPress's `is_email()`: a deliberately simple check, not RFC 5322.
pub fn is_email(email: &str) -> bool {
    if email.len() < 6 {
        return false;
    }
    // An '@' that is not the first character.
    let Some(at) = email
        .get(1..)
        .and_then(|rest| rest.find('@'))
        .map(|i| i + 1)
    else {
        return false;
    };
    let (local, domain) = (&email[..at], &email[at + 1..]);
    let local_ok = local
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b));
    if local.is_empty() || !local_ok {
        return false;
    }
    if domain.contains("..")
        || domain.trim_matches(|c: char| " \t\n\r\0\x0B.".contains(c)) != domain
    {
        return false;
    }
    let subs: Vec<&str> = domain.split('.').collect();
    subs.len() >= 2
        && subs.iter().all(|sub| {
            !sub.is_empty()
                && !sub.starts_with('-')
                && !sub.ends_with('-')
                && sub.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}
