//! The workspace in one file, and back: [`create`] writes a backup (`.igbackup`, a zip of a
//! manifest and a consistent copy of the database — clients, posts, audits, plans, content,
//! replies, branding and logo, settings); [`restore`] brings one back into an empty workspace.
//!
//! Never in a backup: secrets (AI keys and the purchase key live in the OS keychain, and the
//! database holds at most a non-secret hint), the licence file and the settings of this
//! computer's licence standing (`instagrowth_store::snapshot::MACHINE_SETTINGS`). After restoring
//! on a new computer, set the AI key again and activate the licence (the old computer's seat is
//! freed by deactivating it there, or by the vendor).
//!
//! A restore changes nothing until the copy has been read, checked (`integrity_check`, a schema
//! this version knows) and migrated aside; only then does it take the database's place. It
//! refuses a workspace that already has clients: restoring never merges or overwrites work.
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::Utc;
use instagrowth_store::snapshot::{self, WorkspaceCounts};
use instagrowth_store::{Store, DB_FILE_NAME};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// The manifest's `format` this version writes and reads.
pub const FORMAT: u32 = 1;
/// The file extension backups are offered with.
pub const EXTENSION: &str = "igbackup";
const MANIFEST: &str = "manifest.json";
const DATABASE: &str = "workspace.db";
/// The largest database a backup may unpack to (a guard against a crafted file).
const MAX_DATABASE_BYTES: u64 = 16 * 1024 * 1024 * 1024;

/// What a backup says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupManifest {
    pub format: u32,
    /// The app version that wrote it.
    pub app_version: String,
    /// The database schema (newest migration) inside.
    #[ts(type = "number")]
    pub schema_version: i64,
    /// RFC 3339.
    pub created_at: String,
    pub counts: WorkspaceCounts,
}

/// Writes a backup of `ws` to `dest` (replaced if it exists, never left half-written).
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn create(ws: &Workspace, dest: &Path) -> ApiResult<BackupManifest> {
    let dir = folder_of(dest)?;
    let snap = dir.join(format!(".instagrowth-backup-{}.db", uuid::Uuid::new_v4()));
    let result = async {
        snapshot::snapshot_to(ws.store(), &snap).await?;
        let manifest = BackupManifest {
            format: FORMAT,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: snapshot::schema_version(&snap).await?,
            created_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            counts: snapshot::counts(&snap).await?,
        };
        let (snap2, dest2, m) = (snap.clone(), dest.to_path_buf(), manifest.clone());
        tokio::task::spawn_blocking(move || write_zip(&snap2, &dest2, &m))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??;
        Ok(manifest)
    }
    .await;
    let _ = tokio::fs::remove_file(&snap).await;
    if let Ok(m) = &result {
        tracing::info!(clients = m.counts.clients, "backup written");
    }
    result
}

/// What [`restore`] would refuse, checked against the open workspace `ws` without touching it:
/// a damaged or foreign file, a backup from a newer version, a workspace that has clients.
pub async fn check_restore_target(ws: &Workspace, src: &Path) -> ApiResult<BackupManifest> {
    let manifest = inspect(src).await?;
    refuse_newer(&manifest)?;
    refuse_clients(
        snapshot::counts(&ws.data_dir().join(DB_FILE_NAME))
            .await?
            .clients,
    )?;
    Ok(manifest)
}

fn refuse_newer(manifest: &BackupManifest) -> ApiResult<()> {
    if manifest.schema_version > Store::known_schema_version() {
        return Err(ApiError::new(
            ErrorCode::SchemaTooNew,
            format!(
                "this backup was made by a newer InstaGrowth OS ({}, schema {}): update the app, then restore it",
                manifest.app_version, manifest.schema_version
            ),
        ));
    }
    Ok(())
}

/// A restore never overwrites clients: it goes into a workspace that has none.
fn refuse_clients(existing: i64) -> ApiResult<()> {
    if existing > 0 {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "this workspace already has {existing} client(s), and a restore would replace them: restore into a new, empty workspace (start with --data-dir DIR), or delete the clients first"
            ),
        ));
    }
    Ok(())
}

/// Reads a backup's manifest without restoring anything.
pub async fn inspect(src: &Path) -> ApiResult<BackupManifest> {
    let src = src.to_path_buf();
    tokio::task::spawn_blocking(move || read_manifest(&src))
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
}

