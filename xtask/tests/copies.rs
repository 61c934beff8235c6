//! The project works wherever it is, and its tests test the code, not the
//! owner's content: each test copies the project (its files as git sees them:
//! tracked and new ones, none it ignores — no `target/`, `node_modules/` or
//! `dist/`) to a new temporary folder and works there.
//!
//! - With two more published posts, one sorting before the seed and one after
//!   (`"draft": false` written out, as the README says to, each from another
//!   country), the whole native suite passes.
//! - A project moved as `cp -a` moves it, its `target/` (and so its compiled
//!   xtask) with it, works on itself: `new-post`, `replies add` and `dist` change
//!   the new folder, and leave the old one as it was.
//!
//! Both build the project again (minutes, see `docs/testing.md`), so they are
//! `#[ignore]`d by a plain `cargo test`; `cargo xtask test` runs them with
//! `cargo test -p xtask --test copies -- --ignored`. Their builds share one
//! folder inside this build's `target/` (`target/copy-test`, through
//! `CARGO_TARGET_DIR`): the dependencies compile once, and then only the
//! workspace's crates do.

use goosebumps_core::comments::outbox::{reply_file_json, reply_file_name};
use goosebumps_core::comments::{Comment, CommentId};
use goosebumps_core::content::parse_post;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::time::Instant;

/// One copy test at a time: they share `target/copy-test`.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The project under test (xtask's parent folder).
fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the project")
        .to_path_buf()
}

/// Where the copies build: one folder inside this build's `target/`, kept from one
/// run to the next.
fn copies_target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the tests' temporary folder is in target/")
        .join("copy-test")
}

/// A new, empty folder outside the project.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("goosebumps-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies the project's files (tracked, and new ones git does not ignore) to `to`,
/// as new files (new modification times): the number copied.
fn copy_project(to: &Path) -> usize {
    let from = project();
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(&from)
        .output()
        .expect("git lists the project's files (the copy tests need a git checkout)");
    assert!(listed.status.success(), "git ls-files: {listed:?}");
    let mut copied = 0;
    for name in listed.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = std::str::from_utf8(name).expect("UTF-8 file names");
        let source = from.join(name);
        // Listed but deleted in the working tree: not part of the project now.
        if !source.is_file() {
            continue;
        }
        let target = to.join(name);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&source, &target)
            .unwrap_or_else(|e| panic!("{} → {}: {e}", source.display(), target.display()));
        copied += 1;
    }
    assert!(
        to.join("src/content/posts").is_dir() && copied > 100,
        "{copied} files"
    );
    copied
}

/// `command`, run to its end: its output, or a panic showing the end of it.
fn run(command: &mut Command, what: &str) -> Output {
    let started = Instant::now();
    let out = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    eprintln!("copies: {what}: {:.0?}", started.elapsed());
    if !out.status.success() {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(120)..].join("\n");
        panic!("{what} failed ({}):\n{tail}", out.status);
    }
    out
}

/// `cargo` in `dir`, building into [`copies_target`], with none of the
/// environment that changes what the project builds.
fn cargo(dir: &Path) -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(dir).env("CARGO_TARGET_DIR", copies_target());
    for name in [
        "GOOSEBUMPS_DRAFTS",
        "GOOSEBUMPS_POSTS_DIR",
        "GOOSEBUMPS_REPLIES_DIR",
        "GOOSEBUMPS_SITE_URL",
        "GOOSEBUMPS_UPDATE_SCHEMA",
        "GOOSEBUMPS_UPDATE_FIXTURES",
    ] {
        c.env_remove(name);
    }
    c
}

