//! The audit engine's input, read from the store.
use chrono::{DateTime, NaiveDate, Utc};
use instagrowth_audit::{AuditInput, AuditPost};
use instagrowth_store::queries::{follower_snapshots, posts, settings};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

pub async fn input(ws: &Workspace, client_id: &str, as_of: DateTime<Utc>) -> ApiResult<AuditInput> {
    let zone = settings::get_time_zone(ws.store()).await?;
    let time_zone: chrono_tz::Tz = zone.parse().map_err(|_| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("the workspace time zone {zone} is unknown; set it again"),
        )
    })?;
    let posts = posts::list_for_client(ws.store(), client_id)
        .await?
        .into_iter()
        .filter_map(|p| {
            let published_at = DateTime::parse_from_rfc3339(&p.published_at)
                .ok()?
                .with_timezone(&Utc);
            Some(AuditPost {
                id: p.id,
                kind: p.kind,
                published_at,
                caption: p.caption,
                hashtags: p.hashtags,
                metrics: p.metrics,
            })
        })
        .collect();
    let snapshots = follower_snapshots::list_for_client(ws.store(), client_id).await?;
    let following = snapshots.iter().rev().find_map(|s| s.following);
    let mut followers: Vec<(NaiveDate, i64)> = snapshots
        .iter()
        .filter_map(|s| {
            Some((
                NaiveDate::parse_from_str(s.date.get(..10)?, "%Y-%m-%d").ok()?,
                s.followers?,
            ))
        })
        .collect();
    followers.sort();
    Ok(AuditInput {
        as_of,
        time_zone,
        followers,
        following,
        posts,
    })
}
