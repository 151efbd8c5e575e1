//! Engagement: by followers and by reach, per format, the last 30 days against the 30 before, and
//! one point per post for the chart.
use instagrowth_model::PostKind;

use crate::context::Ctx;
use crate::input::AuditPost;
use crate::report::{EngagementDetail, FormatStat, PeriodStat, PostRate};
use crate::stats::{mean, median};

pub struct Rates {
    pub by_followers: Option<f64>,
    pub by_reach: Option<f64>,
}

pub fn rates(ctx: &Ctx, posts: &[&AuditPost]) -> Rates {
    let by_followers: Vec<f64> = posts.iter().filter_map(|p| ctx.rate(p)).collect();
    let by_reach: Vec<f64> = posts.iter().filter_map(|p| ctx.rate_by_reach(p)).collect();
    Rates {
        by_followers: mean(&by_followers),
        by_reach: mean(&by_reach),
    }
}

pub fn median_audience(posts: &[&AuditPost]) -> Option<f64> {
    let v: Vec<f64> = posts
        .iter()
        .filter_map(|p| p.audience())
        .map(|a| a as f64)
        .collect();
    median(&v)
}

fn period(ctx: &Ctx, posts: &[&AuditPost]) -> PeriodStat {
    PeriodStat {
        posts: posts.len() as u32,
        engagement_rate: rates(ctx, posts).by_followers,
        median_reach: median_audience(posts),
    }
}

pub fn detail(ctx: &Ctx) -> EngagementDetail {
    let by_format = [PostKind::Image, PostKind::Carousel, PostKind::Reel]
        .into_iter()
        .filter_map(|kind| {
            let posts: Vec<&AuditPost> = ctx
                .window
                .iter()
                .copied()
                .filter(|p| p.kind == kind)
                .collect();
            if posts.is_empty() {
                return None;
            }
            let r = rates(ctx, &posts);
            Some(FormatStat {
                format: kind.as_str().to_string(),
                posts: posts.len() as u32,
                engagement_rate: r.by_followers,
                engagement_rate_by_reach: r.by_reach,
                median_reach: median_audience(&posts),
            })
        })
        .collect();
    let last = period(ctx, &ctx.between(30, 0));
    let previous = period(ctx, &ctx.between(60, 30));
    let change = match (last.engagement_rate, previous.engagement_rate) {
        (Some(a), Some(b)) if b > 0.0 && last.posts >= 2 && previous.posts >= 2 => {
            Some(a / b - 1.0)
        }
        _ => None,
    };
    let timeline = ctx
        .window
        .iter()
        .map(|p| PostRate {
            post_id: p.id.clone(),
            date: ctx.local_date(p.published_at).to_string(),
            format: p.kind.as_str().to_string(),
            engagement_rate: ctx.rate(p),
            reach: p.metrics.reach,
        })
        .collect();
    EngagementDetail {
        by_format,
        last_30_days: last,
        previous_30_days: previous,
        change,
        timeline,
    }
}
