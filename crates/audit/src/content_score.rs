//! The content score, 0–100, from five documented, weighted parts. A part that cannot be
//! assessed (no metrics, too few posts) is shown as such and its weight is left out.
//!
//! | part | weight | 100 means |
//! |---|---|---|
//! | consistency | 25 | ≥ 2 feed posts a week over the last 8 weeks (70 %) and no gap over 7 days (30 %; 0 at 21+ days) |
//! | format mix | 20 | the best-performing format is ≥ 40 % of posts (capped at 60 when 10+ posts have no reel) |
//! | captions | 20 | every caption has a first-line hook, a call to action and ≥ 50 characters |
//! | hashtags | 20 | no post over 5 tags (−40 × share), no generic tags (−30 × share), one set on over a quarter of tagged posts (up to −30) |
//! | spread | 15 | the top quarter of posts does ≤ 3× the bottom quarter (0 at ≥ 12×), from 8+ posts |
use chrono::Duration;

use crate::captions;
use crate::context::Ctx;
use crate::hashtags;
use crate::input::AuditPost;
use crate::report::{ContentScore, NotAssessed, ScorePart};
use crate::stats::{clamp01, mean, pct};

pub fn score(ctx: &Ctx, not_assessed: &mut Vec<NotAssessed>) -> ContentScore {
    let parts = vec![
        consistency(ctx),
        format_mix(ctx),
        caption_part(ctx),
        hashtag_part(ctx),
        spread(ctx),
    ];
    for p in &parts {
        if p.score.is_none() {
            not_assessed.push(NotAssessed {
                key: format!("content_score.{}", p.key),
                what: format!("Content score: {}", p.name.to_lowercase()),
                why: p.detail.clone(),
            });
        }
    }
    let (sum, weights) = parts.iter().fold((0.0, 0.0), |(s, w), p| match p.score {
        Some(v) => (
            s + f64::from(v) * f64::from(p.weight),
            w + f64::from(p.weight),
        ),
        None => (s, w),
    });
    let score = if weights > 0.0 {
        (sum / weights).round() as u8
    } else {
        0
    };
    ContentScore { score, parts }
}

fn part(key: &str, name: &str, weight: u8, score: Option<f64>, detail: String) -> ScorePart {
    ScorePart {
        key: key.into(),
        name: name.into(),
        score: score.map(|s| (s * 100.0).round().clamp(0.0, 100.0) as u8),
        weight,
        detail,
    }
}

/// Feed posts a week over the last 8 weeks (fewer for a younger account), and the longest gap.
pub fn cadence(ctx: &Ctx) -> Option<(f64, i64)> {
    let first = ctx.feed.first()?;
    let as_of = ctx.as_of();
    let age_weeks = ((as_of - first.published_at).num_days() as f64 / 7.0)
        .ceil()
        .clamp(1.0, 8.0);
    let since = as_of - Duration::days((age_weeks * 7.0) as i64);
    let recent: Vec<&AuditPost> = ctx
        .feed
        .iter()
        .copied()
        .filter(|p| p.published_at > since)
        .collect();
    let per_week = recent.len() as f64 / age_weeks;
    let mut times: Vec<_> = recent.iter().map(|p| p.published_at).collect();
    times.push(as_of);
    let mut longest = match recent.first() {
        Some(_) => 0,
        None => (as_of - ctx.feed.last()?.published_at).num_days(),
    };
    for w in times.windows(2) {
        longest = longest.max((w[1] - w[0]).num_days());
    }
    Some((per_week, longest))
}

fn consistency(ctx: &Ctx) -> ScorePart {
    let (key, name, weight) = ("consistency", "Consistency", 25);
    let Some((per_week, gap)) = cadence(ctx) else {
        return part(
            key,
            name,
            weight,
            None,
            "no feed posts to measure a rhythm from".into(),
        );
    };
    let rhythm = clamp01(per_week / 2.0);
    let gaps = clamp01((21.0 - gap as f64) / 14.0);
    let detail =
        format!("{per_week:.1} feed posts a week (target 2+); longest gap {gap} days (target ≤ 7)");
    part(key, name, weight, Some(0.7 * rhythm + 0.3 * gaps), detail)
}

/// Each format's mean rate (by followers, else by reach) over posts that have one.
pub fn format_performance(ctx: &Ctx) -> Vec<(String, f64, usize)> {
    let mut out = Vec::new();
    for kind in ["image", "carousel", "reel"] {
        let posts: Vec<&AuditPost> = ctx
            .window
            .iter()
            .copied()
            .filter(|p| p.kind.as_str() == kind)
            .collect();
        let rates: Vec<f64> = posts
            .iter()
            .filter_map(|p| ctx.rate(p).or_else(|| ctx.rate_by_reach(p)))
            .collect();
        if rates.len() >= 3 {
            out.push((kind.to_string(), mean(&rates).unwrap_or(0.0), posts.len()));
        }
    }
    out
}

