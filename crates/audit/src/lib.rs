//! The account audit, as pure functions over a client's stored posts and follower counts: no I/O,
//! no tauri. `run` turns an [`AuditInput`] into an [`Audit`]:
//!
//! - engagement by followers and by reach, per format, 30 days against the 30 before, and the
//!   follower tier's benchmark (`engagement`, `benchmarks`);
//! - the content score from five weighted parts (`content_score`, `captions`, `hashtags`);
//! - recommendation-eligibility ("shadowban") risk from explained signals (`risk`);
//! - the ranked findings (`findings`), best posting times (`best_times`) and the 30-day roadmap
//!   (`roadmap`);
//! - what could not be assessed, and why.
//!
//! `narrative` writes the offline executive summary from the result.
mod benchmarks;
mod best_times;
mod captions;
mod content_score;
mod context;
mod engagement;
mod findings;
mod hashtags;
pub mod input;
pub mod narrative;
pub mod report;
mod risk;
mod roadmap;
mod stats;

pub use best_times::WEEKDAYS;
pub use input::{AuditInput, AuditPost};
pub use narrative::{Narrative, NarrativeSource};
pub use report::*;

use context::Ctx;
use report::NotAssessed as Gap;

pub fn run(input: &AuditInput) -> Audit {
    let ctx = Ctx::new(input);
    let mut not_assessed = Vec::new();
    let rates = engagement::rates(&ctx, &ctx.window);
    let detail = engagement::detail(&ctx);
    let followers = ctx.followers_now();
    let tier_benchmark = followers.map(|n| benchmarks::for_followers(n, rates.by_followers));
    if ctx.window.is_empty() {
        not_assessed.push(Gap {
            key: "posts".into(),
            what: "Everything measured per post".into(),
            why: "no feed posts in the imported data".into(),
        });
    }
    if followers.is_none() {
        not_assessed.push(Gap {
            key: "engagement_rate".into(),
            what: "Engagement rate by followers and the tier benchmark".into(),
            why: "no follower count: import the data download (followers) or enter it by hand"
                .into(),
        });
    } else if rates.by_followers.is_none() && !ctx.window.is_empty() {
        not_assessed.push(Gap {
            key: "engagement_rate".into(),
            what: "Engagement rate by followers".into(),
            why: "no likes or comments in the imported posts".into(),
        });
    }
    if rates.by_reach.is_none() && !ctx.window.is_empty() {
        not_assessed.push(Gap { key: "engagement_rate_by_reach".into(), what: "Engagement rate by reach".into(), why: "no reach in the imported data: the Business Suite export or the data download's insights have it".into() });
    }
    let content_score = content_score::score(&ctx, &mut not_assessed);
    let shadowban_risk = risk::assess(&ctx, &mut not_assessed);
    let findings = findings::diagnose(
        &ctx,
        &findings::Facts {
            rate: rates.by_followers,
            benchmark: tier_benchmark.as_ref(),
            engagement: &detail,
            content: &content_score,
            risk: &shadowban_risk,
        },
    );
    let best_times = best_times::best_times(&ctx);
    if best_times.sample_size == 0 {
        not_assessed.push(Gap {
            key: "best_times".into(),
            what: "Best times to post".into(),
            why: "no posts with engagement numbers".into(),
        });
    }
    let roadmap = roadmap::plan(
        &ctx,
        &findings,
        &best_times,
        &shadowban_risk.signals,
        rates.by_followers,
        tier_benchmark.as_ref(),
    );
    let window = match (ctx.window.first(), ctx.window.last()) {
        (Some(a), Some(b)) => Some((
            ctx.local_date(a.published_at).to_string(),
            ctx.local_date(b.published_at).to_string(),
        )),
        _ => None,
    };
    Audit {
        as_of: input
            .as_of
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        time_zone: input.time_zone.name().to_string(),
        followers,
        posts_analysed: ctx.window.len() as u32,
        window,
        engagement_rate: rates.by_followers,
        engagement_rate_by_reach: rates.by_reach,
        engagement: detail,
        tier_benchmark,
        content_score,
        shadowban_risk,
        findings,
        best_times,
        roadmap,
        not_assessed,
    }
}
