//! WordPress exports beyond the fixture: every kind of comment WordPress keeps.

use crate::common;
use common::*;
use goosebumps_core::comments::published::parse_published;

fn wxr(comments: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Miracle</title><wp:post_id>4</wp:post_id><wp:post_name><![CDATA[miracle-in-cell-no-7]]></wp:post_name>
{comments}
</item></channel></rss>"#
    )
}

fn one(id: u32, parent: u32, approved: &str, kind: &str, content: &str, gmt: &str) -> String {
    format!(
        "<wp:comment><wp:comment_id>{id}</wp:comment_id>\
         <wp:comment_author><![CDATA[Ana &amp; Bo]]></wp:comment_author>\
         <wp:comment_author_email><![CDATA[ana{id}@example.org]]></wp:comment_author_email>\
         <wp:comment_author_url>https://ana.example/?a=1&amp;b=2</wp:comment_author_url>\
         <wp:comment_author_IP><![CDATA[192.0.2.{id}]]></wp:comment_author_IP>\
         <wp:comment_date><![CDATA[2024-03-02 21:05:16]]></wp:comment_date>\
         <wp:comment_date_gmt><![CDATA[{gmt}]]></wp:comment_date_gmt>\
         <wp:comment_content><![CDATA[{content}]]></wp:comment_content>\
         <wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>\
         <wp:comment_type><![CDATA[{kind}]]></wp:comment_type>\
         <wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )
}

#[test]
fn every_kind_of_comment_is_counted_and_replies_to_skipped_ones_are_refused() {
    let dir = project();
    let xml = wxr(&[
        one(
            1,
            0,
            "1",
            "",
            "<p>Old WordPress: an empty type is a comment.</p><p>Two.</p>",
            "2024-03-02 19:05:16",
        ),
        one(2, 0, "0", "comment", "pending", "2024-03-02 19:05:17"),
        one(3, 0, "spam", "comment", "spam", "2024-03-02 19:05:18"),
        one(4, 0, "trash", "comment", "trash", "2024-03-02 19:05:19"),
        one(5, 0, "1", "trackback", "a trackback", "2024-03-02 19:05:20"),
        one(6, 0, "1", "review", "a plugin's", "2024-03-02 19:05:21"),
        one(
            7,
            2,
            "1",
            "comment",
            "A reply to the pending one",
            "2024-03-02 19:05:22",
        ),
        one(
            8,
            1,
            "1",
            "comment",
            "Dated by the site's clock",
            "0000-00-00 00:00:00",
        ),
        one(
            9,
            0,
            "1",
            "comment",
            &"x".repeat(65_526),
            "2024-03-02 19:05:23",
        ),
    ]
    .concat());
    let path = dir.path().join("export.xml");
    std::fs::write(&path, &xml).unwrap();
    let r = run(dir.path(), &["add", path.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.out);
    let p = path.display();
    assert_eq!(
        r.summary(),
        format!(
            "2 added, 0 already published, 5 skipped (1 pending, 1 in the trash, 1 spam, \
             1 trackback, 1 of type review), 2 refused ({p}: comment 9: Your comment is too long. \
             {p}: comment 7: Its parent comment wp-2 was skipped (pending).)"
        )
    );
    let text = published(dir.path()).unwrap();
    assert!(!text.contains("@example.org") && !text.contains("192.0.2."));
    let file = parse_published("x", &text).unwrap();
    assert_eq!(
        file.replies[1].id.as_str(),
        "wp-8",
        "the site's clock, read as UTC"
    );
    assert_eq!(file.replies[1].created_ms, 1_709_413_516_000);
    assert_eq!(
        file.replies[0].content,
        "Old WordPress: an empty type is a comment.\n\nTwo."
    );
    assert_eq!(file.replies[0].author, "Ana & Bo");
    assert_eq!(
        file.replies[0].url.as_deref(),
        Some("https://ana.example/?a=1&b=2")
    );
}
