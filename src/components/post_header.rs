//! The page header: who is speaking, and about which film.

use leptos::prelude::*;

#[component]
pub fn PostHeader(kicker: String, title: String) -> impl IntoView {
    view! {
        <header class="post-header">
            <p class="kicker">{kicker}</p>
            <h1 class="post-title">{title}</h1>
        </header>
    }
}