/// A published post sorting before the seed: Britain, a YouTube video, its own text.
const BEFORE_THE_SEED: &str = r#"{
  "$schema": "../post.schema.json",
  "draft": false,
  "slug": "aaa-a-film-first",
  "title": "A film first",
  "kicker": "Person from the United Kingdom (Olivia)",
  "description": "Olivia from Britain on the last scene of a film that sorts first.",
  "published": "2026-11-02T10:00:00Z",
  "person": {
    "name": "Olivia",
    "full_name": "Olivia Hart",
    "country": { "code": "GB", "name": "United Kingdom" }
  },
  "film": { "title": "A film first", "original_title": "A film first", "year": 2001 },
  "testimonial": {
    "headline": "The movie “A film first” – Olivia’s goosebump moment",
    "quote": "“The lights go up and nobody moves.”",
    "video": { "kind": "youtube", "title": "A film first – the last scene", "id": "dQw4w9WgXcQ" }
  },
  "article": [
    { "heading": "Why it stays", "level": 2, "paragraphs": ["A paragraph of its own."] },
    { "heading": "A detail", "level": 3, "paragraphs": ["Another one.", "And a third."] }
  ],
  "facts": {
    "heading": "More about “A film first”",
    "items": [{ "label": "Released", "value": "2001" }]
  }
}
"#;

/// A published post sorting after the seed: Japan, no video, the newest.
const AFTER_THE_SEED: &str = r#"{
  "$schema": "../post.schema.json",
  "draft": false,
  "slug": "zzz-the-last-reel",
  "title": "The last reel",
  "kicker": "Person from Japan (Haruto)",
  "description": "Haruto from Japan on a film that sorts last, told in words only.",
  "published": "2026-12-05",
  "person": {
    "name": "Haruto",
    "full_name": "Haruto Sato",
    "country": { "code": "JP", "name": "Japan" }
  },
  "film": { "title": "The last reel", "original_title": "最後のリール", "year": 1999 },
  "testimonial": {
    "headline": "The movie “The last reel” – Haruto’s goosebump moment",
    "quote": "“When the projector stops, the whole hall claps.”"
  },
  "article": [
    { "heading": "The hall", "level": 2, "paragraphs": ["Words only, no video."] }
  ],
  "facts": {
    "heading": "More about “The last reel”",
    "items": [{ "label": "Original title", "value": "最後のリール" }]
  }
}
"#;

#[test]
#[ignore = "builds a copy of the project and runs its whole native suite (minutes): cargo xtask test runs it"]
fn the_native_suite_passes_with_posts_before_and_after_the_seed() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let copy = scratch("more-posts");
    let started = Instant::now();
    let files = copy_project(&copy);
    eprintln!("copies: {files} files copied in {:.0?}", started.elapsed());
    let posts = copy.join("src/content/posts");
    for (file, json) in [
        ("aaa-a-film-first.json", BEFORE_THE_SEED),
        ("zzz-the-last-reel.json", AFTER_THE_SEED),
    ] {
        // Valid published posts, as an owner writes them.
        let post = parse_post(file, json).unwrap_or_else(|e| panic!("{e}"));
        assert!(!post.is_draft());
        std::fs::write(posts.join(file), json).unwrap();
    }
    let seed = posts.join("miracle-in-cell-no-7.json");
    let mut names: Vec<_> = std::fs::read_dir(&posts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.first() != Some(&seed) && names.last() != Some(&seed));

    run(
        cargo(&copy).args(["test", "--workspace", "--no-fail-fast"]),
        "cargo test --workspace (in the copy)",
    );
    run(
        cargo(&copy).args([
            "test",
            "-p",
            "goosebumps",
            "--no-default-features",
            "--features",
            "ssr",
            "--no-fail-fast",
            "--test",
            "live_parts",
            "--test",
            "site_build",
            "--test",
            "page_structure",
        ]),
        "cargo test --features ssr live_parts site_build page_structure (in the copy)",
    );
    let _ = std::fs::remove_dir_all(&copy);
}

/// Every file under `dir` (symbolic links not followed) and a hash of its bytes.
fn hashes(dir: &Path) -> BTreeMap<PathBuf, (u64, u64)> {
    let mut found = BTreeMap::new();
    let mut to_read = vec![dir.to_path_buf()];
    while let Some(folder) = to_read.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            if kind.is_dir() {
                to_read.push(path);
            } else {
                let bytes = if kind.is_symlink() {
                    std::fs::read_link(&path)
                        .unwrap()
                        .into_os_string()
                        .into_encoded_bytes()
                } else {
                    std::fs::read(&path).unwrap()
                };
                let mut hasher = DefaultHasher::new();
                hasher.write(&bytes);
                found.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    (bytes.len() as u64, hasher.finish()),
                );
            }
        }
    }
    found
}

