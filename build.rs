//! Writes each bundled post (`src/content/posts/*.json`) reduced to what the browser
//! reads of it (`content::LivePost`: the slug, the title and the testimonial's
//! video) into `$OUT_DIR/live/`, so the browser build does not carry the article's
//! text, which the build-time page already holds. A file that is not JSON is
//! copied as it is, so the app reports it as it would the original.

use std::path::Path;

fn main() {
    let posts = Path::new("src/content/posts");
    println!("cargo:rerun-if-changed={}", posts.display());
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("live");
    std::fs::create_dir_all(&out).expect("OUT_DIR/live");
    for entry in std::fs::read_dir(posts).expect("src/content/posts") {
        let path = entry.expect("a post file").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a post file");
        let live = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(post)) => {
                let mut live = serde_json::Map::new();
                for key in ["slug", "title"] {
                    if let Some(value) = post.get(key) {
                        live.insert(key.into(), value.clone());
                    }
                }
                if let Some(serde_json::Value::Object(testimonial)) = post.get("testimonial") {
                    let mut reduced = serde_json::Map::new();
                    if let Some(video) = testimonial.get("video") {
                        reduced.insert("video".into(), video.clone());
                    }
                    live.insert("testimonial".into(), reduced.into());
                }
                serde_json::Value::Object(live).to_string()
            }
            _ => text,
        };
        let name = path.file_name().expect("a file name");
        std::fs::write(out.join(name), live).expect("a live post file");
    }
}
