//! The home dashboard: which clients need attention today, and which plan items are due.
//!
//! Every number comes from the store; archived clients are left out. The rules, each one reason
//! on a client (thresholds are the constants below):
//!
//! - **`reach_falling`** — mean reach per feed post (stories left out) published in the last
//!   [`WINDOW_DAYS`] days (today included) against the [`WINDOW_DAYS`] days before. Each window
//!   needs at least [`MIN_POSTS_PER_WINDOW`] posts with a known reach. When reach is not known
//!   for that many posts, engagement per post (likes + comments + saves + shares, see
//!   [`crate::dashboard::engagement`]) over posts with metrics is compared instead. A drop of
//!   [`DROP_MEDIUM`] or more is `medium`, [`DROP_HIGH`] or more `high`. Days are the posts' UTC
//!   dates, anchored on `today`.
//! - **`no_recent_import`** — the newest import was made (its `started_at`) more than
//!   [`STALE_IMPORT_DAYS`] days before `today`: `medium`.
//! - **`never_imported`** — no import and no posts at all: `medium`.
//! - **`plan_items_due`** — items of the client's active plan dated `today` and not done
//!   (`medium`), and items dated before `today` and not done, "overdue" (`high` when any).
//! - **`replies_waiting`** — messages in the reply queue not marked handled, with how many score
//!   as leads (at least [`crate::replies::DEFAULT_MIN_LEAD_SCORE`], the leads view's default):
//!   `medium`.
//!
//! Clients are listed most severe first (a `high` reason beats any number of `medium` ones), then
//! by name; only clients with at least one reason. `due_today` lists today's not-done plan items
//! across clients by time.
use std::cmp::Reverse;

use chrono::{DateTime, Duration, NaiveDate};
use instagrowth_model::PostKind;
use instagrowth_planner::{ItemType, Plan};
use instagrowth_store::queries::{clients, import_batches, plans, posts, reply_messages};
use instagrowth_store::{ArchivedFilter, Client, ClientQuery, StoredPost};
use serde::Serialize;
use ts_rs::TS;

use crate::dashboard::engagement;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// Each of the two compared windows is this many days long.
pub const WINDOW_DAYS: i64 = 28;
/// A window needs at least this many posts with the compared metric known.
pub const MIN_POSTS_PER_WINDOW: usize = 3;
/// A drop per post of at least this fraction is `medium`.
pub const DROP_MEDIUM: f64 = 0.20;
/// A drop per post of at least this fraction is `high`.
pub const DROP_HIGH: f64 = 0.40;
/// An import older than this many days is stale.
pub const STALE_IMPORT_DAYS: i64 = 30;

/// Why a client is on the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttentionKind {
    ReachFalling,
    NoRecentImport,
    NeverImported,
    PlanItemsDue,
    RepliesWaiting,
}

/// How urgent a reason is; `high` sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttentionSeverity {
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AttentionReason {
    pub kind: AttentionKind,
    pub severity: AttentionSeverity,
    /// One plain sentence with the numbers behind it.
    pub message: String,
}

/// A client that needs something done, with why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ClientAttention {
    pub client_id: String,
    pub name: String,
    /// As stored (no `@`).
    pub handle: String,
    /// The most severe first.
    pub reasons: Vec<AttentionReason>,
}

/// A plan item due today.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DueItem {
    pub client_id: String,
    pub client_name: String,
    pub plan_id: String,
    pub item_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, local; `null` when the item has none.
    pub time: Option<String>,
    /// The item's topic (its brief when it has no topic).
    pub title: String,
    #[serde(rename = "type")]
    pub kind: ItemType,
}

/// The home panel.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HomeOverview {
    /// `YYYY-MM-DD`: the day the rules were anchored on.
    pub today: String,
    pub clients: Vec<ClientAttention>,
    pub due_today: Vec<DueItem>,
    /// Clients not archived.
    pub active_clients: u32,
}

/// The overview for today's local date.
pub async fn overview_now(ws: &Workspace) -> ApiResult<HomeOverview> {
    overview(ws, chrono::Local::now().date_naive()).await
}

/// A day given as `YYYY-MM-DD` (the CLI's `--today`).
pub fn parse_today(raw: &str) -> ApiResult<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| ApiError {
        code: ErrorCode::InvalidInput,
        message: format!("“{raw}” is not a date like 2026-03-31"),
        field: Some("today".into()),
    })
}

