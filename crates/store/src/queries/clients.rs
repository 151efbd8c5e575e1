//! `clients`: the agency's client accounts.
use chrono::{SecondsFormat, Utc};
use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteConnection};

use crate::db::Store;
use crate::error::{StoreError, StoreResult};
use crate::model::client::{ArchivedFilter, Client, ClientPatch, ClientQuery, NewClient};
use crate::queries::client_tags;
use crate::validate;

/// Tags travel in one column, joined by the unit separator (never typed by a user).
const TAG_SEP: char = '\u{1f}';

/// The client columns plus its tags; `select!("WHERE …")` appends a literal tail, so every
/// statement stays a compile-time string (sqlx refuses dynamic SQL without an audit).
macro_rules! select {
    ($tail:literal) => {
        concat!(
            "SELECT c.id, c.name, c.handle, c.niche, c.goals, c.audience, c.brand_voice, ",
            "c.notes, c.created_at, c.updated_at, c.archived_at, ",
            "(SELECT group_concat(t.tag, char(31)) FROM client_tags t WHERE t.client_id = c.id) AS tags ",
            "FROM clients c ",
            $tail
        )
    };
}

#[derive(FromRow)]
struct Row {
    id: String,
    name: String,
    handle: String,
    niche: String,
    goals: String,
    audience: String,
    brand_voice: String,
    notes: String,
    created_at: String,
    updated_at: String,
    archived_at: Option<String>,
    tags: Option<String>,
}

