//! Window events, listened to for as long as the component that asked lives.

use super::PRERENDERING;
use leptos::prelude::*;

/// Listens to a window event for as long as the calling component lives.
pub(crate) fn on_window_event(event: &'static str, handler: impl Fn(web_sys::Event) + 'static) {
    if PRERENDERING {
        return;
    }
    let handle = window_event_listener_untyped(event, handler);
    on_cleanup(move || handle.remove());
}
