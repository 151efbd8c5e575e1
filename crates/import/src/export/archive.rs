//! The export's JSON files, read from zips or a folder into memory, safely: an export is
//! untrusted input. Media files are never decompressed; only `.json` entries are read. A folder's
//! files have the same caps as a zip's entries: how many, how large each, how large together —
//! and nothing past a cap is read. What parsing them may allocate is capped in `bounded`.
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{ImportError, ImportResult};
use crate::progress::Control;
use crate::source::{hex, read_at_most};

/// At most this many entries in all archives together (a real export with media has a few
/// thousand; the JSON alone a few hundred).
pub const MAX_ENTRIES: usize = 100_000;
/// At most this many bytes of JSON, uncompressed, in all archives together.
pub const MAX_JSON_BYTES: u64 = 1024 * 1024 * 1024;
/// At most this many bytes in one JSON file (the largest real ones, message threads, are a few MB).
pub const MAX_ENTRY_BYTES: u64 = 256 * 1024 * 1024;

/// The JSON files of an export, keyed by their path inside it ('/'-separated, without the
/// single top-level folder some downloads wrap everything in).
#[derive(Debug, Default)]
pub struct Archive {
    files: BTreeMap<String, Vec<u8>>,
    /// Modification dates of the entries (`YYYY-MM-DD`), where the container records them.
    dates: BTreeMap<String, String>,
    /// Whether any `.html` page was seen (an HTML-format export).
    saw_html: bool,
    entries: usize,
}

impl Archive {
    /// Reads one or more part-zips of the same export as one tree.
    pub fn from_zips(paths: &[PathBuf], ctl: &Control) -> ImportResult<Self> {
        let mut archive = Archive::default();
        let mut total: u64 = 0;
        for path in paths {
            let name = path.display().to_string();
            let file = std::fs::File::open(path).map_err(|e| ImportError::io(path, e))?;
            let mut zip = zip::ZipArchive::new(file)
                .map_err(|e| ImportError::BadZip(name.clone(), e.to_string()))?;
            archive.entries += zip.len();
            if archive.entries > MAX_ENTRIES {
                return Err(ImportError::TooManyEntries { limit: MAX_ENTRIES });
            }
            for i in 0..zip.len() {
                let mut entry = zip
                    .by_index(i)
                    .map_err(|e| ImportError::BadZip(name.clone(), e.to_string()))?;
                let raw_name = entry.name().to_string();
                let rel = safe_relative(&raw_name)?;
                if entry.is_dir() {
                    continue;
                }
                if is_html(&rel) {
                    archive.saw_html = true;
                }
                if !rel.to_lowercase().ends_with(".json") {
                    continue;
                }
                let too_large = || ImportError::TooLarge {
                    entry: raw_name.clone(),
                    limit_mb: MAX_ENTRY_BYTES >> 20,
                };
                if entry.size() > MAX_ENTRY_BYTES {
                    return Err(too_large());
                }
                // The declared size can lie (a zip bomb): read at most one byte past the limit.
                let left = MAX_JSON_BYTES.saturating_sub(total).min(MAX_ENTRY_BYTES);
                let mut bytes = Vec::with_capacity(entry.size().min(left).min(64 << 20) as usize);
                (&mut entry)
                    .take(left + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| ImportError::BadZip(name.clone(), format!("{raw_name}: {e}")))?;
                if bytes.len() as u64 > MAX_ENTRY_BYTES {
                    return Err(too_large());
                }
                total += bytes.len() as u64;
                if total > MAX_JSON_BYTES {
                    return Err(ImportError::TotalTooLarge {
                        limit_mb: MAX_JSON_BYTES >> 20,
                    });
                }
                // Zips written without a date carry the DOS epoch (1980): no real export predates
                // Instagram (2010).
                if let Some(dt) = entry.last_modified().filter(|d| d.year() >= 2010) {
                    archive.dates.insert(
                        rel.clone(),
                        format!("{:04}-{:02}-{:02}", dt.year(), dt.month(), dt.day()),
                    );
                }
                archive.files.insert(rel, bytes);
                ctl.file_read()?;
            }
        }
        if archive.entries == 0 {
            return Err(ImportError::Empty(
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ));
        }
        archive.strip_wrapper();
        Ok(archive)
    }

