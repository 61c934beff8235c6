//! Project commands: `cargo xtask serve | dist | test | new-post SLUG`. Each first installs what is
//! missing (idempotently: versions are checked and a second run skips), so the two
//! README commands work on a fresh machine with only rustup, cargo and Node.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

use goosebumps_core::project::{POSTS_DIR_ENV, REPLIES_DIR_ENV};

mod engines;
mod new_post;
mod project;

const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

type Result<T = ()> = std::result::Result<T, String>;

fn main() {
    let mut args: Vec<String> = env::args().skip(1).collect();
    // The project is where xtask is run (or the one `--project DIR` names), never
    // where it was compiled.
    if let Err(message) = project::init(&mut args) {
        eprintln!("xtask: {message}");
        exit(1);
    }
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup(),
        Some("serve") => serve(),
        Some("dist") => dist(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench(),
        Some("replies") => replies(&args[1..]),
        Some("check") if args.len() == 1 => check_content(false),
        Some("new-post") => match &args[1..] {
            [slug] => new_post::new_post(&root(), slug).map(|path| {
                eprintln!(
                    "xtask: wrote {} (a draft): fill in every TODO, then `cargo xtask serve` shows it",
                    path.display()
                )
            }),
            _ => Err(USAGE.to_owned()),
        },
        _ => Err(USAGE.to_owned()),
    };
    if let Err(message) = result {
        eprintln!("xtask: {message}");
        exit(1);
    }
}

const USAGE: &str = "usage: cargo xtask [--project DIR] <command>
  (the project is the one the current folder is in, or DIR)
  serve                       install what is missing, then serve the page at http://127.0.0.1:8080 (drafts too)
  dist [--public-url /path/]  the release build into dist/ (deployable under a sub-path; no drafts)
  test                        install what is missing, then run every check and test
  bench                       the release build's figures (size, Lighthouse, start-up, scale, typing) into BENCHMARKS.md
  check                       every content error (posts, site.json, published replies) at once, in seconds
  setup                       only install what is missing
  new-post SLUG               write src/content/posts/SLUG.json, a draft to fill in (see README)
  replies add|list|remove …   publish readers' replies into src/content/replies/ (see README)";

/// `cargo xtask replies …`: the owner's tool (`tools/replies`), run from the current
/// folder (where the files named on its command line are), on this project.
fn replies(args: &[String]) -> Result {
    let status = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["run", "-q", "--manifest-path"])
        .arg(root().join("Cargo.toml"))
        .args(["-p", "replies", "--", "--root"])
        .arg(root())
        .args(args)
        .status()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    exit(status.code().unwrap_or(1))
}

/// The project's folder: the one xtask is run in (or above it), or `--project DIR`
/// (see `project.rs`).
fn root() -> PathBuf {
    project::root()
}

/// A command run in the repo root, with the project-local tools first on PATH.
fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root());
    let cargo_bin = env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env::var("HOME").unwrap_or_default()).join(".cargo"))
        .join("bin");
    // The wasm-opt cache's shim first (see `wasm_opt_shim`), then the npm tools.
    let mut paths = vec![
        root().join(WASM_OPT_SHIM_DIR),
        root().join("node_modules/.bin"),
        cargo_bin,
    ];
    paths.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    c.env("PATH", env::join_paths(paths).expect("valid PATH"));
    c
}

fn run(c: &mut Command) -> Result {
    eprintln!("xtask: $ {}", describe(c));
    let status = c
        .status()
        .map_err(|e| format!("could not start {}: {e}", describe(c)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("failed ({status}): {}", describe(c)))
    }
}

