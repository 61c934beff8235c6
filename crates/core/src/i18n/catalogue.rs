//! Every interface string, in English and in Spanish (WordPress's own Spanish
//! wording where WordPress has the string). A missing translation does not compile.

/// The fixed strings of the interface. Strings with values in them are methods of
/// [`super::Lang`].
#[derive(Debug)]
pub struct Strings {
    /// English: “Skip to content”.
    pub skip_to_content: &'static str,
    /// English: “Replies you post here are kept in this browser only.”
    pub footer: &'static str,
    /// English: “Page settings”.
    pub settings_label: &'static str,
    /// English: “Dark mode”.
    pub dark_mode: &'static str,
    /// The language switch shows the other language's name, in that language.
    pub other_language: &'static str,
    /// English: “Your browser is blocking storage for this site, so replies are kept…”
    pub storage_blocked: &'static str,
    /// English: “Replying needs JavaScript: please turn it on to leave a reply. The…”
    pub needs_javascript: &'static str,
    /// English: “Your browser's storage for this site is full, so this reply was not…”
    pub storage_full: &'static str,
    /// English: “Your browser could not save this. Your text is still in the form.”
    pub storage_other: &'static str,
    /// Storage full while saving an edit, a deletion or an Undo (not a new reply).
    pub storage_full_change: &'static str,
    /// English: “Your browser could not save this change.”
    pub storage_other_change: &'static str,
    // Testimonial
    /// English: “Text”.
    pub view_text: &'static str,
    /// English: “Video”.
    pub view_video: &'static str,
    /// English: “Show the moment as”.
    pub views_label: &'static str,
    /// English: “Your browser cannot play this video; the Text tab has the same words.”
    pub video_fallback: &'static str,
    /// Offline, or the video could not be loaded.
    pub video_needs_connection: &'static str,
    /// English: “Read the transcript”.
    pub read_transcript: &'static str,
    /// English: “Play video”.
    pub play_video: &'static str,
    /// English: “Play video (loads YouTube)”.
    pub play_video_note: &'static str,
    // Reply form
    /// English: “Leave a Reply”.
    pub leave_reply: &'static str,
    /// English: “Cancel reply”.
    pub cancel_reply: &'static str,
    /// English: “Your email address will not be published.”
    pub email_notes: &'static str,
    /// English: “Required fields are marked”.
    pub required_fields: &'static str,
    /// English: “Comment”.
    pub comment: &'static str,
    /// English: “Name”.
    pub name: &'static str,
    /// English: “Email”.
    pub email: &'static str,
    /// English: “Website”.
    pub website: &'static str,
    /// English: “Save my name, email, and website in this browser for the next time…”
    pub remember_me: &'static str,
    /// English: “Post Comment”.
    pub post_comment: &'static str,
    /// English: “Your comment was posted.”
    pub posted: &'static str,
    /// English: “Your comment was not posted.”
    pub not_posted: &'static str,
    /// English: “Your draft could not be saved:”.
    pub draft_not_saved: &'static str,
    /// English: “Your draft could not be saved because this site's storage in your b…”
    pub draft_storage_full: &'static str,
    // Validation and guards (WordPress's words)
    /// English: “Please type your comment text.”
    pub comment_missing: &'static str,
    /// English: “Your comment is too long.”
    pub comment_too_long: &'static str,
    /// English: “Please fill the required fields.”
    pub required: &'static str,
    /// English: “Your name is too long.”
    pub author_too_long: &'static str,
    /// English: “Please enter a valid email address.”
    pub email_invalid: &'static str,
    /// English: “Your email address is too long.”
    pub email_too_long: &'static str,
    /// English: “Your URL is too long.”
    pub url_too_long: &'static str,
    /// English: “Please enter a website address that starts with http:// or https://…”
    pub url_invalid: &'static str,
    /// English: “Duplicate comment detected; it looks as though you’ve already said…”
    pub duplicate: &'static str,
    /// English: “You are posting comments too quickly. Slow down.”
    pub flood: &'static str,
    // Comments
    /// English: “says:”.
    pub says: &'static str,
    /// English: “(edited)”.
    pub edited: &'static str,
    /// English: “Reply”.
    pub reply: &'static str,
    /// English: “Edit”.
    pub edit: &'static str,
    /// English: “Delete”.
    pub delete: &'static str,
    /// English: “Copy link”.
    pub copy_link: &'static str,
    /// English: “Link copied.”
    pub link_copied: &'static str,
    /// English: “Edit your comment”.
    pub edit_label: &'static str,
    /// English: “Save”.
    pub save: &'static str,
    /// English: “Cancel”.
    pub cancel: &'static str,
    /// English: “Your comment was updated.”
    pub updated: &'static str,
    /// English: “Your comment was not updated.”
    pub not_updated: &'static str,
    /// Saving an edit that changes nothing.
    pub not_changed: &'static str,
    /// The comment being answered was deleted; the reply's text moved to the new comment's form.
    pub reply_moved: &'static str,
    /// English: “This comment was deleted.”
    pub deleted_placeholder: &'static str,
    /// English: “This comment could not be read.”
    pub unreadable_comment: &'static str,
    /// English: “Comment deleted.”
    pub deleted: &'static str,
    /// English: “The comment was not deleted.”
    pub not_deleted: &'static str,
    /// English: “Undo”.
    pub undo: &'static str,
    /// English: “Comment restored.”
    pub restored: &'static str,
    /// English: “The comment could not be restored.”
    pub not_restored: &'static str,
    /// English: “Show”.
    pub order_label: &'static str,
    /// English: “Oldest first”.
    pub oldest_first: &'static str,
    /// English: “Newest first”.
    pub newest_first: &'static str,
    /// English: “Comment pages”.
    pub pages_label: &'static str,
    /// English: “« Previous”.
    pub previous: &'static str,
    /// English: “Next »”.
    pub next: &'static str,
    // Export and import
    /// English: “Your comments, your file”.
    pub tools_title: &'static str,
    /// English: “Comments are kept in this browser only. Export them to keep a copy…”
    pub tools_note: &'static str,
    /// English: “Export comments”.
    pub export: &'static str,
    /// English: “Import comments”.
    pub import: &'static str,
    /// English: “Your browser did not let the page save the file.”
    pub export_failed: &'static str,
    /// English: “This file could not be read. Nothing was imported.”
    pub import_unreadable_file: &'static str,
    /// English: “This file could not be read as JSON. Nothing was imported.”
    pub import_not_json: &'static str,
    /// English: “This is not a Goosebumps comments export. Nothing was imported.”
    pub import_not_export: &'static str,
    /// English: “This export is newer than this page understands. Nothing was imported.”
    pub import_newer: &'static str,
    /// English: “This export holds comments of another post. Nothing was imported.”
    pub import_other_post: &'static str,
    // Publishing
    /// English: “Send for publishing”.
    pub send_for_publishing: &'static str,
    /// English: “Send all my replies”.
    pub send_all: &'static str,
    /// English: “Email it”.
    pub email_it: &'static str,
    /// English: “Save the file”.
    pub save_file: &'static str,
    /// English: “Share…”
    pub share: &'static str,
    /// English: “Close”.
    pub close: &'static str,
    /// English: “This is too long for an email link: save the file first, then attac…”
    pub attach_note: &'static str,
    /// English: “The file is what the site's owner adds to the page; send it by emai…”
    pub file_note: &'static str,
    /// English: “Published”.
    pub published: &'static str,
    /// English: “The file was not shared.”
    pub share_failed: &'static str,
    /// English: “This browser has promised to keep them.”
    pub kept_promised: &'static str,
    /// English: “This browser has not promised to keep them: it may delete them afte…”
    pub kept_not_promised: &'static str,
}

