//! The Video view: a hosted file with captions, or a provider embed behind a
//! click-to-load facade (no request to the provider until the reader presses play).

use super::use_lang;
use crate::content::Video;
use leptos::prelude::*;

#[component]
pub fn VideoPlayer(video: Video) -> impl IntoView {
    let t = use_lang().get_untracked().strings();
    match video {
        Video::File { title, sample_note, poster, sources, captions } => view! {
            <figure class="video">
                <video controls preload="metadata" playsinline poster=poster width="640" height="360" aria-label=title>
                    {sources.into_iter().map(|s| view! { <source src=s.src type=s.mime /> }).collect_view()}
                    <track kind="captions" src=captions.src srclang=captions.srclang label=captions.label default />
                    {t.video_fallback}
                </video>
                {sample_note.map(|note| view! { <figcaption class="sample-note">{note}</figcaption> })}
            </figure>
        }
        .into_any(),
        Video::Youtube { title, id } => {
            let playing = RwSignal::new(false);
            let label = format!("{}: {title}", t.play_video);
            view! {
                <figure class="video">
                    <Show
                        when=move || playing.get()
                        fallback=move || view! {
                            <button type="button" class="video-facade" aria-label=label.clone()
                                on:click=move |_| playing.set(true)>
                                <span class="video-facade-icon" aria-hidden="true"></span>
                                <span class="video-facade-text">{t.play_video_note}</span>
                            </button>
                        }
                    >
                        <iframe src=id.embed_url() title=title.clone() width="640" height="360"
                            allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
                            referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>
                    </Show>
                </figure>
            }
            .into_any()
        }
    }
}
