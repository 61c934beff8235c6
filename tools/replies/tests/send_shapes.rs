//! What the page sends is what the owner can publish (issue 22): for each shape of
//! thread a reader can send from — a reply to a published reply, to their own
//! unpublished reply, to a comment deleted but kept for its replies, a whole
//! thread — the file the page saves ("Save the file", "Send all my replies") and
//! the mail it writes ("Email it") are read back by the owner's tool, which takes
//! all of it. The page's own code builds them: `Repository::carried` (what a send
//! carries) and `comments::outbox`, on a repository driven as the page drives it.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::export::export_json;
use goosebumps::comments::outbox::{mail_body_with, mailto_with};
use goosebumps::comments::published::PublishedReply;
use goosebumps::comments::time::iso_utc;
use goosebumps::comments::{Comment, CommentId, ValidComment};
use goosebumps::repository::Repository;
use goosebumps::storage::MemoryStore;
use std::path::{Path, PathBuf};
use std::rc::Rc;

const POST: &str = "miracle-in-cell-no-7";
const TITLE: &str = "Miracle in cell no. 7";
/// 2 March 2024, and a minute: past the form's 15 s flood guard.
const START: i64 = 1_709_406_316_123;
const MINUTE: i64 = 60_000;

fn id(s: &str) -> CommentId {
    CommentId::parse(s).unwrap()
}

/// A project holding the post, with `published` as its published replies.
fn project(published: &[PublishedReply]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let posts = dir.path().join("src/content/posts");
    std::fs::create_dir_all(&posts).unwrap();
    let post = format!("{POST}.json");
    std::fs::copy(
        root.join("src/content/posts").join(&post),
        posts.join(&post),
    )
    .unwrap();
    if !published.is_empty() {
        let replies = dir.path().join("src/content/replies");
        std::fs::create_dir_all(&replies).unwrap();
        let file = serde_json::json!({ "post": POST, "replies": published });
        std::fs::write(replies.join(&post), file.to_string()).unwrap();
    }
    dir
}

/// Runs `replies --root <root> add [--dry-run] <file>` (`-`: `stdin`); the code and what it said.
fn add(root: &Path, file: &str, stdin: &str, dry_run: bool) -> (i32, String) {
    let mut args = vec![
        "--root".to_owned(),
        root.display().to_string(),
        "add".into(),
    ];
    if dry_run {
        args.push("--dry-run".into());
    }
    args.push(file.into());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = replies::run(&args, &mut stdin.as_bytes(), &mut out, &mut err);
    let said = format!(
        "{}{}",
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap()
    );
    (code, said)
}

/// A reader's repository, with the site's published replies listed.
struct Reader {
    repo: Repository,
    now: i64,
}

impl Reader {
    fn new(published: &[PublishedReply]) -> Self {
        let mut repo = Repository::open(POST, Rc::new(MemoryStore::new()));
        repo.add_published(published.to_vec());
        Self { repo, now: START }
    }

    /// Posts `text` as `id`, replying to `parent`, a minute after the last.
    fn post(&mut self, id_: &str, parent: Option<&str>, text: &str) {
        self.now += MINUTE;
        let valid = ValidComment {
            content: text.into(),
            author: "Ana".into(),
            email: "ana@example.com".into(),
            url: None,
        };
        self.repo
            .post(parent.map(id), valid, self.now, id(id_))
            .unwrap();
    }

    /// The file "Save the file" writes for reply `asked` (`None`: Send all), in `dir`.
    fn save(&mut self, asked: Option<&str>, dir: &Path) -> (PathBuf, Vec<Comment>, usize) {
        let (carried, moved) = self.repo.carried(asked.map(id).as_ref());
        let name = match asked {
            Some(a) => format!("reply-{POST}-{a}.json"),
            None => format!("replies-{POST}-2024-03-02.json"),
        };
        let path = dir.join(name);
        std::fs::write(&path, export_json(POST, iso_utc(self.now), &carried, &[])).unwrap();
        (path, carried, moved)
    }
}

fn published(id_: &str, parent: Option<&str>) -> PublishedReply {
    PublishedReply {
        id: id(id_),
        parent: parent.map(id),
        author: "Maria Camilleri".into(),
        url: None,
        content: format!("Published {id_}."),
        created_ms: START - 10 * MINUTE,
    }
}

