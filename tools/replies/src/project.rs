//! The project the tool works on: its posts and its published replies files.

use crate::*;
use goosebumps_core::comments::published::{file_name, parse_published, PublishedFile};
use goosebumps_core::project::REPLIES_DIR;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The project's posts and published replies.
pub(crate) struct Project {
    pub(crate) root: PathBuf,
    /// The slugs of `src/content/posts/*.json`, sorted.
    pub(crate) posts: Vec<String>,
}

impl Project {
    pub(crate) fn open(root: &Path) -> Result<Self, Error> {
        let dir = root.join(POSTS_DIR);
        let entries = std::fs::read_dir(&dir).map_err(|_| Error::NotTheProject {
            dir: root.display().to_string(),
        })?;
        let mut posts: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
            .collect();
        posts.sort();
        Ok(Self {
            root: root.to_owned(),
            posts,
        })
    }

    pub(crate) fn knows(&self, slug: &str) -> bool {
        self.posts.iter().any(|p| p == slug)
    }

    /// `src/content/replies/<slug>.json`, as messages name it.
    pub(crate) fn relative(slug: &str) -> String {
        format!("{REPLIES_DIR}/{}", file_name(slug))
    }

    pub(crate) fn published(&self, slug: &str) -> Result<PublishedFile, Error> {
        let path = self.root.join(REPLIES_DIR).join(file_name(slug));
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(PublishedFile::new(slug))
            }
            Err(e) => {
                return Err(Error::Unreadable {
                    file: Self::relative(slug),
                    why: e.to_string(),
                })
            }
        };
        let file =
            parse_published(&Self::relative(slug), &text).map_err(|e| Error::BadPublished {
                file: Self::relative(slug),
                why: e.to_string(),
            })?;
        if file.post != slug {
            return Err(Error::BadPublished {
                file: Self::relative(slug),
                why: format!("it names the post “{}”", file.post),
            });
        }
        Ok(file)
    }

    pub(crate) fn all_published(&self) -> Result<BTreeMap<String, PublishedFile>, Error> {
        self.posts
            .iter()
            .map(|slug| Ok((slug.clone(), self.published(slug)?)))
            .collect()
    }

    /// Writes `file` (through a temporary file, so a failure leaves the old one).
    pub(crate) fn write(&self, file: &PublishedFile) -> Result<(), Error> {
        let dir = self.root.join(REPLIES_DIR);
        let unwritable = |e: std::io::Error| Error::Unwritable {
            file: Self::relative(&file.post),
            why: e.to_string(),
        };
        std::fs::create_dir_all(&dir).map_err(unwritable)?;
        let path = dir.join(file_name(&file.post));
        let temp = dir.join(format!(".{}.tmp", file_name(&file.post)));
        std::fs::write(&temp, file.to_json()).map_err(unwritable)?;
        std::fs::rename(&temp, &path).map_err(unwritable)
    }
}
