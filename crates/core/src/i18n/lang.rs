//! An interface language, and the words that depend on it (counts, numbers, names).

use super::catalogue::{self, Strings};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    /// English.
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, in the order the switch offers them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code, for `lang` attributes and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language a browser tag like `es-AR` or `en-GB` asks for, if we have it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages we have, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The interface's fixed strings in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &catalogue::EN,
            Lang::Es => &catalogue::ES,
        }
    }

    /// `65525` → `65,525` (English) or `65.525` (Spanish).
    pub fn number(self, n: usize) -> String {
        let sep = match self {
            Lang::En => ',',
            Lang::Es => '.',
        };
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// The comments heading: "One thought on “Title”", "3 comentarios en «Title»"…
    pub fn comments_heading(self, count: usize, title: &str) -> String {
        match (self, count) {
            (Lang::En, 0) => "No thoughts yet. Be the first to share yours!".to_owned(),
            (Lang::En, 1) => format!("One thought on “{title}”"),
            (Lang::En, n) => format!("{} thoughts on “{title}”", self.number(n)),
            (Lang::Es, 0) => "Aún no hay comentarios. ¡Sé el primero en dejar el tuyo!".to_owned(),
            (Lang::Es, 1) => format!("1 comentario en «{title}»"),
            (Lang::Es, n) => format!("{} comentarios en «{title}»", self.number(n)),
        }
    }

    /// "Leave a Reply to NAME"; with an empty name, the words before it.
    pub fn reply_to_title(self, name: &str) -> String {
        match self {
            Lang::En => format!("Leave a Reply to {name}"),
            Lang::Es => format!("Responder a {name}"),
        }
    }

    /// "Reply to NAME", the Reply button's label.
    pub fn reply_to_label(self, name: &str) -> String {
        match self {
            Lang::En => format!("Reply to {name}"),
            Lang::Es => format!("Responder a {name}"),
        }
    }

    /// "Comment by NAME", a comment's label.
    pub fn comment_by(self, name: &str) -> String {
        match self {
            Lang::En => format!("Comment by {name}"),
            Lang::Es => format!("Comentario de {name}"),
        }
    }

    /// Said when saved replies could not be read.
    pub fn unreadable_notice(self, count: usize) -> String {
        match (self, count) {
            (Lang::En, 1) => "One saved reply could not be read; it was left untouched.".to_owned(),
            (Lang::En, n) => {
                format!("{n} saved replies could not be read; they were left untouched.")
            }
            (Lang::Es, 1) => {
                "Un comentario guardado no se pudo leer; se ha dejado intacto.".to_owned()
            }
            (Lang::Es, n) => {
                format!("{n} comentarios guardados no se pudieron leer; se han dejado intactos.")
            }
        }
    }

    /// The live counter under the comment, once it nears its limit (`used` and `max` in bytes).
    pub fn counter(self, used: usize, max: usize) -> String {
        let (u, m) = (self.number(used), self.number(max));
        match (self, used <= max) {
            (Lang::En, true) => format!("{u} of {m} bytes used; {} left.", self.number(max - used)),
            (Lang::En, false) => format!(
                "{u} of {m} bytes used; {} too many.",
                self.number(used - max)
            ),
            (Lang::Es, true) => format!(
                "{u} de {m} bytes usados; quedan {}.",
                self.number(max - used)
            ),
            (Lang::Es, false) => format!(
                "{u} de {m} bytes usados; sobran {}.",
                self.number(used - max)
            ),
        }
    }

    /// "Sent for publishing — waiting for OWNER".
    pub fn sent_waiting(self, owner: &str) -> String {
        match self {
            Lang::En => format!("Sent for publishing — waiting for {owner}"),
            Lang::Es => format!("Enviado para publicar — a la espera de {owner}"),
        }
    }

    /// What the send panel says first: who publishes, and that the email goes too.
    pub fn send_intro(self, owner: &str) -> String {
        match self {
            Lang::En => format!(
                "{owner} reads what you send and publishes it on this page for everyone. \
                 It carries your email address, so that {owner} can answer you; that is never published."
            ),
            Lang::Es => format!(
                "{owner} lee lo que envías y lo publica en esta página para todos. \
                 Lleva tu dirección de correo, para que {owner} pueda responderte; esa nunca se publica."
            ),
        }
    }

    /// "3 replies are only in this browser, not saved to a file since 2 December."
    /// (`saved` is the date words of the last save, if there was one.)
    pub fn only_here(self, count: usize, saved: Option<&str>) -> String {
        let n = self.number(count);
        match (self, count == 1, saved) {
            (Lang::En, true, Some(d)) => format!("1 reply is only in this browser, not saved to a file since {d}."),
            (Lang::En, true, None) => "1 reply is only in this browser, never saved to a file.".to_owned(),
            (Lang::En, false, Some(d)) => format!("{n} replies are only in this browser, not saved to a file since {d}."),
            (Lang::En, false, None) => format!("{n} replies are only in this browser, never saved to a file."),
            (Lang::Es, true, Some(d)) => format!("1 respuesta está solo en este navegador, sin guardar en un archivo desde el {d}."),
            (Lang::Es, true, None) => "1 respuesta está solo en este navegador, nunca guardada en un archivo.".to_owned(),
            (Lang::Es, false, Some(d)) => format!("{n} respuestas están solo en este navegador, sin guardar en un archivo desde el {d}."),
            (Lang::Es, false, None) => format!("{n} respuestas están solo en este navegador, nunca guardadas en un archivo."),
        }
    }

    /// "Saved to FILE."
    pub fn saved_to(self, file: &str) -> String {
        match self {
            Lang::En => format!("Saved to {file}."),
            Lang::Es => format!("Guardado en {file}."),
        }
    }

    /// Said once the file `file` was saved.
    pub fn exported_to(self, file: &str) -> String {
        match self {
            Lang::En => format!("Exported to {file}."),
            Lang::Es => format!("Exportado a {file}."),
        }
    }

    /// Said when the browser would not copy the link `url`.
    pub fn copy_failed(self, url: &str) -> String {
        match self {
            Lang::En => {
                format!("Your browser did not let the page copy the link. Here it is: {url}")
            }
            Lang::Es => format!("Tu navegador no dejó copiar el enlace. Aquí lo tienes: {url}"),
        }
    }
}