fn describe(c: &Command) -> String {
    std::iter::once(c.get_program())
        .chain(c.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What `program args` prints, or `None` when it cannot run.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The `wasm-bindgen` version Cargo.lock pins: the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock =
        fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

/// Installs the wasm target, Trunk, wasm-bindgen-cli and the npm tools, when missing.
fn setup() -> Result {
    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t == WASM_TARGET) {
        run(cmd("rustup").args(["target", "add", WASM_TARGET]))?;
    }

    let trunk = output_of("trunk", &["--version"]).unwrap_or_default();
    if trunk != format!("trunk {TRUNK_VERSION}") {
        run(cmd("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }

    let wbg = locked_wasm_bindgen()?;
    let trunk_toml =
        fs::read_to_string(root().join("Trunk.toml")).map_err(|e| format!("Trunk.toml: {e}"))?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{wbg}\"")) {
        return Err(format!(
            "Trunk.toml's [tools] wasm_bindgen must be \"{wbg}\", the version in Cargo.lock"
        ));
    }
    let installed = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    if installed != format!("wasm-bindgen {wbg}") {
        // Not --locked: its lockfile pins a crate version the registry mirror lacks.
        run(cmd("cargo").args(["install", "wasm-bindgen-cli", "--version", &wbg]))?;
    }

    // Always (it skips when node_modules/ matches the lockfile): the build needs
    // flag-icons as well as wasm-opt, and a new npm package must arrive too.
    npm_ci()?;
    // The shim first: it is first on the PATH, and one left by this project in
    // another folder (moved, or its target/ copied) would answer for a tool that is
    // not there.
    wasm_opt_shim()?;
    let wasm_opt = output_of("wasm-opt", &["--version"]).unwrap_or_default();
    if !wasm_opt.contains("(version_132)") {
        return Err(format!(
            "wasm-opt is not binaryen's version_132 (got {wasm_opt:?}): run `npm ci`"
        ));
    }
    // Trunk builds with --offline, which makes cargo offline too.
    run(cmd("cargo").args(["fetch"]))
}

/// Where the shim named `wasm-opt` lives, first on the PATH of every command.
const WASM_OPT_SHIM_DIR: &str = "target/tool-cache/bin";

/// Writes the shim that Trunk finds as `wasm-opt`: it runs
/// `scripts/wasm-opt-cache.mjs`, which copies the output of an input it optimised
/// before (the same bytes, the same options) instead of running binaryen again —
/// a rebuild for new replies or text skips 11–30 s of wasm-opt.
fn wasm_opt_shim() -> Result {
    let dir = root().join(WASM_OPT_SHIM_DIR);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let shim = dir.join("wasm-opt");
    let script = format!(
        "#!/bin/sh\nexec node '{}' '{}' \"$@\"\n",
        root().join("scripts/wasm-opt-cache.mjs").display(),
        root().join("node_modules/.bin/wasm-opt").display()
    );
    if fs::read_to_string(&shim).ok().as_deref() != Some(script.as_str()) {
        fs::write(&shim, script).map_err(|e| format!("{}: {e}", shim.display()))?;
    }
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&shim, fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("{}: {e}", shim.display()))
}

/// `npm ci`, unless `node_modules/` already holds exactly what `package-lock.json`
/// names: a copy of the lockfile is left there after each install, and a second
/// run that finds the same lockfile skips (npm ci would wipe and reinstall it all).
fn npm_ci() -> Result {
    let lock = root().join("package-lock.json");
    let stamp = root().join("node_modules/.installed-package-lock.json");
    let wanted = fs::read(&lock).map_err(|e| format!("package-lock.json: {e}"))?;
    if fs::read(&stamp).ok().as_ref() == Some(&wanted) {
        return Ok(());
    }
    run(cmd("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    fs::write(&stamp, wanted).map_err(|e| format!("{}: {e}", stamp.display()))
}

/// Chromium and ChromeDriver for the browser tests: apt-get when root, else the command to run.
fn ensure_chromium() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let install = "apt-get update && apt-get install -y chromium chromium-driver";
    if output_of("id", &["-u"]).as_deref() == Some("0") {
        run(cmd("sh").args(["-c", &format!("DEBIAN_FRONTEND=noninteractive {install}")]))
    } else {
        Err(format!("the browser tests need Chromium and ChromeDriver; install them with:\n    sudo sh -c '{install}'"))
    }
}

/// Every content error of the project at once, before anything is compiled for
/// the browser (`src/bin/check.rs`): the first thing `serve` and `dist` do, and
/// `cargo xtask check`. With `drafts`, a draft's error stops it too (`serve`
/// shows drafts; `dist` and `check` leave them out).
fn check_content(drafts: bool) -> Result {
    let mut c = cmd(&env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.args([
        "run",
        "-q",
        "-p",
        "goosebumps",
        "--bin",
        "check",
        "--no-default-features",
        "--features",
        "ssr",
        "--",
        "--project",
    ])
    .arg(root());
    if drafts {
        c.arg("--drafts");
    }
    let status = c
        .status()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    match status.code() {
        Some(0) => Ok(()),
        // The check's own answer: errors it listed.
        Some(1) => Err("the content has errors (above): nothing was built".into()),
        _ => Err(format!(
            "the content check could not run ({status}, above): nothing was built"
        )),
    }
}

/// Where `cargo xtask serve` builds: its own folder, so `dist/` only ever holds a
/// release (a debug build and drafts never land there).
const SERVE_DIR: &str = "target/serve";
/// Where `cargo xtask dist` builds before the result replaces `dist/`.
const DIST_NEXT: &str = "target/dist-next";
/// Where the replaced `dist/` goes for the moment of the swap.
const DIST_OLD: &str = "target/dist-old";

/// Debian's nginx and Apache, which serve a build with its generated nginx.conf and
/// .htaccess in tests/e2e/hosts.spec.ts: apt-get when root, else the command to run.
fn ensure_hosts() -> Result {
    if Path::new("/usr/sbin/nginx").exists() && Path::new("/usr/sbin/apache2").exists() {
        return Ok(());
    }
    let install = "apt-get update && apt-get install -y nginx apache2";
    if output_of("id", &["-u"]).as_deref() == Some("0") {
        run(cmd("sh").args(["-c", &format!("DEBIAN_FRONTEND=noninteractive {install}")]))
    } else {
        Err(format!(
            "the host tests need nginx and Apache; install them with:\n    sudo sh -c '{install}'"
        ))
    }
}

fn serve() -> Result {
    // The content first: its errors come in seconds, before installing or compiling anything else.
    check_content(true)?;
    setup()?;
    // Drafts are served here, never in `dist`: build.rs (the browser's list of posts)
    // and the pre-render step read this, on every rebuild of the served site.
    run(cmd("trunk").env("GOOSEBUMPS_DRAFTS", "1").args([
        "serve",
        "--dist",
        SERVE_DIR,
        "--offline",
        "--address",
        "127.0.0.1",
        "--port",
        "8080",
    ]))
}

/// `trunk build --release` into `dist_dir`, for a site served under `public_url`.
fn build(public_url: &str, dist_dir: &str) -> Result {
    // A release build never holds drafts, whatever the calling shell has set.
    run(cmd("trunk").env_remove("GOOSEBUMPS_DRAFTS").args([
        "build",
        "--release",
        "--offline",
        "--public-url",
        public_url,
        "--dist",
        dist_dir,
    ]))
}

/// Removes `dir` and everything in it; nothing when there is none.
fn remove_dir(dir: &Path) -> Result {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("{}: {e}", dir.display()))
        }
        _ => Ok(()),
    }
}

