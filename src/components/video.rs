//! The Video view: a hosted file with captions, or a provider embed behind a
//! click-to-load facade (no request to the provider until the reader presses play).

use crate::content::Video;
use crate::context::use_lang;
use leptos::prelude::*;

/// Whether the browser says it has no network, kept up to date.
fn use_offline() -> RwSignal<bool> {
    let offline = RwSignal::new(!super::PRERENDERING && !window().navigator().on_line());
    crate::glue::window_events::on_window_event("offline", move |_| offline.set(true));
    crate::glue::window_events::on_window_event("online", move |_| offline.set(false));
    offline
}

/// The video player: the site's own file with captions, or a YouTube facade.
#[component]
#[allow(unreachable_pub)]
pub fn VideoPlayer(
    /// The video to play.
    video: Video,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.get_untracked().strings();
    // Offline, a video that is not stored shows as an empty grey box: say why.
    let offline = use_offline();
    let failed = RwSignal::new(false);
    let needs_connection = move || {
        (offline.get() || failed.get()).then(|| {
            view! { <p class="notice video-offline" role="status">{move || lang.get().strings().video_needs_connection}</p> }
        })
    };
    match video {
        Video::File { title, sample_note, poster, sources, captions } => view! {
            <figure class="video">
                <video controls preload="metadata" playsinline poster=poster.map(|p| crate::context::site_url(&p)) width="640" height="360" aria-label=title>
                    {sources.into_iter().map(|s| view! { <source src=crate::context::site_url(&s.src) type=s.mime on:error=move |_| failed.set(true) /> }).collect_view()}
                    <track kind="captions" src=crate::context::site_url(&captions.src) srclang=captions.srclang label=captions.label default />
                    {t.video_fallback}
                </video>
                {sample_note.map(|note| view! { <figcaption class="sample-note">{note}</figcaption> })}
                {needs_connection}
            </figure>
        }
        .into_any(),
        Video::Youtube { title, id } => {
            let playing = RwSignal::new(false);
            let label = format!("{}: {title}", t.play_video);
            view! {
                <figure class="video">
                    // A closure, not `<Show>`: each `<Show>` adds its own children code.
                    {move || if playing.get() {
                        view! {
                            <iframe src=id.embed_url() title=title.clone() width="640" height="360"
                                allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
                                referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>
                        }.into_any()
                    } else {
                        view! {
                            // data-embed and data-title: public/reader.js plays it before the app runs.
                            <button type="button" class="video-facade" aria-label=label.clone()
                                data-embed=super::PRERENDERING.then(|| id.embed_url()) data-title=super::PRERENDERING.then(|| title.clone())
                                on:click=move |_| playing.set(true)>
                                <span class="video-facade-icon" aria-hidden="true"></span>
                                <span class="video-facade-text">{t.play_video_note}</span>
                            </button>
                        }.into_any()
                    }}
                    {needs_connection}
                </figure>
            }
            .into_any()
        }
    }
}
