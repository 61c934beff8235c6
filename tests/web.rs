//! Browser tests (wasm-bindgen-test in headless Chrome): the components in a real
//! DOM, and the real localStorage implementation.
#![cfg(target_arch = "wasm32")]

use goosebumps::comments::{Comment, CommentId};
use goosebumps::components::{PostPage, VideoPlayer};
use goosebumps::content::{self, Video};
use goosebumps::storage::records::{self, View};
use goosebumps::storage::{keys, LocalStore, MemoryStore, Store};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{settle, POST};

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the page over `store` in a fresh container; the handle unmounts on drop.
fn mount_page(store: Rc<MemoryStore>) -> (HtmlElement, impl Drop) {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    // The seed post (whose slug is `common::POST`), whatever posts the owner has.
    let post =
        content::parse_post("seed-post.json", include_str!("fixtures/seed-post.json")).unwrap();
    let store: Rc<dyn Store> = store;
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! { <PostPage post=post store=store /> }
    });
    (container.clone(), Unmount(handle, container))
}

struct Unmount<H>(H, HtmlElement);
impl<H> Drop for Unmount<H> {
    fn drop(&mut self) {
        self.1.remove();
    }
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into()
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn type_into(root: &HtmlElement, selector: &str, text: &str) {
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    if let Ok(area) = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlTextAreaElement>()
    {
        area.set_value(text);
        area.dispatch_event(&event).unwrap();
    } else {
        let input: HtmlInputElement = find(root, selector);
        input.set_value(text);
        input.dispatch_event(&event).unwrap();
    }
}

fn click(root: &HtmlElement, selector: &str) {
    find::<HtmlElement>(root, selector).click();
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_toggle_switches_panels_and_aria_selected() {
    let store = Rc::new(MemoryStore::new());
    let (page, _mounted) = mount_page(store.clone());
    let text_tab: HtmlElement = find(&page, "#tab-text");
    let video_tab: HtmlElement = find(&page, "#tab-video");
    let text_panel: HtmlElement = find(&page, "#panel-text");
    let video_panel: HtmlElement = find(&page, "#panel-video");
    assert_eq!(
        text_tab.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert!(!text_panel.hidden() && video_panel.hidden());
    assert_eq!(
        count(&page, "video"),
        0,
        "no video element (and no video request) before it is chosen"
    );

    video_tab.click();
    settle(0).await;
    assert_eq!(
        video_tab.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(
        text_tab.get_attribute("aria-selected").as_deref(),
        Some("false")
    );
    assert!(text_panel.hidden() && !video_panel.hidden());
    assert_eq!(video_tab.tab_index(), 0);
    assert_eq!(text_tab.tab_index(), -1);
    let video: HtmlElement = find(&page, "video");
    assert!(video.has_attribute("controls") && !video.has_attribute("autoplay"));
    assert_eq!(video.get_attribute("preload").as_deref(), Some("metadata"));
    let track: HtmlElement = find(&page, "video track");
    assert_eq!(track.get_attribute("kind").as_deref(), Some("captions"));
    assert_eq!(track.get_attribute("srclang").as_deref(), Some("en"));
    assert_eq!(
        records::load_view(store.as_ref(), POST),
        View::Video,
        "the choice is stored"
    );

    // Keyboard: Home, End and the arrows move selection and focus.
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        let ev =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        video_tab.dispatch_event(&ev).unwrap();
    };
    key("Home");
    settle(0).await;
    assert_eq!(
        text_tab.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(active_id(), "tab-text");
    key("ArrowRight");
    settle(0).await;
    assert_eq!(active_id(), "tab-video");
    key("ArrowLeft");
    settle(0).await;
    assert_eq!(active_id(), "tab-text");
    key("End");
    settle(0).await;
    assert_eq!(
        video_tab.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn a_stored_view_is_shown_on_load() {
    let store = Rc::new(MemoryStore::new());
    records::save_view(store.as_ref(), POST, View::Video).unwrap();
    let (page, _mounted) = mount_page(store);
    settle(0).await;
    assert!(find::<HtmlElement>(&page, "#panel-text").hidden());
    assert_eq!(count(&page, "#panel-video video"), 1);
}

#[wasm_bindgen_test]
async fn the_form_shows_errors_beside_fields_and_keeps_the_text() {
    let (page, _mounted) = mount_page(Rc::new(MemoryStore::new()));
    type_into(&page, "#email", "not-an-email");
    click(&page, "#submit");
    settle(0).await;
    assert_eq!(
        find::<HtmlElement>(&page, "#comment-error")
            .text_content()
            .unwrap(),
        "Please type your comment text."
    );
    assert_eq!(
        find::<HtmlElement>(&page, "#author-error")
            .text_content()
            .unwrap(),
        "Please fill the required fields."
    );
    assert_eq!(
        find::<HtmlElement>(&page, "#email-error")
            .text_content()
            .unwrap(),
        "Please enter a valid email address."
    );
    assert_eq!(count(&page, "#url-error"), 0);
    let comment: HtmlElement = find(&page, "#comment");
    assert_eq!(
        comment.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(comment
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("comment-error"));
    assert_eq!(
        active_id(),
        "comment",
        "focus goes to the first invalid field"
    );
    assert_eq!(
        find::<HtmlInputElement>(&page, "#email").value(),
        "not-an-email",
        "nothing typed is lost"
    );
    let status = find::<HtmlElement>(&page, "#commentform [role=status]")
        .text_content()
        .unwrap();
    assert!(
        status.contains("Please type your comment text."),
        "{status}"
    );

    type_into(&page, "#comment", "Now with text");
    click(&page, "#submit");
    settle(0).await;
    assert_eq!(count(&page, "#comment-error"), 0);
    assert_eq!(active_id(), "author");
    assert_eq!(count(&page, ".comment"), 0);
}

#[wasm_bindgen_test]
async fn posting_adds_a_comment_shown_as_text() {
    let store = Rc::new(MemoryStore::new());
    let (page, _mounted) = mount_page(store.clone());
    let hostile = "<img src=x onerror=alert(1)>\nsecond line";
    type_into(&page, "#comment", hostile);
    type_into(&page, "#author", "Ana");
    type_into(&page, "#email", "ana@example.com");
    type_into(&page, "#url", "ana.example");
    click(&page, "#submit");
    settle(0).await;

    assert_eq!(count(&page, "li.comment"), 1);
    assert_eq!(
        find::<HtmlElement>(&page, "#comments-title")
            .text_content()
            .unwrap(),
        "One thought on “Miracle in cell no. 7”"
    );
    let content: HtmlElement = find(&page, ".comment-content");
    assert_eq!(content.text_content().unwrap(), hostile);
    assert_eq!(
        count(&page, ".comment-content img"),
        0,
        "text, never markup"
    );
    let link: HtmlElement = find(&page, ".comment .fn a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://ana.example")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("nofollow ugc noopener noreferrer")
    );
    assert!(
        !page.text_content().unwrap().contains("ana@example.com"),
        "the email is never shown"
    );
    let li: HtmlElement = find(&page, "li.comment");
    assert!(li.id().starts_with("comment-"));
    let time: HtmlElement = find(&page, ".comment time");
    assert!(time.get_attribute("datetime").unwrap().ends_with('Z'));

    let stored = records::load_comments(store.as_ref(), POST)
        .unwrap()
        .comments;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].content, hostile);
    assert_eq!(li.id(), stored[0].id.anchor());
    assert_eq!(
        find::<HtmlTextAreaElement>(&page, "#comment").value(),
        "",
        "the form is ready for the next one"
    );
    assert_eq!(
        records::load_draft(store.as_ref(), POST, None),
        None,
        "the draft went with the post"
    );
}

#[wasm_bindgen_test]
async fn typing_saves_a_draft_after_a_short_pause() {
    let store = Rc::new(MemoryStore::new());
    let (page, _mounted) = mount_page(store.clone());
    type_into(&page, "#comment", "half a thought");
    assert_eq!(
        records::load_draft(store.as_ref(), POST, None),
        None,
        "not on every keystroke"
    );
    settle(400).await;
    assert_eq!(
        records::load_draft(store.as_ref(), POST, None)
            .unwrap()
            .comment,
        "half a thought"
    );
}

#[wasm_bindgen_test]
async fn stored_comments_and_a_draft_are_shown_on_load() {
    let store = Rc::new(MemoryStore::new());
    let comment = Comment {
        id: CommentId::parse("abc").unwrap(),
        post: POST.into(),
        parent_id: None,
        author: "Bo".into(),
        email: "bo@example.com".into(),
        url: None,
        content: "Stored before".into(),
        created_ms: 1,
        edited_ms: None,
        history: Vec::new(),
        deleted: false,
    };
    records::save_comment(store.as_ref(), &comment).unwrap();
    store
        .set(&format!("{}broken", keys::comments_prefix(POST)), "{")
        .unwrap();
    let draft = goosebumps::comments::Draft {
        comment: "restored".into(),
        ..Default::default()
    };
    records::save_draft(store.as_ref(), POST, None, &draft).unwrap();
    let (page, _mounted) = mount_page(store);
    settle(0).await;
    assert_eq!(count(&page, "li.comment"), 1);
    assert_eq!(
        find::<HtmlTextAreaElement>(&page, "#comment").value(),
        "restored"
    );
    assert!(page
        .text_content()
        .unwrap()
        .contains("One saved reply could not be read"));
}

#[wasm_bindgen_test]
async fn a_youtube_video_waits_behind_a_facade_until_play() {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let video: Video =
        serde_json::from_str(r#"{"kind":"youtube","title":"Trailer","id":"dQw4w9WgXcQ"}"#).unwrap();
    let _handle = leptos::mount::mount_to(
        container.clone(),
        move || view! { <VideoPlayer video=video /> },
    );
    assert_eq!(
        count(&container, "iframe"),
        0,
        "no request to the provider before play"
    );
    let button: HtmlElement = find(&container, "button.video-facade");
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Play video: Trailer")
    );
    button.click();
    settle(0).await;
    let iframe: HtmlElement = find(&container, "iframe");
    assert!(iframe
        .get_attribute("src")
        .unwrap()
        .starts_with("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"));
    container.remove();
}

#[wasm_bindgen_test]
fn local_storage_round_trips_through_the_real_implementation() {
    let store = LocalStore::open().expect("localStorage is available in the test browser");
    let key = "goosebumps/v1/test/round-trip";
    store.set(key, "välue 😀").unwrap();
    assert_eq!(store.get(key).unwrap().as_deref(), Some("välue 😀"));
    assert!(store
        .keys_with_prefix("goosebumps/v1/test/")
        .unwrap()
        .contains(&key.to_owned()));
    store.remove(key).unwrap();
    assert_eq!(store.get(key).unwrap(), None);

    let comment = Comment {
        id: CommentId::parse("roundtrip").unwrap(),
        post: "test-post".into(),
        parent_id: None,
        author: "Ana".into(),
        email: "ana@example.com".into(),
        url: Some("https://example.com".into()),
        content: "Line\n<b>bold?</b> 😀".into(),
        created_ms: 42,
        edited_ms: None,
        history: Vec::new(),
        deleted: false,
    };
    records::save_comment(&store, &comment).unwrap();
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert!(
        raw.get_item(&keys::comment("test-post", &comment.id))
            .unwrap()
            .is_some(),
        "really in localStorage"
    );
    assert_eq!(
        records::load_comments(&store, "test-post")
            .unwrap()
            .comments,
        vec![comment.clone()]
    );
    store
        .remove(&keys::comment("test-post", &comment.id))
        .unwrap();
}

#[wasm_bindgen_test]
fn a_full_local_storage_says_so() {
    let store = LocalStore::open().unwrap();
    // Far past any browser's per-site quota (5 MiB of UTF-16 in Chrome).
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(
        store.set("goosebumps/v1/test/huge", &huge),
        Err(goosebumps::storage::StoreError::Full)
    );
    assert_eq!(store.get("goosebumps/v1/test/huge").unwrap(), None);
}

fn seeded(id: &str, parent: Option<&str>, created_ms: i64) -> Comment {
    let valid = goosebumps::comments::ValidComment {
        content: format!("text {id}"),
        author: format!("Author {id}"),
        email: "a@example.com".into(),
        url: None,
    };
    Comment::new(
        CommentId::parse(id).unwrap(),
        POST,
        parent.map(|p| CommentId::parse(p).unwrap()),
        valid,
        created_ms,
    )
}

#[wasm_bindgen_test]
async fn reply_moves_the_form_under_the_comment_and_cancel_brings_it_back() {
    let store = Rc::new(MemoryStore::new());
    records::save_comment(store.as_ref(), &seeded("aaa", None, 1)).unwrap();
    let (page, _mounted) = mount_page(store);
    settle(0).await;
    assert_eq!(count(&page, "#comment-aaa #respond"), 0);
    click(&page, "#comment-aaa .comment-actions button");
    settle(0).await;
    assert_eq!(
        count(&page, "#comment-aaa #respond"),
        1,
        "the form is under the comment"
    );
    assert_eq!(count(&page, "#respond"), 1, "and only there");
    assert_eq!(
        find::<HtmlElement>(&page, "#reply-title")
            .text_content()
            .unwrap()
            .trim(),
        "Leave a Reply to Author aaa Cancel reply"
    );
    assert_eq!(active_id(), "comment");
    click(&page, "#cancel-comment-reply-link");
    settle(0).await;
    assert_eq!(count(&page, "#comment-aaa #respond"), 0);
    assert_eq!(count(&page, "#respond"), 1);
}

#[wasm_bindgen_test]
async fn delete_leaves_a_placeholder_over_replies_and_undo_restores() {
    let store = Rc::new(MemoryStore::new());
    let parent = seeded("ppp", None, 1);
    records::save_comment(store.as_ref(), &parent).unwrap();
    records::save_comment(store.as_ref(), &seeded("rrr", Some("ppp"), 2)).unwrap();
    let (page, _mounted) = mount_page(store.clone());
    settle(0).await;
    let delete: HtmlElement = find(
        &page,
        "#comment-ppp > article .comment-actions button:nth-child(3)",
    );
    assert_eq!(delete.text_content().unwrap(), "Delete");
    delete.click();
    settle(0).await;
    assert!(find::<HtmlElement>(&page, "#comment-ppp")
        .text_content()
        .unwrap()
        .contains("This comment was deleted."));
    assert_eq!(
        count(&page, "#comment-ppp #comment-rrr"),
        1,
        "the reply keeps its place"
    );
    let stored = records::load_comment(store.as_ref(), POST, &parent.id)
        .unwrap()
        .unwrap();
    assert!(stored.deleted && stored.content.is_empty());
    click(&page, ".undo-button");
    settle(0).await;
    assert_eq!(
        records::load_comment(store.as_ref(), POST, &parent.id).unwrap(),
        Some(parent)
    );
    assert!(find::<HtmlElement>(&page, "#comment-ppp")
        .text_content()
        .unwrap()
        .contains("text ppp"));
}

#[wasm_bindgen_test]
async fn more_than_fifty_threads_get_page_links() {
    let store = Rc::new(MemoryStore::new());
    for i in 0..51 {
        records::save_comment(store.as_ref(), &seeded(&format!("c{i:02}"), None, i)).unwrap();
    }
    let (page, _mounted) = mount_page(store);
    settle(0).await;
    assert_eq!(count(&page, ".comment-list > li"), 50);
    let nav: HtmlElement = find(&page, "nav[aria-label='Comment pages']");
    assert_eq!(nav.text_content().unwrap(), "12Next »");
    assert_eq!(
        find::<HtmlElement>(&page, "#comments-title")
            .text_content()
            .unwrap(),
        "51 thoughts on “Miracle in cell no. 7”"
    );
}
