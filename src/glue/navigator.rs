//! A member of the browser's `navigator` read by name, for what the page asks of
//! it only where the browser has it (`storage`, `share`, `canShare`).

use wasm_bindgen::JsValue;

/// `navigator` and its member `name` (`undefined` where the browser has none).
pub(crate) fn member(name: &str) -> Option<(web_sys::Navigator, JsValue)> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    Some((navigator, value))
}