/// The overview on `today` (`YYYY-MM-DD`), or on today's local date when absent.
pub async fn overview_on(ws: &Workspace, today: Option<&str>) -> ApiResult<HomeOverview> {
    match today {
        Some(raw) => overview(ws, parse_today(raw)?).await,
        None => overview_now(ws).await,
    }
}

/// What needs attention on `today`.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn overview(ws: &Workspace, today: NaiveDate) -> ApiResult<HomeOverview> {
    let all = clients::list(
        ws.store(),
        &ClientQuery {
            archived: ArchivedFilter::Active,
            ..Default::default()
        },
    )
    .await?;
    let mut attention = Vec::new();
    let mut due_today = Vec::new();
    for client in &all {
        let mut reasons = Vec::new();
        reasons.extend(performance(ws, client, today).await?);
        reasons.extend(imports(ws, client, today).await?);
        if let Some((reason, due)) = plan(ws, client, today).await? {
            reasons.extend(reason);
            due_today.extend(due);
        }
        reasons.extend(replies(ws, client).await?);
        if reasons.is_empty() {
            continue;
        }
        // Stable: same severity keeps the rule order above.
        reasons.sort_by_key(|r| Reverse(r.severity));
        attention.push(ClientAttention {
            client_id: client.id.clone(),
            name: client.name.clone(),
            handle: client.handle.clone(),
            reasons,
        });
    }
    attention.sort_by(|a, b| {
        let worst = |c: &ClientAttention| c.reasons.iter().map(|r| r.severity).max();
        worst(b)
            .cmp(&worst(a))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.handle.cmp(&b.handle))
    });
    due_today.sort_by(|a, b| {
        // Items without a time go last.
        (a.time.is_none(), &a.time)
            .cmp(&(b.time.is_none(), &b.time))
            .then_with(|| {
                a.client_name
                    .to_lowercase()
                    .cmp(&b.client_name.to_lowercase())
            })
            .then_with(|| a.item_id.cmp(&b.item_id))
    });
    Ok(HomeOverview {
        today: today.to_string(),
        clients: attention,
        due_today,
        active_clients: all.len() as u32,
    })
}

/// The UTC day of a stored RFC 3339 time.
fn day(rfc3339: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|d| d.naive_utc().date())
}

/// `reach_falling`: the last window against the one before, reach else engagement.
async fn performance(
    ws: &Workspace,
    client: &Client,
    today: NaiveDate,
) -> ApiResult<Option<AttentionReason>> {
    let recent_from = today - Duration::days(WINDOW_DAYS - 1);
    let previous_from = recent_from - Duration::days(WINDOW_DAYS);
    let since = format!("{previous_from}T00:00:00Z");
    let rows = posts::list_published_since(ws.store(), &client.id, &since).await?;
    Ok(falling(&rows, today))
}

/// The reach (or engagement) rule over `rows`, anchored on `today`.
pub fn falling(rows: &[StoredPost], today: NaiveDate) -> Option<AttentionReason> {
    let recent_from = today - Duration::days(WINDOW_DAYS - 1);
    let previous_from = recent_from - Duration::days(WINDOW_DAYS);
    let window = |from: NaiveDate, to: NaiveDate| -> Vec<&StoredPost> {
        rows.iter()
            .filter(|p| p.kind != PostKind::Story)
            .filter(|p| day(&p.published_at).is_some_and(|d| d >= from && d <= to))
            .collect()
    };
    let recent = window(recent_from, today);
    let previous = window(previous_from, recent_from - Duration::days(1));
    let mean = |posts: &[&StoredPost], metric: &dyn Fn(&StoredPost) -> Option<i64>| {
        let known: Vec<i64> = posts.iter().filter_map(|p| metric(p)).collect();
        (known.len() >= MIN_POSTS_PER_WINDOW)
            .then(|| known.iter().sum::<i64>() as f64 / known.len() as f64)
    };
    let reach = |p: &StoredPost| p.metrics.reach;
    let eng = |p: &StoredPost| p.metrics.any().then(|| engagement(&p.metrics));
    let (label, before, after) = match (mean(&previous, &reach), mean(&recent, &reach)) {
        (Some(b), Some(a)) => ("Reach", b, a),
        _ => match (mean(&previous, &eng), mean(&recent, &eng)) {
            (Some(b), Some(a)) => ("Engagement", b, a),
            _ => return None,
        },
    };
    if before <= 0.0 {
        return None;
    }
    let drop = (before - after) / before;
    let severity = if drop >= DROP_HIGH {
        AttentionSeverity::High
    } else if drop >= DROP_MEDIUM {
        AttentionSeverity::Medium
    } else {
        return None;
    };
    Some(AttentionReason {
        kind: AttentionKind::ReachFalling,
        severity,
        message: format!(
            "{label} per post fell {:.0} % ({} → {}) in the last {} weeks.",
            drop * 100.0,
            grouped(before),
            grouped(after),
            WINDOW_DAYS / 7
        ),
    })
}

