//! Sending replies to the site's owner for publishing: the panel (a modal
//! `<dialog>`: Email it, Save the file, Share…), "Send all my replies", what the
//! "Your comments, your file" area says about what is only in this browser, and
//! asking the browser to keep the site's data.
//!
//! What is sent is made by `comments::outbox` (the reply file, the `mailto:` link
//! and its block), and carries the reader's email address for the owner; the
//! published replies never do.

use crate::comments::export::export_json;
use crate::comments::{outbox, CommentId};
use crate::content::site::LIVE_OWNER;
use crate::context::use_lang;
use crate::discussion::{Discussion, Sending};
use crate::glue::download::download;
use crate::glue::share::{can_share, share_file};
use crate::glue::time_zone::utc_offset_minutes;
use crate::time;
use leptos::html;
use leptos::prelude::*;

/// The panel, open while [`Discussion::sending`] names what it sends.
#[component]
#[allow(unreachable_pub)]
pub fn SendPanel() -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let open = discussion.sending().is_some();
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });
    view! {
        // A modal dialog: focus moves in and stays in; Escape closes it, and focus
        // goes back to the button that opened it (`Discussion::close_send`).
        <dialog class="send-panel" node_ref=dialog aria-labelledby="send-title"
            on:close=move |_| discussion.close_send()>
            {move || discussion.sending().map(|what| view! { <SendContent what=what /> })}
            <p class="send-close">
                <button type="button" class="link-button" on:click=move |_| discussion.close_send()>
                    {move || lang.get().strings().close}
                </button>
            </p>
        </dialog>
    }
}

#[component]
fn SendContent(what: Sending) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let comments = discussion.sending_comments();
    let ids: Vec<CommentId> = comments.iter().map(|c| c.id.clone()).collect();
    let ids = StoredValue::new(ids);
    let now = js_sys::Date::now() as i64;
    let post = discussion.post_slug();
    let title = discussion.title();
    let (file_name, json) = match (&what, comments.as_slice()) {
        (Sending::One(_), [one]) => (
            outbox::reply_file_name(one),
            outbox::reply_file_json(one, now),
        ),
        _ => (
            format!("replies-{post}-{}.json", &time::iso_utc(now)[..10]),
            export_json(&post, time::iso_utc(now), &comments, &[]),
        ),
    };
    // Email it: one reply, when the site has an address.
    let mail = match (&what, comments.as_slice(), LIVE_OWNER.email) {
        (Sending::One(_), [one], Some(to)) => Some(outbox::mailto(Some(to), &title, one)),
        _ => None,
    };
    let attach = mail.as_ref().is_some_and(|m| m.attach_file);
    let shareable = can_share(&file_name, &json);
    let said = RwSignal::new(String::new());
    let file = StoredValue::new((file_name, json));
    let sent = move || ids.with_value(|ids| discussion.mark_sent(ids, js_sys::Date::now() as i64));
    let save = move |_| {
        let ok = file.with_value(|(name, json)| download(name, json).is_ok());
        let l = lang.get_untracked();
        said.set(if ok {
            sent();
            discussion.mark_saved(js_sys::Date::now() as i64);
            file.with_value(|(name, _)| l.saved_to(name))
        } else {
            l.strings().export_failed.to_owned()
        });
    };
    let share = move |_| {
        let promise = file.with_value(|(name, json)| share_file(name, json));
        leptos::task::spawn_local(async move {
            let shared = match promise {
                Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                None => false,
            };
            if shared {
                sent();
                said.set(String::new());
            } else {
                said.set(lang.get_untracked().strings().share_failed.to_owned());
            }
        });
    };
    let save_button = move || {
        view! { <button type="button" class="secondary-button" on:click=save>{move || t().save_file}</button> }
    };
    let email = mail.map(|m| {
        view! {
            <a class="secondary-button email-link" href=m.href on:click=move |_| sent()>{move || t().email_it}</a>
        }
    });
    let has_email = email.is_some();
    let owner = LIVE_OWNER.name;
    view! {
        <h2 id="send-title" class="send-title">{move || match what {
            Sending::One(_) => t().send_for_publishing,
            Sending::All => t().send_all,
        }}</h2>
        <p>{move || lang.get().send_intro(owner)}</p>
        {attach.then(|| view! { <p class="send-note">{move || t().attach_note}</p> })}
        {(!has_email).then(|| view! { <p class="send-note">{move || t().file_note}</p> })}
        <div class="send-actions">
            {attach.then(save_button)}
            {email}
            {(!attach).then(save_button)}
            {shareable.then(|| view! {
                <button type="button" class="secondary-button" on:click=share>{move || t().share}</button>
            })}
        </div>
        <p class="send-said" role="status">{move || said.get()}</p>
    }
}

/// "Send all my replies": the panel for every reply not published yet, one file.
#[component]
#[allow(unreachable_pub)]
pub fn SendAllButton() -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    view! {
        <button type="button" class="secondary-button send-all-button" aria-haspopup="dialog"
            on:click=move |_| discussion.open_send(Sending::All)>
            {move || lang.get().strings().send_all}
        </button>
    }
}

/// "3 replies are only in this browser, not saved to a file since 2 December.",
/// and whether the browser promised to keep them.
#[component]
#[allow(unreachable_pub)]
pub fn SentState(unpublished: Memo<usize>) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    move || {
        let n = unpublished.get();
        (n > 0).then(|| {
            let l = lang.get();
            let now = js_sys::Date::now() as i64;
            let this_year = time::year(now, utc_offset_minutes(now));
            let saved = discussion
                .saved_at()
                .map(|ms| time::day(ms, utc_offset_minutes(ms), l, this_year));
            let kept = match discussion.persisted() {
                Some(true) => l.strings().kept_promised,
                _ => l.strings().kept_not_promised,
            };
            view! { <p class="kept-note">{l.only_here(n, saved.as_deref())} " " {kept}</p> }
        })
    }
}
