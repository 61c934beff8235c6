//! The live-parts contract, checked natively on the build-time render: every
//! place marked `data-live` names a part the browser builds, and every part the
//! browser builds has its place, once. Run with the `ssr` feature (the build-time
//! renderer's): `cargo test --no-default-features --features ssr --test live_parts`.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use goosebumps::components::{live::LIVE_ATTR, LivePart, PostPage};
use goosebumps::content;
use goosebumps::storage::{MemoryStore, Store};
use leptos::prelude::*;
use std::rc::Rc;

/// The seed post (`tests/fixtures/seed-post.json`): the page the browser tests
/// start over, whatever posts the owner has.
fn seed_post() -> content::Post {
    content::parse_post("seed-post.json", include_str!("fixtures/seed-post.json")).unwrap()
}

fn render(post: content::Post) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
        view! { <PostPage post=post store=store /> }.to_html()
    })
}

/// The values of every `data-live` attribute, in document order.
fn marks(html: &str) -> Vec<String> {
    let needle = format!("{LIVE_ATTR}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest[..rest.find('"').expect("a closed attribute")].to_owned()
        })
        .collect()
}

#[test]
fn every_marked_place_names_a_part_and_every_part_has_one_place() {
    // The owner's posts, whatever they are, and the seed.
    for post in content::all_posts()
        .unwrap()
        .into_iter()
        .chain([seed_post()])
    {
        let has_video = post.testimonial.video.is_some();
        let html = render(post);
        let marks = marks(&html);
        for mark in &marks {
            assert!(
                LivePart::parse(mark).is_some(),
                "a mark with no part: {mark:?}"
            );
        }
        for part in LivePart::ALL {
            let expected = usize::from(!part.needs_video() || has_video);
            let found = marks.iter().filter(|m| *m == part.id()).count();
            assert_eq!(found, expected, "{part:?} is marked {found} times");
        }
    }
}

#[test]
fn live_parts_work_before_the_app_runs() {
    let html = render(seed_post());
    // Never disabled waiting for code: public/reader.js drives the controls and keeps
    // what is typed until the app takes over (the form's fields are ordinary fields).
    assert!(html.contains("<fieldset class=\"form-fields\">"), "{html}");
    let settings = &html[html.find("data-live=\"settings\"").unwrap()..];
    let settings = &settings[..settings.find("</div>").unwrap()];
    assert_eq!(settings.matches("<button").count(), 2);
    assert_eq!(settings.matches(" disabled").count(), 0, "{settings}");
    assert!(html.contains("<button type=\"button\" class=\"secondary-button\">Export comments"));
    // The Video panel holds its player inert, for reader.js to show before the app.
    let panel = &html[html.find("id=\"panel-video\"").unwrap()..];
    let panel = &panel[..panel.find("</section>").unwrap()];
    assert!(
        panel.contains("<template><figure class=\"video\"><video"),
        "{panel}"
    );
    assert!(panel.contains("Read the transcript"), "{panel}");
}

/// The build-time markup the browser test `tests/web_mount.rs` starts the app
/// over, kept as a file so that a browser test (which cannot render it) reads
/// what the build writes. Regenerate with `GOOSEBUMPS_UPDATE_FIXTURES=1`.
const PRERENDERED: &str = "tests/fixtures/prerendered.html";

#[test]
fn the_browser_tests_markup_is_the_build_time_render() {
    let html = render(seed_post());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PRERENDERED);
    if std::env::var_os("GOOSEBUMPS_UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &html).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == html,
        "{PRERENDERED} is not the build-time render any more: run \
         GOOSEBUMPS_UPDATE_FIXTURES=1 cargo test -p goosebumps --no-default-features --features ssr --test live_parts"
    );
}

#[test]
fn ids_of_parts_are_unique_and_round_trip() {
    for part in LivePart::ALL {
        assert_eq!(LivePart::parse(part.id()), Some(part));
    }
    assert_eq!(LivePart::parse("nothing"), None);
}
