//! Saved replies: templates with variables (`{first_name}`, `{username}`, `{brand}`,
//! `{sign_off}`, `{link}`, `{post}`) for one client or for every client, filled in for a message.
use instagrowth_replies::{
    check_template, first_name, render_template, Intent, TemplateVars, MAX_DM_CHARS,
};
pub use instagrowth_store::queries::saved_replies::SavedReply;
use instagrowth_store::queries::{reply_messages, saved_replies};
use serde::Deserialize;
use ts_rs::TS;

use super::intake::input_error;
use super::now_stamp;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

const MAX_NAME_CHARS: usize = 80;

/// A saved reply to add (no `id`) or change.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SavedReplyInput {
    #[ts(optional = nullable)]
    pub id: Option<String>,
    /// The client it belongs to (an id or @handle); `null` for every client.
    #[ts(optional = nullable)]
    pub client: Option<String>,
    pub name: String,
    pub body: String,
    /// The intent it suits; `null` for any.
    #[ts(optional = nullable)]
    pub intent: Option<Intent>,
}

/// The saved replies offered for `client`: its own and the agency-wide ones.
pub async fn list_saved(ws: &Workspace, client: &str) -> ApiResult<Vec<SavedReply>> {
    let client = crate::clients::show(ws, client).await?;
    Ok(saved_replies::list_for(ws.store(), &client.id).await?)
}

/// Adds or changes a saved reply after checking its name and variables.
pub async fn save_saved(ws: &Workspace, input: &SavedReplyInput) -> ApiResult<SavedReply> {
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("give the saved reply a name of 1 to {MAX_NAME_CHARS} characters"),
        )
        .with_field("name"));
    }
    let body = input.body.trim();
    check_template(body).map_err(|e| input_error(e).with_field("body"))?;
    if body.chars().count() > MAX_DM_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("keep a saved reply under {MAX_DM_CHARS} characters (Instagram's DM limit)"),
        )
        .with_field("body"));
    }
    let client_id = match input.client.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(c) => Some(crate::clients::show(ws, c).await?.id),
        None => None,
    };
    let now = now_stamp();
    let existing =
        match &input.id {
            Some(id) => Some(saved_replies::get(ws.store(), id).await?.ok_or_else(|| {
                ApiError::new(ErrorCode::NotFound, format!("no saved reply {id}"))
            })?),
            None => None,
        };
    let saved = SavedReply {
        id: existing
            .as_ref()
            .map(|e| e.id.clone())
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        client_id,
        name: name.to_string(),
        body: body.to_string(),
        intent: input.intent.map(|i| i.as_str().to_string()),
        created_at: existing
            .as_ref()
            .map(|e| e.created_at.clone())
            .unwrap_or_else(|| now.clone()),
        updated_at: now,
    };
    if existing.is_some() {
        saved_replies::update(ws.store(), &saved).await?;
    } else {
        saved_replies::insert(ws.store(), &saved).await?;
    }
    Ok(saved)
}

pub async fn delete_saved(ws: &Workspace, id: &str) -> ApiResult<()> {
    if !saved_replies::delete(ws.store(), id).await? {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!("no saved reply {id}"),
        ));
    }
    Ok(())
}

/// A saved reply filled in for a queued message.
pub async fn render_saved(ws: &Workspace, message_id: &str, saved_id: &str) -> ApiResult<String> {
    let m = reply_messages::get(ws.store(), message_id)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no queued message {message_id}"),
            )
        })?;
    let saved = saved_replies::get(ws.store(), saved_id)
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no saved reply {saved_id}")))?;
    let client = crate::clients::show(ws, &m.client_id).await?;
    let rules = super::rules::rules_of(ws, &client.id).await?;
    let is_username = !m.author.contains(char::is_whitespace);
    let vars = TemplateVars {
        first_name: first_name(&m.author),
        username: if is_username {
            m.author.clone()
        } else {
            String::new()
        },
        brand: client.name,
        sign_off: rules.sign_off,
        link: rules.booking_link,
        post: m.post.unwrap_or_default(),
    };
    render_template(&saved.body, &vars).map_err(input_error)
}