    /// Reads an unpacked export folder (symlinks are not followed).
    pub fn from_dir(root: &Path, ctl: &Control) -> ImportResult<Self> {
        let mut archive = Archive::default();
        let mut total: u64 = 0;
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let read = std::fs::read_dir(&dir).map_err(|e| ImportError::io(&dir, e))?;
            for item in read {
                let item = item.map_err(|e| ImportError::io(&dir, e))?;
                let kind = item
                    .file_type()
                    .map_err(|e| ImportError::io(item.path(), e))?;
                archive.entries += 1;
                if archive.entries > MAX_ENTRIES {
                    return Err(ImportError::TooManyEntries { limit: MAX_ENTRIES });
                }
                let path = item.path();
                if kind.is_dir() {
                    stack.push(path);
                    continue;
                }
                if !kind.is_file() {
                    continue;
                }
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                if is_html(&rel) {
                    archive.saw_html = true;
                }
                if !rel.to_lowercase().ends_with(".json") {
                    continue;
                }
                // The same caps as a zip's entries, checked before reading (the size from the
                // listing) and while reading (the file may grow meanwhile).
                let too_large = || ImportError::TooLarge {
                    entry: rel.clone(),
                    limit_mb: MAX_ENTRY_BYTES >> 20,
                };
                let metadata = item.metadata().map_err(|e| ImportError::io(&path, e))?;
                if metadata.len() > MAX_ENTRY_BYTES {
                    return Err(too_large());
                }
                let left = MAX_JSON_BYTES.saturating_sub(total).min(MAX_ENTRY_BYTES);
                let bytes = read_at_most(&path, left)?;
                if bytes.len() as u64 > MAX_ENTRY_BYTES {
                    return Err(too_large());
                }
                total += bytes.len() as u64;
                if total > MAX_JSON_BYTES {
                    return Err(ImportError::TotalTooLarge {
                        limit_mb: MAX_JSON_BYTES >> 20,
                    });
                }
                if let Ok(modified) = metadata.modified() {
                    let dt: chrono::DateTime<chrono::Utc> = modified.into();
                    archive
                        .dates
                        .insert(rel.clone(), dt.format("%Y-%m-%d").to_string());
                }
                archive.files.insert(rel, bytes);
                ctl.file_read()?;
            }
        }
        if archive.entries == 0 {
            return Err(ImportError::Empty(root.display().to_string()));
        }
        archive.strip_wrapper();
        Ok(archive)
    }

    /// An archive built from in-memory files (tests, fuzzing).
    pub fn from_files<I: IntoIterator<Item = (String, Vec<u8>)>>(files: I) -> Self {
        let mut archive = Archive::default();
        for (name, bytes) in files {
            archive.entries += 1;
            if is_html(&name) {
                archive.saw_html = true;
            }
            archive.files.insert(name, bytes);
        }
        archive.strip_wrapper();
        archive
    }

    /// When every file sits in one top-level folder ("instagram-name-2026-01-01/…"), drop it.
    fn strip_wrapper(&mut self) {
        let first = |k: &String| k.split('/').next().map(str::to_string);
        let Some(top) = self.files.keys().next().and_then(first) else {
            return;
        };
        let wrapped = self
            .files
            .keys()
            .all(|k| k.contains('/') && first(k).as_deref() == Some(top.as_str()));
        if !wrapped || is_known_top(&top) {
            return;
        }
        let cut = top.len() + 1;
        self.files = std::mem::take(&mut self.files)
            .into_iter()
            .map(|(k, v)| (k[cut..].to_string(), v))
            .collect();
        self.dates = std::mem::take(&mut self.dates)
            .into_iter()
            .filter(|(k, _)| k.len() > cut)
            .map(|(k, v)| (k[cut..].to_string(), v))
            .collect();
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn saw_html(&self) -> bool {
        self.saw_html
    }

    /// Paths and bytes of the JSON files.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// The recorded modification date of `path`, if any.
    pub fn date_of(&self, path: &str) -> Option<&str> {
        self.dates.get(path).map(String::as_str)
    }

    /// One sha256 over every JSON file's path and bytes, in path order: the same export read
    /// from a zip or its folder has the same fingerprint.
    pub fn sha256(&self) -> String {
        let mut h = Sha256::new();
        for (k, v) in &self.files {
            h.update(k.as_bytes());
            h.update([0]);
            h.update((v.len() as u64).to_le_bytes());
            h.update(v);
        }
        hex(&h.finalize())
    }
}

/// Refuses absolute paths and `..`; returns the '/'-joined normal components.
fn safe_relative(raw: &str) -> ImportResult<String> {
    let unsafe_entry = || ImportError::UnsafeEntry(raw.to_string());
    if raw.starts_with('/') || raw.starts_with('\\') || raw.contains(":\\") || raw.contains(":/") {
        return Err(unsafe_entry());
    }
    let normalised = raw.replace('\\', "/");
    let mut parts = Vec::new();
    for c in Path::new(&normalised).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return Err(unsafe_entry()),
        }
    }
    Ok(parts.join("/"))
}

fn is_html(path: &str) -> bool {
    let p = path.to_lowercase();
    p.ends_with(".html") || p.ends_with(".htm")
}

/// Top-level folders of the export itself, which must not be taken for a wrapper.
fn is_known_top(name: &str) -> bool {
    matches!(
        name,
        "your_instagram_activity"
            | "content"
            | "media"
            | "connections"
            | "followers_and_following"
            | "messages"
            | "personal_information"
            | "account_information"
            | "logged_information"
            | "ads_information"
            | "apps_and_websites_off_of_instagram"
            | "preferences"
            | "security_and_login_information"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_are_refused() {
        for bad in [
            "../x.json",
            "a/../../x.json",
            "/etc/passwd",
            "C:\\x.json",
            "\\\\server\\x",
        ] {
            assert!(
                matches!(safe_relative(bad), Err(ImportError::UnsafeEntry(_))),
                "{bad}"
            );
        }
        assert_eq!(safe_relative("./a/b.json").unwrap(), "a/b.json");
        assert_eq!(safe_relative("a\\b.json").unwrap(), "a/b.json");
    }

    #[test]
    fn a_wrapper_folder_is_dropped_but_not_a_real_top_folder() {
        let a = Archive::from_files([
            (
                "instagram-glow-2026/content/posts_1.json".to_string(),
                b"[]".to_vec(),
            ),
            (
                "instagram-glow-2026/personal_information/personal_information.json".to_string(),
                b"{}".to_vec(),
            ),
        ]);
        assert!(a.files().any(|(k, _)| k == "content/posts_1.json"));
        let b = Archive::from_files([(
            "your_instagram_activity/content/posts_1.json".to_string(),
            b"[]".to_vec(),
        )]);
        assert!(b
            .files()
            .any(|(k, _)| k == "your_instagram_activity/content/posts_1.json"));
    }
}
