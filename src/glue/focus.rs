//! Where focus goes: to an element once the page is drawn again, and whether it
//! is inside one.

use super::PRERENDERING;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to the element matching `selector` once the page has been drawn
/// again (after the change that asked for it has rendered). Nothing if none.
pub(crate) fn focus_soon(selector: &str) {
    if PRERENDERING {
        return;
    }
    let selector = selector.to_owned();
    request_animation_frame(move || {
        let found = document().query_selector(&selector).ok().flatten();
        if let Some(el) = found.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            el.scroll_into_view_with_bool(false);
        }
    });
}

/// True when focus is inside the element matching `selector`.
pub(crate) fn focus_is_in(selector: &str) -> bool {
    if PRERENDERING {
        return false;
    }
    let active = document().active_element();
    let within = document().query_selector(selector).ok().flatten();
    matches!((active, within), (Some(a), Some(w)) if w.contains(Some(&a)))
}