fn ids(comments: &[Comment]) -> Vec<&str> {
    comments.iter().map(|c| c.id.as_str()).collect()
}

/// The published file of the project, as the tool left it: (id, parent) of each.
fn published_threads(root: &Path) -> Vec<(String, Option<String>)> {
    let text = std::fs::read_to_string(
        root.join("src/content/replies")
            .join(format!("{POST}.json")),
    )
    .unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file["replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["parent"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn a_reply_to_a_published_reply_goes_alone_and_is_published() {
    let site = [published("wp-2", None)];
    let dir = project(&site);
    let inbox = tempfile::tempdir().unwrap();
    let mut reader = Reader::new(&site);
    reader.post("r1", Some("wp-2"), "Answering Maria.");
    let (file, carried, moved) = reader.save(Some("r1"), inbox.path());
    assert_eq!((ids(&carried), moved), (vec!["r1"], 0));
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", true);
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains(
            "1 would be added, 0 already published, 0 would be skipped, 0 would be refused"
        ),
        "{said}"
    );
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", false);
    assert_eq!(code, 0, "{said}");
    assert!(published_threads(dir.path()).contains(&("r1".into(), Some("wp-2".into()))));
}

#[test]
fn a_reply_to_ones_own_unpublished_reply_carries_it() {
    let site = [published("wp-2", None)];
    let dir = project(&site);
    let inbox = tempfile::tempdir().unwrap();
    let mut reader = Reader::new(&site);
    reader.post("a1", Some("wp-2"), "First thought.");
    reader.post("b1", Some("a1"), "Second thought, on my first.");
    reader.post("c1", Some("b1"), "Third, on the second.");
    let (file, carried, moved) = reader.save(Some("c1"), inbox.path());
    assert_eq!((ids(&carried), moved), (vec!["a1", "b1", "c1"], 0));
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", true);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("3 would be added"), "{said}");
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", false);
    assert_eq!(code, 0, "{said}");
    let threads = published_threads(dir.path());
    for (c, p) in [("a1", "wp-2"), ("b1", "a1"), ("c1", "b1")] {
        assert!(threads.contains(&(c.into(), Some(p.into()))), "{threads:?}");
    }

    // Once the first is published, a reply to it goes alone; sent again, the
    // earlier ones count as already published.
    let mut reader = Reader::new(&[]);
    reader.post("a1", None, "First thought.");
    reader.post("b1", Some("a1"), "Second thought, on my first.");
    let dir = project(&[]);
    let (file, carried, _) = reader.save(Some("b1"), inbox.path());
    assert_eq!(ids(&carried), ["a1", "b1"]);
    assert_eq!(add(dir.path(), file.to_str().unwrap(), "", false).0, 0);
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", false);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("0 added, 2 already published"), "{said}");
}

#[test]
fn a_reply_to_a_deleted_comment_kept_for_its_replies_goes_to_the_one_above() {
    let site = [published("wp-2", None)];
    let dir = project(&site);
    let inbox = tempfile::tempdir().unwrap();
    let mut reader = Reader::new(&site);
    // Under a published reply: a1 (deleted, kept for b1) → b1 answers wp-2.
    reader.post("a1", Some("wp-2"), "To be deleted.");
    reader.post("b1", Some("a1"), "Answering the deleted one.");
    // At the top: t1 (deleted) → u1 (deleted) → v1 becomes a new comment.
    reader.post("t1", None, "Top, to be deleted.");
    reader.post("u1", Some("t1"), "Middle, to be deleted.");
    reader.post("v1", Some("u1"), "Bottom, left alone.");
    for gone in ["a1", "u1", "t1"] {
        reader.repo.delete(&id(gone)).unwrap().unwrap();
        assert!(
            reader.repo.body(&id(gone)).unwrap().deleted,
            "{gone} is a placeholder"
        );
    }
    let (file, carried, moved) = reader.save(Some("b1"), inbox.path());
    assert_eq!((ids(&carried), moved), (vec!["b1"], 1));
    assert_eq!(carried[0].parent_id, Some(id("wp-2")));
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", false);
    assert_eq!(code, 0, "{said}");
    assert!(published_threads(dir.path()).contains(&("b1".into(), Some("wp-2".into()))));

    let (file, carried, moved) = reader.save(Some("v1"), inbox.path());
    assert_eq!((ids(&carried), moved), (vec!["v1"], 1));
    assert_eq!(carried[0].parent_id, None);
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", false);
    assert_eq!(code, 0, "{said}");
    assert!(published_threads(dir.path()).contains(&("v1".into(), None)));
    // The placeholders are never sent.
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("\"deleted\""), "{text}");
}

