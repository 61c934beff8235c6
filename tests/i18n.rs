//! Native tests: the interface in English and Spanish — language choice, counts,
//! numbers, dates and WordPress's messages in both.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::export::{ImportReport, Refusal};
use goosebumps::comments::guards::GuardError;
use goosebumps::comments::validation::{counter_text, FieldError};
use goosebumps::i18n::Lang;
use goosebumps::storage::StoreError;

#[test]
fn the_language_follows_the_browser() {
    assert_eq!(Lang::negotiate(["es-AR", "en"]), Lang::Es);
    assert_eq!(Lang::negotiate(["es-MX"]), Lang::Es);
    assert_eq!(Lang::negotiate(["fr-FR", "es"]), Lang::Es);
    assert_eq!(Lang::negotiate(["en-GB", "es"]), Lang::En);
    assert_eq!(
        Lang::negotiate(["de", "fr"]),
        Lang::En,
        "English when we have none of them"
    );
    assert_eq!(Lang::negotiate([]), Lang::En);
    assert_eq!(Lang::from_tag("ES_es"), Some(Lang::Es));
}

#[test]
fn counts_and_numbers_are_formatted_for_the_language() {
    let title = "Miracle in cell no. 7";
    assert_eq!(
        Lang::En.comments_heading(1, title),
        "One thought on “Miracle in cell no. 7”"
    );
    assert_eq!(
        Lang::En.comments_heading(1234, title),
        "1,234 thoughts on “Miracle in cell no. 7”"
    );
    assert_eq!(
        Lang::Es.comments_heading(1, title),
        "1 comentario en «Miracle in cell no. 7»"
    );
    assert_eq!(
        Lang::Es.comments_heading(3, title),
        "3 comentarios en «Miracle in cell no. 7»"
    );
    assert_eq!(
        Lang::Es.comments_heading(1234, title),
        "1.234 comentarios en «Miracle in cell no. 7»"
    );
    assert!(Lang::Es
        .comments_heading(0, title)
        .starts_with("Aún no hay comentarios"));
    assert_eq!(
        counter_text(&"a".repeat(60_000), Lang::Es).unwrap(),
        "60.000 de 65.525 bytes usados; quedan 5.525."
    );
    let report = |imported, already_here| ImportReport {
        imported,
        already_here,
        ..ImportReport::default()
    };
    assert_eq!(
        report(2, 1).message(Lang::Es),
        "2 importados, 1 ya estaba, 0 no se pudieron leer."
    );
    // One is one in Spanish too ("1 importado", not "1 importados").
    assert_eq!(
        report(1, 2).message(Lang::Es),
        "1 importado, 2 ya estaban, 0 no se pudieron leer."
    );
    let mut bad = report(0, 0);
    bad.refuse(Refusal::Unreadable);
    bad.refuse(Refusal::Unreadable);
    bad.refuse(Refusal::Loop);
    assert_eq!(
        bad.message(Lang::En),
        "0 imported, 0 already here, 3 could not be read (2 × not a comment this page can read; 1 × replies that answer each other in a loop)."
    );
    assert_eq!(
        bad.message(Lang::Es),
        "0 importados, 0 ya estaban, 3 no se pudieron leer (2 × no es un comentario que esta página pueda leer; 1 × respuestas que se responden en bucle)."
    );
}

#[test]
fn wordpress_messages_exist_in_both_languages() {
    for lang in Lang::ALL {
        let t = lang.strings();
        for text in [
            t.leave_reply,
            t.post_comment,
            t.comment,
            t.name,
            t.email,
            t.website,
            t.remember_me,
            t.email_notes,
        ] {
            assert!(!text.is_empty());
        }
    }
    assert_eq!(
        FieldError::CommentMissing.message(Lang::Es),
        "Por favor, escribe el texto del comentario."
    );
    assert_eq!(
        FieldError::Required.message(Lang::Es),
        "Por favor, rellena los campos obligatorios."
    );
    assert_eq!(
        FieldError::EmailInvalid.to_string(),
        "Please enter a valid email address."
    );
    assert_eq!(
        GuardError::Flood.message(Lang::Es),
        "Estás publicando comentarios demasiado rápido. Tómatelo con calma."
    );
    assert!(StoreError::Full
        .message(Lang::Es)
        .starts_with("El almacenamiento de tu navegador"));
    assert_eq!(Lang::Es.strings().post_comment, "Publicar el comentario");
    assert_eq!(Lang::Es.strings().leave_reply, "Deja una respuesta");
    assert_ne!(
        Lang::En.strings().remember_me,
        Lang::Es.strings().remember_me
    );
}