/// The made-up address the test site (`dist-site/`) is built for.
const SITE_FIXTURE_URL: &str = "https://goosebumps.example/";

fn dist(args: &[String]) -> Result {
    let public_url = match args {
        [] => "/".to_owned(),
        [flag, url] if flag == "--public-url" => url.clone(),
        _ => return Err(USAGE.to_owned()),
    };
    // The content first: its errors come in seconds, before installing or compiling anything else.
    check_content(false)?;
    setup()?;
    // Built aside, then swapped in: a failed build leaves the previous dist/ as it
    // was (or none), never a mix, a half-built one or a stage folder.
    let (next, old) = (root().join(DIST_NEXT), root().join(DIST_OLD));
    for leftover in [&next, &old] {
        remove_dir(leftover)?;
    }
    if let Err(e) = build(&public_url, DIST_NEXT) {
        remove_dir(&next)?;
        return Err(format!("{e}\nxtask: dist/ was left as it was"));
    }
    let dist = root().join("dist");
    if dist.exists() {
        fs::rename(&dist, &old).map_err(|e| format!("dist/ → {DIST_OLD}: {e}"))?;
    }
    fs::rename(&next, &dist).map_err(|e| format!("{DIST_NEXT} → dist/: {e}"))?;
    remove_dir(&old)?;
    eprintln!("xtask: the site is in dist/, for {public_url}; copy it to any static host.");
    Ok(())
}

