//! Reads a client's Instagram data into a [`ParsedImport`]: the "Download your information"
//! export (JSON; a zip, several part-zips, or the unpacked folder) and the Meta Business Suite
//! content CSV. Pure parsing: no database, no network. Untrusted input throughout.
pub mod business_suite;
mod error;
pub mod export;
pub mod labels;
mod progress;
mod source;
pub mod text;

pub use error::{ImportError, ImportResult};
pub use instagrowth_model::{ParsedImport, SourceKind};
pub use progress::{Control, Progress};
pub use source::{parse_paths, ParseOptions, ReadFiles};
