//! Finds the posts: every `src/content/posts/*.json`, so adding a post is adding a
//! file (no list in the code). For the posts of this build — drafts only with
//! `GOOSEBUMPS_DRAFTS=1`, which `cargo xtask serve` sets; `cargo xtask dist` leaves
//! them out — it writes `$OUT_DIR/bundled.rs`, the table `content::BUNDLED` of
//! `(file name, include_str!(its path))`, sorted by file name, and
//! `$OUT_DIR/live_posts.rs`: for each of them, the Rust code that builds what the
//! browser reads of it (`content::LivePost`: the slug, the title and the
//! testimonial's video). The browser build then carries
//! neither the article's text, which the build-time page already holds, nor a JSON
//! parser for posts. Each post is read here by the site's own parser
//! (`goosebumps_core::content::parse_post`), as the pre-render step and the native
//! tests read it; a post it refuses gets an `Err` with the parser's reason.

use goosebumps_core::content::site::{parse_site, SITE_FILE};
use goosebumps_core::content::{parse_post, Post, Video};
// The drafts' switch, the posts' folder and its environment variable: the core's,
// as the pre-render step and the checks read them.
use goosebumps_core::project::{DRAFTS_ENV, POSTS_DIR, POSTS_DIR_ENV as POSTS_ENV, SITE_PATH};
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let posts_dir = std::env::var(POSTS_ENV)
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| POSTS_DIR.into());
    let posts = Path::new(&posts_dir);
    // The folder itself: a new or removed file changes it, so a new post rebuilds.
    println!("cargo:rerun-if-changed={}", posts.display());
    println!("cargo:rerun-if-env-changed={DRAFTS_ENV}");
    println!("cargo:rerun-if-env-changed={POSTS_ENV}");
    let drafts = std::env::var(DRAFTS_ENV).is_ok_and(|v| v == "1");
    let mut files: Vec<_> = std::fs::read_dir(posts)
        .unwrap_or_else(|e| panic!("{}: {e}", posts.display()))
        .map(|entry| entry.expect("a post file").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut bundled = Vec::new();
    for path in &files {
        // Relative to the package (unless the environment names a folder
        // elsewhere): cargo checks it in the package's folder, wherever that is now,
        // so a project copied or moved (target/ with it) rebuilds from its own
        // posts, never from the folder it was first built in.
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .unwrap()
            .to_str()
            .expect("a UTF-8 file name");
        let text = std::fs::read_to_string(path).expect("a post file");
        // A build without drafts does not even compile them in: no artifact of
        // `cargo xtask dist`, debug or release, holds a draft's text.
        if drafts || !is_draft(&text) {
            bundled.push((name.to_owned(), include_path(path), text));
        }
    }
    let out_dir = std::env::var_os("OUT_DIR").expect("OUT_DIR");
    let out_dir = Path::new(&out_dir);
    std::fs::write(out_dir.join("bundled.rs"), bundled_code(&bundled, drafts)).expect("bundled.rs");
    let live: Vec<_> = bundled
        .iter()
        .map(|(name, _, text)| (name.as_str(), text.as_str()))
        .collect();
    std::fs::write(out_dir.join("live_posts.rs"), live_code(&live, drafts)).expect("live_posts.rs");
    live_site(out_dir);
}

/// The path `include_str!` reads `path` from, as Rust code. An `include!`d file
/// resolves a relative path against itself, in `OUT_DIR`, so a path relative to
/// the package becomes `concat!(env!("CARGO_MANIFEST_DIR"), "/…")`: the package's
/// folder when the crate is compiled, not when this script last ran (after a move,
/// the crate can be compiled again without the script running again, and must not
/// read the old folder's posts). An absolute path (a folder the environment names)
/// stays as it is.
pub(crate) fn include_path(path: &Path) -> String {
    let text = path.to_str().expect("a UTF-8 path");
    if path.is_absolute() {
        format!("{text:?}")
    } else {
        let relative: Vec<_> = path
            .components()
            .map(|c| c.as_os_str().to_str().expect("a UTF-8 path"))
            .filter(|c| *c != ".")
            .collect();
        format!(
            "concat!(env!(\"CARGO_MANIFEST_DIR\"), {:?})",
            format!("/{}", relative.join("/"))
        )
    }
}

/// `content::BUNDLED`: each post's file name and its text (drafts already left out
/// of a build without them), included from the path [`include_path`] gives, and
/// `DRAFTS_BUILT`, whether this build shows drafts.
pub(crate) fn bundled_code(files: &[(String, String, String)], drafts: bool) -> String {
    let mut code = String::from(
        "/// Every bundled post as `(file name, JSON text)`, sorted by file name: drafts only\n\
         /// in a build with `GOOSEBUMPS_DRAFTS=1` (generated by build.rs from\n\
         /// `src/content/posts/*.json`). The file name is only used in error messages,\n\
         /// so a broken post names the file to fix.\n\
         pub const BUNDLED: &[(&str, &str)] = &[\n",
    );
    for (name, path, _) in files {
        writeln!(code, "    ({name:?}, include_str!({path})),").unwrap();
    }
    writeln!(
        code,
        "];\n\n/// Whether this build shows drafts (`{DRAFTS_ENV}=1` when it was compiled).\n\
         pub const DRAFTS_BUILT: bool = {drafts};"
    )
    .unwrap();
    code
}

