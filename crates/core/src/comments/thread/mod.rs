//! Threads and pages: which comments a page shows, how deep they nest, where a
//! comment's page is, and what deleting one changes — all from a small index, so
//! no comment body is read that the page does not show.
//!
//! One concept a file: `index` (the comments and their threads), `codec` (the
//! stored form), `threads` (order, pages, depth) and `delete` (what a deletion
//! changes); their items are re-exported here.

mod codec;
mod delete;
mod index;
mod threads;

pub use delete::*;
pub use index::*;
pub use threads::*;
