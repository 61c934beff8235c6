//! The index as it is stored: one compact JSON array per comment.

use super::index::{entry_map, Entry, Index};
use crate::comments::CommentId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The stored form: `[id, parent, created_ms, deleted (0/1), fingerprint]` per comment.
#[derive(Serialize, Deserialize)]
struct StoredIndex {
    v: u32,
    entries: Vec<(CommentId, Option<CommentId>, i64, u8, u64)>,
}

impl Index {
    /// The index as stored (see `StoredIndex`).
    pub fn encode(&self) -> String {
        let entries = self
            .entries
            .iter()
            .map(|(id, e)| {
                (
                    id.clone(),
                    e.parent.clone(),
                    e.created_ms,
                    u8::from(e.deleted),
                    e.fingerprint,
                )
            })
            .collect();
        serde_json::to_string(&StoredIndex { v: 1, entries }).expect("the index serializes")
    }

    /// The stored index, or `None` when it is unreadable (it is then rebuilt).
    pub fn decode(text: &str) -> Option<Self> {
        Self::decode_entries(text).map(Self::from_entries)
    }

    /// The entries of a stored index, without its threads: start-up checks them
    /// against the comment keys first, then builds the index once.
    pub fn decode_entries(text: &str) -> Option<BTreeMap<CommentId, Entry>> {
        let stored: StoredIndex = serde_json::from_str(text).ok()?;
        (stored.v == 1).then(|| {
            entry_map(
                stored
                    .entries
                    .into_iter()
                    .map(|(id, parent, created_ms, deleted, fingerprint)| {
                        (
                            id,
                            Entry {
                                parent,
                                created_ms,
                                deleted: deleted != 0,
                                fingerprint,
                            },
                        )
                    })
                    .collect(),
            )
        })
    }
}