impl From<Row> for Client {
    fn from(r: Row) -> Self {
        let mut tags: Vec<String> = r
            .tags
            .map(|t| t.split(TAG_SEP).map(str::to_string).collect())
            .unwrap_or_default();
        tags.sort();
        Client {
            archived: r.archived_at.is_some(),
            id: r.id,
            name: r.name,
            handle: r.handle,
            niche: r.niche,
            goals: r.goals,
            audience: r.audience,
            brand_voice: r.brand_voice,
            tags,
            notes: r.notes,
            created_at: r.created_at,
            updated_at: r.updated_at,
            archived_at: r.archived_at,
        }
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Adds a client after validating every field. Nothing is written when any rule fails.
pub async fn insert(store: &Store, input: &NewClient) -> StoreResult<Client> {
    insert_limited(store, input, None).await
}

/// [`insert`], refused with [`StoreError::ActiveClientLimit`] when `max_active` clients (if
/// any) are already active. The count is read inside the inserting transaction: SQLite lets one
/// writer commit at a time, and a transaction that read before another's commit cannot write
/// after it (it fails busy instead), so two adds can never both take the last place.
pub async fn insert_limited(
    store: &Store,
    input: &NewClient,
    max_active: Option<i64>,
) -> StoreResult<Client> {
    let name = validate::name(&input.name)?;
    let handle = validate::handle(&input.handle)?;
    let niche = validate::text("niche", &input.niche)?;
    let goals = validate::text("goals", &input.goals)?;
    let audience = validate::text("audience", &input.audience)?;
    let brand_voice = validate::text("brand_voice", &input.brand_voice)?;
    let notes = validate::text("notes", &input.notes)?;
    let tags = validate::tags(&input.tags)?;

    let id = uuid::Uuid::new_v4().to_string();
    let at = now();
    let mut tx = store.pool().begin().await?;
    check_limit(&mut tx, max_active).await?;
    ensure_handle_free(&mut tx, &handle, None).await?;
    sqlx::query(
        "INSERT INTO clients (id, name, name_folded, handle, niche, goals, audience, brand_voice, \
         notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(&handle)
    .bind(&niche)
    .bind(&goals)
    .bind(&audience)
    .bind(&brand_voice)
    .bind(&notes)
    .bind(&at)
    .bind(&at)
    .execute(&mut *tx)
    .await
    .map_err(|e| unique_to_duplicate(e, &handle))?;
    client_tags::replace(&mut tx, &id, &tags).await?;
    let client = fetch(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(client)
}

/// The client with this id.
pub async fn get(store: &Store, id: &str) -> StoreResult<Client> {
    let mut conn = store.pool().acquire().await?;
    fetch(&mut conn, id).await
}

/// The client a user means by `key`: an id, an `@handle`, or a bare handle.
pub async fn resolve(store: &Store, key: &str) -> StoreResult<Client> {
    let key = key.trim();
    let by_handle = |h: &str| {
        let h = h.to_lowercase();
        async move {
            sqlx::query_as::<_, Row>(select!("WHERE c.handle = ?"))
                .bind(h)
                .fetch_optional(store.pool())
                .await
        }
    };
    if let Some(h) = key.strip_prefix('@') {
        return by_handle(h)
            .await?
            .map(Client::from)
            .ok_or_else(|| StoreError::ClientNotFound(key.to_string()));
    }
    let by_id = sqlx::query_as::<_, Row>(select!("WHERE c.id = ?"))
        .bind(key)
        .fetch_optional(store.pool())
        .await?;
    match by_id {
        Some(row) => Ok(row.into()),
        None => by_handle(key)
            .await?
            .map(Client::from)
            .ok_or_else(|| StoreError::ClientNotFound(key.to_string())),
    }
}

/// Clients matching `query`, by name (case-insensitive), then handle.
pub async fn list(store: &Store, query: &ClientQuery) -> StoreResult<Vec<Client>> {
    let mut q = QueryBuilder::<Sqlite>::new(select!("WHERE 1 = 1"));
    match query.archived {
        ArchivedFilter::Active => q.push(" AND c.archived_at IS NULL"),
        ArchivedFilter::Archived => q.push(" AND c.archived_at IS NOT NULL"),
        ArchivedFilter::All => &mut q,
    };
    let search = query
        .search
        .as_deref()
        .map(str::trim)
        .map(|s| s.strip_prefix('@').unwrap_or(s))
        .filter(|s| !s.is_empty());
    if let Some(s) = search {
        // SQLite folds ASCII case only, so names are also stored lower-cased by Rust
        // (`name_folded`) and compared with a lower-cased pattern. Handles are lower-case.
        let pattern = format!("%{}%", escape_like(&s.to_lowercase()));
        q.push(" AND (c.name_folded LIKE ")
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\' OR c.handle LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\')");
    }
    let tag = query
        .tag
        .as_deref()
        .map(|t| t.trim().trim_start_matches('#').to_lowercase())
        .filter(|t| !t.is_empty());
    if let Some(t) = tag {
        q.push(" AND EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag = ")
            .push_bind(t)
            .push(")");
    }
    q.push(" ORDER BY c.name COLLATE NOCASE, c.handle");
    let rows: Vec<Row> = q.build_query_as().fetch_all(store.pool()).await?;
    Ok(rows.into_iter().map(Client::from).collect())
}

/// Applies a patch after validating every given field. Nothing is written when any rule fails.
pub async fn update(store: &Store, id: &str, patch: &ClientPatch) -> StoreResult<Client> {
    let mut tx = store.pool().begin().await?;
    let current = fetch(&mut tx, id).await?;
    let name = match &patch.name {
        Some(n) => validate::name(n)?,
        None => current.name.clone(),
    };
    let handle = match &patch.handle {
        Some(h) => validate::handle(h)?,
        None => current.handle.clone(),
    };
    let text = |field: &'static str, new: &Option<String>, old: &str| match new {
        Some(v) => validate::text(field, v),
        None => Ok(old.to_string()),
    };
    let niche = text("niche", &patch.niche, &current.niche)?;
    let goals = text("goals", &patch.goals, &current.goals)?;
    let audience = text("audience", &patch.audience, &current.audience)?;
    let brand_voice = text("brand_voice", &patch.brand_voice, &current.brand_voice)?;
    let notes = text("notes", &patch.notes, &current.notes)?;
    let tags = match &patch.tags {
        Some(t) => Some(validate::tags(t)?),
        None => None,
    };
    if handle != current.handle {
        ensure_handle_free(&mut tx, &handle, Some(id)).await?;
    }
    sqlx::query(
        "UPDATE clients SET name = ?, name_folded = ?, handle = ?, niche = ?, goals = ?, \
         audience = ?, brand_voice = ?, notes = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(&handle)
    .bind(&niche)
    .bind(&goals)
    .bind(&audience)
    .bind(&brand_voice)
    .bind(&notes)
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await
    .map_err(|e| unique_to_duplicate(e, &handle))?;
    if let Some(tags) = tags {
        client_tags::replace(&mut tx, id, &tags).await?;
    }
    let client = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(client)
}

/// Archives (`true`) or restores (`false`) a client. Archiving an archived client keeps its
/// original archive time.
pub async fn set_archived(store: &Store, id: &str, archived: bool) -> StoreResult<Client> {
    set_archived_limited(store, id, archived, None).await
}

/// [`set_archived`]; restoring an archived client is refused with
/// [`StoreError::ActiveClientLimit`] when `max_active` clients are already active (counted in the
/// same transaction, as in [`insert_limited`]). Restoring an active client changes nothing and is
/// never refused.
pub async fn set_archived_limited(
    store: &Store,
    id: &str,
    archived: bool,
    max_active: Option<i64>,
) -> StoreResult<Client> {
    let mut tx = store.pool().begin().await?;
    let current = fetch(&mut tx, id).await?;
    if !archived && current.archived {
        check_limit(&mut tx, max_active).await?;
    }
    let at = now();
    let sql = if archived {
        "UPDATE clients SET archived_at = COALESCE(archived_at, ?1), updated_at = ?1 WHERE id = ?2"
    } else {
        "UPDATE clients SET archived_at = NULL, updated_at = ?1 WHERE id = ?2"
    };
    sqlx::query(sql)
        .bind(&at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let client = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(client)
}

/// Deletes a client and everything that belongs to it (cascades).
pub async fn delete(store: &Store, id: &str) -> StoreResult<()> {
    let done = sqlx::query("DELETE FROM clients WHERE id = ?")
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::ClientNotFound(id.to_string()));
    }
    Ok(())
}

/// How many clients are active (not archived); plan limits count these.
pub async fn count_active(store: &Store) -> StoreResult<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM clients WHERE archived_at IS NULL")
            .fetch_one(store.pool())
            .await?,
    )
}

async fn check_limit(conn: &mut SqliteConnection, max_active: Option<i64>) -> StoreResult<()> {
    let Some(max) = max_active else {
        return Ok(());
    };
    let active: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM clients WHERE archived_at IS NULL")
        .fetch_one(&mut *conn)
        .await?;
    if active >= max {
        return Err(StoreError::ActiveClientLimit(max));
    }
    Ok(())
}

async fn fetch(conn: &mut SqliteConnection, id: &str) -> StoreResult<Client> {
    let row = sqlx::query_as::<_, Row>(select!("WHERE c.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::ClientNotFound(id.to_string()))?;
    Ok(row.into())
}

async fn ensure_handle_free(
    conn: &mut SqliteConnection,
    handle: &str,
    except_id: Option<&str>,
) -> StoreResult<()> {
    let taken: Option<String> = sqlx::query_scalar("SELECT id FROM clients WHERE handle = ?")
        .bind(handle)
        .fetch_optional(&mut *conn)
        .await?;
    match taken {
        Some(other) if Some(other.as_str()) != except_id => {
            Err(StoreError::DuplicateHandle(handle.to_string()))
        }
        _ => Ok(()),
    }
}

/// A unique-index violation that slipped past the check (another process won the race).
fn unique_to_duplicate(e: sqlx::Error, handle: &str) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            StoreError::DuplicateHandle(handle.to_string())
        }
        _ => e.into(),
    }
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
