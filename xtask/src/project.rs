//! Which project the commands work on: the folder `--project DIR` names, else the
//! one the current folder is in (it, or the nearest folder above it, that holds
//! `src/content/posts/` beside the workspace's `Cargo.toml`). Never a path written
//! into xtask when it was compiled: a copied or moved project, even with its
//! `target/` (and so its compiled xtask), works on itself, not on the folder it
//! was first built in.

use goosebumps_core::project::POSTS_DIR;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The option that names the project.
pub(crate) const FLAG: &str = "--project";

/// The project, found once when xtask starts (see [`find`]).
static ROOT: OnceLock<PathBuf> = OnceLock::new();

/// Takes `--project DIR` (or `--project=DIR`) out of `args`, wherever it is, so the
/// commands see only their own arguments: the folder it names, if any.
pub(crate) fn take_flag(args: &mut Vec<String>) -> Result<Option<PathBuf>, String> {
    let mut named = None;
    let mut i = 0;
    while i < args.len() {
        let dir = if args[i] == FLAG {
            if i + 1 == args.len() {
                return Err(format!("{FLAG} needs a folder: {FLAG} DIR"));
            }
            let dir = args.remove(i + 1);
            args.remove(i);
            dir
        } else if let Some(dir) = args[i].strip_prefix(&format!("{FLAG}=")) {
            let dir = dir.to_owned();
            args.remove(i);
            dir
        } else {
            i += 1;
            continue;
        };
        if named.replace(PathBuf::from(dir)).is_some() {
            return Err(format!("{FLAG} is given twice: name one project"));
        }
    }
    Ok(named)
}

/// Whether `dir` is a project: `src/content/posts/` and a `Cargo.toml` with a
/// `[workspace]` (xtask's own `Cargo.toml`, or the replies tool's, is not one).
pub(crate) fn is_project(dir: &Path) -> bool {
    dir.join(POSTS_DIR).is_dir()
        && std::fs::read_to_string(dir.join("Cargo.toml"))
            .is_ok_and(|toml| toml.lines().any(|line| line.trim() == "[workspace]"))
}

/// The project: `named` (relative to `cwd`), which must be one; else `cwd` or the
/// nearest folder above it that is one. The error says what was looked for.
pub(crate) fn find(named: Option<&Path>, cwd: &Path) -> Result<PathBuf, String> {
    if let Some(dir) = named {
        let dir = cwd.join(dir);
        let dir = dir
            .canonicalize()
            .map_err(|e| format!("{FLAG} {}: {e}", dir.display()))?;
        return if is_project(&dir) {
            Ok(dir)
        } else {
            Err(format!(
                "{FLAG} {}: not a Goosebumps project (the folder that holds src/content/posts/ \
                 and the workspace's Cargo.toml)",
                dir.display()
            ))
        };
    }
    cwd.ancestors()
        .find(|dir| is_project(dir))
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            format!(
                "{} is not in a Goosebumps project (the folder that holds src/content/posts/ and \
                 the workspace's Cargo.toml): run cargo xtask inside the project, or name it with \
                 {FLAG} DIR",
                cwd.display()
            )
        })
}

/// Finds the project for this run (from `args`, which loses `--project DIR`, and the
/// current folder) and keeps it for [`root`].
pub(crate) fn init(args: &mut Vec<String>) -> Result<(), String> {
    let named = take_flag(args)?;
    let cwd = std::env::current_dir().map_err(|e| format!("the current folder: {e}"))?;
    let root = find(named.as_deref(), &cwd)?;
    ROOT.set(root)
        .map_err(|_| "the project is found once".to_owned())
}

/// The project's folder, as [`init`] found it.
pub(crate) fn root() -> PathBuf {
    ROOT.get()
        .expect("project::init runs before any command")
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// A made-up project (and a folder that is not one) in a new temporary folder.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-project-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("site/src/content/posts")).unwrap();
        std::fs::create_dir_all(dir.join("site/xtask/src")).unwrap();
        std::fs::write(
            dir.join("site/Cargo.toml"),
            "[workspace]\nmembers = [\".\", \"xtask\"]\n",
        )
        .unwrap();
        std::fs::write(dir.join("site/xtask/Cargo.toml"), "[package]\n").unwrap();
        std::fs::create_dir_all(dir.join("elsewhere")).unwrap();
        dir.canonicalize().unwrap()
    }

    #[test]
    fn the_flag_is_taken_out_wherever_it_is() {
        let mut a = args(&["--project", "/p", "new-post", "x"]);
        assert_eq!(take_flag(&mut a), Ok(Some(PathBuf::from("/p"))));
        assert_eq!(a, args(&["new-post", "x"]));
        let mut a = args(&["replies", "add", "f.json", "--project=../p"]);
        assert_eq!(take_flag(&mut a), Ok(Some(PathBuf::from("../p"))));
        assert_eq!(a, args(&["replies", "add", "f.json"]));
        let mut a = args(&["dist", "--public-url", "/sub/"]);
        assert_eq!(take_flag(&mut a), Ok(None));
        assert_eq!(a, args(&["dist", "--public-url", "/sub/"]));
        assert!(take_flag(&mut args(&["dist", "--project"])).is_err());
        assert!(take_flag(&mut args(&["--project", "a", "--project=b"])).is_err());
    }

    #[test]
    fn the_project_is_the_current_folder_or_the_nearest_above_it() {
        let dir = scratch("walk");
        let site = dir.join("site");
        assert_eq!(find(None, &site), Ok(site.clone()));
        assert_eq!(find(None, &site.join(POSTS_DIR)), Ok(site.clone()));
        // xtask's own folder has a Cargo.toml, but no posts and no workspace.
        assert_eq!(find(None, &site.join("xtask/src")), Ok(site.clone()));
        let err = find(None, &dir.join("elsewhere")).unwrap_err();
        assert!(err.contains("is not in a Goosebumps project"), "{err}");
        assert!(err.ends_with("or name it with --project DIR"), "{err}");
    }

    #[test]
    fn a_named_project_is_taken_from_anywhere_and_must_be_one() {
        let dir = scratch("named");
        let site = dir.join("site");
        let elsewhere = dir.join("elsewhere");
        assert_eq!(
            find(Some(Path::new("../site")), &elsewhere),
            Ok(site.clone())
        );
        assert_eq!(find(Some(&site), Path::new("/")), Ok(site.clone()));
        let err = find(Some(&site.join("src")), &elsewhere).unwrap_err();
        assert!(err.contains("not a Goosebumps project"), "{err}");
        let err = find(Some(Path::new("missing")), &elsewhere).unwrap_err();
        assert!(err.starts_with("--project "), "{err}");
    }
}
