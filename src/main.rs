//! Mounts the app on the page; everything else lives in the library.

fn main() {
    leptos::mount::mount_to_body(goosebumps::components::App);
}
