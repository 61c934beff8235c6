//! The reader's time zone, for dates in their own time.

use super::PRERENDERING;

/// Minutes east of UTC at `ms`, in the reader's time zone.
pub(crate) fn utc_offset_minutes(ms: i64) -> i32 {
    if PRERENDERING {
        // At build time dates are written in UTC; the browser writes them again.
        return 0;
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    -(date.get_timezone_offset() as i32)
}
