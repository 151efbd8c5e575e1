//! Growth plans: made by the planner (`instagrowth-planner`) from the client's latest audit and
//! content grounding, kept per client (one active), edited in the calendar, and exported as ICS,
//! CSV or the branded PDF.
mod ai_refine;
mod csv_export;
mod ics;
mod pdf;

pub use csv_export::plan_csv;
pub use ics::{plan_ics, uid};
pub use pdf::plan_pdf;

use chrono::NaiveDate;
use instagrowth_planner::{Goal, Plan, PlanInput, PlanRequest};
use instagrowth_store::queries::{audits, plans, settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::export_path::ExportKind;
use crate::Workspace;

/// What the user asks for.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
pub struct NewPlan {
    /// `YYYY-MM-DD`; tomorrow when absent.
    pub start: Option<String>,
    /// 7, 14 or 30.
    pub days: u32,
    pub goal: Goal,
    pub posts_per_week: u32,
    pub stories_per_day: u32,
    #[serde(default)]
    pub pillars: Vec<String>,
    /// A name for the plan; "<days>-day <goal> plan from <start>" when absent.
    #[serde(default)]
    pub name: Option<String>,
    /// Plan offline even when an AI provider is set up (otherwise the model refines the posts'
    /// topics, hooks and briefs).
    #[serde(default)]
    #[ts(optional)]
    pub offline: Option<bool>,
}

/// A stored plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoredPlan {
    pub id: String,
    pub client_id: String,
    pub name: String,
    pub source: String,
    pub active: bool,
    pub created_at: String,
    pub updated_at: String,
    pub plan: Plan,
}

fn invalid(field: &str, message: String) -> ApiError {
    ApiError {
        code: ErrorCode::InvalidInput,
        message,
        field: Some(field.into()),
    }
}

fn parse(row: plans::PlanRow) -> ApiResult<StoredPlan> {
    let plan: Plan = serde_json::from_str(&row.plan).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("plan {} cannot be read: {e}", row.id),
        )
    })?;
    Ok(StoredPlan {
        id: row.id,
        client_id: row.client_id,
        name: row.name,
        source: row.source,
        active: row.active,
        created_at: row.created_at,
        updated_at: row.updated_at,
        plan,
    })
}

/// Makes a plan for `client` offline and stores it as the active one.
pub async fn create(ws: &Workspace, client: &str, req: &NewPlan) -> ApiResult<StoredPlan> {
    create_with(
        ws,
        client,
        req,
        &instagrowth_ai::CancellationToken::new(),
        &|_| {},
    )
    .await
}

/// Makes a plan for `client` (refined by the AI provider unless `offline`) and stores it as the
/// active one.
#[tracing::instrument(skip(ws, cancel, progress), err(level = "info", Debug))]
pub async fn create_with(
    ws: &Workspace,
    client: &str,
    req: &NewPlan,
    cancel: &instagrowth_ai::CancellationToken,
    progress: &(dyn Fn(crate::ai::AiEvent) + Send + Sync),
) -> ApiResult<StoredPlan> {
    crate::license::require_feature(ws, "planner", "new growth plans").await?;
    if ![7, 14, 30].contains(&req.days) {
        return Err(invalid(
            "days",
            format!("a plan is 7, 14 or 30 days, not {}", req.days),
        ));
    }
    if !(1..=14).contains(&req.posts_per_week) {
        return Err(invalid(
            "posts_per_week",
            "posts per week is 1 to 14".into(),
        ));
    }
    if req.stories_per_day > 10 {
        return Err(invalid(
            "stories_per_day",
            "stories per day is 0 to 10".into(),
        ));
    }
    let start = match req
        .start
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| invalid("start", format!("“{s}” is not a date like 2026-12-01")))?,
        None => chrono::Utc::now().date_naive() + chrono::Duration::days(1),
    };
    let client = crate::clients::show(ws, client).await?;
    let grounding = crate::content::grounding::load(ws, &client).await?;
    let audit = match audits::list_for_client(ws.store(), &client.id)
        .await?
        .first()
    {
        Some(latest) => Some(crate::audit::get(ws, &latest.id).await?.audit),
        None => None,
    };
    let time_zone = settings::get_time_zone(ws.store()).await?;
    let pillars: Vec<String> = req
        .pillars
        .iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let request = PlanRequest {
        start,
        days: req.days,
        goal: req.goal,
        posts_per_week: req.posts_per_week,
        stories_per_day: req.stories_per_day,
        pillars,
        seed: start.to_string().bytes().fold(req.days as u64, |h, b| {
            h.wrapping_mul(31).wrapping_add(b as u64)
        }),
    };
    let mut plan = instagrowth_planner::plan(
        &PlanInput {
            audit: audit.as_ref(),
            grounding: &grounding,
            time_zone,
        },
        &request,
    )
    .map_err(|e| invalid("plan", e.to_string()))?;
    let mut source = "offline";
    if !req.offline.unwrap_or(false) {
        let (refined, note) = ai_refine::refine(ws, &client, &mut plan, cancel, progress).await?;
        if refined {
            source = "ai";
            plan.notes.push("Topics, hooks and briefs were refined by the AI provider; times, formats, hashtags and targets are the planner's.".into());
        }
        plan.notes.extend(note);
    }
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let goal = serde_json::to_value(req.goal)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let row = plans::PlanRow {
        id: uuid::Uuid::new_v4().to_string(),
        client_id: client.id,
        name: req
            .name
            .clone()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("{}-day {goal} plan from {start}", req.days)),
        source: source.into(),
        active: true,
        start_date: start.to_string(),
        days: req.days.into(),
        request: serde_json::to_string(req).expect("request serializes"),
        plan: serde_json::to_string(&plan).expect("plan serializes"),
        created_at: now.clone(),
        updated_at: now,
    };
    plans::insert(ws.store(), &row).await?;
    parse(row)
}

