//! Recommendation-eligibility risk ("shadowban" in common speech): an estimate from signals in
//! the client's own data. Each signal has a weight (its points of the 0–100 score), a threshold,
//! the posts that show it and a plain explanation. A signal adds to the score only when it crosses
//! its threshold — up to its weight, by how far it crosses. Signals that cannot be measured are
//! listed and left out, and the score is scaled over the weights that could be measured.
use std::collections::HashMap;

use chrono::Duration;

use crate::context::Ctx;
use crate::engagement::median_audience;
use crate::hashtags;
use crate::input::AuditPost;
use crate::report::{NotAssessed, Risk, RiskLevel, Signal};
use crate::stats::{clamp01, pct};

pub const NOTE: &str = "This is an estimate from the account's own data, not Instagram's verdict. \
    Instagram shows whether an account's content can be recommended to non-followers in \
    Settings → Account Status (professional accounts). Eligibility usually returns after about \
    30 days of mostly original posting.";

struct Measured {
    value: Option<f64>,
    value_text: String,
    triggered: bool,
    /// 0–1: how strongly it counts towards the score.
    severity: f64,
    posts: Vec<String>,
    explanation: String,
}

fn ids(posts: &[&AuditPost]) -> Vec<String> {
    posts.iter().map(|p| p.id.clone()).collect()
}

fn unmeasured(why: &str) -> Measured {
    Measured {
        value: None,
        value_text: "not measured".into(),
        triggered: false,
        severity: 0.0,
        posts: vec![],
        explanation: why.into(),
    }
}

pub fn assess(ctx: &Ctx, not_assessed: &mut Vec<NotAssessed>) -> Risk {
    let specs: [(&str, &str, u8, f64, &str, Measured); 8] = [
        (
            "reach_drop",
            "Reach per post falling",
            30,
            0.5,
            "below 50 % of the account's own baseline",
            reach_drop(ctx),
        ),
        (
            "hashtags_over_limit",
            "More than 5 hashtags",
            15,
            0.0,
            "any post since 19 Dec 2025",
            over_limit(ctx),
        ),
        (
            "unoriginal_content",
            "Reposted or duplicate content",
            15,
            0.1,
            "over 10 % of posts",
            unoriginal(ctx),
        ),
        (
            "generic_hashtags",
            "Generic hashtags",
            10,
            0.2,
            "over 20 % of tagged posts",
            generic(ctx),
        ),
        (
            "repeated_hashtag_set",
            "One hashtag set on every post",
            10,
            0.3,
            "the same set on over 30 % of tagged posts",
            repeated(ctx),
        ),
        (
            "posting_bursts",
            "Bursts of posting",
            10,
            0.0,
            "any day with 4+ feed posts in the last 90 days",
            bursts(ctx),
        ),
        (
            "comment_like_ratio",
            "Unusual comments-to-likes ratio",
            5,
            0.005,
            "under 0.5 % or over 50 %",
            comment_ratio(ctx),
        ),
        (
            "follower_spike",
            "Follower spike",
            5,
            0.1,
            "over 10 % growth between two counts a week or less apart",
            follower_spike(ctx),
        ),
    ];
    let mut total = 0.0;
    let mut measured_weight = 0.0;
    let mut signals = Vec::new();
    for (key, name, weight, threshold, threshold_text, m) in specs {
        if m.value.is_some() {
            if m.triggered {
                total += f64::from(weight) * clamp01(m.severity);
            }
            measured_weight += f64::from(weight);
        } else {
            not_assessed.push(NotAssessed {
                key: format!("risk.{key}"),
                what: format!("Risk signal: {}", name.to_lowercase()),
                why: m.explanation.clone(),
            });
        }
        signals.push(Signal {
            key: key.into(),
            name: name.into(),
            value: m.value,
            value_text: m.value_text,
            threshold,
            threshold_text: threshold_text.into(),
            weight,
            triggered: m.triggered,
            posts: m.posts,
            explanation: m.explanation,
        });
    }
    let score = if measured_weight > 0.0 {
        (100.0 * total / measured_weight).round() as u8
    } else {
        0
    };
    let level = match score {
        0..=29 => RiskLevel::Low,
        30..=59 => RiskLevel::Medium,
        _ => RiskLevel::High,
    };
    Risk {
        level,
        score,
        signals,
        note: NOTE.into(),
    }
}

