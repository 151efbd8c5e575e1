//! Which parser a path needs, and the fingerprint of what was read.
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use instagrowth_model::ParsedImport;
use sha2::{Digest, Sha256};

use crate::error::{ImportError, ImportResult};
use crate::progress::Control;
use crate::{business_suite, export};

/// Settings that change how sources are read.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// The zone the Business Suite CSV's local publish times are in.
    pub time_zone: Tz,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { time_zone: Tz::UTC }
    }
}

/// The files an import read: their names and one sha256 over all their bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFiles {
    pub names: Vec<String>,
    pub sha256: String,
}

/// Reads `paths` — one folder, one or more export zips, or one CSV — into a [`ParsedImport`].
pub fn parse_paths(
    paths: &[PathBuf],
    opts: &ParseOptions,
    ctl: &Control,
) -> ImportResult<(ParsedImport, ReadFiles)> {
    let first = paths
        .first()
        .ok_or_else(|| ImportError::NotAnExport("nothing".into()))?;
    for p in paths {
        if !p.exists() {
            return Err(ImportError::NotFound(p.clone()));
        }
    }
    let names = paths.iter().map(|p| display_name(p)).collect::<Vec<_>>();
    let ext = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default()
    };

    if paths.len() == 1 && ext(first) == "csv" {
        let too_large = || ImportError::CsvTooLarge {
            file: names[0].clone(),
            limit_mb: business_suite::MAX_CSV_BYTES >> 20,
        };
        let size = std::fs::metadata(first)
            .map_err(|e| ImportError::io(first, e))?
            .len();
        if size > business_suite::MAX_CSV_BYTES {
            return Err(too_large());
        }
        let bytes = read_at_most(first, business_suite::MAX_CSV_BYTES)?;
        if bytes.len() as u64 > business_suite::MAX_CSV_BYTES {
            return Err(too_large());
        }
        ctl.file_read()?;
        let sha256 = hex(&Sha256::digest(&bytes));
        let parsed = business_suite::parse_csv(&bytes, opts, ctl)?;
        return Ok((parsed, ReadFiles { names, sha256 }));
    }
    if paths.len() == 1 && matches!(ext(first).as_str(), "html" | "htm") {
        return Err(ImportError::HtmlExport);
    }
    let archive = if paths.len() == 1 && first.is_dir() {
        export::Archive::from_dir(first, ctl)?
    } else if paths.iter().all(|p| ext(p) == "zip") {
        export::Archive::from_zips(paths, ctl)?
    } else {
        return Err(ImportError::NotAnExport(names.join(", ")));
    };
    let sha256 = archive.sha256();
    let parsed = export::parse(&archive, &names.join(", "), ctl)?;
    Ok((parsed, ReadFiles { names, sha256 }))
}

/// Reads `path` up to one byte past `limit` (so a caller sees it was over), never more: a file
/// can grow between the size check and the read.
pub(crate) fn read_at_most(path: &Path, limit: u64) -> ImportResult<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| ImportError::io(path, e))?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::io(path, e))?;
    Ok(bytes)
}

fn display_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
