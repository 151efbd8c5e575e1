//! The workspace in one file, and back: [`create`] writes a backup (`.igbackup`, a zip of a
//! manifest and a consistent copy of the database — clients, posts, audits, plans, content,
//! replies, branding and logo, the agency's settings); [`restore`] brings one back into an empty
//! workspace.
//!
//! # Which settings travel
//! The agency's work and choices travel: branding and logo, the time zone, the AI credit
//! allowance, the first-run setup's progress (`onboarding`: a restored workspace with clients
//! counts as set up anyway), the trial's start and the audits unlocked with report credits.
//!
//! The settings that describe **this computer** ([`describes_this_computer`]) never travel: a
//! backup leaves them out, and a restore keeps the restoring workspace's own (a backup made by an
//! older version that still carries them has them dropped). They are:
//! - `workspace.id` — it names this computer's keychain entries (the purchase key, the AI keys):
//!   taken from a backup, the licence and the AI keys would no longer be found here, and the seat
//!   could not be freed;
//! - `license_server` and `ai.provider` — where the purchase key, the AI key and client data are
//!   sent: a backup must never redirect them;
//! - `ai.key_hint.*` — hints of the keys in this computer's keychain;
//! - `update_channel` — this installation's updates;
//! - the licence standing beside `license.lic` (which never travels either): `license_last_seen`
//!   (this computer's clock check; never moved back by a restore), `license_refusal`,
//!   `license_seats_in_use`.
//!
//! Two travel but are merged, so a restore never gives back what was used: `trial_started_at`
//! becomes the earlier of the two, and `license_report_credits_used` (audits unlocked with
//! report credits) the union of both lists.
//!
//! Never in a backup either: secrets (AI keys and the purchase key live in the OS keychain). After
//! restoring on a new computer, set the AI key again and activate the licence (the old computer's
//! seat is freed by deactivating it there, or by the vendor).
//!
//! # What a restore trusts
//! Nothing until it is checked, and nothing changes until then: the copy is unpacked aside and
//! must pass `integrity_check`, carry exactly the app's own schema at its migration version (the
//! same migrations and checksums, and no table, view, index or trigger of its own:
//! `instagrowth_store::schema`), and match its manifest; only then is it migrated, given this
//! computer's settings, and moved into the database's place. It refuses a workspace that already
//! has clients (restoring never merges or overwrites work), and a workspace open elsewhere — the
//! app or another `instagrowth` command — by taking the workspace lock exclusively
//! ([`crate::workspace_lock`]).
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use instagrowth_store::queries::settings;
use instagrowth_store::snapshot::{self, WorkspaceCounts};
use instagrowth_store::{schema, Store, DB_FILE_NAME};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::license::{REPORT_CREDITS_USED, TRIAL_STARTED};
use crate::workspace_lock::WorkspaceLock;
use crate::Workspace;

/// The manifest's `format` this version writes and reads.
pub const FORMAT: u32 = 1;
/// The file extension backups are offered with.
pub const EXTENSION: &str = "igbackup";
const MANIFEST: &str = "manifest.json";
const DATABASE: &str = "workspace.db";
/// The largest database a backup may unpack to (a guard against a crafted file).
const MAX_DATABASE_BYTES: u64 = 16 * 1024 * 1024 * 1024;

/// The settings that describe this computer (see the module docs), by key.
const THIS_COMPUTER: &[&str] = &[
    crate::ai::key::WORKSPACE_ID,
    crate::license::config::SERVER_SETTING,
    // `ai::config`'s provider: its address receives the AI key and client data.
    "ai.provider",
    crate::updates::CHANNEL_SETTING,
    crate::license::LAST_SEEN,
    crate::license::REFUSAL,
    crate::license::SEATS_IN_USE,
];

/// Whether the setting `key` belongs to this computer rather than to the agency's work.
pub fn describes_this_computer(key: &str) -> bool {
    THIS_COMPUTER.contains(&key) || key.starts_with(crate::ai::key::KEY_HINT_PREFIX)
}

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
        snapshot::snapshot_to(ws.store(), &snap, &describes_this_computer).await?;
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
/// (an empty or new folder) and must not be open elsewhere: the app's own restore closes its
/// workspace first; otherwise [`ErrorCode::WorkspaceInUse`]. Returns what was restored.
#[tracing::instrument(err(level = "info", Debug))]
pub async fn restore(data_dir: &Path, src: &Path) -> ApiResult<BackupManifest> {
    let manifest = inspect(src).await?;
    refuse_newer(&manifest)?;
    // Creates the folder if needed; held until the restored database is in place.
    let _lock = WorkspaceLock::exclusive(data_dir)?;
    let target = data_dir.join(DB_FILE_NAME);
    let here = if target.exists() {
        refuse_clients(snapshot::counts(&target).await?.clients)?;
        snapshot::settings_of(&target).await?
    } else {
        Vec::new()
    };
    let staged = data_dir.join(format!(".restoring-{}.db", uuid::Uuid::new_v4()));
    let result = async {
        let (src2, staged2) = (src.to_path_buf(), staged.clone());
        tokio::task::spawn_blocking(move || extract_database(&src2, &staged2))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??;
        if let Some(problem) = snapshot::integrity_problem(&staged).await? {
            return Err(bad_backup(&format!("its database is damaged ({problem})")));
        }
        if let Some(problem) = schema::difference_from_app(&staged).await? {
            return Err(bad_backup(&problem));
        }
        let found = snapshot::counts(&staged).await?;
        if found != manifest.counts {
            return Err(bad_backup("its database does not match its manifest"));
        }
        // Bring an older backup's schema up to this version, aside, and give it this
        // computer's settings, before it takes the place.
        let store = Store::open_file(&staged).await?;
        let kept = keep_this_computer(&store, &here).await;
        store.close().await;
        kept?;
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

/// Puts the restoring workspace's own settings of this computer (`here`) into the restored
/// database `store`, in place of any the backup carried; merges the trial's start (the earlier)
/// and the audits unlocked with report credits (both lists).
async fn keep_this_computer(store: &Store, here: &[(String, String)]) -> ApiResult<()> {
    let own = |key: &str| here.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let mut values: Vec<(String, String)> = here
        .iter()
        .filter(|(k, _)| describes_this_computer(k))
        .cloned()
        .collect();
    let time = |v: &str| DateTime::parse_from_rfc3339(v.trim()).ok();
    if let Some(mine) = own(TRIAL_STARTED).filter(|v| time(v).is_some()) {
        let theirs = settings::get(store, TRIAL_STARTED).await?;
        if theirs
            .as_deref()
            .and_then(time)
            .is_none_or(|t| time(&mine) < Some(t))
        {
            values.push((TRIAL_STARTED.to_string(), mine));
        }
    }
    if let Some(mine) = own(REPORT_CREDITS_USED) {
        let list = |raw: Option<String>| -> Vec<String> {
            raw.and_then(|r| serde_json::from_str(&r).ok())
                .unwrap_or_default()
        };
        let mut used = list(settings::get(store, REPORT_CREDITS_USED).await?);
        for id in list(Some(mine)) {
            if !used.contains(&id) {
                used.push(id);
            }
        }
        let raw = serde_json::to_string(&used).expect("a list of ids serialises");
        values.push((REPORT_CREDITS_USED.to_string(), raw));
    }
    snapshot::replace_settings(store, &describes_this_computer, &values).await?;
    Ok(())
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
