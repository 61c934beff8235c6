//! A JSON text as a file (`File`, a `Blob` with a name), as the download link and
//! the share sheet both hand it over. Why one function: the file the reader saves
//! and the one they share are the same file, made in one place.

use wasm_bindgen::JsValue;

/// `json` as a file named `name`, of type `application/json`.
pub(crate) fn json_file(name: &str, json: &str) -> Result<web_sys::File, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/json");
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options)
}
