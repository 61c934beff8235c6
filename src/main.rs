//! Mounts the app on the page; everything else lives in the library.

fn main() {
    goosebumps::components::mount();
}
