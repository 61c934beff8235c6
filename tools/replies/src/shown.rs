//! What the owner's terminal shows of a stranger's text: the text itself, except
//! the characters a terminal acts on instead of showing (controls: C0, DEL, C1)
//! and the marks that reorder what follows them (bidirectional overrides,
//! isolates and marks), which are written as `\u{…}`. So a name cannot clear
//! the screen, colour the rest of a line, or make `gnp.exe` read as `exe.png`.

use std::fmt::Write;

/// True for a character written as `\u{…}`: C0 controls (line breaks and tabs
/// too: every message is one line), DEL, C1 controls, the Arabic letter mark
/// (U+061C), the left-to-right and right-to-left marks (U+200E, U+200F), the
/// embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
pub fn is_hidden(c: char) -> bool {
    matches!(
        c as u32,
        0x00..=0x1F | 0x7F..=0x9F | 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069
    )
}

/// `text` with every [`is_hidden`] character written as `\u{…}` (lower-case hex).
pub fn shown(text: &str) -> String {
    if !text.chars().any(is_hidden) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` on one line (white space runs made one space), at most `max` characters.
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!(
            "{}…",
            flat.chars().take(max.saturating_sub(1)).collect::<String>()
        )
    }
}
