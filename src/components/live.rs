//! The live parts of a post's page, by contract.
//!
//! A *live part* is a piece of the page that the browser builds and runs: it
//! reacts to the reader (a button, a form, the comments). Everything else — the
//! title, the testimonial, the article, the facts — is painted once from the
//! build-time HTML and never touched. The build-time render marks the place of
//! each live part with `data-live="<id>"` ([`LivePart::id`]); in the browser,
//! `components::mount` walks those marks and builds, for each, the part it names
//! (one `match` arm per part), in the place of its build-time copy.
//!
//! So a part renamed or added in one place only fails loudly: a mark without a
//! part, or a part without a mark, is an error the native test
//! `tests/live_parts.rs` catches by rendering the page with the `ssr` feature.
//!
//! Before the app runs, a live part's controls already work ([`until_live`]):
//! `public/reader.js`, a small plain script, drives the tabs, dark mode, the video
//! facade and the form's fields, keeps what is typed, and starts the app on the
//! reader's intent. The app then builds each part as today, from the same stored
//! choices (no change of what is shown); reader.js hands the new form what was
//! typed (as typing: the app saves it as its draft), puts focus and caret back,
//! and replays a Post Comment, Reply or Export pressed early, once.

/// The attribute that marks a live part's place in the build-time page.
pub const LIVE_ATTR: &str = "data-live";

/// One live part of a post's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LivePart {
    /// "Skip to content".
    SkipLink,
    /// The language switch and the dark-mode toggle.
    Settings,
    /// The Text / Video tab list (posts with a video only).
    Tabs,
    /// The Video panel (posts with a video only).
    VideoPanel,
    /// The comments, the form, Undo, export and import.
    Comments,
    /// The footer (its words follow the interface language).
    Footer,
}

impl LivePart {
    /// Every live part, in the page's order.
    pub const ALL: [LivePart; 6] = [
        LivePart::SkipLink,
        LivePart::Settings,
        LivePart::Tabs,
        LivePart::VideoPanel,
        LivePart::Comments,
        LivePart::Footer,
    ];

    /// The value of [`LIVE_ATTR`] that marks this part.
    pub const fn id(self) -> &'static str {
        match self {
            LivePart::SkipLink => "skip-link",
            LivePart::Settings => "settings",
            LivePart::Tabs => "tabs",
            LivePart::VideoPanel => "video-panel",
            LivePart::Comments => "comments",
            LivePart::Footer => "footer",
        }
    }

    /// The part a `data-live` mark names.
    pub fn parse(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.id() == id)
    }

    /// True for the parts only a post with a video has.
    pub const fn needs_video(self) -> bool {
        matches!(self, LivePart::Tabs | LivePart::VideoPanel)
    }
}

/// Whether a live part's controls are disabled until the app runs: never. The
/// build-time controls work from the first touch (`public/reader.js` keeps what
/// is typed or pressed and hands it to the app); only a page framed by another
/// site disables them (reader.js, as `super::mount` refuses to start there).
/// The one place that decides it.
pub const fn until_live() -> bool {
    false
}
