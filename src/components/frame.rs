//! What every page shares around its content: the context its components read
//! (the store, the interface language), the skip link, the footer and the notice
//! where the browser refuses storage. Why a module of its own: the post's page
//! (`app`) and the site's other pages (`site_pages`) both frame themselves with
//! it, and neither uses the other for it.

use super::live::LivePart;
use crate::context::{StoreHandle, UiLang};
use crate::i18n::Lang;
use crate::storage::{Store, StoreError};
use leptos::prelude::*;
use std::rc::Rc;

/// Shares the store and the interface language with the components below, and
/// returns the language.
pub(crate) fn provide_page_context(store: Rc<dyn Store>, lang: Lang) -> RwSignal<Lang> {
    provide_context(StoreHandle::new(store));
    let lang = RwSignal::new(lang);
    provide_context(UiLang(lang));
    lang
}

/// The skip link to the page's main content, first on every page.
pub(crate) fn skip_link(lang: RwSignal<Lang>) -> impl IntoView {
    view! { <a class="skip-link" href="#content" data-live=LivePart::SkipLink.id()>{move || lang.get().strings().skip_to_content}</a> }
}

/// The site's footer, last on every page.
pub(crate) fn site_footer(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <footer class="site-footer" data-live=LivePart::Footer.id()>
            <p>{move || lang.get().strings().footer}</p>
        </footer>
    }
}

/// Said where the browser refused storage, before the comments.
pub(crate) fn blocked_notice(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class="notice notice-warning" role="status">{move || StoreError::Blocked.message(lang.get())}</p>
    }
}
