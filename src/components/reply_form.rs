//! The "Leave a Reply" form, with WordPress's fields, words and rules. What is typed
//! is saved as a draft while typing (one draft per reply target) and is never lost
//! on a failed submit.

use crate::comments::validation::{counter_text, validate, Field, FieldError};
use crate::comments::{CommentId, Draft, Identity};
use crate::context::use_lang;
use crate::discussion::Discussion;
use crate::glue::window_events::on_window_event;
use crate::i18n::Lang;
use crate::storage::{keys, records, Store, StoreError};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// A step on this form's draft: the store, the post and the form's reply target.
type DraftStep<'a> = dyn Fn(&dyn Store, &str, Option<&CommentId>) + 'a;

/// How long typing must pause before the draft is written.
const DRAFT_DEBOUNCE: Duration = Duration::from_millis(250);

#[component]
#[allow(unreachable_pub)]
pub fn ReplyForm(
    /// The comment this form answers; `None` for a new top-level comment.
    parent: Option<CommentId>,
    /// The name of the author answered, for the title "Leave a Reply to NAME".
    #[prop(optional)]
    parent_author: Option<String>,
) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let who = discussion.identity();
    let target = StoredValue::new(parent.clone());
    let post = StoredValue::new(discussion.post_slug());
    let with_store = move |f: &DraftStep<'_>| {
        post.with_value(|post| {
            target.with_value(|parent| discussion.with_store(|s| f(s, post, parent.as_ref())))
        })
    };
    let initial = post.with_value(|post| {
        discussion.with_store(|s| records::load_draft(s, post, parent.as_ref()))
    });
    let comment = RwSignal::new(initial.map(|d| d.comment).unwrap_or_default());
    // What the app puts into the textarea (a restored draft, an empty form after
    // posting). Typing only updates `comment`: writing a long text back into the
    // textarea on every keystroke would cost a relayout each time.
    let shown = RwSignal::new(comment.get_untracked());
    let errors = RwSignal::new(Vec::<(Field, FieldError)>::new());
    let status = RwSignal::new(String::new());
    let draft_problem = RwSignal::new(None::<String>);
    let error_of =
        move |field: Field| errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, e)| *e));

    // The draft as it stands; `None` once this form's signals are gone.
    let current = move || {
        Some(Draft {
            comment: comment.try_get_untracked()?,
            author: who.author.try_get_untracked()?,
            email: who.email.try_get_untracked()?,
            url: who.url.try_get_untracked()?,
            remember: who.remember.try_get_untracked()?,
        })
    };

    // Draft saving: debounced while typing, flushed when the page is hidden or
    // left and when this form closes (switching to another reply).
    let dirty = StoredValue::new_local(false);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let save_draft = move || {
        if let Some(Some(handle)) = timer.try_get_value() {
            handle.clear();
        }
        let _ = timer.try_set_value(None);
        if dirty.try_get_value() != Some(true) {
            return;
        }
        dirty.set_value(false);
        let Some(draft) = current() else { return };
        let saved = post.with_value(|post| {
            target.with_value(|parent| {
                discussion.with_store(|s| records::save_draft(s, post, parent.as_ref(), &draft))
            })
        });
        let _ = draft_problem.try_set(saved.err().map(|e| {
            let lang = lang.get_untracked();
            match e {
                StoreError::Full => lang.strings().draft_storage_full.to_owned(),
                other => format!("{} {}", lang.strings().draft_not_saved, other.message(lang)),
            }
        }));
    };
    let typed = move || {
        dirty.set_value(true);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(save_draft, DRAFT_DEBOUNCE).ok());
    };
    on_window_event("pagehide", move |_| save_draft());
    on_window_event("visibilitychange", move |_| save_draft());
    // Another tab posted its comment and so removed this form's draft (the new
    // comment's form is one key for every tab): this tab's unposted text is
    // written back at once, so a reload does not lose it. (Another tab's *typing*
    // is left alone: the last draft written wins, and each tab keeps its text.)
    let draft_key = post.with_value(|post| target.with_value(|p| keys::draft(post, p.as_ref())));
    on_window_event("storage", move |ev| {
        if let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() {
            if ev.key().as_deref() == Some(draft_key.as_str())
                && ev.new_value().is_none()
                && comment.try_with_untracked(|c| !c.trim().is_empty()) == Some(true)
            {
                dirty.set_value(true);
                save_draft();
            }
        }
    });
    on_cleanup(save_draft);
    // If the comment this form answers goes, the discussion takes the text over
    // (into the new comment's form); this form then has nothing left to save.
    discussion.hold_reply_form(
        parent.clone(),
        Rc::new(move || {
            let draft = current();
            let _ = dirty.try_set_value(false);
            draft
        }),
    );
    let held = parent.clone();
    on_cleanup(move || discussion.release_reply_form(&held));

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
    // A reply form takes focus when it opens, so keyboard and screen reader users land in it.
    if parent.is_some() {
        Effect::new(move |_| {
            if let Some(el) = comment_ref.get() {
                let _ = el.focus();
            }
        });
    }

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(draft) = current() else { return };
        let valid = match validate(&draft) {
            Ok(valid) => valid,
            Err(found) => {
                let first = found[0].0;
                status.set(error_summary(&found, lang.get_untracked()));
                errors.set(found);
                focus(first);
                return;
            }
        };
        errors.set(Vec::new());
        let identity = Identity {
            author: valid.author.clone(),
            email: valid.email.clone(),
            url: valid.url.clone().unwrap_or_default(),
        };
        let now = js_sys::Date::now() as i64;
        // The text is in storage before it is posted, so the draft removed below
        // is this tab's own (another tab may have written that key since).
        dirty.set_value(true);
        save_draft();
        if let Err(e) = discussion.post(target.get_value(), valid, now) {
            let lang = lang.get_untracked();
            status.set(format!("{} {}", lang.strings().not_posted, e.message(lang)));
            focus(Field::Comment);
            return;
        }
        // Stored: now the draft may go, and the identity is remembered or forgotten.
        dirty.set_value(false);
        with_store(&|s, post, parent| {
            let _ = records::clear_draft_if_posted(s, post, parent, &draft.comment);
            let _ = if draft.remember {
                records::save_identity(s, &identity)
            } else {
                records::forget_identity(s)
            };
            if parent.is_some() && !draft.remember {
                // The new comment's draft holds the identity too: it keeps its
                // text, not the name, email and website the reader did not want kept.
                let _ = records::strip_identity_from_draft(s, post);
            }
        });
        let _ = comment.try_set(String::new());
        let _ = shown.try_set(String::new());
        if !draft.remember {
            who.author.set(String::new());
            who.email.set(String::new());
            who.url.set(String::new());
        }
        // Announced once, by the comments area (this form may move or be rebuilt).
        let _ = status.try_set(String::new());
        let posted = lang.get_untracked().strings().posted;
        discussion.announce(posted);
    };

    // Memos: a keystroke changes the counter's text, and only that; the textarea's
    // attributes are touched when the counter appears or goes.
    let counter = Memo::new(move |_| comment.with(|c| counter_text(c, lang.get())));
    let has_counter = Memo::new(move |_| counter.with(Option::is_some));
    let comment_error = move || error_of(Field::Comment).map(|e| e.message(lang.get()));
    let described_by = move || {
        let mut ids = Vec::new();
        if has_counter.get() {
            ids.push("comment-counter");
        }
        if comment_error().is_some() {
            ids.push("comment-error");
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    // A name is the reader's text: isolated, so a direction override in it cannot
    // turn the page's own words around.
    let title = move || match &parent_author {
        Some(name) => {
            let prefix = lang.get().reply_to_title("");
            view! { {prefix} <bdi>{name.clone()}</bdi> }.into_any()
        }
        None => t().leave_reply.into_any(),
    };
    let cancel = parent.is_some().then(|| {
        view! {
            <small>
                <button type="button" class="link-button cancel-reply" id="cancel-comment-reply-link"
                    on:click=move |_| discussion.cancel_reply()>{move || t().cancel_reply}</button>
            </small>
        }
    });

    view! {
        <div id="respond" class="comment-respond">
            <h2 id="reply-title" class="comment-reply-title">{title} " " {cancel}</h2>
            <form id="commentform" class="comment-form" novalidate on:submit=on_submit>
                <noscript>
                    <p class="notice notice-warning">{move || t().needs_javascript}</p>
                </noscript>
                <p class="comment-notes">
                    <span id="email-notes">{move || t().email_notes}</span>
                    " "
                    <span class="required-field-message">{move || t().required_fields} " " <span class="required">"*"</span></span>
                </p>
                // Disabled in the build-time page: nothing can be typed before the app runs.
                <fieldset class="form-fields" disabled=super::until_live()>
                <p class="comment-form-comment">
                    <label for="comment">{move || t().comment} " " <span class="required">"*"</span></label>
                    <textarea id="comment" name="comment" rows="8" required
                        node_ref=comment_ref
                        aria-invalid=move || comment_error().is_some().then_some("true")
                        aria-describedby=described_by
                        prop:value=move || shown.get()
                        on:input:target=move |ev| { comment.set(ev.target().value()); typed(); }
                    ></textarea>
                    {move || has_counter.get().then(|| view! { <span id="comment-counter" class="counter">{move || counter.get()}</span> })}
                    {move || comment_error().map(|text| view! { <span id="comment-error" class="field-error">{text}</span> })}
                </p>
                <TextField id="author" label=Signal::derive(move || t().name) required=true kind="text" autocomplete="name"
                    value=who.author error=Signal::derive(move || error_of(Field::Author)) node_ref=author_ref on_typed=typed />
                <TextField id="email" label=Signal::derive(move || t().email) required=true kind="email" autocomplete="email"
                    value=who.email error=Signal::derive(move || error_of(Field::Email)) node_ref=email_ref on_typed=typed
                    note="email-notes" />
                <TextField id="url" label=Signal::derive(move || t().website) required=false kind="url" autocomplete="url"
                    value=who.url error=Signal::derive(move || error_of(Field::Url)) node_ref=url_ref on_typed=typed />
                <p class="comment-form-cookies-consent">
                    <input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox"
                        prop:checked=move || who.remember.get()
                        on:change:target=move |ev| { who.remember.set(ev.target().checked()); typed(); } />
                    " "
                    <label for="wp-comment-cookies-consent">{move || t().remember_me}</label>
                </p>
                <p class="form-submit">
                    <button type="submit" id="submit" class="submit">{move || t().post_comment}</button>
                </p>
                <p class="form-status" role="status" aria-live="polite" aria-atomic="true">{move || status.get()}</p>
                {move || draft_problem.get().map(|text| view! { <p class="notice notice-warning">{text}</p> })}
                </fieldset>
            </form>
        </div>
    }
}

/// One labelled `<input>` with its error beside it.
#[component]
#[allow(unreachable_pub)]
fn TextField(
    id: &'static str,
    label: Signal<&'static str>,
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
    let lang = use_lang();
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
            {move || error.get().map(|e| view! { <span id=error_id.clone() class="field-error">{e.message(lang.get())}</span> })}
        </p>
    }
}

/// What the live region says after a refused submit.
fn error_summary(errors: &[(Field, FieldError)], lang: Lang) -> String {
    let mut messages: Vec<&str> = errors.iter().map(|(_, e)| e.message(lang)).collect();
    messages.dedup();
    format!("{} {}", lang.strings().not_posted, messages.join(" "))
}
