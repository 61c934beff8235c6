//! Native tests: every bundled post parses (whatever posts the owner has), and no
//! sentence of the user's page is lost in the seed post. The tests of the format
//! and of the seed's text read the seed post's own copy,
//! `tests/fixtures/seed-post.json`, never the owner's posts: adding, editing or
//! removing a post in `src/content/posts/` changes none of them.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::content::{self, parse_post, select_slug, HeadingLevel, Video};

const SEED: &str = include_str!("fixtures/seed.txt");

/// The seed post (`src/content/posts/miracle-in-cell-no-7.json` as it was first
/// written, from `fixtures/seed.txt`), kept for the tests.
const SEED_POST: &str = include_str!("fixtures/seed-post.json");

fn post() -> content::Post {
    parse_post("seed-post.json", SEED_POST).expect("the seed post parses")
}

#[test]
fn every_bundled_post_parses_with_a_unique_slug() {
    let posts = content::all_posts().unwrap();
    assert_eq!(posts.len(), content::BUNDLED.len());
    let mut slugs: Vec<_> = posts.iter().map(|p| p.slug.clone()).collect();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), posts.len());
}

#[test]
fn the_browser_reads_the_same_slug_title_and_video_of_every_post() {
    let whole: Vec<content::LivePost> = content::all_posts()
        .unwrap()
        .into_iter()
        .map(|p| content::LivePost {
            slug: p.slug,
            title: p.title,
            testimonial: content::LiveTestimonial {
                video: p.testimonial.video,
            },
        })
        .collect();
    assert_eq!(content::live_posts().unwrap(), whole);
}

#[test]
fn fixture_is_the_shared_seed_when_it_is_beside_the_repo() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed/000_d5971cf28497621d.txt");
    if let Ok(text) = std::fs::read_to_string(shared) {
        assert_eq!(
            text, SEED,
            "tests/fixtures/seed.txt must be a copy of the shared seed"
        );
    }
}

