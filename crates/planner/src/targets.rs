//! Weekly targets. With an audit: the engagement rate and median reach grow by a steady
//! percentage each week, compounding to the roadmap KPI's target by week four (10 % above the
//! baseline when the roadmap has no such KPI), and held there after; feed posts per week are the
//! plan's own capacity. Without an audit: posts per week only, with no baseline.
use chrono::{Duration, NaiveDate};
use instagrowth_audit::{Audit, Kpi};

use crate::model::WeekTarget;

/// Weeks over which a KPI target is reached (the roadmap's 30 days).
const ROADMAP_WEEKS: i32 = 4;

fn kpi<'a>(audit: &'a Audit, unit: &str, word: &str) -> Option<&'a Kpi> {
    audit
        .roadmap
        .kpis
        .iter()
        .find(|k| k.unit == unit && k.name.to_lowercase().contains(word))
}

/// Week `w` (1-based) on the way from `baseline` to `target`.
fn compounding(baseline: f64, target: f64, w: u32) -> f64 {
    if baseline <= 0.0 || target <= baseline {
        return baseline.max(target);
    }
    let rate = (target / baseline).powf(1.0 / ROADMAP_WEEKS as f64);
    (baseline * rate.powi(w as i32)).min(target)
}

fn round_to(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// `posts` holds the planned feed posts of each plan week (seven days from the start).
pub fn targets(
    audit: Option<&Audit>,
    start: NaiveDate,
    days: u32,
    posts: &[u32],
) -> Vec<WeekTarget> {
    let mut out = Vec::new();
    let rate = audit.and_then(|a| {
        let k = kpi(a, "percent", "engagement rate");
        let base = k.and_then(|k| k.baseline).or(a.engagement_rate)?;
        Some((base, k.map_or(base * 1.1, |k| k.target)))
    });
    let reach = audit.and_then(|a| {
        let k = kpi(a, "number", "reach");
        let base = k
            .and_then(|k| k.baseline)
            .or(a.engagement.last_30_days.median_reach)?;
        Some((base, k.map_or(base * 1.1, |k| k.target)))
    });
    let cadence = audit
        .and_then(|a| kpi(a, "per_week", "posts"))
        .and_then(|k| k.baseline);
    for (i, planned) in posts.iter().enumerate() {
        let w = i as u32 + 1;
        let first = start + Duration::days(7 * i as i64);
        let last = start + Duration::days((7 * w).min(days) as i64 - 1);
        let row = |metric: &str, baseline: Option<f64>, target: f64, unit: &str| WeekTarget {
            week: w,
            start: first.to_string(),
            end: last.to_string(),
            metric: metric.to_string(),
            baseline,
            target,
            unit: unit.to_string(),
        };
        if let Some((b, t)) = rate {
            out.push(row(
                "Engagement rate by followers",
                Some(b),
                round_to(compounding(b, t, w), 5),
                "percent",
            ));
        }
        if let Some((b, t)) = reach {
            out.push(row(
                "Median reach per post",
                Some(b),
                compounding(b, t, w).round(),
                "number",
            ));
        }
        out.push(row(
            "Feed posts per week",
            cadence,
            *planned as f64,
            "per_week",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_to_the_target_by_week_four() {
        let t: Vec<f64> = (1..=5).map(|w| compounding(0.02, 0.03, w)).collect();
        assert!(t.windows(2).all(|w| w[0] <= w[1]));
        assert!((t[3] - 0.03).abs() < 1e-9 && (t[4] - 0.03).abs() < 1e-9);
        assert_eq!(compounding(0.05, 0.04, 2), 0.05);
    }
}