fn test() -> Result {
    setup()?;
    for (component, probe) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if output_of("cargo", &[probe, "--version"]).is_none() {
            run(cmd("rustup").args(["component", "add", component]))?;
        }
    }
    ensure_chromium()?;
    ensure_hosts()?;
    engines::ensure()?;
    npm_ci()?;
    run(cmd("cargo").args(["fmt", "--all", "--check"]))?;
    run(cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cmd("cargo").args([
        "clippy",
        "-p",
        "goosebumps",
        "--all-targets",
        "--target",
        WASM_TARGET,
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cmd("cargo").args(["test", "--workspace"]))?;
    // The live-parts contract, the site's pages and their structure read back by an
    // HTML parser, on the build-time render (`ssr`).
    run(cmd("cargo").args([
        "test",
        "-p",
        "goosebumps",
        "--no-default-features",
        "--features",
        "ssr",
        "--test",
        "live_parts",
        "--test",
        "site_build",
        "--test",
        "page_structure",
    ]))?;
    // The project copied to another folder: its native suite with two more posts
    // (one sorting before the seed, one after), and a moved copy's new-post,
    // replies add and dist working on it, not on this folder (xtask/tests/copies.rs).
    run(cmd("cargo").args(["test", "-p", "xtask", "--test", "copies", "--", "--ignored"]))?;
    // The post_build hook's steps (CSP, public URLs, service worker) on made-up builds.
    run(cmd("node").args(["--test", "tests/post-build.test.mjs"]))?;
    // Every relative link of the docs resolves; the README stays short.
    run(cmd("node").args(["--test", "tests/docs.test.mjs"]))?;
    run(cmd("cargo")
        .args(["test", "-p", "goosebumps", "--target", WASM_TARGET])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            root().join("tests/webdriver.json"),
        )
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;
    engines::wasm_tests_in_firefox()?;
    // The build-time renderer (native, `ssr` feature) is linted too.
    run(cmd("cargo").args([
        "clippy",
        "-p",
        "goosebumps",
        "--bin",
        "prerender",
        "--no-default-features",
        "--features",
        "ssr",
        "--",
        "-D",
        "warnings",
    ]))?;
    build("/", "dist")?;
    build("/sub/", "dist-sub")?;
    // The same build with a test-only published replies file (tests/e2e/published.spec.ts).
    env::set_var(REPLIES_DIR_ENV, "tests/fixtures/published");
    let published = build("/", "dist-published");
    // Its next deployment: one reply taken back, two published (tests/e2e/deploy.spec.ts).
    env::set_var(REPLIES_DIR_ENV, "tests/fixtures/published-b");
    let published = published.and_then(|()| build("/", "dist-published-b"));
    env::remove_var(REPLIES_DIR_ENV);
    published?;
    // The test-only site of three posts (tests/fixtures/site; tests/e2e/site.spec.ts),
    // with a site URL, so it has its feeds and sitemap.
    env::set_var(POSTS_DIR_ENV, root().join("tests/fixtures/site/posts"));
    env::set_var("GOOSEBUMPS_SITE_URL", SITE_FIXTURE_URL);
    let site = build("/", "dist-site");
    // The same site with published replies that look like markup, and replies of
    // its draft, which must not ship (tests/fixtures/hostile; hostile-published.spec.ts).
    env::set_var(REPLIES_DIR_ENV, "tests/fixtures/hostile");
    let site = site.and_then(|()| build("/", "dist-hostile"));
    env::remove_var(REPLIES_DIR_ENV);
    env::remove_var(POSTS_DIR_ENV);
    // The seed post with 120 published replies: three comment pages, each at its own
    // address (tests/fixtures/published-many; comment-pages.spec.ts).
    let site = site.and_then(|()| {
        env::set_var(REPLIES_DIR_ENV, "tests/fixtures/published-many");
        let many = build("/", "dist-many");
        env::remove_var(REPLIES_DIR_ENV);
        many
    });
    // The site under /blog/, with its feeds and a published replies file, served by
    // real nginx and Apache with the nginx.conf and .htaccess it writes (hosts.spec.ts).
    let site = site.and_then(|()| {
        env::set_var(REPLIES_DIR_ENV, "tests/fixtures/published");
        let blog = build("/blog/", "dist-blog");
        env::remove_var(REPLIES_DIR_ENV);
        blog
    });
    env::remove_var("GOOSEBUMPS_SITE_URL");
    site?;
    // Size ceilings on the release build (brotli).
    run(cmd("node").args(["--test", "tests/size-budget.test.mjs"]))?;
    run(cmd("npx")
        .args([
            "playwright",
            "test",
            "--config",
            "tests/e2e/playwright.config.ts",
        ])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    engines::suite()
}

/// Benchmarks (numbers, not pass/fail) of the release build: tests/bench/run.mjs writes BENCHMARKS.md.
fn bench() -> Result {
    setup()?;
    ensure_chromium()?;
    npm_ci()?;
    build("/", "dist")?;
    run(cmd("node").arg("tests/bench/run.mjs"))
}
