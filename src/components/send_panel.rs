//! Sending replies to the site's owner for publishing: the panel (a modal
//! `<dialog>`: Email it, Save the file, Share…), "Send all my replies", where each
//! reply stands (saved to a file, sent, changed since sent), what the "Your
//! comments, your file" area says about what is only in this browser, and asking
//! the browser to keep the site's data.
//!
//! What is sent is made by `comments::outbox` (the reply file, the `mailto:` link
//! and its block) from what exists when the reader acts: a reply goes with the
//! reader's unpublished replies it answers (`outbox::carried`), so the owner's tool
//! takes it whole. It carries the reader's email address for the owner; the
//! published replies never do. The marks are `comments::sent`'s.

use super::comments_area::download;
use super::discussion::{Discussion, Sending};
use super::{use_lang, utc_offset_minutes};
use crate::comments::export::export_json;
use crate::comments::sent::{Kind, State};
use crate::comments::time::{self, iso_utc};
use crate::comments::{outbox, CommentId};
use crate::content::site::LIVE_OWNER;
use crate::i18n::Lang;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The panel, open while [`Discussion::sending`] names what it sends.
#[component]
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

fn now() -> i64 {
    js_sys::Date::now() as i64
}

#[component]
fn SendContent(what: Sending) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let is_one = matches!(what, Sending::One(_));
    let what = StoredValue::new(what);
    // What is sent, as it is now (read again at each use: another tab's edit or
    // deletion shows at once, and a button sends what exists when pressed).
    let carried = move || what.with_value(|w| discussion.carried(w));
    // The file as it would be saved now: its name, its text and what it holds.
    let file = move || {
        let now = now();
        let post = discussion.post_slug();
        let (comments, _) = carried();
        let name = match what.get_value() {
            Sending::One(id) => format!("reply-{post}-{id}.json"),
            Sending::All => format!("replies-{post}-{}.json", &iso_utc(now)[..10]),
        };
        let json = export_json(&post, iso_utc(now), &comments, &[]);
        (name, json, comments)
    };
    // Email it: one reply, when the site has an address.
    let mail = move || {
        let to = LIVE_OWNER.email?;
        let (all, _) = carried();
        let main = all
            .iter()
            .find(|c| what.with_value(|w| w == &Sending::One(c.id.clone())))?;
        Some(outbox::mailto_with(
            Some(to),
            &discussion.title(),
            main,
            &all,
        ))
    };
    let attach = move || mail().is_some_and(|m| m.attach_file);
    let has_email = is_one && LIVE_OWNER.email.is_some();
    let (name, json, _) = file();
    let shareable = can_share(&name, &json);
    let said = RwSignal::new(String::new());
    // A file was saved: "I sent the file" marks what it held sent.
    let saved = RwSignal::new(false);
    let owner = LIVE_OWNER.name;
    // Marks what is sent (see `Kind`), and says so, or why the browser would not
    // keep it: a mark that is not kept is not shown.
    let sent = move |kind: Kind, first: &str| {
        let l = lang.get_untracked();
        let (comments, _) = carried();
        said.set(match discussion.mark(kind, &comments, now()) {
            Ok(()) => format!("{first}{}.", l.sent_waiting(owner)),
            Err(e) => format!("{first}{}", e.change_message(l)),
        });
    };
    let save = move |_| {
        let (name, json, comments) = file();
        let l = lang.get_untracked();
        said.set(match download(&name, &json) {
            Ok(()) => {
                saved.set(true);
                match discussion.mark(Kind::Saved, &comments, now()) {
                    Ok(()) => l.saved_to(&name),
                    Err(e) => format!("{} {}", l.saved_to(&name), e.change_message(l)),
                }
            }
            Err(_) => l.strings().export_failed.to_owned(),
        });
    };
    let share = move |_| {
        let (name, json, _) = file();
        let promise = share_file(&name, &json);
        leptos::task::spawn_local(async move {
            let shared = match promise {
                Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                None => false,
            };
            let l = lang.get_untracked();
            if shared {
                sent(Kind::Sent, &format!("{} ", l.strings().shared));
            } else {
                said.set(l.strings().share_failed.to_owned());
            }
        });
    };
    let save_button = move || {
        view! { <button type="button" class="secondary-button" on:click=save>{move || t().save_file}</button> }
    };
    let email = has_email.then(|| {
        view! {
            <a class="secondary-button email-link" href=move || mail().map(|m| m.href)
                on:click=move |_| sent(Kind::Sent, "")>{move || t().email_it}</a>
        }
    });
    view! {
        <h2 id="send-title" class="send-title">{move || if is_one { t().send_for_publishing } else { t().send_all }}</h2>
        <p>{move || lang.get().send_intro(owner)}</p>
        // The reply as it is now, and what goes with it.
        {move || {
            let (all, moved) = carried();
            let l = lang.get();
            let mut words = String::new();
            if is_one && all.len() > 1 {
                words = l.send_with(all.len() - 1);
            }
            if moved > 0 {
                words = format!("{words} {}", l.strings().send_moved);
            }
            let quote = all.into_iter().rfind(|c| is_one && what.with_value(|w| w == &Sending::One(c.id.clone())));
            view! {
                {quote.map(|c| view! { <blockquote class="send-quote">{c.content}</blockquote> })}
                {(!words.is_empty()).then(|| view! { <p class="send-note">{words.trim_start().to_owned()}</p> })}
            }
        }}
        {move || attach().then(|| view! { <p class="send-note">{move || t().attach_note}</p> })}
        {(!has_email).then(|| view! { <p class="send-note">{move || t().file_note}</p> })}
        <div class="send-actions">
            {move || attach().then(save_button)}
            {email}
            {move || (!attach()).then(save_button)}
            {shareable.then(|| view! {
                <button type="button" class="secondary-button" on:click=share>{move || t().share}</button>
            })}
        </div>
        <p class="send-said" role="status">{move || said.get()}</p>
        // Saving is not sending: the reader says when the file went.
        <p class="send-note" hidden=move || !saved.get()>{move || t().sent_file_note} " "
            <button type="button" class="link-button" on:click=move |_| sent(Kind::SentFile, "")>{move || t().sent_file}</button>
        </p>
    }
}