/// Restores the backup `src` into the workspace folder `data_dir`, which must have no clients
/// (an empty or new folder). The workspace must not be open elsewhere (the app closed, or this
/// is the app's own restore before it reopens). Returns what was restored.
#[tracing::instrument(err(level = "info", Debug))]
pub async fn restore(data_dir: &Path, src: &Path) -> ApiResult<BackupManifest> {
    let manifest = inspect(src).await?;
    refuse_newer(&manifest)?;
    std::fs::create_dir_all(data_dir).map_err(|e| {
        ApiError::new(
            ErrorCode::DataDir,
            format!("cannot create {}: {e}", data_dir.display()),
        )
    })?;
    let target = data_dir.join(DB_FILE_NAME);
    if target.exists() {
        refuse_clients(snapshot::counts(&target).await?.clients)?;
    }
    let staged = data_dir.join(format!(".restoring-{}.db", uuid::Uuid::new_v4()));
    let result = async {
        let (src2, staged2) = (src.to_path_buf(), staged.clone());
        tokio::task::spawn_blocking(move || extract_database(&src2, &staged2))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??;
        if let Some(problem) = snapshot::integrity_problem(&staged).await? {
            return Err(bad_backup(&format!("its database is damaged ({problem})")));
        }
        let found = snapshot::counts(&staged).await?;
        if found != manifest.counts {
            return Err(bad_backup("its database does not match its manifest"));
        }
        // Bring an older backup's schema up to this version, aside, before it takes the place.
        let store = Store::open_file(&staged).await?;
        store.close().await;
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
        }
        std::fs::rename(&staged, &target).map_err(|e| {
            ApiError::new(
                ErrorCode::DataDir,
                format!("cannot move the restored database into place: {e}"),
            )
        })?;
        Ok(manifest.clone())
    }
    .await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", staged.display()));
    }
    if result.is_ok() {
        tracing::info!(clients = manifest.counts.clients, "backup restored");
    }
    result
}

fn folder_of(dest: &Path) -> ApiResult<PathBuf> {
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("the folder {} does not exist", dir.display()),
        )
        .with_field("path"));
    }
    Ok(dir.to_path_buf())
}

fn io_error(what: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, format!("{what}: {e}")).with_field("path")
}

fn bad_backup(why: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        format!("this is not a usable InstaGrowth OS backup: {why}; nothing was changed"),
    )
    .with_field("path")
}

fn write_zip(snap: &Path, dest: &Path, manifest: &BackupManifest) -> ApiResult<()> {
    let part = dest.with_file_name(format!(
        ".{}.part",
        dest.file_name().unwrap_or_default().to_string_lossy()
    ));
    let result = (|| -> std::io::Result<()> {
        let file = std::fs::File::create(&part)?;
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
        let deflate = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file(MANIFEST, deflate)?;
        zip.write_all(&serde_json::to_vec_pretty(manifest).expect("the manifest serialises"))?;
        zip.start_file(DATABASE, deflate)?;
        std::io::copy(&mut std::fs::File::open(snap)?, &mut zip)?;
        let inner = zip.finish()?;
        let file = inner.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&part, dest)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&part);
        return Err(io_error(&format!("cannot write {}", dest.display()), e));
    }
    Ok(())
}

fn open_zip(src: &Path) -> ApiResult<zip::ZipArchive<std::fs::File>> {
    let file = std::fs::File::open(src)
        .map_err(|e| io_error(&format!("cannot open {}", src.display()), e))?;
    zip::ZipArchive::new(file).map_err(|_| bad_backup("it is not a backup file (.igbackup)"))
}

fn read_manifest(src: &Path) -> ApiResult<BackupManifest> {
    let mut zip = open_zip(src)?;
    let mut entry = zip
        .by_name(MANIFEST)
        .map_err(|_| bad_backup("it has no manifest"))?;
    let mut text = String::new();
    entry
        .by_ref()
        .take(1024 * 1024)
        .read_to_string(&mut text)
        .map_err(|_| bad_backup("its manifest cannot be read"))?;
    let manifest: BackupManifest =
        serde_json::from_str(&text).map_err(|_| bad_backup("its manifest is not valid"))?;
    if manifest.format != FORMAT {
        return Err(bad_backup(&format!(
            "it is in format {} and this version reads format {FORMAT}",
            manifest.format
        )));
    }
    Ok(manifest)
}

fn extract_database(src: &Path, staged: &Path) -> ApiResult<()> {
    let mut zip = open_zip(src)?;
    let mut entry = zip
        .by_name(DATABASE)
        .map_err(|_| bad_backup("it holds no database"))?;
    if entry.size() > MAX_DATABASE_BYTES {
        return Err(bad_backup("its database is larger than any workspace"));
    }
    let mut out = std::fs::File::create(staged)
        .map_err(|e| io_error(&format!("cannot write {}", staged.display()), e))?;
    let copied = std::io::copy(&mut entry.by_ref().take(MAX_DATABASE_BYTES + 1), &mut out)
        .map_err(|_| bad_backup("its database cannot be unpacked"))?;
    if copied > MAX_DATABASE_BYTES {
        return Err(bad_backup("its database is larger than any workspace"));
    }
    out.sync_all()
        .map_err(|e| io_error(&format!("cannot write {}", staged.display()), e))?;
    Ok(())
}
