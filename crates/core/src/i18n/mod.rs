//! The interface's languages: English and Spanish. Every interface string is in
//! [`catalogue`]; the article itself stays in the language it was written in.

mod catalogue;
mod lang;

pub use catalogue::Strings;
pub use lang::Lang;
