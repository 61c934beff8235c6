//! The command line: the usage, the options, and which command runs.

use crate::commands::*;
use crate::project::*;
use crate::*;
use std::io::{Read, Write};
use std::path::PathBuf;

/// The usage text.
pub const USAGE: &str = "usage: cargo xtask replies <command>
  add [--dry-run] FILE…          publish replies from reply files, exports, emails (.eml),
                                 pasted text (- for standard input) and WordPress exports (WXR)
  list [SLUG]                    the published replies, by thread
  remove [--dry-run] [--with-replies] [--post SLUG] ID
                                 take a published reply back (with its replies, if asked;
                                 --post names the post when the id is on several)
  --root DIR                     the project's folder (default: the current folder)";

/// Runs the tool with `args` (without the program's name): what it did goes to
/// `out`, why it did nothing to `err`. Returns the exit code: 0, or 1 when
/// something was refused or nothing could be done. Every line but the usage
/// text is [`shown`]: it may quote a stranger's text.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command(args, stdin, out) {
        Ok(code) => code,
        Err(Error::Usage(usage)) => {
            let _ = writeln!(err, "{usage}");
            1
        }
        Err(e) => {
            let _ = writeln!(err, "{}", shown(&e.to_string()));
            1
        }
    }
}

pub(crate) fn options(args: &[String]) -> Result<Options, Error> {
    let mut o = Options {
        root: PathBuf::from("."),
        dry_run: false,
        with_replies: false,
        post: None,
        rest: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dry-run" => o.dry_run = true,
            "--with-replies" => o.with_replies = true,
            "--root" => {
                o.root = args
                    .next()
                    .map(PathBuf::from)
                    .ok_or_else(|| Error::Usage("--root needs a folder.".into()))?
            }
            "--post" => {
                o.post = Some(
                    args.next()
                        .cloned()
                        .ok_or_else(|| Error::Usage("--post needs a post's slug.".into()))?,
                )
            }
            "--help" | "-h" => return Err(Error::Usage(USAGE.into())),
            s if s.starts_with("--") || (s.starts_with('-') && s != "-") => {
                return Err(Error::Usage(format!("Unknown option {s}.\n{USAGE}")))
            }
            _ => o.rest.push(a.clone()),
        }
    }
    Ok(o)
}

pub(crate) fn command(
    args: &[String],
    stdin: &mut dyn Read,
    out: &mut dyn Write,
) -> Result<i32, Error> {
    let mut o = options(args)?;
    if o.rest.is_empty() {
        return Err(Error::Usage(USAGE.into()));
    }
    let cmd = o.rest.remove(0);
    let project = Project::open(&o.root)?;
    match cmd.as_str() {
        "add" if !o.rest.is_empty() => add(&project, &o, stdin, out),
        "list" if o.rest.len() <= 1 => list(&project, o.rest.first().map(String::as_str), out),
        "remove" if o.rest.len() == 1 => remove(&project, &o, &o.rest[0], out),
        _ => Err(Error::Usage(USAGE.into())),
    }
}