pub(super) static EN: Strings = Strings {
    skip_to_content: "Skip to content",
    footer: "Replies you post here are kept in this browser only.",
    settings_label: "Page settings",
    dark_mode: "Dark mode",
    other_language: "Español",
    needs_javascript: "Replying needs JavaScript: please turn it on to leave a reply. The story above reads fine without it.",
    storage_blocked: "Your browser is blocking storage for this site, so replies are kept only until this tab is closed.",
    storage_full: "Your browser's storage for this site is full, so this reply was not saved. Your text is still in the form. To make room, export your comments to keep a copy, then delete some older replies, and press Post Comment again.",
    storage_other: "Your browser could not save this. Your text is still in the form.",
    storage_full_change: "Your browser's storage for this site is full, so this change was not saved. To make room, export your comments to keep a copy, then delete some older replies, and try again.",
    storage_other_change: "Your browser could not save this change.",
    view_text: "Text",
    view_video: "Video",
    views_label: "Show the moment as",
    video_fallback: "Your browser cannot play this video; the Text tab has the same words.",
    video_needs_connection: "The video needs an internet connection. The Text tab has the same words.",
    read_transcript: "Read the transcript",
    play_video: "Play video",
    play_video_note: "Play video (loads YouTube)",
    leave_reply: "Leave a Reply",
    cancel_reply: "Cancel reply",
    email_notes: "Your email address will not be published.",
    required_fields: "Required fields are marked",
    comment: "Comment",
    name: "Name",
    email: "Email",
    website: "Website",
    remember_me: "Save my name, email, and website in this browser for the next time I comment.",
    post_comment: "Post Comment",
    posted: "Your comment was posted.",
    not_posted: "Your comment was not posted.",
    draft_not_saved: "Your draft could not be saved:",
    draft_storage_full: "Your draft could not be saved because this site's storage in your browser is full. Your text is still in the form.",
    comment_missing: "Please type your comment text.",
    comment_too_long: "Your comment is too long.",
    required: "Please fill the required fields.",
    author_too_long: "Your name is too long.",
    email_invalid: "Please enter a valid email address.",
    email_too_long: "Your email address is too long.",
    url_too_long: "Your URL is too long.",
    url_invalid: "Please enter a website address that starts with http:// or https://, or leave it empty.",
    duplicate: "Duplicate comment detected; it looks as though you’ve already said that!",
    flood: "You are posting comments too quickly. Slow down.",
    says: "says:",
    edited: "(edited)",
    reply: "Reply",
    edit: "Edit",
    delete: "Delete",
    copy_link: "Copy link",
    link_copied: "Link copied.",
    edit_label: "Edit your comment",
    save: "Save",
    cancel: "Cancel",
    updated: "Your comment was updated.",
    not_updated: "Your comment was not updated.",
    not_changed: "Nothing changed, so the comment was left as it was.",
    reply_moved: "The comment you were replying to was deleted. Your reply is in the form below, as a new comment.",
    deleted_placeholder: "This comment was deleted.",
    unreadable_comment: "This comment could not be read.",
    deleted: "Comment deleted.",
    not_deleted: "The comment was not deleted.",
    undo: "Undo",
    restored: "Comment restored.",
    not_restored: "The comment could not be restored.",
    order_label: "Show",
    oldest_first: "Oldest first",
    newest_first: "Newest first",
    pages_label: "Comment pages",
    previous: "« Previous",
    next: "Next »",
    tools_title: "Your comments, your file",
    tools_note: "Comments are kept in this browser only. Export them to keep a copy or move them to another browser; import a file, or drop it here, to bring them back.",
    export: "Export comments",
    import: "Import comments",
    export_failed: "Your browser did not let the page save the file.",
    import_unreadable_file: "This file could not be read. Nothing was imported.",
    import_not_json: "This file could not be read as JSON. Nothing was imported.",
    import_not_export: "This is not a Goosebumps comments export. Nothing was imported.",
    import_newer: "This export is newer than this page understands. Nothing was imported.",
    import_other_post: "This export holds comments of another post. Nothing was imported.",
    send_for_publishing: "Send for publishing",
    send_all: "Send all my replies",
    email_it: "Email it",
    save_file: "Save the file",
    share: "Share…",
    close: "Close",
    attach_note: "This is too long for an email link: save the file first, then attach it to the email.",
    file_note: "The file is what the site's owner adds to the page; send it by email or any other way.",
    published: "Published",
    share_failed: "The file was not shared.",
    kept_promised: "This browser has promised to keep them.",
    kept_not_promised: "This browser has not promised to keep them: it may delete them after a while without a visit (Safari does after 7 days). Export comments saves a copy; Send all my replies sends them for publishing.",
};

