//! Plain data types shared across crates: what importers produce and the store keeps.
//! No I/O here, so parsers and fuzz targets stay light.
pub mod import;

pub use import::{
    DmMessage, DmThread, FollowerSnapshot, Metrics, ParsedImport, ParsedPost, PostKind, SourceKind,
};
