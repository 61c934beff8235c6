//! The owner's content, checked whole: every post, the site's settings and every
//! published replies file of a project folder, each error with its file, line,
//! column and field, all of them in one run (`cargo xtask check`, and the first
//! thing `serve` and `dist` do). It reads the files as they are on disk now, so it
//! needs no build of the app: the answer comes in well under a second.
//!
//! A *finding* is one file's error. Findings in drafts are reported, and only
//! stop a check that shows drafts (`serve`): `dist` leaves drafts out, unread.
//!
//! Native only (it reads folders). Why not in `content`: it checks the published
//! replies too, and `comments` already uses `content` (its errors).

use crate::comments::published::{self, date_problem};
use crate::content::site::{parse_site, SITE_FILE};
use crate::content::{is_draft, parse_post, ContentError};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::project::{POSTS_DIR, REPLIES_DIR, SITE_PATH};

/// One file's error, and whether the file is a draft.
#[derive(Debug, PartialEq)]
pub struct Finding {
    /// What is wrong, and where.
    pub error: ContentError,
    /// A draft's error stops only a build that shows drafts.
    pub draft: bool,
}

/// What [`check`] read and found.
#[derive(Debug, Default)]
pub struct Report {
    /// Posts read (drafts included).
    pub posts: usize,
    /// How many of the posts are drafts.
    pub drafts: usize,
    /// Published replies files read, and the replies in them.
    pub replies_files: usize,
    /// How many published replies files were read.
    pub replies: usize,
    /// Every error found, file by file.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether a build stops: any finding outside drafts, or in drafts too when
    /// the build shows them.
    pub fn fails(&self, with_drafts: bool) -> bool {
        self.findings.iter().any(|f| with_drafts || !f.draft)
    }
}

/// Checks the project at `project`: the posts of `posts_dir` (its own
/// `src/content/posts` unless given), `src/content/site.json`, and the published
/// replies of `replies_dir` (its own `src/content/replies` unless given). `now_ms`
/// bounds the replies' dates (a day of slack). A folder or file that cannot be
/// read is a finding too.
pub fn check(
    project: &Path,
    posts_dir: Option<&Path>,
    replies_dir: Option<&Path>,
    now_ms: i64,
) -> Report {
    let mut report = Report::default();
    let posts_dir = posts_dir.map_or_else(|| project.join(POSTS_DIR), Path::to_path_buf);
    let replies_dir = replies_dir.map_or_else(|| project.join(REPLIES_DIR), Path::to_path_buf);
    let shown = |path: &Path| {
        path.strip_prefix(project)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    let finding = |file: String, message: String| ContentError {
        file,
        line: 0,
        column: 0,
        message,
    };

    // The posts: every `*.json`, by file name.
    let mut slugs = BTreeSet::new();
    match json_files(&posts_dir) {
        Err(why) => report.findings.push(Finding {
            error: finding(shown(&posts_dir), why),
            draft: false,
        }),
        Ok(files) => {
            for path in files {
                let name = shown(&path);
                report.posts += 1;
                let text = match std::fs::read_to_string(&path) {
                    Ok(text) => text,
                    Err(e) => {
                        report.findings.push(Finding {
                            error: finding(name, e.to_string()),
                            draft: false,
                        });
                        continue;
                    }
                };
                let draft = is_draft(&text);
                report.drafts += usize::from(draft);
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                match parse_post(&name, &text) {
                    Ok(post) if post.slug != stem => report.findings.push(Finding {
                        error: finding(
                            name,
                            format!(
                                "`slug`: {:?} is not the file's name: a post's file is \
                                 <slug>.json (its replies and its address follow the slug)",
                                post.slug
                            ),
                        ),
                        draft,
                    }),
                    Ok(post) => {
                        slugs.insert(post.slug);
                    }
                    Err(error) => report.findings.push(Finding { error, draft }),
                }
            }
        }
    }

    // The site's settings.
    let site = project.join(SITE_PATH);
    match std::fs::read_to_string(&site) {
        Ok(text) => {
            if let Err(mut error) = parse_site(SITE_FILE, &text) {
                error.file = shown(&site);
                report.findings.push(Finding {
                    error,
                    draft: false,
                });
            }
        }
        Err(e) => report.findings.push(Finding {
            error: finding(shown(&site), e.to_string()),
            draft: false,
        }),
    }

    // The published replies: a missing folder is no replies.
    if let Ok(files) = json_files(&replies_dir) {
        for path in files {
            let name = shown(&path);
            report.replies_files += 1;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let bytes = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(e) => {
                    report.findings.push(Finding {
                        error: finding(name, e.to_string()),
                        draft: false,
                    });
                    continue;
                }
            };
            let file = match published::parse_published(&name, &bytes) {
                Ok(file) => file,
                Err(error) => {
                    report.findings.push(Finding {
                        error,
                        draft: false,
                    });
                    continue;
                }
            };
            report.replies += file.replies.len();
            let mut problem = |message: String| {
                report.findings.push(Finding {
                    error: finding(name.clone(), message),
                    draft: false,
                })
            };
            if file.post != stem {
                problem(format!(
                    "`post`: {:?} is not the file's name ({stem}.json)",
                    file.post
                ));
            } else if !slugs.contains(stem) && !posts_dir.join(format!("{stem}.json")).exists() {
                problem(format!(
                    "there is no post {stem:?} in {} for these replies",
                    shown(&posts_dir)
                ));
            }
            for r in &file.replies {
                if let Some(why) = date_problem(r.created_ms, Some(now_ms)) {
                    problem(format!("reply `{}`: {why}", r.id));
                }
            }
        }
    }
    report
}

/// The `*.json` files of `dir`, sorted; a sentence when it cannot be listed.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such folder".to_owned(),
        _ => e.to_string(),
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    files.sort();
    Ok(files)
}
