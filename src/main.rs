//! Mounts the app on the page; everything else lives in the library.

// Talc instead of Rust's default wasm allocator (dlmalloc): less code in the
// .wasm, and quicker allocation where start-up allocates most (reading 10,000
// published replies).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    goosebumps::components::mount();
}