/// The seed's testimonial and article: from the quote to the facts heading.
fn seed_body() -> Vec<&'static str> {
    let start = SEED.find("“Hello!").unwrap();
    let end = SEED.find("More about the movie").unwrap();
    SEED[start..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Splits a paragraph into sentences at ". ", "! " and "? ".
fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = paragraph.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        current.push(*c);
        if matches!(c, '.' | '!' | '?') && chars.get(i + 1) == Some(&' ') {
            out.push(current.trim().to_owned());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

#[test]
fn every_sentence_of_the_seed_is_in_the_content() {
    let text = content::readable_text(&post());
    let body = seed_body();
    assert_eq!(body.len(), 15, "quote, 3 headings and 11 paragraphs");
    let mut checked = 0;
    for line in body {
        for sentence in sentences(line) {
            assert!(
                text.contains(&sentence),
                "missing from the content: {sentence:?}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 40, "sentences and headings checked");
}

#[test]
fn header_card_and_headings_match_the_seed() {
    let post = post();
    assert_eq!(post.kicker, "Person from Malta (John)");
    assert_eq!(post.title, "Miracle in cell no. 7");
    assert_eq!(post.person.name, "John");
    assert_eq!(post.person.country.name, "Malta");
    assert_eq!(post.person.country.code.flag_path(), "flags/mt.svg");
    assert_eq!(
        post.testimonial.headline,
        "The movie “Miracle in cell number seven” – John’s goosebump moment"
    );
    let headings: Vec<_> = post.article.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "A heartbreaking film",
            "What is “Miracle in Cell No. 7” about?",
            "A film of great popularity"
        ]
    );
    assert!(post.article.iter().all(|s| s.level == HeadingLevel::H2));
    assert!(post.facts.heading.starts_with("More about the movie"));
}

#[test]
fn facts_box_states_what_the_text_states() {
    let facts = post().facts.items;
    let all: String = facts
        .iter()
        .map(|f| format!("{}: {}\n", f.label, f.value))
        .collect();
    for expected in [
        "Yedinci Koğuştaki Mucize",
        "2019",
        "Lee Hwan-kyung",
        "2013",
        "2 h 12 min",
        "Aras Bulut İynemli as Memo",
        "Nisa Sofiya Aksongur as Ova",
    ] {
        assert!(all.contains(expected), "facts lack {expected:?}:\n{all}");
    }
}

#[test]
fn the_video_is_a_labelled_sample_with_captions_that_exist() {
    let Some(Video::File {
        sample_note,
        sources,
        captions,
        poster,
        ..
    }) = post().testimonial.video
    else {
        panic!("the post has a hosted video");
    };
    assert!(sample_note.unwrap().starts_with("Sample"));
    // iOS Safari plays no WebM and takes the first <source> it can play: H.264 first,
    // and each `type` names its codecs so a browser skips what it cannot decode
    // without fetching it (README, "Browsers, engines and headers").
    let types: Vec<&str> = sources.iter().map(|s| s.mime.as_str()).collect();
    assert_eq!(
        types,
        [
            r#"video/mp4; codecs="avc1.4D401E, mp4a.40.2""#,
            r#"video/webm; codecs="vp9, opus""#
        ]
    );
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
    for src in sources
        .iter()
        .map(|s| &s.src)
        .chain([&captions.src, poster.as_ref().unwrap()])
    {
        let file = public.join(src);
        let size = std::fs::metadata(&file)
            .unwrap_or_else(|_| panic!("{} exists", file.display()))
            .len();
        assert!(size < 400 * 1024, "{src} is {size} bytes");
    }
    let vtt = std::fs::read_to_string(public.join(&captions.src)).unwrap();
    assert!(vtt.starts_with("WEBVTT"));
    let cue_text: Vec<&str> = vtt
        .split("\n\n")
        .skip(1)
        .filter_map(|cue| cue.split_once("-->").map(|(_, rest)| rest))
        .flat_map(|rest| rest.lines().skip(1))
        .collect();
    assert_eq!(
        cue_text.join(" "),
        post().testimonial.quote,
        "captions say the quote"
    );
}

#[test]
fn every_bundled_post_has_its_hosted_files() {
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
    for post in content::all_posts().unwrap() {
        let Some(Video::File {
            sources,
            captions,
            poster,
            ..
        }) = post.testimonial.video
        else {
            continue;
        };
        for src in sources
            .iter()
            .map(|s| &s.src)
            .chain([&captions.src])
            .chain(poster.as_ref())
        {
            assert!(
                public.join(src).is_file(),
                "{}: {src} is not a file under public/",
                post.slug
            );
        }
    }
}

#[test]
fn youtube_videos_are_accepted_and_their_ids_checked() {
    let json = SEED_POST.replace(
        r#""kind": "file""#,
        r#""kind": "youtube", "id": "dQw4w9WgXcQ", "ignored": "#,
    );
    // A YouTube video takes only a title and an id.
    let youtube = r#"{"kind": "youtube", "title": "A film", "id": "dQw4w9WgXcQ"}"#;
    let video: Video = serde_json::from_str(youtube).unwrap();
    let Video::Youtube { id, .. } = video else {
        panic!("youtube")
    };
    assert_eq!(
        id.embed_url(),
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    );
    let bad = r#"{"kind": "youtube", "title": "A film", "id": "x\" onload=\"a"}"#;
    assert!(serde_json::from_str::<Video>(bad).is_err());
    assert!(
        parse_post("post.json", &json).is_err(),
        "unknown fields are refused"
    );
}

#[test]
fn a_video_takes_only_the_fields_of_its_kind() {
    let file = r#"{"kind": "file", "title": "A film", "captions": {"src": "c.vtt", "srclang": "en", "label": "English"}, "sources": []}"#;
    assert!(matches!(
        serde_json::from_str::<Video>(file),
        Ok(Video::File { .. })
    ));
    for bad in [
        r#"{"kind": "file", "title": "A film", "sources": []}"#,
        r#"{"kind": "file", "title": "A film", "id": "dQw4w9WgXcQ", "sources": [], "captions": {"src": "c.vtt", "srclang": "en", "label": "English"}}"#,
        r#"{"kind": "youtube", "title": "A film"}"#,
        r#"{"kind": "youtube", "title": "A film", "id": "dQw4w9WgXcQ", "poster": "p.jpg"}"#,
        r#"{"kind": "youtube", "title": "A film", "id": "dQw4w9WgXcQ", "sources": []}"#,
        r#"{"kind": "vimeo", "title": "A film", "id": "dQw4w9WgXcQ"}"#,
        r#"{"title": "A film", "id": "dQw4w9WgXcQ"}"#,
    ] {
        assert!(serde_json::from_str::<Video>(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_broken_post_names_file_line_column_and_field() {
    let json = SEED_POST.replacen(r#""title": "Miracle in cell no. 7","#, "", 1);
    let err = parse_post("broken.json", &json).unwrap_err();
    assert_eq!(err.file, "broken.json");
    assert!(err.line > 1);
    assert!(err.to_string().starts_with("broken.json:"), "{err}");
    assert!(err.message.contains("missing field `title`"), "{err}");

    let err = parse_post("bad.json", "{\n  \"slug\": 7\n}").unwrap_err();
    assert_eq!((err.line, err.column), (2, 11));
    assert!(err.message.contains("invalid type"), "{err}");

    let json = SEED_POST.replacen(r#""code": "MT""#, r#""code": "Malta""#, 1);
    let err = parse_post("flag.json", &json).unwrap_err();
    assert!(err.message.contains("country code"), "{err}");
}

#[test]
fn a_slug_is_lower_case_words_joined_by_hyphens() {
    for good in ["miracle-in-cell-no-7", "a", "life-is-beautiful-1997"] {
        assert!(content::is_slug(good), "{good}");
    }
    for bad in [
        "",
        "-a",
        "a-",
        "a--b",
        "A-b",
        "a_b",
        "a b",
        "ä",
        "a/b",
        &"a".repeat(81),
    ] {
        assert!(!content::is_slug(bad), "{bad}");
    }
    let json = SEED_POST.replacen("\"miracle-in-cell-no-7\"", "\"Miracle in cell\"", 1);
    let err = parse_post("slug.json", &json).unwrap_err();
    assert!(err.message.starts_with("`slug`: not a slug"), "{err}");
}

#[test]
fn the_slug_comes_from_the_last_path_segment() {
    let slugs = ["miracle-in-cell-no-7", "another"];
    assert_eq!(select_slug("/", &slugs), Some("miracle-in-cell-no-7"));
    assert_eq!(select_slug("/sub/", &slugs), Some("miracle-in-cell-no-7"));
    assert_eq!(select_slug("/sub/another", &slugs), Some("another"));
    assert_eq!(select_slug("/another.html", &slugs), Some("another"));
    assert_eq!(
        select_slug("/index.html", &slugs),
        Some("miracle-in-cell-no-7")
    );
    assert_eq!(select_slug("/x", &[]), None);
}
