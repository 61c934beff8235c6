//! Property: a reader's comments, sent as reply files, mails or one export, then
//! `replies add`, publish exactly what was exported.

use crate::common;
use common::*;
use goosebumps_core::comments::export::export_json;
use goosebumps_core::comments::outbox::{
    mail_body, mail_subject, reply_file_json, reply_file_name,
};
use goosebumps_core::comments::published::{parse_published, PublishedReply};
use goosebumps_core::comments::{Comment, CommentId};
use proptest::prelude::*;

/// One comment: its text (no white space at the ends), name, website, parent
/// (an index among the earlier ones), and how it is sent.
/// Text, name, website, parent index, channel (0: reply file, 1: mail text, 2: .eml).
type Sent = (String, String, Option<String>, Option<usize>, u8);

fn comments() -> impl Strategy<Value = Vec<Sent>> {
    let text = "[a-zA-Z0-9éñ🇲🇹“”<>&\"\\\\]{1,5}([ \n\t\u{a0}a-zé😀=.,!?<>&\"]{0,300}[a-z.!?])?";
    let name = "[A-Z][a-zí]{0,12}( [A-Z][a-zç]{1,12})?";
    let url = proptest::option::of("https?://[a-z]{1,10}\\.example(/[a-z]{0,8})?");
    proptest::collection::vec(
        (text, name, url, proptest::option::of(0usize..8), 0u8..3),
        1..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn what_is_exported_is_what_is_published(list in comments(), whole_export in proptest::bool::ANY) {
        let dir = project();
        let inbox = tempfile::tempdir().unwrap();
        let mut all: Vec<Comment> = Vec::new();
        for (i, (content, author, url, parent, _)) in list.iter().enumerate() {
            let parent = parent.filter(|p| *p < i).map(|p| all[p].id.clone());
            all.push(Comment {
                id: CommentId::generate(1_709_406_316_000 + i as i64 * 61_000, (i as f64 * 0.137) % 1.0),
                post: POST.into(),
                parent_id: parent,
                author: author.clone(),
                email: format!("reader{i}@example.org"),
                url: url.clone(),
                content: content.clone(),
                created_ms: 1_709_406_316_000 + i as i64 * 61_000 + 7,
                edited_ms: None,
                history: Vec::new(),
                deleted: false,
            });
        }
        let mut files = Vec::new();
        if whole_export {
            let path = inbox.path().join("export.json");
            std::fs::write(&path, export_json(POST, "2024-03-03T00:00:00Z".into(), &all, &[])).unwrap();
            files.push(path);
        } else {
            for (c, (.., how)) in all.iter().zip(&list) {
                let path = match how {
                    0 => {
                        let p = inbox.path().join(reply_file_name(c));
                        std::fs::write(&p, reply_file_json(c, 1_709_500_000_000)).unwrap();
                        p
                    }
                    1 => {
                        let p = inbox.path().join(format!("{}.txt", c.id));
                        std::fs::write(&p, mail_body("Miracle in cell no. 7", c)).unwrap();
                        p
                    }
                    _ => {
                        let p = inbox.path().join(format!("{}.eml", c.id));
                        let subject = mail_subject("Miracle in cell no. 7", &c.author);
                        std::fs::write(&p, eml(&subject, &mail_body("Miracle in cell no. 7", c))).unwrap();
                        p
                    }
                };
                files.push(path);
            }
            // Newest first: replies may come before their parents.
            files.reverse();
        }
        let mut args = vec!["add".to_owned()];
        args.extend(files.iter().map(|p| p.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(dir.path(), &args);
        prop_assert_eq!(r.code, 0, "{}", r.out);
        prop_assert_eq!(r.summary(), format!("{} added, 0 already published, 0 skipped, 0 refused", all.len()));

        let file = parse_published("x", published(dir.path()).unwrap()).unwrap();
        let mut expected: Vec<PublishedReply> = all
            .iter()
            .map(|c| PublishedReply {
                id: c.id.clone(),
                parent: c.parent_id.clone(),
                author: c.author.clone(),
                url: c.url.clone(),
                content: c.content.clone(),
                created_ms: c.created_ms,
            })
            .collect();
        expected.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
        prop_assert_eq!(file.replies, expected);

        let again = run(dir.path(), &args);
        prop_assert_eq!(again.summary(), format!("0 added, {} already published, 0 skipped, 0 refused", all.len()));
    }
}
