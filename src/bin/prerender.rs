//! Writes every page of the site at build time (see `goosebumps::render`),
//! from the same components the browser runs, so the text is there before any
//! WebAssembly arrives (and with JavaScript off): the home page `index.html`, one
//! `<slug>/index.html` per post, `404.html`, and, when the site's absolute URL is
//! known, `feed.xml`, `<slug>/feed.xml`, `sitemap.xml` and `robots.txt`.
//!
//! Usage: `prerender [--project DIR] <index.html>` (Trunk's post_build hook runs it
//! on the staged file, which every page starts from and which becomes the home
//! page). The project (for `public/flags/`, `node_modules/` and the published
//! replies) is `DIR`, else the folder Trunk builds (`TRUNK_SOURCE_DIR`) or the
//! current one, or the nearest folder above it that holds `src/content/posts/`
//! beside the workspace's `Cargo.toml`: never the folder the binary was compiled
//! in, so a copied or moved project renders with its own files. The site's
//! settings (`src/content/site.json`) give the site's name and its URL;
//! `GOOSEBUMPS_SITE_URL` (optional, e.g. `https://example.org`) overrides the URL,
//! and `TRUNK_PUBLIC_URL` (set by Trunk) is added to a URL without that path.
//! Without a URL, page URLs are site-relative and there are no feeds or sitemap
//! (said once). Each post's published replies (`src/content/replies/<slug>.json`,
//! or the folder `GOOSEBUMPS_REPLIES_DIR` names) are rendered with it: the first
//! page of them, as the app shows it, and each further page of them at
//! `<slug>/comment-page-<n>/index.html`. Drafts are rendered only with
//! `GOOSEBUMPS_DRAFTS=1` (`cargo xtask serve`). It copies the flags those posts
//! use (`public/flags/`, else npm `flag-icons`) to `flags/<code>.svg`. A bad
//! settings or replies file stops the build with its file, line, column and field.

use goosebumps::comments::published::{self, PublishedFile};
use goosebumps::content::site::{bundled_site, Site};
use goosebumps::content::{self};
use goosebumps::render::{render_site, SiteBuild};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The project's own flags (`<code>.svg`), taken before flag-icons' (see
/// `content::countries::copy_flags`).
const OWN_FLAGS: &str = "public/flags";
/// Where npm `flag-icons` keeps its 4:3 flags (`<code>.svg`), in the project.
const FLAG_ICONS: &str = "node_modules/flag-icons/flags/4x3";

/// Says why the build cannot go on, and stops it.
fn fail(message: impl std::fmt::Display) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1)
}

const USAGE: &str = "usage: prerender [--project DIR] <index.html>";

/// The project this build is of, found once (see [`find_project`]).
static PROJECT: OnceLock<PathBuf> = OnceLock::new();

/// Whether `dir` is a project: `src/content/posts/` and a workspace `Cargo.toml`.
fn is_project(dir: &Path) -> bool {
    dir.join(goosebumps_core::project::POSTS_DIR).is_dir()
        && std::fs::read_to_string(dir.join("Cargo.toml"))
            .is_ok_and(|toml| toml.lines().any(|line| line.trim() == "[workspace]"))
}

/// The project: `named` (`--project DIR`), which must be one; else the nearest
/// project at or above the folder Trunk builds (`TRUNK_SOURCE_DIR`), or the current
/// folder (the pre-render step runs `cargo run` in the project).
fn find_project(named: Option<PathBuf>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|e| fail(format!("the current folder: {e}")));
    if let Some(dir) = named {
        let dir = cwd.join(dir);
        if !is_project(&dir) {
            fail(format!(
                "--project {}: not a Goosebumps project (the folder that holds \
                 src/content/posts/ and the workspace's Cargo.toml)",
                dir.display()
            ));
        }
        return dir;
    }
    let start = match std::env::var_os("TRUNK_SOURCE_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => cwd.join(dir),
        None => cwd,
    };
    start
        .ancestors()
        .find(|dir| is_project(dir))
        .map(Path::to_path_buf)
        .unwrap_or_else(|| {
            fail(format!(
                "{} is not in a Goosebumps project (the folder that holds src/content/posts/ \
                 and the workspace's Cargo.toml): run it there, or name it with --project DIR",
                start.display()
            ))
        })
}

/// The project's folder, as [`find_project`] found it.
fn project() -> &'static Path {
    PROJECT.get().expect("the project is found first")
}

/// The folder published replies are read from.
fn replies_dir() -> std::path::PathBuf {
    match std::env::var_os(goosebumps_core::project::REPLIES_DIR_ENV).filter(|d| !d.is_empty()) {
        Some(dir) => dir.into(),
        None => project().join(goosebumps_core::project::REPLIES_DIR),
    }
}

