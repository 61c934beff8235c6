//! A JSON text offered as a file to save, through a link to it.

use super::file::json_file;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Offers the JSON `text` as a download named `name`.
pub(crate) fn download(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    // How long the file's object URL outlives the click that saved it: the browser
    // reads the blob after the click, not during it (Safari may not have started
    // when the click returns, and then saves nothing); FileSaver.js's 40 s. Each
    // save frees its own URL when its time is up, so many saves keep none longer.
    const URL_LIFETIME: Duration = Duration::from_secs(40);
    let file = json_file(name, text)?;
    let url = web_sys::Url::create_object_url_with_blob(&file)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        URL_LIFETIME,
    );
    Ok(())
}