#[test]
#[ignore = "moves a copy of the project and builds its release there (minutes): cargo xtask test runs it"]
fn a_moved_project_works_on_itself_not_on_the_folder_it_was_built_in() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = scratch("moved");
    let (old, new) = (dir.join("old"), dir.join("new"));
    copy_project(&old);
    // xtask compiled in the old folder, into its own target/ (xtask alone has no
    // dependencies: seconds).
    run(
        cargo(&old)
            .args(["build", "-q", "-p", "xtask"])
            .env("CARGO_TARGET_DIR", old.join("target")),
        "cargo build -p xtask (in the old folder)",
    );
    // Moved as `cp -a` moves it: times kept, target/ with it, so cargo would not
    // even rebuild this xtask.
    run(
        Command::new("cp").arg("-a").arg(&old).arg(&new),
        "cp -a old new",
    );
    let old_files = hashes(&old);
    let xtask = new.join("target/debug/xtask");
    // What `dist` needs and no copy has: the installed npm packages (flag-icons,
    // wasm-opt), the project's own.
    std::os::unix::fs::symlink(project().join("node_modules"), new.join("node_modules")).unwrap();
    let xtask_in = |cwd: &Path| {
        let mut c = Command::new(&xtask);
        c.current_dir(cwd)
            .env("CARGO_TARGET_DIR", copies_target())
            .env_remove("GOOSEBUMPS_DRAFTS")
            .env_remove("GOOSEBUMPS_REPLIES_DIR")
            .env_remove("GOOSEBUMPS_POSTS_DIR")
            .env_remove("GOOSEBUMPS_SITE_URL");
        c
    };

    // new-post, from a folder inside the project: the project is the one above it.
    run(
        xtask_in(&new.join("src/content")).args(["new-post", "written-here"]),
        "xtask new-post (in new/src/content)",
    );
    let draft = new.join("src/content/posts/written-here.json");
    assert!(draft.is_file(), "new-post wrote into the new folder");

    // replies add, from a folder outside the project, which --project names.
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let reply = Comment {
        id: CommentId::parse("m3x9q2k0a1b2c3").unwrap(),
        post: "miracle-in-cell-no-7".into(),
        parent_id: None,
        author: "Maria Camilleri".into(),
        email: "maria@example.org".into(),
        url: None,
        content: "Published in the moved project.".into(),
        created_ms: 1_709_406_316_123,
        edited_ms: None,
        history: Vec::new(),
        deleted: false,
    };
    let reply_file = inbox.join(reply_file_name(&reply));
    std::fs::write(&reply_file, reply_file_json(&reply, 1_709_406_400_000)).unwrap();
    run(
        xtask_in(&inbox)
            .arg("--project")
            .arg(&new)
            .args(["replies", "add"])
            .arg(&reply_file),
        "xtask --project new replies add (in a folder outside it)",
    );
    let published =
        std::fs::read_to_string(new.join("src/content/replies/miracle-in-cell-no-7.json"))
            .expect("replies add wrote into the new folder");
    assert!(published.contains("Published in the moved project."));

    // A published post of the new folder's own, then its release build: build.rs
    // reads the new folder's posts, the pre-render step its replies.
    let moved_post = include_str!("../../tests/fixtures/seed-post.json").replacen(
        "\"miracle-in-cell-no-7\"",
        "\"published-after-the-move\"",
        1,
    );
    std::fs::write(
        new.join("src/content/posts/published-after-the-move.json"),
        moved_post,
    )
    .unwrap();
    run(xtask_in(&new).arg("dist"), "xtask dist (in the new folder)");
    let dist = new.join("dist");
    assert!(dist.join("index.html").is_file());
    assert!(dist.join("published-after-the-move/index.html").is_file());
    assert!(
        !dist.join("written-here").exists(),
        "the draft is not in the release"
    );
    let page = std::fs::read_to_string(dist.join("miracle-in-cell-no-7/index.html")).unwrap();
    assert!(
        page.contains("Published in the moved project."),
        "the page shows the new folder's published reply"
    );

    // The old folder is as it was: no post, no replies, no dist/.
    assert!(!old.join("dist").exists());
    assert_eq!(hashes(&old), old_files, "the old folder was changed");
    let _ = std::fs::remove_dir_all(&dir);
}