/// `no_recent_import` and `never_imported`.
async fn imports(
    ws: &Workspace,
    client: &Client,
    today: NaiveDate,
) -> ApiResult<Option<AttentionReason>> {
    let latest = import_batches::latest_started_at(ws.store(), &client.id).await?;
    match latest.as_deref().and_then(day) {
        Some(at) => {
            let age = (today - at).num_days();
            Ok((age > STALE_IMPORT_DAYS).then(|| AttentionReason {
                kind: AttentionKind::NoRecentImport,
                severity: AttentionSeverity::Medium,
                message: format!("No import for {age} days — ask for a fresh export."),
            }))
        }
        None if latest.is_none() && posts::count_for_client(ws.store(), &client.id).await? == 0 => {
            Ok(Some(AttentionReason {
                kind: AttentionKind::NeverImported,
                severity: AttentionSeverity::Medium,
                message: "No data yet — import their Instagram export.".into(),
            }))
        }
        None => Ok(None),
    }
}

/// `plan_items_due`, and today's items for `due_today`.
async fn plan(
    ws: &Workspace,
    client: &Client,
    today: NaiveDate,
) -> ApiResult<Option<(Option<AttentionReason>, Vec<DueItem>)>> {
    let Some(row) = plans::active_for_client(ws.store(), &client.id).await? else {
        return Ok(None);
    };
    let plan: Plan = serde_json::from_str(&row.plan).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("plan {} cannot be read: {e}", row.id),
        )
    })?;
    let today_s = today.to_string();
    let open = || {
        plan.days
            .iter()
            .flat_map(|d| d.items.iter())
            .filter(|i| !i.done)
    };
    let due: Vec<DueItem> = open()
        .filter(|i| i.date == today_s)
        .map(|i| DueItem {
            client_id: client.id.clone(),
            client_name: client.name.clone(),
            plan_id: row.id.clone(),
            item_id: i.id.clone(),
            date: i.date.clone(),
            time: Some(i.time.trim().to_string()).filter(|t| !t.is_empty()),
            title: if i.topic.trim().is_empty() {
                i.brief.clone()
            } else {
                i.topic.clone()
            },
            kind: i.kind,
        })
        .collect();
    // Dates are `YYYY-MM-DD`, so they compare as text.
    let overdue = open()
        .filter(|i| i.date.as_str() < today_s.as_str())
        .count();
    let items = |n: usize| {
        if n == 1 {
            "1 plan item".to_string()
        } else {
            format!("{n} plan items")
        }
    };
    let reason = match (due.len(), overdue) {
        (0, 0) => None,
        (d, 0) => Some((
            AttentionSeverity::Medium,
            format!("{} due today.", items(d)),
        )),
        (0, o) => Some((AttentionSeverity::High, format!("{} overdue.", items(o)))),
        (d, o) => Some((
            AttentionSeverity::High,
            format!("{} due today, {o} overdue.", items(d)),
        )),
    }
    .map(|(severity, message)| AttentionReason {
        kind: AttentionKind::PlanItemsDue,
        severity,
        message,
    });
    Ok(Some((reason, due)))
}

/// `replies_waiting`.
async fn replies(ws: &Workspace, client: &Client) -> ApiResult<Option<AttentionReason>> {
    let c = reply_messages::waiting_counts(
        ws.store(),
        &client.id,
        i64::from(crate::replies::DEFAULT_MIN_LEAD_SCORE),
    )
    .await?;
    if c.waiting == 0 {
        return Ok(None);
    }
    let what = if c.waiting == 1 {
        "1 comment or DM waiting for a reply".to_string()
    } else {
        format!("{} comments and DMs waiting for a reply", c.waiting)
    };
    let leads = match c.leads {
        0 => String::new(),
        1 => ", 1 likely lead".into(),
        n => format!(", {n} likely leads"),
    };
    Ok(Some(AttentionReason {
        kind: AttentionKind::RepliesWaiting,
        severity: AttentionSeverity::Medium,
        message: format!("{what}{leads}."),
    }))
}

/// A mean as a whole number with thousands separators: 1230.4 → "1,230".
fn grouped(v: f64) -> String {
    let n = v.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0.0), "0");
        assert_eq!(grouped(760.4), "760");
        assert_eq!(grouped(1230.0), "1,230");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
    }
}