pub(super) static ES: Strings = Strings {
    skip_to_content: "Saltar al contenido",
    footer: "Las respuestas que publiques aquí se guardan solo en este navegador.",
    settings_label: "Ajustes de la página",
    dark_mode: "Modo oscuro",
    other_language: "English",
    needs_javascript: "Para responder hace falta JavaScript: actívalo para dejar una respuesta. La historia de arriba se lee bien sin él.",
    storage_blocked: "Tu navegador bloquea el almacenamiento de este sitio, así que las respuestas solo se guardan hasta que cierres esta pestaña.",
    storage_full: "El almacenamiento de tu navegador para este sitio está lleno, así que esta respuesta no se ha guardado. Tu texto sigue en el formulario. Para hacer sitio, exporta tus comentarios para guardar una copia, borra algunas respuestas antiguas y pulsa de nuevo Publicar el comentario.",
    storage_other: "Tu navegador no pudo guardar esto. Tu texto sigue en el formulario.",
    storage_full_change: "El almacenamiento de tu navegador para este sitio está lleno, así que este cambio no se ha guardado. Para hacer sitio, exporta tus comentarios para guardar una copia, borra algunas respuestas antiguas y vuelve a intentarlo.",
    storage_other_change: "Tu navegador no pudo guardar este cambio.",
    view_text: "Texto",
    view_video: "Vídeo",
    views_label: "Ver el momento como",
    video_fallback: "Tu navegador no puede reproducir este vídeo; la pestaña Texto tiene las mismas palabras.",
    video_needs_connection: "El vídeo necesita conexión a internet. La pestaña Texto tiene las mismas palabras.",
    read_transcript: "Leer la transcripción",
    play_video: "Reproducir el vídeo",
    play_video_note: "Reproducir el vídeo (carga YouTube)",
    leave_reply: "Deja una respuesta",
    cancel_reply: "Cancelar la respuesta",
    email_notes: "Tu dirección de correo electrónico no será publicada.",
    required_fields: "Los campos obligatorios están marcados con",
    comment: "Comentario",
    name: "Nombre",
    email: "Correo electrónico",
    website: "Web",
    remember_me: "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.",
    post_comment: "Publicar el comentario",
    posted: "Tu comentario se ha publicado.",
    not_posted: "Tu comentario no se ha publicado.",
    draft_not_saved: "No se pudo guardar tu borrador:",
    draft_storage_full: "No se pudo guardar tu borrador porque el almacenamiento de este sitio en tu navegador está lleno. Tu texto sigue en el formulario.",
    comment_missing: "Por favor, escribe el texto del comentario.",
    comment_too_long: "Tu comentario es demasiado largo.",
    required: "Por favor, rellena los campos obligatorios.",
    author_too_long: "Tu nombre es demasiado largo.",
    email_invalid: "Por favor, introduce una dirección de correo electrónico válida.",
    email_too_long: "Tu dirección de correo electrónico es demasiado larga.",
    url_too_long: "Tu URL es demasiado larga.",
    url_invalid: "Por favor, introduce una web que empiece por http:// o https://, o déjala vacía.",
    duplicate: "Comentario duplicado detectado; ¡parece que ya has dicho eso!",
    flood: "Estás publicando comentarios demasiado rápido. Tómatelo con calma.",
    says: "dice:",
    edited: "(editado)",
    reply: "Responder",
    edit: "Editar",
    delete: "Borrar",
    copy_link: "Copiar el enlace",
    link_copied: "Enlace copiado.",
    edit_label: "Edita tu comentario",
    save: "Guardar",
    cancel: "Cancelar",
    updated: "Tu comentario se ha actualizado.",
    not_updated: "Tu comentario no se ha actualizado.",
    not_changed: "No ha cambiado nada, así que el comentario se ha quedado como estaba.",
    reply_moved: "Se ha borrado el comentario al que respondías. Tu respuesta está en el formulario de abajo, como comentario nuevo.",
    deleted_placeholder: "Este comentario fue borrado.",
    unreadable_comment: "Este comentario no se pudo leer.",
    deleted: "Comentario borrado.",
    not_deleted: "El comentario no se ha borrado.",
    undo: "Deshacer",
    restored: "Comentario restaurado.",
    not_restored: "El comentario no se pudo restaurar.",
    order_label: "Mostrar",
    oldest_first: "Más antiguos primero",
    newest_first: "Más recientes primero",
    pages_label: "Páginas de comentarios",
    previous: "« Anterior",
    next: "Siguiente »",
    tools_title: "Tus comentarios, tu archivo",
    tools_note: "Los comentarios se guardan solo en este navegador. Expórtalos para guardar una copia o llevarlos a otro navegador; importa un archivo, o suéltalo aquí, para recuperarlos.",
    export: "Exportar los comentarios",
    import: "Importar comentarios",
    export_failed: "Tu navegador no dejó guardar el archivo.",
    import_unreadable_file: "Este archivo no se pudo leer. No se ha importado nada.",
    import_not_json: "Este archivo no se pudo leer como JSON. No se ha importado nada.",
    import_not_export: "Esto no es una exportación de comentarios de Goosebumps. No se ha importado nada.",
    import_newer: "Esta exportación es más nueva de lo que esta página entiende. No se ha importado nada.",
    import_other_post: "Esta exportación tiene comentarios de otra entrada. No se ha importado nada.",
    send_for_publishing: "Enviar para publicar",
    send_all: "Enviar todas mis respuestas",
    email_it: "Enviarla por correo",
    save_file: "Guardar el archivo",
    share: "Compartir…",
    close: "Cerrar",
    attach_note: "Es demasiado largo para un enlace de correo: guarda primero el archivo y luego adjúntalo al correo.",
    file_note: "El archivo es lo que el propietario del sitio añade a la página; envíalo por correo o de cualquier otra forma.",
    published: "Publicado",
    share_failed: "El archivo no se ha compartido.",
    kept_promised: "Este navegador ha prometido conservarlas.",
    kept_not_promised: "Este navegador no ha prometido conservarlas: puede borrarlas tras un tiempo sin visitas (Safari lo hace a los 7 días). Exportar los comentarios guarda una copia; Enviar todas mis respuestas las envía para publicar.",
};
