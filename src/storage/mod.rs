//! Where a reader's comments, drafts and choices are kept: the browser's
//! localStorage ([`LocalStore`]), on top of [`goosebumps_core::storage`] (the
//! trait, the in-memory store, the keys and the records), whose items are
//! re-exported here.

pub use goosebumps_core::storage::*;

mod local;

pub use local::LocalStore;
