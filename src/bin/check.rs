//! `cargo xtask check`: every content error of the project at once — posts,
//! `src/content/site.json`, published replies — each with its file, line, column
//! and field, in well under a second, with no build of the app (see
//! `goosebumps_core::check`).
//!
//! Usage: `check [--project DIR] [--drafts]`. The project is the current folder
//! unless `--project` names one. `--drafts` (what `cargo xtask serve` runs) makes
//! a draft's error stop it too; without it (`dist`, and `cargo xtask check`) a
//! draft's error is shown and does not fail. `GOOSEBUMPS_POSTS_DIR` and
//! `GOOSEBUMPS_REPLIES_DIR` name other folders of posts and replies, as for the
//! build. Exits with 1 when something must be fixed, 2 on a bad command line.

use goosebumps_core::check::{check, Finding};
use std::path::PathBuf;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

const USAGE: &str = "usage: check [--project DIR] [--drafts]";

fn main() {
    let mut project = None;
    let mut with_drafts = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--project" => match args.next() {
                Some(dir) => project = Some(PathBuf::from(dir)),
                None => usage("--project needs a folder."),
            },
            "--drafts" => with_drafts = true,
            "--help" | "-h" => usage(""),
            other => usage(&format!("Unknown argument {other}.")),
        }
    }
    let project = project.unwrap_or_else(|| PathBuf::from("."));
    let dir = |name: &str| {
        std::env::var_os(name)
            .filter(|d| !d.is_empty())
            .map(|d| project.join(d))
    };
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    let started = Instant::now();
    let report = check(
        &project,
        dir(goosebumps_core::project::POSTS_DIR_ENV).as_deref(),
        dir(goosebumps_core::project::REPLIES_DIR_ENV).as_deref(),
        now_ms,
    );
    let took = started.elapsed();
    for Finding { error, draft } in &report.findings {
        let at = if error.line == 0 {
            error.file.clone()
        } else {
            format!("{}:{}:{}", error.file, error.line, error.column)
        };
        let note = if *draft && !with_drafts {
            " (a draft: dist leaves it out)"
        } else {
            ""
        };
        eprintln!("{at}: {}{note}", error.message);
    }
    let stopping = report
        .findings
        .iter()
        .filter(|f| with_drafts || !f.draft)
        .count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    eprintln!(
        "check: {} ({} a draft), site.json, {} ({}) in {} ms: {}.",
        plural(report.posts, "post", "posts"),
        report.drafts,
        plural(report.replies_files, "replies file", "replies files"),
        plural(report.replies, "reply", "replies"),
        took.as_millis(),
        match stopping {
            0 if report.findings.is_empty() => "all good".to_owned(),
            0 => format!(
                "{} only in drafts",
                plural(report.findings.len(), "error", "errors")
            ),
            n => format!("{} to fix", plural(n, "error", "errors")),
        }
    );
    std::process::exit(i32::from(report.fails(with_drafts)));
}

fn usage(why: &str) -> ! {
    if !why.is_empty() {
        eprintln!("check: {why}");
    }
    eprintln!("{USAGE}");
    std::process::exit(2)
}