/// Focuses the button that opened the panel (`opener`, a selector) or, where it
/// is gone (its reply deleted, or on another page now), the comments' heading.
pub(crate) fn focus_opener(opener: String) {
    request_animation_frame(move || {
        let d = document();
        let el = d.query_selector(&opener).ok().flatten();
        let el = el.or_else(|| d.get_element_by_id("comments-title"));
        if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// "Send all my replies": the panel for every reply not published yet, one file.
#[component]
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

/// Where reply `id` stands, in words: "Saved to a file on 2 December, not sent
/// yet", "Sent for publishing — waiting for …", or "Changed since you sent it."
/// with Send again. Nothing while it is in no file. `text` is the fingerprint of
/// its text and `created` when it was written (the comment is rebuilt when its
/// text changes; this follows the marks).
#[component]
pub fn SendState(id: CommentId, text: u64, created: i64) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let id = StoredValue::new(id);
    move || {
        let l = lang.get();
        let (words, again) = match id.with_value(|id| discussion.send_state(id, text, created)) {
            State::Unsent => return None,
            State::Saved(at) => (l.saved_on(&day(at, l)), false),
            State::Sent => (l.sent_waiting(LIVE_OWNER.name), false),
            State::Changed(_) => (l.strings().changed_since_sent.to_owned(), true),
        };
        Some(view! {
            <p class="sent-mark">{words} " "
                <button type="button" class="link-button" aria-haspopup="dialog" hidden=!again
                    on:click=move |_| discussion.open_send(Sending::One(id.get_value()))>{l.strings().send_again}</button>
            </p>
        })
    }
}

/// "2 December" (the year too when it is not this year), in the reader's time zone.
fn day(ms: i64, l: Lang) -> String {
    let now = now();
    let this_year = time::year(now, utc_offset_minutes(now));
    time::day(ms, utc_offset_minutes(ms), l, this_year)
}

/// "3 replies are only in this browser, in no file.", and whether the browser
/// promised to keep them. Each reply counts as it is now: one saved to a file or
/// sent since its last change is in a file.
#[component]
pub fn SentState() -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    move || {
        let n = discussion.unfiled_count();
        (n > 0).then(|| {
            let l = lang.get();
            let kept = match discussion.persisted() {
                Some(true) => l.strings().kept_promised,
                _ => l.strings().kept_not_promised,
            };
            view! { <p class="kept-note">{l.only_here(n)} " " {kept}</p> }
        })
    }
}

/// `navigator.storage`, where the browser has it.
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    storage.dyn_into().ok()
}

/// Reads whether the browser already promised to keep the site's data.
pub(crate) fn ask_if_kept(discussion: Discussion) {
    ask(discussion, web_sys::StorageManager::persisted);
}

/// Asks the browser to keep the site's data (`navigator.storage.persist()`); its
/// answer shows in "Your comments, your file" (`SentState`), not announced: the
/// live region is saying that the reply was posted.
pub(crate) fn ask_to_keep(discussion: Discussion) {
    ask(discussion, web_sys::StorageManager::persist);
}

/// `navigator.storage.persisted()` or `.persist()`, and what the browser answers.
fn ask(
    discussion: Discussion,
    call: fn(&web_sys::StorageManager) -> Result<js_sys::Promise, JsValue>,
) {
    let Some(promise) = storage_manager().and_then(|s| call(&s).ok()) else {
        discussion.set_persisted(false);
        return;
    };
    leptos::task::spawn_local(async move {
        let kept = wasm_bindgen_futures::JsFuture::from(promise).await;
        discussion.set_persisted(kept.ok().and_then(|v| v.as_bool()).unwrap_or(false));
    });
}

/// The reply file as a `File`, for the share sheet.
fn json_file(name: &str, json: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/json");
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()
}

/// `{ files: [file] }`, as `navigator.share` and `canShare` take it.
fn share_data(name: &str, json: &str) -> Option<js_sys::Object> {
    let data = js_sys::Object::new();
    let files = js_sys::Array::of1(&json_file(name, json)?.into());
    js_sys::Reflect::set(&data, &JsValue::from_str("files"), &files).ok()?;
    Some(data)
}

/// Calls `navigator.<method>(data)`, if the browser has it.
fn call_navigator(method: &str, data: &js_sys::Object) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let f: js_sys::Function = js_sys::Reflect::get(&navigator, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    f.call1(&navigator, data).ok()
}

/// True where the browser can share files (`navigator.canShare({ files })`).
fn can_share(name: &str, json: &str) -> bool {
    share_data(name, json)
        .and_then(|d| call_navigator("canShare", &d))
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Opens the system share sheet with the file; the promise settles with the answer.
fn share_file(name: &str, json: &str) -> Option<js_sys::Promise> {
    share_data(name, json)
        .and_then(|d| call_navigator("share", &d))
        .and_then(|p| p.dyn_into().ok())
}