pub async fn list(ws: &Workspace, client: &str) -> ApiResult<Vec<StoredPlan>> {
    let client = crate::clients::show(ws, client).await?;
    plans::list_for_client(ws.store(), &client.id)
        .await?
        .into_iter()
        .map(parse)
        .collect()
}

pub async fn get(ws: &Workspace, id: &str) -> ApiResult<StoredPlan> {
    let row = plans::get(ws.store(), id)
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no plan {id}")))?;
    parse(row)
}

pub async fn activate(ws: &Workspace, id: &str) -> ApiResult<StoredPlan> {
    let p = get(ws, id).await?;
    plans::activate(ws.store(), &p.client_id, id).await?;
    get(ws, id).await
}

pub async fn delete(ws: &Workspace, id: &str) -> ApiResult<()> {
    if !plans::delete(ws.store(), id).await? {
        return Err(ApiError::new(ErrorCode::NotFound, format!("no plan {id}")));
    }
    Ok(())
}

/// Moves an item to another day of the plan (the calendar's drag and drop).
pub async fn move_item(
    ws: &Workspace,
    plan_id: &str,
    item_id: &str,
    date: &str,
) -> ApiResult<StoredPlan> {
    let mut p = get(ws, plan_id).await?;
    let target = p
        .plan
        .days
        .iter()
        .position(|d| d.date == date)
        .ok_or_else(|| invalid("date", format!("{date} is not a day of this plan")))?;
    let (from, idx) = p
        .plan
        .days
        .iter()
        .enumerate()
        .find_map(|(d, day)| {
            day.items
                .iter()
                .position(|i| i.id == item_id)
                .map(|i| (d, i))
        })
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no item {item_id} in this plan"),
            )
        })?;
    let mut item = p.plan.days[from].items.remove(idx);
    item.date = date.to_string();
    let day = &mut p.plan.days[target].items;
    day.push(item);
    day.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.id.cmp(&b.id)));
    plans::update_plan(
        ws.store(),
        plan_id,
        &serde_json::to_string(&p.plan).expect("plan serializes"),
    )
    .await?;
    get(ws, plan_id).await
}

/// Marks an item done or not.
pub async fn set_done(
    ws: &Workspace,
    plan_id: &str,
    item_id: &str,
    done: bool,
) -> ApiResult<StoredPlan> {
    let mut p = get(ws, plan_id).await?;
    let item = p
        .plan
        .days
        .iter_mut()
        .flat_map(|d| d.items.iter_mut())
        .find(|i| i.id == item_id)
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no item {item_id} in this plan"),
            )
        })?;
    item.done = done;
    plans::update_plan(
        ws.store(),
        plan_id,
        &serde_json::to_string(&p.plan).expect("plan serializes"),
    )
    .await?;
    get(ws, plan_id).await
}