/// The post's published replies (none without a file).
fn published_of(slug: &str) -> PublishedFile {
    let path = replies_dir().join(published::file_name(slug));
    match std::fs::read_to_string(&path) {
        Ok(json) => published::parse_published(&path.display().to_string(), &json)
            .unwrap_or_else(|e| fail(e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => PublishedFile::new(slug),
        Err(e) => fail(format!("{}: {e}", path.display())),
    }
}

/// The site's absolute URL, if it has one, ending with `/`: the settings' (or the
/// override's) URL, with the public URL's path added when it does not already
/// end with it.
fn absolute_base(site: &Site, public: &str) -> Option<String> {
    let override_url = std::env::var("GOOSEBUMPS_SITE_URL").ok();
    let base = site
        .url_with(override_url.as_deref())
        .unwrap_or_else(|e| fail(e))?;
    let base = base.as_str();
    let path_of_base = base
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{p}"))
        .unwrap_or_else(|| "/".into());
    let trimmed = |p: &str| p.trim_end_matches('/').to_owned();
    Some(
        if trimmed(&path_of_base) == trimmed(public) || trimmed(public).is_empty() {
            format!("{}/", base.trim_end_matches('/'))
        } else {
            format!("{}{public}", base.trim_end_matches('/'))
        },
    )
}

/// Replies files of posts that are not built (a draft, a removed post): the
/// build ships none of them, and says so once.
fn replies_left_out(posts: &[content::Post]) -> Option<String> {
    let built: std::collections::HashSet<&str> = posts.iter().map(|p| p.slug.as_str()).collect();
    let mut left_out: Vec<String> = std::fs::read_dir(replies_dir())
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .filter(|slug| !slug.starts_with('.') && !built.contains(slug.as_str()))
        .collect();
    left_out.sort();
    (!left_out.is_empty()).then(|| {
        format!(
            "published replies of {} not in this build (a draft, or a removed post) left out: {}",
            if left_out.len() == 1 {
                "a post"
            } else {
                "posts"
            },
            left_out.join(", ")
        )
    })
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let named = match args.iter().position(|a| a == "--project") {
        Some(at) if at + 1 < args.len() => {
            args.remove(at);
            Some(PathBuf::from(args.remove(at)))
        }
        Some(_) => fail(USAGE),
        None => None,
    };
    let [path] = <[String; 1]>::try_from(args).unwrap_or_else(|_| fail(USAGE));
    PROJECT
        .set(find_project(named))
        .expect("the project is found once");
    let template = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(format!("{path}: {e}")));
    let site = bundled_site().unwrap_or_else(|e| fail(e));
    // Drafts only for `cargo xtask serve` (GOOSEBUMPS_DRAFTS=1), as build.rs does
    // for the browser's list: `cargo xtask dist` never renders one.
    let posts =
        content::posts(content::BUNDLED, content::drafts_from_env()).unwrap_or_else(|e| fail(e));
    if posts.is_empty() {
        fail(
            "there is no post to build: add one to src/content/posts/ (cargo xtask new-post SLUG)",
        );
    }
    let dir = Path::new(&path)
        .parent()
        .unwrap_or(Path::new("."))
        .to_owned();
    // The flags of these posts only, from npm flag-icons, beside the pages.
    let root = project();
    let (own, flag_icons) = (root.join(OWN_FLAGS), root.join(FLAG_ICONS));
    content::countries::copy_flags(&posts, &[&own, &flag_icons], &dir.join("flags"))
        .unwrap_or_else(|e| fail(e));
    let mut public = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    if !public.ends_with('/') {
        public.push('/');
    }
    let replies: HashMap<String, _> = posts
        .iter()
        .map(|p| (p.slug.clone(), published_of(&p.slug).replies))
        .collect();
    let build = SiteBuild {
        site: &site,
        public: &public,
        absolute: absolute_base(&site, &public),
        posts: &posts,
        replies: &replies,
        template: &template,
    };
    let rendered = render_site(&build).unwrap_or_else(|e| fail(e));
    let mut bytes = 0;
    for file in &rendered.files {
        let to = dir.join(&file.path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| fail(format!("{}: {e}", parent.display())));
        }
        std::fs::write(&to, &file.contents)
            .unwrap_or_else(|e| fail(format!("{}: {e}", to.display())));
        bytes += file.contents.len();
    }
    for note in rendered.notes.iter().chain(&replies_left_out(&posts)) {
        eprintln!("prerender: note: {note}");
    }
    println!(
        "{} files ({} posts, {bytes} bytes) for {} into {}",
        rendered.files.len(),
        posts.len(),
        build.absolute.as_deref().unwrap_or(&public),
        dir.display()
    );
}
