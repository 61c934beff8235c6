//! Whether the browser keeps the site's data: `navigator.storage.persisted()` and
//! `persist()`.

use wasm_bindgen::JsCast;

/// `navigator.storage`, where the browser has it.
fn storage_manager() -> Option<web_sys::StorageManager> {
    super::navigator::member("storage")?.1.dyn_into().ok()
}

/// Reads whether the browser already promised to keep the site's data, and gives
/// `answer` what it said (`false` where it cannot say).
pub(crate) fn ask_if_kept(answer: impl FnOnce(bool) + 'static) {
    answer_when(
        storage_manager().and_then(|s| s.persisted().ok()),
        Box::new(answer),
    );
}

/// Asks the browser to keep the site's data (`navigator.storage.persist()`); its
/// answer goes to `answer` (`false` where it cannot ask).
pub(crate) fn ask_to_keep(answer: impl FnOnce(bool) + 'static) {
    answer_when(
        storage_manager().and_then(|s| s.persist().ok()),
        Box::new(answer),
    );
}

/// Gives `answer` what `promise` settles with (`false` for no promise, a refusal
/// or anything but `true`). Why boxed: both questions then share one future.
fn answer_when(promise: Option<js_sys::Promise>, answer: Box<dyn FnOnce(bool)>) {
    let Some(promise) = promise else {
        answer(false);
        return;
    };
    leptos::task::spawn_local(async move {
        let kept = wasm_bindgen_futures::JsFuture::from(promise).await;
        answer(kept.ok().and_then(|v| v.as_bool()).unwrap_or(false));
    });
}