/// Whether the post is a draft (`"draft": true`), read as the site reads it: a file
/// that does not parse is not, so the full parser says what is wrong with it.
fn is_draft(text: &str) -> bool {
    goosebumps_core::content::is_draft(text)
}

/// `live_posts.rs`: the browser's list of post files and what it reads of each, for
/// the posts `(file name, text)` of this build: drafts only when `drafts`. A draft
/// left out has neither its name nor its text in the browser's build.
pub(crate) fn live_code(files: &[(&str, &str)], drafts: bool) -> String {
    let files: Vec<_> = files
        .iter()
        .filter(|(_, text)| drafts || !is_draft(text))
        .collect();
    // The file names alone, apart from `BUNDLED`: the browser reads these, and must
    // not pull the posts' whole text into the wasm.
    let mut code = String::from(
        "/// The file names of [`BUNDLED`] the browser knows, in the same order (generated by build.rs).\n\
         const LIVE_FILES: &[&str] = &[",
    );
    for (name, _) in &files {
        write!(code, "{name:?}, ").unwrap();
    }
    code.push_str(
        "];\n\n\
         /// What the browser reads of the bundled post `file` (generated by build.rs).\n\
         fn live_post(file: &str) -> Result<LivePost, String> {\n    match file {\n",
    );
    for (name, text) in &files {
        let body = match parse_post(name, text) {
            Ok(post) => live_post(&post),
            Err(e) => format!("Err({:?}.into())", e.to_string()),
        };
        writeln!(code, "        {name:?} => {body},").unwrap();
    }
    code.push_str("        _ => Err(\"not a bundled post\".into()),\n    }\n}\n");
    code
}

/// Writes `$OUT_DIR/live_site.rs`: the owner's name and email address from
/// `src/content/site.json`, what the browser reads of the site's settings (for
/// "Email it" and "waiting for <owner>"), so it needs no JSON parser for them. A
/// file the site's parser refuses gives an empty name and no address here; the
/// pre-render step and the native tests fail the build with the reason.
fn live_site(out_dir: &Path) {
    let file = Path::new(SITE_PATH);
    println!("cargo:rerun-if-changed={}", file.display());
    let site = std::fs::read_to_string(file)
        .ok()
        .and_then(|text| parse_site(SITE_FILE, &text).ok());
    let name = site.as_ref().map_or("", |s| s.owner.name.as_str());
    let email = match site.as_ref().and_then(|s| s.owner.email.as_ref()) {
        Some(email) => format!("Some({:?})", email.as_str()),
        None => "None".into(),
    };
    let code = format!(
        "/// What the browser reads of the site's owner (generated by build.rs).\n\
         pub const LIVE_OWNER: LiveOwner = LiveOwner {{ name: {name:?}, email: {email} }};\n"
    );
    std::fs::write(out_dir.join("live_site.rs"), code).expect("live_site.rs");
}

/// The Rust code that builds what the browser reads of `post` (`content::LivePost`).
fn live_post(post: &Post) -> String {
    let video = match &post.testimonial.video {
        None => "None".to_owned(),
        Some(video) => format!("Some({})", video_code(video)),
    };
    format!(
        "Ok(LivePost {{ slug: {:?}.into(), title: {:?}.into(), testimonial: LiveTestimonial {{ video: {video} }} }})",
        post.slug, post.title,
    )
}

/// `Some("…".into())` or `None`, as Rust code.
fn optional_text(text: &Option<String>) -> String {
    match text {
        Some(text) => format!("Some({text:?}.into())"),
        None => "None".into(),
    }
}

fn video_code(video: &Video) -> String {
    match video {
        Video::File {
            title,
            sample_note,
            poster,
            sources,
            captions,
        } => {
            let mut list = String::new();
            for source in sources {
                write!(
                    list,
                    "VideoSource {{ src: {:?}.into(), mime: {:?}.into() }}, ",
                    source.src, source.mime
                )
                .unwrap();
            }
            format!(
                "Video::File {{ title: {title:?}.into(), sample_note: {}, poster: {}, sources: vec![{list}], \
                 captions: Captions {{ src: {:?}.into(), srclang: {:?}.into(), label: {:?}.into() }} }}",
                optional_text(sample_note),
                optional_text(poster),
                captions.src,
                captions.srclang,
                captions.label,
            )
        }
        Video::Youtube { title, id } => format!(
            "Video::Youtube {{ title: {title:?}.into(), id: YoutubeId::from_build({:?}.into()) }}",
            id.as_str()
        ),
    }
}
