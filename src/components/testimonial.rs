//! The testimonial card: the person, the headline, and a Text / Video toggle built
//! as WAI-ARIA tabs. The chosen view is remembered per post.

use super::live::LivePart;
use super::video::VideoPlayer;
use crate::content::{Post, Video};
use crate::context::{use_lang, StoreHandle};
use crate::storage::records::{self, View};
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

#[component]
#[allow(unreachable_pub)]
pub fn Testimonial(post: Post) -> impl IntoView {
    let person = post.person;
    let testimonial = post.testimonial;
    let has_video = testimonial.video.is_some();
    let tabs = Tabs::new(post.slug, has_video, None);

    let quote = testimonial.quote.clone();
    let name = person.name.clone();
    let country = person.country.name.clone();
    let attribution = format!("{}, {}", person.full_name, person.country.name);

    view! {
        <section class="testimonial" aria-labelledby="testimonial-title">
            <p class="person" lang="en">
                <span class="person-avatar" aria-hidden="true">{name.chars().next().map(String::from)}</span>
                <span class="person-name">{name}</span>
                <span class="person-country">
                    <img class="flag" src=crate::context::site_url(&person.country.code.flag_path()) alt=country.clone() width="24" height="16" />
                    " "
                    {country}
                </span>
            </p>
            <h2 id="testimonial-title" class="testimonial-title" lang="en">{testimonial.headline}</h2>
            {has_video.then(|| tabs.tab_list())}
            <div class="view-panel" role=has_video.then_some("tabpanel") id="panel-text"
                aria-labelledby=has_video.then_some("tab-text") hidden=tabs.text_hidden()>
                <blockquote class="quote" lang="en">
                    <p>{quote}</p>
                    <footer class="quote-by">"— " {attribution}</footer>
                </blockquote>
            </div>
            {testimonial.video.map(|video| tabs.video_panel(video))}
        </section>
    }
}

/// The Text / Video tabs of one post: which view is shown, and the two live parts
/// of the card (the tab list and the Video panel). The browser builds only these
/// over the build-time card (see `super::mount`).
#[derive(Clone, Copy)]
pub(crate) struct Tabs {
    view: RwSignal<View>,
    slug: StoredValue<String>,
    store: StoreHandle,
    text_tab: NodeRef<html::Button>,
    video_tab: NodeRef<html::Button>,
}

impl Tabs {
    /// The view remembered for the post `slug` (Text where it has no video).
    /// Over a build-time page, `text_panel` is the Text panel already painted:
    /// it stays that node, and the tabs keep its `hidden` up to date.
    pub(crate) fn new(slug: String, has_video: bool, text_panel: Option<web_sys::Element>) -> Self {
        let store = expect_context::<StoreHandle>();
        let slug = StoredValue::new(slug);
        let initial = if has_video {
            slug.with_value(|slug| store.with(|s| records::load_view(s, slug)))
        } else {
            View::Text
        };
        let view = RwSignal::new(initial);
        let tabs = Self {
            view,
            slug,
            store,
            text_tab: NodeRef::new(),
            video_tab: NodeRef::new(),
        };
        if let Some(panel) = text_panel {
            tabs.follow(panel, View::Text);
        }
        tabs
    }

    /// Whether the Text panel is hidden: the one rule for the build-time panel
    /// (an attribute) and the painted one kept up to date in the browser.
    pub(crate) fn text_hidden(self) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let view = self.view;
        move || view.get() != View::Text
    }

    fn choose(self, next: View, focus: bool) {
        self.view.set(next);
        // A reader who cannot store still gets the view; it just is not remembered.
        let _ = self
            .slug
            .with_value(|slug| self.store.with(|s| records::save_view(s, slug, next)));
        if focus {
            let tab = if next == View::Text {
                self.text_tab
            } else {
                self.video_tab
            };
            if let Some(el) = tab.get() {
                let _ = el.focus();
            }
        }
    }

    /// The Text and Video tabs.
    pub(crate) fn tab_list(self) -> impl IntoView {
        let view = self.view;
        // Left/Right wrap around, Home/End jump: the WAI-ARIA tabs pattern.
        let on_keydown = move |ev: KeyboardEvent| {
            let next = match (ev.key().as_str(), view.get_untracked()) {
                ("ArrowLeft" | "ArrowRight", View::Text) => View::Video,
                ("ArrowLeft" | "ArrowRight", View::Video) => View::Text,
                ("Home", _) => View::Text,
                ("End", _) => View::Video,
                _ => return,
            };
            ev.prevent_default();
            self.choose(next, true);
        };
        let selected = move |v: View| move || if view.get() == v { "true" } else { "false" };
        let tabindex = move |v: View| move || if view.get() == v { "0" } else { "-1" };
        let lang = use_lang();
        let t = move || lang.get().strings();
        view! {
            <div class="view-tabs" data-live=LivePart::Tabs.id() role="tablist" aria-label=move || t().views_label on:keydown=on_keydown>
                <button type="button" role="tab" id="tab-text" aria-controls="panel-text"
                    node_ref=self.text_tab aria-selected=selected(View::Text) tabindex=tabindex(View::Text)
                    on:click=move |_| self.choose(View::Text, false)>{move || t().view_text}</button>
                <button type="button" role="tab" id="tab-video" aria-controls="panel-video"
                    node_ref=self.video_tab aria-selected=selected(View::Video) tabindex=tabindex(View::Video)
                    on:click=move |_| self.choose(View::Video, false)>{move || t().view_video}</button>
            </div>
        }
    }

    /// Keeps the `hidden` of the painted panel `panel` up to date: shown while
    /// `which` is the view chosen. The Text panel, and a Video panel that
    /// public/reader.js filled before the app ran (it may be playing) stay the
    /// nodes the reader sees.
    pub(crate) fn follow(self, panel: web_sys::Element, which: View) {
        let view = self.view;
        Effect::new(move |_| {
            let _ = if view.get() == which {
                panel.remove_attribute("hidden")
            } else {
                panel.set_attribute("hidden", "")
            };
        });
    }

    /// The Video panel, whose player is only built once the Video view is chosen.
    pub(crate) fn video_panel(self, video: Video) -> impl IntoView {
        let view = self.view;
        let lang = use_lang();
        let t = move || lang.get().strings();
        // A memo: choosing Video again (the tab clicked twice) must not rebuild the
        // player, which would stop the video.
        let shown = Memo::new(move |_| view.get() == View::Video);
        // At build time, the player as the Video tab shows it, inert in a <template>
        // (no request until used): public/reader.js puts it in the panel when Video
        // is chosen before the app runs.
        let early = super::PRERENDERING.then(|| {
            let video = video.clone();
            view! {
                <template>
                    <VideoPlayer video=video />
                    <p class="transcript-link">
                        <button type="button" class="link-button">{move || t().read_transcript}</button>
                    </p>
                </template>
            }
        });
        view! {
            <div class="view-panel" role="tabpanel" id="panel-video" data-live=LivePart::VideoPanel.id() aria-labelledby="tab-video"
                hidden=move || view.get() != View::Video>
                // Only built once chosen, so the page asks for no video bytes until then.
                // (A closure, not `<Show>`: each `<Show>` adds its own children code.)
                {move || shown.get().then(|| view! {
                    <VideoPlayer video=video.clone() />
                    <p class="transcript-link">
                        <button type="button" class="link-button" on:click=move |_| self.choose(View::Text, true)>
                            {move || t().read_transcript}
                        </button>
                    </p>
                })}
                {early}
            </div>
        }
    }
}