/// What a plan export of `format` (`pdf`, `ics` or `csv`) writes.
pub fn export_kind(format: &str) -> ApiResult<ExportKind> {
    match format {
        "pdf" => Ok(ExportKind::Pdf),
        "csv" => Ok(ExportKind::Csv),
        "ics" => Ok(ExportKind::Ics),
        other => Err(invalid(
            "format",
            format!("export as pdf, ics or csv, not {other}"),
        )),
    }
}

/// Writes a stored plan as `pdf`, `ics` or `csv` to `path`, which must end in that extension.
pub async fn export(
    ws: &Workspace,
    id: &str,
    format: &str,
    path: &std::path::Path,
) -> ApiResult<crate::content::FileExport> {
    let kind = export_kind(format)?;
    crate::export_path::check(path, kind)?;
    let p = get(ws, id).await?;
    let bytes = match kind {
        ExportKind::Pdf => plan_pdf(ws, &p).await?,
        ExportKind::Csv => plan_csv(&p)?,
        ExportKind::Ics => {
            let client = crate::clients::show(ws, &p.client_id).await?;
            let zone = settings::get_time_zone(ws.store()).await?;
            plan_ics(&p, &zone, &client.name)?.into_bytes()
        }
        ExportKind::Zip => return Err(invalid("format", "a plan is not exported as zip".into())),
    };
    crate::files::write_atomically(path, &bytes).await?;
    Ok(crate::content::FileExport {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
    })
}

/// What an item edit may change; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
pub struct PlanItemPatch {
    /// `HH:MM`.
    pub time: Option<String>,
    pub topic: Option<String>,
    pub hook: Option<String>,
    pub brief: Option<String>,
    pub hashtags: Option<Vec<String>>,
    /// Link to a content-library item of the same client (`""` removes the link).
    pub content_item_id: Option<String>,
}

/// Edits an item of a plan.
pub async fn update_item(
    ws: &Workspace,
    plan_id: &str,
    item_id: &str,
    patch: &PlanItemPatch,
) -> ApiResult<StoredPlan> {
    let mut p = get(ws, plan_id).await?;
    if let Some(t) = &patch.time {
        chrono::NaiveTime::parse_from_str(t.trim(), "%H:%M")
            .map_err(|_| invalid("time", format!("“{t}” is not a time like 18:30")))?;
    }
    if let Some(tags) = &patch.hashtags {
        if !tags.is_empty() {
            instagrowth_content::check_hashtag_set(tags).map_err(|e| invalid("hashtags", e))?;
        }
    }
    if let Some(topic) = &patch.topic {
        if topic.trim().is_empty() {
            return Err(invalid("topic", "an item needs a topic".into()));
        }
    }
    let link = match patch.content_item_id.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(id) => {
            let item = instagrowth_store::queries::content_items::get(ws.store(), id)
                .await?
                .filter(|c| c.client_id == p.client_id)
                .ok_or_else(|| {
                    invalid(
                        "content_item_id",
                        format!("no library item {id} for this client"),
                    )
                })?;
            Some(Some(item.id))
        }
    };
    let item = p
        .plan
        .days
        .iter_mut()
        .flat_map(|d| d.items.iter_mut())
        .find(|i| i.id == item_id)
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no item {item_id} in this plan"),
            )
        })?;
    if let Some(t) = &patch.time {
        item.time = t.trim().to_string();
        item.time_source = "manual".into();
    }
    if let Some(v) = &patch.topic {
        item.topic = v.trim().to_string();
    }
    if let Some(v) = &patch.hook {
        item.hook = v.trim().to_string();
    }
    if let Some(v) = &patch.brief {
        item.brief = v.trim().to_string();
    }
    if let Some(v) = &patch.hashtags {
        item.hashtags = v.clone();
    }
    if let Some(l) = link {
        item.content_item_id = l;
    }
    for day in &mut p.plan.days {
        day.items
            .sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.id.cmp(&b.id)));
    }
    plans::update_plan(
        ws.store(),
        plan_id,
        &serde_json::to_string(&p.plan).expect("plan serializes"),
    )
    .await?;
    get(ws, plan_id).await
}
