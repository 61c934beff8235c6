//! The system share sheet, for a file: `navigator.canShare` and `navigator.share`.

use super::file::json_file;
use wasm_bindgen::{JsCast, JsValue};

/// `{ files: [file] }`, as `navigator.share` and `canShare` take it.
fn share_data(name: &str, json: &str) -> Option<js_sys::Object> {
    let data = js_sys::Object::new();
    let files = js_sys::Array::of1(&json_file(name, json).ok()?.into());
    js_sys::Reflect::set(&data, &JsValue::from_str("files"), &files).ok()?;
    Some(data)
}

/// Calls `navigator.<method>(data)`, if the browser has it.
fn call_navigator(method: &str, data: &js_sys::Object) -> Option<JsValue> {
    let (navigator, f) = super::navigator::member(method)?;
    let f: js_sys::Function = f.dyn_into().ok()?;
    f.call1(&navigator, data).ok()
}

/// True where the browser can share files (`navigator.canShare({ files })`).
pub(crate) fn can_share(name: &str, json: &str) -> bool {
    share_data(name, json)
        .and_then(|d| call_navigator("canShare", &d))
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Opens the system share sheet with the file; the promise settles with the answer.
pub(crate) fn share_file(name: &str, json: &str) -> Option<js_sys::Promise> {
    share_data(name, json)
        .and_then(|d| call_navigator("share", &d))
        .and_then(|p| p.dyn_into().ok())
}