#[test]
fn a_whole_thread_sent_at_once_is_published_whole() {
    let site = [published("wp-2", None), published("wp-3", Some("wp-2"))];
    let dir = project(&site);
    let inbox = tempfile::tempdir().unwrap();
    let mut reader = Reader::new(&site);
    reader.post("a1", None, "A new thread.");
    reader.post("b1", Some("a1"), "Its first answer.");
    reader.post("c1", Some("b1"), "Deeper.");
    reader.post("d1", Some("a1"), "Its second answer.");
    reader.post("e1", Some("wp-3"), "Under the published ones.");
    reader.post("f1", Some("e1"), "Deeper there.");
    reader.post("g1", Some("f1"), "Deeper still.");
    reader.repo.delete(&id("f1")).unwrap().unwrap();
    let (file, carried, moved) = reader.save(None, inbox.path());
    assert_eq!(
        (ids(&carried), moved),
        (vec!["a1", "b1", "c1", "d1", "e1", "g1"], 1)
    );
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", true);
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains(
            "6 would be added, 0 already published, 0 would be skipped, 0 would be refused"
        ),
        "{said}"
    );
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", false);
    assert_eq!(code, 0, "{said}");
    assert!(published_threads(dir.path()).contains(&("g1".into(), Some("e1".into()))));
}

#[test]
fn the_mail_carries_the_same_and_the_tool_reads_it_back() {
    let site = [published("wp-2", None)];
    let dir = project(&site);
    let mut reader = Reader::new(&site);
    reader.post("a1", Some("wp-2"), "First thought.");
    reader.post("b1", Some("a1"), "To be deleted.");
    reader.post("c1", Some("b1"), "On the deleted one.");
    reader.repo.delete(&id("b1")).unwrap().unwrap();
    let (carried, moved) = reader.repo.carried(Some(&id("c1")));
    assert_eq!((ids(&carried), moved), (vec!["a1", "c1"], 1));
    let main = carried.last().unwrap();
    let body = mail_body_with(TITLE, main, &carried);
    assert!(body.contains("It goes with 1 earlier replies"), "{body}");
    // The link holds it all (short replies), and the tool takes the pasted mail.
    assert!(!mailto_with(Some("owner@example.org"), TITLE, main, &carried).attach_file);
    let (code, said) = add(dir.path(), "-", &body, false);
    assert_eq!(code, 0, "{said}");
    let threads = published_threads(dir.path());
    assert!(
        threads.contains(&("a1".into(), Some("wp-2".into()))),
        "{threads:?}"
    );
    assert!(
        threads.contains(&("c1".into(), Some("a1".into()))),
        "{threads:?}"
    );
}

#[test]
fn a_parent_that_is_nowhere_is_named_by_the_tool() {
    // A reply to a published reply the owner has removed since (the page does not
    // know it any more): sent as it is, and the tool says what is missing.
    let dir = project(&[]);
    let inbox = tempfile::tempdir().unwrap();
    let store = Rc::new(MemoryStore::new());
    let mut reader = Reader {
        repo: Repository::open(POST, store.clone()),
        now: START,
    };
    reader.repo.add_published(vec![published("wp-9", None)]);
    reader.post("r1", Some("wp-9"), "On a reply taken back.");
    // The next visit: the site's file no longer has wp-9.
    reader.repo = Repository::open(POST, store);
    let (file, carried, _) = reader.save(Some("r1"), inbox.path());
    assert_eq!(ids(&carried), ["r1"]);
    let (code, said) = add(dir.path(), file.to_str().unwrap(), "", true);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("Its parent comment wp-9 is neither published nor in these files."),
        "{said}"
    );
}
