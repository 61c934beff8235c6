//! What deleting a comment changes: removed outright, or kept as a placeholder
//! while replies hang under it.

use super::index::Index;
use crate::comments::{Comment, CommentId};

/// What deleting a comment changes in storage, and what Undo puts back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeletePlan {
    /// Records to write (placeholders).
    pub put: Vec<Comment>,
    /// Records to remove.
    pub remove: Vec<CommentId>,
    /// The records as they were, to write back on Undo.
    pub undo: Vec<Comment>,
}

/// Deleting `target`: a comment with replies becomes a placeholder so the thread
/// keeps its shape; one without is removed, and so is any placeholder above it
/// that is left with no replies. `load` reads a stored comment.
pub fn plan_delete(
    index: &Index,
    target: &Comment,
    mut load: impl FnMut(&CommentId) -> Option<Comment>,
) -> DeletePlan {
    let mut plan = DeletePlan {
        undo: vec![target.clone()],
        ..DeletePlan::default()
    };
    if !index.replies(&target.id).is_empty() {
        plan.put.push(target.placeholder());
        return plan;
    }
    plan.remove.push(target.id.clone());
    let mut parent = target.parent_id.clone();
    while let Some(id) = parent {
        let Some(entry) = index.get(&id) else { break };
        let others = index.replies(&id).iter().any(|c| !plan.remove.contains(c));
        if !entry.deleted || others {
            break;
        }
        let Some(placeholder) = load(&id) else { break };
        plan.remove.push(id);
        parent = placeholder.parent_id.clone();
        plan.undo.push(placeholder);
    }
    plan
}
