//! Browser test (wasm-bindgen-test): the app starts as in a reader's browser —
//! `components::mount` over the build-time markup (`tests/fixtures/prerendered.html`,
//! kept equal to the build-time render by `tests/live_parts.rs`). Its own test
//! binary: the production start-up leaves its listeners on the window for good.
#![cfg(target_arch = "wasm32")]

use goosebumps::components::{mount, LivePart, BASE_ATTR, POST_ATTR, PRERENDER_ROOT};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::settle;

const PRERENDERED: &str = include_str!("fixtures/prerendered.html");

#[wasm_bindgen_test]
async fn the_app_comes_alive_over_the_build_time_page_and_keeps_its_static_nodes() {
    let document = web_sys::window().unwrap().document().unwrap();
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    root.set_id(PRERENDER_ROOT);
    // As the build writes it: the page's post, and where the site's files are.
    root.set_attribute(POST_ATTR, "miracle-in-cell-no-7")
        .unwrap();
    root.set_attribute(BASE_ATTR, "/").unwrap();
    root.set_inner_html(PRERENDERED);
    document.body().unwrap().append_child(&root).unwrap();
    let title = root.query_selector("h1.post-title").unwrap().unwrap();
    let quote = root.query_selector("#panel-text").unwrap().unwrap();
    let built_form = root
        .query_selector("fieldset.form-fields")
        .unwrap()
        .unwrap();
    assert!(
        !built_form.has_attribute("disabled"),
        "never disabled waiting for code"
    );

    mount();
    settle(50).await;

    // Every live part was built anew in its place, once.
    for part in LivePart::ALL {
        let marked = root
            .query_selector_all(&format!("[data-live=\"{}\"]", part.id()))
            .unwrap();
        assert_eq!(marked.length(), 1, "{part:?}");
    }
    let form = root
        .query_selector("fieldset.form-fields")
        .unwrap()
        .unwrap();
    assert!(!form.has_attribute("disabled"), "the form is live");
    assert!(!form.is_same_node(Some(built_form.as_ref())));
    for button in ["Español", "Dark mode", "Export comments"] {
        let found = (0..root.query_selector_all("button").unwrap().length())
            .filter_map(|i| root.query_selector_all("button").unwrap().item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().contains(button))
            .unwrap_or_else(|| panic!("{button} is on the page"));
        assert!(!found.has_attribute("disabled"), "{button} is live");
    }
    // The static parts are the very nodes the browser painted.
    let now = |selector: &str| -> web_sys::Node {
        root.query_selector(selector).unwrap().unwrap().into()
    };
    assert!(title.is_same_node(Some(&now("h1.post-title"))));
    assert!(quote.is_same_node(Some(&now("#panel-text"))));

    // The tabs drive the static Text panel's `hidden`.
    let video_tab: HtmlElement = root
        .query_selector("#tab-video")
        .unwrap()
        .unwrap()
        .unchecked_into();
    video_tab.click();
    settle(20).await;
    assert!(quote.has_attribute("hidden"));
    let text_tab: HtmlElement = root
        .query_selector("#tab-text")
        .unwrap()
        .unwrap()
        .unchecked_into();
    text_tab.click();
    settle(20).await;
    assert!(!quote.has_attribute("hidden"));
}