/// Median reach (or views) of the last 30 days against the 30–120 days before.
fn reach_drop(ctx: &Ctx) -> Measured {
    let recent = ctx.between(30, 0);
    let baseline_posts = ctx.between(120, 30);
    let (Some(now), Some(before)) = (median_audience(&recent), median_audience(&baseline_posts))
    else {
        return unmeasured(
            "needs reach or views for posts in the last 30 days and the 90 days before",
        );
    };
    if recent.iter().filter(|p| p.audience().is_some()).count() < 2 || before <= 0.0 {
        return unmeasured("fewer than 2 posts with reach in the last 30 days");
    }
    let ratio = now / before;
    let low: Vec<&AuditPost> = recent
        .iter()
        .copied()
        .filter(|p| p.audience().is_some_and(|a| (a as f64) < before * 0.5))
        .collect();
    Measured {
        value: Some(ratio),
        value_text: format!("{} of baseline", pct(ratio)),
        triggered: ratio < 0.5,
        severity: (0.8 - ratio) / 0.5,
        posts: ids(&low),
        explanation: format!(
            "Posts of the last 30 days reach a median of {now:.0} accounts against {before:.0} before. A sharp fall with steady posting is the most common sign that content stopped being recommended to non-followers."
        ),
    }
}

fn over_limit(ctx: &Ctx) -> Measured {
    let (over, bound) = hashtags::over_limit(&ctx.window);
    if bound == 0 {
        return unmeasured("no posts since the 5-hashtag limit began (19 December 2025)");
    }
    let share = over.len() as f64 / bound as f64;
    Measured {
        value: Some(share),
        value_text: format!("{} of {} posts", over.len(), bound),
        triggered: !over.is_empty(),
        severity: share * 2.0,
        posts: ids(&over),
        explanation: "Since 19 December 2025 Instagram allows at most 5 hashtags on a post or reel; posts over the limit break its rules.".into(),
    }
}

