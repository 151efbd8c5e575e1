//! The 30-day recovery roadmap: four dated weeks, each with prioritised actions that follow from
//! the findings, and the KPIs to watch with their targets.
use chrono::{Duration, NaiveDate};

use crate::best_times::WEEKDAYS;
use crate::content_score::cadence;
use crate::context::Ctx;
use crate::report::{
    Action, BestTimes, Finding, Kpi, Roadmap, RoadmapWeek, Signal, TierBenchmark, Verdict,
};

/// Which week a finding's work belongs in.
fn week_of(key: &str) -> usize {
    match key {
        "reach_drop"
        | "unoriginal_content"
        | "hashtags_over_limit"
        | "generic_hashtags"
        | "repeated_hashtag_set"
        | "posting_bursts"
        | "follower_spike"
        | "comment_like_ratio" => 0,
        "format_mix" | "weak_captions" | "engagement_below_benchmark" | "engagement_falling" => 1,
        "low_cadence" | "posting_gaps" => 2,
        _ => 3,
    }
}

const FOCUS: [&str; 4] = [
    "Remove what holds reach back",
    "Make content that travels",
    "Post on a steady rhythm at the best times",
    "Measure and double down",
];

pub fn plan(
    ctx: &Ctx,
    findings: &[Finding],
    best: &BestTimes,
    signals: &[Signal],
    rate: Option<f64>,
    benchmark: Option<&TierBenchmark>,
) -> Roadmap {
    let start: NaiveDate = ctx.local_date(ctx.as_of()) + Duration::days(1);
    let mut actions: [Vec<Action>; 4] = Default::default();
    for f in findings
        .iter()
        .filter(|f| f.severity != crate::report::Severity::Strength)
    {
        actions[week_of(&f.key)].push(Action {
            text: f.recommendation.clone(),
            finding: Some(f.key.clone()),
        });
    }
    if signals.iter().any(|s| s.triggered) {
        actions[0].insert(0, Action { text: "Open Settings → Account Status on the client's phone and note any recommendation warnings.".into(), finding: None });
    }
    let slots: Vec<String> = best
        .top
        .iter()
        .map(|s| format!("{} {:02}:00", WEEKDAYS[s.weekday as usize], s.hour))
        .collect();
    let defaults: [Vec<String>; 4] = [
        vec!["Review the last 10 posts: keep at most 5 relevant hashtags and remove reposted material.".into(), "Write down the three content pillars the client wants to be known for.".into()],
        vec!["Plan next week's posts around the top three posts' topics.".into(), "Draft one reel a week with a hook in its first two seconds.".into()],
        vec![if slots.is_empty() { "Post at the default times (weekdays 09:00, 12:00 and 18:00 local) and note which do best.".into() } else { format!("Schedule posts at the best times found: {}.", slots.join(", ")) }, "Keep at least 2 feed posts a week, every week.".into()],
        vec!["Compare the KPIs below with their baselines and keep what moved them.".into(), "Run a new audit and share the changes with the client.".into()],
    ];
    let mut weeks = Vec::new();
    for (i, mut list) in actions.into_iter().enumerate() {
        for d in &defaults[i] {
            if list.len() >= 4 {
                break;
            }
            if list.len() < 2 || i >= 2 {
                list.push(Action {
                    text: d.clone(),
                    finding: None,
                });
            }
        }
        let first = start + Duration::days(7 * i as i64);
        let last = if i == 3 {
            start + Duration::days(29)
        } else {
            first + Duration::days(6)
        };
        weeks.push(RoadmapWeek {
            week: i as u8 + 1,
            start: first.to_string(),
            end: last.to_string(),
            focus: FOCUS[i].into(),
            actions: list,
        });
    }
    Roadmap {
        start: start.to_string(),
        weeks,
        kpis: kpis(ctx, signals, rate, benchmark),
    }
}

fn kpis(
    ctx: &Ctx,
    signals: &[Signal],
    rate: Option<f64>,
    benchmark: Option<&TierBenchmark>,
) -> Vec<Kpi> {
    let mut out = Vec::new();
    if let Some(r) = rate {
        let target = match benchmark {
            Some(b) if b.verdict == Some(Verdict::Below) => (r * 1.3).min(b.median),
            _ => r * 1.1,
        };
        out.push(Kpi {
            name: "Engagement rate by followers".into(),
            baseline: Some(r),
            target,
            unit: "percent".into(),
        });
    }
    let recent = crate::engagement::median_audience(&ctx.between(30, 0));
    if let Some(now) = recent {
        let before = crate::engagement::median_audience(&ctx.between(120, 30));
        let dropped = signals.iter().any(|s| s.key == "reach_drop" && s.triggered);
        let target = match before {
            Some(b) if dropped => b,
            _ => now * 1.2,
        };
        out.push(Kpi {
            name: "Median reach per post".into(),
            baseline: Some(now),
            target: target.round(),
            unit: "number".into(),
        });
    }
    if let Some((per_week, _)) = cadence(ctx) {
        out.push(Kpi {
            name: "Feed posts per week".into(),
            baseline: Some((per_week * 10.0).round() / 10.0),
            target: per_week.max(3.0).round(),
            unit: "per_week".into(),
        });
    }
    if let Some(s) = signals
        .iter()
        .find(|s| s.key == "hashtags_over_limit" && s.value.is_some())
    {
        out.push(Kpi {
            name: "Posts within the 5-hashtag limit".into(),
            baseline: s.value.map(|v| 1.0 - v),
            target: 1.0,
            unit: "percent".into(),
        });
    }
    out
}
