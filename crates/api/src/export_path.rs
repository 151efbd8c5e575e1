//! Which path an export may write, and which file the app may then open.
//!
//! The window names the path of an export (from the save dialog) and may ask to open it after
//! saving. The OS opens a file by its extension, so a PDF written to `report.pdf.exe`, or a CSV
//! of strangers' messages written to `leads.desktop`, `.sh`, `.lnk` or `.app`, would be run, not
//! viewed. So:
//!
//! - an export refuses, before writing anything, a path whose file name does not end in the
//!   extension of what it writes ([`check`]: `.pdf`, `.csv`, `.ics`, `.zip`, in any case) —
//!   refused rather than written-but-not-opened, so an export only ever leaves files of its
//!   kind, and bad input changes nothing;
//! - the app opens only the file just written: named for its kind, a regular file (not a link)
//!   of the size written ([`openable`]).
//!
//! The save dialogs offer one extension each and put it in the suggested name; macOS and Windows
//! add it to a typed name, GTK on Linux does not, so a bare name typed there is refused with the
//! ending it needs. A `:` in the name is refused too: on Windows it names an NTFS stream
//! (`x.exe:y.pdf` is part of `x.exe`).
use std::path::Path;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Pdf,
    Csv,
    Ics,
    Zip,
}

impl ExportKind {
    /// The extension, lower case, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Pdf => "pdf",
            ExportKind::Csv => "csv",
            ExportKind::Ics => "ics",
            ExportKind::Zip => "zip",
        }
    }

    /// What the user calls it.
    fn name(self) -> &'static str {
        match self {
            ExportKind::Pdf => "a PDF",
            ExportKind::Csv => "a CSV",
            ExportKind::Ics => "a calendar file",
            ExportKind::Zip => "a zip archive",
        }
    }
}

/// Whether `file_name` names a file of `kind`: a name, a dot and the kind's extension in any
/// case, and no `:`. Pure, so the rule is the same on every OS.
pub fn names_kind(file_name: &str, kind: ExportKind) -> bool {
    if file_name.contains(':') {
        return false;
    }
    match file_name.rsplit_once('.') {
        Some((stem, ext)) => !stem.is_empty() && ext.eq_ignore_ascii_case(kind.extension()),
        None => false,
    }
}

/// The file name of `path` as text, if it has one.
fn file_name(path: &Path) -> Option<&str> {
    path.file_name().and_then(|n| n.to_str())
}

/// Refuses a path an export of `kind` must not write (before anything is written).
pub fn check(path: &Path, kind: ExportKind) -> ApiResult<()> {
    match file_name(path) {
        Some(name) if names_kind(name, kind) => Ok(()),
        name => {
            let ext = kind.extension();
            let shown = name.map_or_else(|| path.display().to_string(), str::to_string);
            let message = if shown.contains(':') {
                format!("“{shown}” cannot be used: a file name may not hold “:”")
            } else {
                format!(
                    "“{shown}” is not a .{ext} name: save {} as a file ending in .{ext}",
                    kind.name()
                )
            };
            Err(ApiError {
                code: ErrorCode::InvalidInput,
                message,
                field: Some("path".into()),
            })
        }
    }
}

/// Whether the app may open `path` after an export of `kind` wrote `bytes` bytes there: named
/// for the kind, and a regular file (not a link to something else) of that size.
pub fn openable(path: &Path, kind: ExportKind, bytes: u64) -> bool {
    file_name(path).is_some_and(|n| names_kind(n, kind))
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ExportKind::*;

    #[test]
    fn only_the_kinds_own_extension_in_any_case() {
        for (name, kind) in [
            ("report.pdf", Pdf),
            ("report.PDF", Pdf),
            ("Report.Pdf", Pdf),
            ("glow-audit-2026-12-07.pdf", Pdf),
            ("leads.csv", Csv),
            ("plan.ICS", Ics),
            ("glow-data.zip", Zip),
            ("my report v2.final.pdf", Pdf),
            ("x.exe.pdf", Pdf),
        ] {
            assert!(names_kind(name, kind), "{name} is a {kind:?}");
        }
        for (name, kind) in [
            ("x.pdf.exe", Pdf),
            ("x.exe", Pdf),
            ("report", Pdf),
            ("pdf", Pdf),
            (".pdf", Pdf),
            ("x.pdf.", Pdf),
            ("x.pdf ", Pdf),
            ("x.pdf.lnk", Pdf),
            ("x.desktop", Csv),
            ("x.sh", Csv),
            ("x.app", Pdf),
            ("x.csv", Pdf),
            ("x.pdf", Csv),
            ("x.exe:y.pdf", Pdf),
            ("x.pdf::$DATA", Pdf),
            ("", Zip),
        ] {
            assert!(!names_kind(name, kind), "{name} is not a {kind:?}");
        }
    }

    #[test]
    fn a_refusal_says_what_ending_is_needed() {
        let e = check(Path::new("/tmp/out/report.pdf.exe"), Pdf).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert_eq!(e.field.as_deref(), Some("path"));
        assert_eq!(
            e.message,
            "“report.pdf.exe” is not a .pdf name: save a PDF as a file ending in .pdf"
        );
        let e = check(Path::new("/tmp/out/x.exe:y.ics"), Ics).unwrap_err();
        assert!(e.message.contains("may not hold “:”"), "{}", e.message);
        let e = check(Path::new("/"), Zip).unwrap_err();
        assert!(e.message.contains("ending in .zip"), "{}", e.message);
        check(Path::new("relative/leads.CSV"), Csv).unwrap();
    }

    /// Paths as Windows gives them: the file name is what counts.
    #[cfg(windows)]
    #[test]
    fn windows_paths() {
        check(Path::new(r"C:\Users\ana\Documents\report.PDF"), Pdf).unwrap();
        check(Path::new(r"C:\Users\ana\Desktop\report.pdf.exe"), Pdf).unwrap_err();
        check(Path::new(r"\\server\share\plan.ics"), Ics).unwrap();
        check(Path::new(r"C:\Users\ana\x.exe:y.pdf"), Pdf).unwrap_err();
    }
}
