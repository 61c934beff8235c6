//! The "More about the movie" box: facts the article states, as a definition list.

use crate::content::Facts;
use leptos::prelude::*;

#[component]
#[allow(unreachable_pub)]
pub fn FactsBox(facts: Facts) -> impl IntoView {
    view! {
        <aside class="facts" aria-labelledby="facts-title" lang="en">
            <h2 id="facts-title">{facts.heading}</h2>
            <dl>
                {facts.items.into_iter().map(|fact| view! {
                    <div class="fact">
                        <dt>{fact.label}</dt>
                        <dd>{fact.value}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </aside>
    }
}
