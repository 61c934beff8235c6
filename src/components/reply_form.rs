//! The "Leave a Reply" form, with WordPress's fields, words and rules. What is typed
//! is saved as a draft while typing and is never lost on a failed submit.

use super::StoreHandle;
use crate::comments::validation::{counter_text, validate, Field, FieldError};
use crate::comments::{Comment, CommentId, Draft, Identity};
use crate::storage::records;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the draft is written.
const DRAFT_DEBOUNCE: Duration = Duration::from_millis(250);

/// The form's state: one signal per field, plus the errors of the last submit.
#[derive(Clone, Copy)]
struct FormState {
    comment: RwSignal<String>,
    author: RwSignal<String>,
    email: RwSignal<String>,
    url: RwSignal<String>,
    remember: RwSignal<bool>,
    errors: RwSignal<Vec<(Field, FieldError)>>,
}

impl FormState {
    fn new(draft: Draft) -> Self {
        Self {
            comment: RwSignal::new(draft.comment),
            author: RwSignal::new(draft.author),
            email: RwSignal::new(draft.email),
            url: RwSignal::new(draft.url),
            remember: RwSignal::new(draft.remember),
            errors: RwSignal::new(Vec::new()),
        }
    }

    fn draft(&self) -> Draft {
        Draft {
            comment: self.comment.get_untracked(),
            author: self.author.get_untracked(),
            email: self.email.get_untracked(),
            url: self.url.get_untracked(),
            remember: self.remember.get_untracked(),
        }
    }

    fn error(&self, field: Field) -> Option<FieldError> {
        self.errors
            .with(|errors| errors.iter().find(|(f, _)| *f == field).map(|(_, e)| *e))
    }
}