fn format_mix(ctx: &Ctx) -> ScorePart {
    let (key, name, weight) = ("format_mix", "Format mix", 20);
    let n = ctx.window.len();
    let perf = format_performance(ctx);
    let no_reels = n >= 10 && !ctx.window.iter().any(|p| p.kind.as_str() == "reel");
    if perf.len() < 2 {
        let formats: std::collections::BTreeSet<&str> =
            ctx.window.iter().map(|p| p.kind.as_str()).collect();
        if n >= 10 && formats.len() == 1 {
            let only = formats.into_iter().next().unwrap_or_default();
            let article = if only.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            return part(
                key,
                name,
                weight,
                Some(0.4),
                format!(
                    "every post is {article} {only}: nothing to compare, and variety reaches new people"
                ),
            );
        }
        return part(
            key,
            name,
            weight,
            None,
            "fewer than two formats with 3+ measured posts each".into(),
        );
    }
    let (best, best_rate, best_posts) = perf
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .cloned()
        .unwrap_or_default();
    let share = best_posts as f64 / n as f64;
    let mut s = clamp01(share / 0.4);
    let mut detail = format!(
        "{best}s do best ({} average) and are {} of posts (target 40 %+)",
        pct(best_rate),
        pct(share)
    );
    if no_reels {
        s = s.min(0.6);
        detail.push_str("; no reels, Instagram's main way to reach non-followers");
    }
    part(key, name, weight, Some(s), detail)
}

fn caption_part(ctx: &Ctx) -> ScorePart {
    let (key, name, weight) = ("captions", "Captions", 20);
    let with_text: Vec<&AuditPost> = ctx
        .window
        .iter()
        .copied()
        .filter(|p| !p.caption.trim().is_empty())
        .collect();
    if with_text.is_empty() {
        return part(
            key,
            name,
            weight,
            None,
            "no captions in the imported data".into(),
        );
    }
    let n = ctx.window.len() as f64;
    let hooks = ctx
        .window
        .iter()
        .filter(|p| captions::has_hook(&p.caption))
        .count() as f64;
    let ctas = ctx
        .window
        .iter()
        .filter(|p| captions::has_cta(&p.caption))
        .count() as f64;
    let long = ctx
        .window
        .iter()
        .filter(|p| captions::long_enough(&p.caption))
        .count() as f64;
    let detail = format!(
        "first-line hook on {}, a call to action on {}, 50+ characters on {} of posts",
        pct(hooks / n),
        pct(ctas / n),
        pct(long / n)
    );
    part(
        key,
        name,
        weight,
        Some((hooks + ctas + long) / (3.0 * n)),
        detail,
    )
}

fn hashtag_part(ctx: &Ctx) -> ScorePart {
    let (key, name, weight) = ("hashtags", "Hashtag practice", 20);
    if ctx.window.is_empty() {
        return part(key, name, weight, None, "no posts".into());
    }
    let tagged = hashtags::tagged(&ctx.window);
    if tagged.is_empty() {
        return part(
            key,
            name,
            weight,
            Some(1.0),
            "no hashtags used: nothing to fix (up to 5 relevant ones can help discovery)".into(),
        );
    }
    let (over, bound) = hashtags::over_limit(&ctx.window);
    let over_share = if bound > 0 {
        over.len() as f64 / bound as f64
    } else {
        0.0
    };
    let generic_share = hashtags::with_generic(&tagged).len() as f64 / tagged.len() as f64;
    let repeated_share = hashtags::most_repeated_set(&tagged)
        .map_or(0.0, |(_, ps)| ps.len() as f64 / tagged.len() as f64);
    // Rotating a few sets is fine; one set on more than a quarter of posts starts to cost.
    let repeated_penalty = clamp01((repeated_share - 0.25) / 0.75);
    let s = 1.0 - 0.4 * over_share - 0.3 * generic_share - 0.3 * repeated_penalty;
    let detail = format!(
        "over 5 tags on {} of posts since the limit, generic tags on {}, one identical set on {} of tagged posts",
        pct(over_share),
        pct(generic_share),
        pct(repeated_share)
    );
    part(key, name, weight, Some(s), detail)
}

/// Mean rate of the top quarter of posts over the bottom quarter.
pub fn top_bottom_ratio(ctx: &Ctx) -> Option<f64> {
    let mut rates: Vec<f64> = ctx
        .window
        .iter()
        .filter_map(|p| ctx.rate(p).or_else(|| ctx.rate_by_reach(p)))
        .collect();
    if rates.len() < 8 {
        return None;
    }
    rates.sort_by(f64::total_cmp);
    let q = rates.len() / 4;
    let bottom = mean(&rates[..q])?;
    let top = mean(&rates[rates.len() - q..])?;
    Some(if bottom > 0.0 {
        top / bottom
    } else {
        f64::INFINITY
    })
}

fn spread(ctx: &Ctx) -> ScorePart {
    let (key, name, weight) = ("spread", "Consistency of results", 15);
    match top_bottom_ratio(ctx) {
        None => part(
            key,
            name,
            weight,
            None,
            "fewer than 8 posts with engagement numbers".into(),
        ),
        Some(r) => {
            let s = if r.is_finite() {
                clamp01((12f64.ln() - r.max(1.0).ln()) / (12f64.ln() - 3f64.ln()))
            } else {
                0.0
            };
            let ratio = if r.is_finite() {
                format!("{r:.1}×")
            } else {
                "far more than".into()
            };
            part(key, name, weight, Some(s), format!("the best quarter of posts gets {ratio} the engagement of the weakest quarter (target ≤ 3×)"))
        }
    }
}