fn normalized(caption: &str) -> String {
    crate::captions::body(caption)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const REPOST_MARKS: [&str; 6] = [
    "#repost",
    "repost @",
    "reposted from",
    "via @",
    "credit: @",
    "credit @",
];

fn unoriginal(ctx: &Ctx) -> Measured {
    if ctx.window.is_empty() {
        return unmeasured("no posts");
    }
    let mut by_text: HashMap<String, Vec<&AuditPost>> = HashMap::new();
    for p in &ctx.window {
        let text = normalized(&p.caption);
        if text.chars().count() >= 20 {
            by_text.entry(text).or_default().push(p);
        }
    }
    let mut flagged: Vec<&AuditPost> = by_text
        .into_values()
        .filter(|ps| ps.len() > 1)
        .flatten()
        .collect();
    for p in &ctx.window {
        let lower = p.caption.to_lowercase();
        if REPOST_MARKS.iter().any(|m| lower.contains(m)) && !flagged.iter().any(|f| f.id == p.id) {
            flagged.push(p);
        }
    }
    flagged.sort_by_key(|p| p.published_at);
    let share = flagged.len() as f64 / ctx.window.len() as f64;
    Measured {
        value: Some(share),
        value_text: format!("{} of {} posts", flagged.len(), ctx.window.len()),
        triggered: share > 0.1,
        severity: share * 3.0,
        posts: ids(&flagged),
        explanation: "Reposted content (credited to another account) and the same caption posted again are signs of unoriginal content, which Instagram does not recommend to non-followers.".into(),
    }
}

fn generic(ctx: &Ctx) -> Measured {
    let tagged = hashtags::tagged(&ctx.window);
    if tagged.is_empty() {
        return unmeasured("no hashtags used");
    }
    let posts = hashtags::with_generic(&tagged);
    let share = posts.len() as f64 / tagged.len() as f64;
    Measured {
        value: Some(share),
        value_text: pct(share),
        triggered: share > 0.2,
        severity: share,
        posts: ids(&posts),
        explanation: "Tags such as #explore, #viral or #reels do not help reach; they read as spam and take the place of tags that describe the post.".into(),
    }
}

fn repeated(ctx: &Ctx) -> Measured {
    let tagged = hashtags::tagged(&ctx.window);
    if tagged.len() < 3 {
        return unmeasured("fewer than 3 posts with hashtags");
    }
    let (share, posts, set) = match hashtags::most_repeated_set(&tagged) {
        Some((set, ps)) => (ps.len() as f64 / tagged.len() as f64, ids(&ps), set),
        None => (0.0, vec![], vec![]),
    };
    let explanation = if set.is_empty() {
        "Hashtag sets vary from post to post.".to_string()
    } else {
        format!("The same set (#{}) is pasted under {} of tagged posts; copy-paste sets look automated and describe no single post.", set.join(" #"), pct(share))
    };
    Measured {
        value: Some(share),
        value_text: pct(share),
        triggered: share > 0.3,
        severity: share,
        posts,
        explanation,
    }
}

fn bursts(ctx: &Ctx) -> Measured {
    let recent = ctx.between(90, 0);
    if recent.is_empty() {
        return unmeasured("no posts in the last 90 days");
    }
    let mut flagged: Vec<&AuditPost> = Vec::new();
    let mut days = 0;
    let mut i = 0;
    while i < recent.len() {
        let start = recent[i].published_at;
        let run: Vec<&AuditPost> = recent[i..]
            .iter()
            .copied()
            .take_while(|p| p.published_at - start < Duration::hours(24))
            .collect();
        if run.len() >= 4 {
            days += 1;
            flagged.extend(run.iter().copied());
            i += run.len();
        } else {
            i += 1;
        }
    }
    Measured {
        value: Some(days as f64),
        value_text: format!("{days} day(s)"),
        triggered: days > 0,
        severity: days as f64 / 3.0,
        posts: ids(&flagged),
        explanation: "Four or more feed posts within 24 hours look like automation and split the audience's attention; spread posts out instead.".into(),
    }
}

fn comment_ratio(ctx: &Ctx) -> Measured {
    let (likes, comments) = ctx.window.iter().fold((0i64, 0i64), |(l, c), p| {
        (
            l + p.metrics.likes.unwrap_or(0),
            c + p.metrics.comments.unwrap_or(0),
        )
    });
    if likes < 100 {
        return unmeasured("fewer than 100 likes in the analysed posts");
    }
    let ratio = comments as f64 / likes as f64;
    let (triggered, severity, why) = if ratio < 0.005 {
        (
            true,
            (0.005 - ratio) / 0.005,
            "Very few comments for the likes can mean bought likes or an inactive audience.",
        )
    } else if ratio > 0.5 {
        (true, clamp01((ratio - 0.5) / 0.5), "Many more comments than usual for the likes can mean comment pods or giveaways, which Instagram discounts.")
    } else {
        (false, 0.0, "Comments and likes are in a normal proportion.")
    };
    Measured {
        value: Some(ratio),
        value_text: format!("{:.1} comments per 100 likes", ratio * 100.0),
        triggered,
        severity,
        posts: vec![],
        explanation: why.into(),
    }
}

fn follower_spike(ctx: &Ctx) -> Measured {
    let f = &ctx.input.followers;
    if f.len() < 2 {
        return unmeasured("needs at least two follower counts (imports on different days)");
    }
    let mut worst = 0.0f64;
    for w in f.windows(2) {
        let days = (w[1].0 - w[0].0).num_days();
        if days > 0 && days <= 7 && w[0].1 > 0 {
            worst = worst.max((w[1].1 - w[0].1) as f64 / w[0].1 as f64);
        }
    }
    Measured {
        value: Some(worst),
        value_text: format!("{} in a week or less", pct(worst)),
        triggered: worst > 0.1,
        severity: worst / 0.3,
        posts: vec![],
        explanation: "A sudden jump in followers often comes from bought followers or follow-for-follow, which lowers engagement per follower and trust.".into(),
    }
}