#[component]
pub fn ReplyForm(
    /// The post's slug: where the comment and the draft are stored.
    post: String,
    /// Called with each comment once it is stored.
    on_posted: impl Fn(Comment) + 'static,
) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let parent: Option<CommentId> = None;
    let initial = store.with(|s| {
        records::load_draft(s, &post, parent.as_ref())
            .unwrap_or_else(|| Draft::from_identity(records::load_identity(s).as_ref()))
    });
    let form = FormState::new(initial);
    let status = RwSignal::new(String::new());
    let draft_problem = RwSignal::new(None::<String>);

    // Draft saving: debounced while typing, flushed when the page is hidden or left.
    let dirty = StoredValue::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let post_key = StoredValue::new(post);
    let save_draft = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
        if !dirty.get_value() {
            return;
        }
        dirty.set_value(false);
        let saved = post_key
            .with_value(|post| store.with(|s| records::save_draft(s, post, None, &form.draft())));
        draft_problem.set(
            saved
                .err()
                .map(|e| format!("Your draft could not be saved: {e}")),
        );
    };
    let typed = move || {
        dirty.set_value(true);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(save_draft, DRAFT_DEBOUNCE).ok());
    };
    let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| save_draft());
    let on_hidden = window_event_listener_untyped("visibilitychange", move |_| save_draft());
    on_cleanup(move || {
        on_pagehide.remove();
        on_hidden.remove();
    });

    let comment_ref = NodeRef::<html::Textarea>::new();
    let author_ref = NodeRef::<html::Input>::new();
    let email_ref = NodeRef::<html::Input>::new();
    let url_ref = NodeRef::<html::Input>::new();
    let focus = move |field: Field| {
        let _ = match field {
            Field::Comment => comment_ref.get().map(|el| el.focus()),
            Field::Author => author_ref.get().map(|el| el.focus()),
            Field::Email => email_ref.get().map(|el| el.focus()),
            Field::Url => url_ref.get().map(|el| el.focus()),
        };
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        save_draft();
        let draft = form.draft();
        let valid = match validate(&draft) {
            Ok(valid) => valid,
            Err(errors) => {
                let first = errors[0].0;
                status.set(error_summary(&errors));
                form.errors.set(errors);
                focus(first);
                return;
            }
        };
        form.errors.set(Vec::new());
        let now = js_sys::Date::now() as i64;
        let comment = Comment {
            id: CommentId::generate(now, js_sys::Math::random()),
            post: post_key.get_value(),
            parent_id: None,
            author: valid.author,
            email: valid.email,
            url: valid.url,
            content: valid.content,
            created_ms: now,
        };
        if let Err(e) = store.with(|s| records::save_comment(s, &comment)) {
            status.set(e.to_string());
            return;
        }
        // Stored: now the draft may go, and the identity is remembered or forgotten.
        let identity = Identity {
            author: comment.author.clone(),
            email: comment.email.clone(),
            url: comment.url.clone().unwrap_or_default(),
        };
        post_key.with_value(|post| {
            store.with(|s| {
                let _ = records::clear_draft(s, post, None);
                let _ = if draft.remember {
                    records::save_identity(s, &identity)
                } else {
                    records::forget_identity(s)
                };
            })
        });
        form.comment.set(String::new());
        if !draft.remember {
            form.author.set(String::new());
            form.email.set(String::new());
            form.url.set(String::new());
        }
        status.set("Your comment was posted.".to_owned());
        on_posted(comment);
    };

    let counter = move || form.comment.with(|c| counter_text(c));
    let comment_error = move || form.error(Field::Comment).map(|e| e.to_string());
    let described_by = move || {
        let mut ids = Vec::new();
        if counter().is_some() {
            ids.push("comment-counter");
        }
        if comment_error().is_some() {
            ids.push("comment-error");
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };

    view! {
        <div id="respond" class="comment-respond">
            <h2 id="reply-title" class="comment-reply-title">"Leave a Reply"</h2>
            <form id="commentform" class="comment-form" novalidate on:submit=on_submit>
                <p class="comment-notes">
                    <span id="email-notes">"Your email address will not be published."</span>
                    " "
                    <span class="required-field-message">"Required fields are marked " <span class="required">"*"</span></span>
                </p>
                <p class="comment-form-comment">
                    <label for="comment">"Comment " <span class="required">"*"</span></label>
                    <textarea id="comment" name="comment" rows="8" required
                        node_ref=comment_ref
                        aria-invalid=move || comment_error().is_some().then_some("true")
                        aria-describedby=described_by
                        prop:value=move || form.comment.get()
                        on:input:target=move |ev| { form.comment.set(ev.target().value()); typed(); }
                    ></textarea>
                    {move || counter().map(|text| view! { <span id="comment-counter" class="counter">{text}</span> })}
                    {move || comment_error().map(|text| view! { <span id="comment-error" class="field-error">{text}</span> })}
                </p>
                <TextField id="author" label="Name" required=true kind="text" autocomplete="name"
                    value=form.author error=Signal::derive(move || form.error(Field::Author)) node_ref=author_ref on_typed=typed />
                <TextField id="email" label="Email" required=true kind="email" autocomplete="email"
                    value=form.email error=Signal::derive(move || form.error(Field::Email)) node_ref=email_ref on_typed=typed
                    note="email-notes" />
                <TextField id="url" label="Website" required=false kind="url" autocomplete="url"
                    value=form.url error=Signal::derive(move || form.error(Field::Url)) node_ref=url_ref on_typed=typed />
                <p class="comment-form-cookies-consent">
                    <input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox"
                        prop:checked=move || form.remember.get()
                        on:change:target=move |ev| { form.remember.set(ev.target().checked()); typed(); } />
                    " "
                    <label for="wp-comment-cookies-consent">"Save my name, email, and website in this browser for the next time I comment."</label>
                </p>
                <p class="form-submit">
                    <button type="submit" id="submit" class="submit">"Post Comment"</button>
                </p>
                <p class="form-status" role="status" aria-live="polite" aria-atomic="true">{move || status.get()}</p>
                {move || draft_problem.get().map(|text| view! { <p class="notice notice-warning">{text}</p> })}
            </form>
        </div>
    }
}

/// One labelled `<input>` with its error beside it.
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    required: bool,
    /// The input's `type`.
    kind: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<FieldError>>,
    node_ref: NodeRef<html::Input>,
    on_typed: impl Fn() + 'static,
    /// The id of a note that describes the field (e.g. that the email is not published).
    #[prop(optional)]
    note: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let error_id_for_described = error_id.clone();
    let described_by = move || {
        let ids: Vec<&str> = note
            .into_iter()
            .chain(
                error
                    .get()
                    .is_some()
                    .then_some(error_id_for_described.as_str()),
            )
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <p class=format!("comment-form-{id}")>
            <label for=id>{label} {required.then(|| view! { " " <span class="required">"*"</span> })}</label>
            <input id=id name=id type=kind autocomplete=autocomplete required=required
                spellcheck=(kind != "text").then_some("false")
                node_ref=node_ref
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input:target=move |ev| { value.set(ev.target().value()); on_typed(); } />
            {move || error.get().map(|e| view! { <span id=error_id.clone() class="field-error">{e.to_string()}</span> })}
        </p>
    }
}

/// What the live region says after a refused submit.
fn error_summary(errors: &[(Field, FieldError)]) -> String {
    let messages: Vec<String> = errors.iter().map(|(_, e)| e.to_string()).collect();
    let mut unique = messages.clone();
    unique.dedup();
    format!("Your comment was not posted. {}", unique.join(" "))
}
