//! What content is grounded in, read from the store: the client's profile, their best and
//! weakest posts (with engagement rates from their own numbers), how their hashtags performed,
//! the latest audit's findings, and what they already used.
use std::collections::HashMap;

use instagrowth_content::{Grounding, PostRef, TagStat};
use instagrowth_model::PostKind;
use instagrowth_store::queries::{audits, content_items, follower_snapshots, posts};
use instagrowth_store::{Client, StoredPost};

use crate::error::ApiResult;
use crate::Workspace;

fn rate(p: &StoredPost, followers: Option<i64>) -> Option<f64> {
    let f = followers.filter(|f| *f > 0)?;
    let m = &p.metrics;
    if m.likes.is_none() && m.comments.is_none() {
        return None;
    }
    Some((m.likes.unwrap_or(0) + m.comments.unwrap_or(0)) as f64 / f as f64)
}

fn post_ref(p: &StoredPost, followers: Option<i64>) -> PostRef {
    PostRef {
        caption: p.caption.chars().take(400).collect(),
        format: p.kind.as_str().to_string(),
        hashtags: p.hashtags.clone(),
        engagement_rate: rate(p, followers),
    }
}

pub async fn load(ws: &Workspace, client: &Client) -> ApiResult<Grounding> {
    let all = posts::list_for_client(ws.store(), &client.id).await?;
    let followers = follower_snapshots::list_for_client(ws.store(), &client.id)
        .await?
        .iter()
        .rev()
        .find_map(|s| s.followers);
    let mut measured: Vec<&StoredPost> = all
        .iter()
        .filter(|p| p.kind != PostKind::Story && p.metrics.any())
        .collect();
    measured.sort_by_key(|p| std::cmp::Reverse(p.engagement()));
    let top_posts = measured
        .iter()
        .take(5)
        .map(|p| post_ref(p, followers))
        .collect();
    let bottom_posts = if measured.len() >= 10 {
        measured
            .iter()
            .rev()
            .take(3)
            .map(|p| post_ref(p, followers))
            .collect()
    } else {
        Vec::new()
    };

    let mut by_tag: HashMap<String, Vec<f64>> = HashMap::new();
    for p in &measured {
        if let Some(r) = rate(p, followers) {
            for t in &p.hashtags {
                by_tag.entry(t.to_lowercase()).or_default().push(r);
            }
        }
    }
    let mut tag_stats: Vec<TagStat> = by_tag
        .into_iter()
        .filter(|(_, rates)| rates.len() >= 2)
        .map(|(tag, rates)| TagStat {
            posts: rates.len() as u32,
            mean_rate: rates.iter().sum::<f64>() / rates.len() as f64,
            tag,
        })
        .collect();
    tag_stats.sort_by(|a, b| {
        b.mean_rate
            .total_cmp(&a.mean_rate)
            .then_with(|| a.tag.cmp(&b.tag))
    });

    let findings = match audits::list_for_client(ws.store(), &client.id)
        .await?
        .first()
    {
        Some(latest) => crate::audit::get(ws, &latest.id)
            .await
            .map(|d| d.audit.findings.iter().map(|f| f.title.clone()).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    Ok(Grounding {
        client_name: client.name.clone(),
        handle: client.handle.clone(),
        niche: client.niche.clone(),
        goals: client.goals.clone(),
        audience: client.audience.clone(),
        brand_voice: client.brand_voice.clone(),
        pillars: Vec::new(),
        top_posts,
        bottom_posts,
        findings,
        tag_stats,
        avoid: content_items::used_texts(ws.store(), &client.id).await?,
    })
}
