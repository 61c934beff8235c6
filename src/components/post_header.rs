//! The page header: who is speaking, about which film, and the page's settings
//! (interface language, dark mode).

use super::live::LivePart;
use crate::context::{use_lang, StoreHandle};
use crate::i18n::Lang;
use crate::storage::records;
use leptos::prelude::*;

#[component]
#[allow(unreachable_pub)]
pub fn PostHeader(
    kicker: String,
    title: String,
    /// The site's name, as a link to the home page (none in a lone post's tests).
    #[prop(optional_no_strip)]
    site_name: Option<String>,
) -> impl IntoView {
    let home = crate::context::site_url("");
    view! {
        <header class="post-header">
            <div class="site-bar">
                {site_name.map(|name| view! { <p class="site-name"><a href=home>{name}</a></p> })}
                <PageSettings />
            </div>
            <p class="kicker" lang="en">{kicker}</p>
            <h1 class="post-title" lang="en">{title}</h1>
        </header>
    }
}

/// Whether the system asks for a dark colour scheme.
fn system_prefers_dark() -> bool {
    if super::PRERENDERING {
        return false;
    }
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Puts the interface language and colour scheme on `<html>`, where the
/// stylesheet and assistive technology read them.
pub(crate) fn apply_to_document(lang: Lang, dark: Option<bool>) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", lang.code());
    let _ = match dark {
        Some(true) => root.set_attribute("data-theme", "dark"),
        Some(false) => root.set_attribute("data-theme", "light"),
        None => root.remove_attribute("data-theme"),
    };
}

/// The language switch and the dark-mode toggle, both remembered.
#[component]
#[allow(unreachable_pub)]
pub fn PageSettings() -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let lang = use_lang();
    let chosen = store.with(records::load_dark);
    let dark = RwSignal::new(chosen.unwrap_or_else(system_prefers_dark));
    let explicit = RwSignal::new(chosen);
    Effect::new(move |_| apply_to_document(lang.get(), explicit.get()));
    let toggle_dark = move |_| {
        let next = !dark.get_untracked();
        dark.set(next);
        explicit.set(Some(next));
        let _ = store.with(|s| records::save_dark(s, next));
    };
    let switch_language = move |_| {
        let next = match lang.get_untracked() {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        };
        lang.set(next);
        let _ = store.with(|s| records::save_language(s, next));
    };
    let t = move || lang.get().strings();
    // The switch names the other language in that language, and says so to screen readers.
    let other = move || match lang.get() {
        Lang::En => "es",
        Lang::Es => "en",
    };
    view! {
        <div class="page-settings" data-live=LivePart::Settings.id() role="group" aria-label=move || t().settings_label>
            <button type="button" class="setting-button" lang=other on:click=switch_language disabled=super::until_live()>
                {move || t().other_language}
            </button>
            <button type="button" class="setting-button" disabled=super::until_live() aria-pressed=move || if dark.get() { "true" } else { "false" }
                on:click=toggle_dark>
                <span class="setting-icon" aria-hidden="true"></span>
                {move || t().dark_mode}
            </button>
        </div>
    }
}
