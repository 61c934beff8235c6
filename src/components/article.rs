//! The article about the film, section by section.

use crate::content::{HeadingLevel, Section};
use leptos::prelude::*;

#[component]
#[allow(unreachable_pub)]
pub fn Article(sections: Vec<Section>) -> impl IntoView {
    sections
        .into_iter()
        .map(|section| {
            let heading = match section.level {
                HeadingLevel::H2 => view! { <h2>{section.heading}</h2> }.into_any(),
                HeadingLevel::H3 => view! { <h3>{section.heading}</h3> }.into_any(),
            };
            view! {
                <section class="article-section" lang="en">
                    {heading}
                    {section.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                </section>
            }
        })
        .collect_view()
}
