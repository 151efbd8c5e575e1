//! The diagnosis: every problem the audit found, scored by its expected impact, and the 3–5 that
//! matter most. When an account has fewer than three problems, its strengths fill the list.
use crate::content_score::cadence;
use crate::context::Ctx;
use crate::report::{
    ContentScore, EngagementDetail, Finding, Risk, Severity, TierBenchmark, Verdict,
};
use crate::stats::pct;

pub struct Facts<'a> {
    pub rate: Option<f64>,
    pub benchmark: Option<&'a TierBenchmark>,
    pub engagement: &'a EngagementDetail,
    pub content: &'a ContentScore,
    pub risk: &'a Risk,
}

fn finding(
    key: &str,
    title: String,
    severity: Severity,
    impact: f64,
    evidence: Vec<String>,
    recommendation: &str,
    posts: Vec<String>,
) -> Finding {
    Finding {
        key: key.into(),
        title,
        severity,
        impact: impact.round().clamp(0.0, 100.0) as u8,
        evidence,
        recommendation: recommendation.into(),
        posts,
    }
}

pub fn diagnose(ctx: &Ctx, f: &Facts) -> Vec<Finding> {
    let mut problems = Vec::new();
    let mut strengths = Vec::new();

    if let (Some(rate), Some(b)) = (f.rate, f.benchmark) {
        let ev = vec![format!(
            "Engagement rate {} against the {} tier median of {} ({})",
            pct(rate),
            b.tier,
            pct(b.median),
            b.source
        )];
        match b.verdict {
            Some(Verdict::Below) => {
                let gap = 1.0 - rate / b.median;
                let sev = if gap > 0.5 {
                    Severity::Critical
                } else {
                    Severity::Major
                };
                problems.push(finding("engagement_below_benchmark", "Engagement is below accounts of this size".into(), sev, 40.0 + 40.0 * gap, ev, "Post fewer, stronger pieces in the format that performs best, open with a hook, and ask a question people want to answer.", vec![]));
            }
            Some(Verdict::Above) => strengths.push(finding(
                "engagement_above_benchmark",
                "Engagement is above accounts of this size".into(),
                Severity::Strength,
                15.0,
                ev,
                "Keep the content mix that earns it; scale posting frequency carefully.",
                vec![],
            )),
            _ => {}
        }
    }
    if let Some(change) = f.engagement.change.filter(|c| *c < -0.2) {
        let (a, b) = (&f.engagement.last_30_days, &f.engagement.previous_30_days);
        let ev = vec![format!(
            "Engagement rate {} over the last 30 days ({} posts) against {} the 30 days before ({} posts): {} lower",
            a.engagement_rate.map(pct).unwrap_or_default(),
            a.posts,
            b.engagement_rate.map(pct).unwrap_or_default(),
            b.posts,
            pct(-change)
        )];
        problems.push(finding("engagement_falling", "Engagement is falling".into(), Severity::Major, 35.0 + 50.0 * (-change).min(1.0), ev, "Go back to the topics and formats of the best posts of the previous month and drop what stopped working.", vec![]));
    }
    for s in f.risk.signals.iter().filter(|s| s.triggered) {
        let (sev, impact, rec) = match s.key.as_str() {
            "reach_drop" => (Severity::Critical, 85.0, "Check Account Status for recommendation warnings; post only original content for 30 days; no reposts, no watermarked clips, at most 5 relevant hashtags."),
            "unoriginal_content" => (Severity::Critical, 75.0, "Stop reposting others' content and re-posting the same caption; film and write originals."),
            "hashtags_over_limit" => (Severity::Major, 60.0, "Use at most 5 hashtags per post, each describing the post."),
            "follower_spike" => (Severity::Major, 45.0, "Do not buy followers or join follow-for-follow; remove obvious fake followers."),
            "generic_hashtags" => (Severity::Minor, 35.0, "Replace #explore, #viral and the like with tags for the niche and the topic."),
            "repeated_hashtag_set" => (Severity::Minor, 35.0, "Choose hashtags per post; rotate between several sets for different topics."),
            "posting_bursts" => (Severity::Minor, 30.0, "Spread posts out: one feed post a day at most, at the best times."),
            _ => (Severity::Minor, 25.0, "Grow engagement organically: reply to comments and start conversations in captions."),
        };
        let mut ev = vec![format!(
            "{}: {} (threshold: {})",
            s.name, s.value_text, s.threshold_text
        )];
        ev.push(s.explanation.clone());
        problems.push(finding(
            &s.key,
            s.name.clone(),
            sev,
            impact,
            ev,
            rec,
            s.posts.clone(),
        ));
    }
    if f.risk.signals.iter().all(|s| !s.triggered)
        && f.risk.signals.iter().any(|s| s.value.is_some())
    {
        strengths.push(finding(
            "low_risk",
            "No sign of restricted reach".into(),
            Severity::Strength,
            10.0,
            vec![format!("Risk score {} of 100", f.risk.score)],
            "Keep posting original content within Instagram's rules.",
            vec![],
        ));
    }
    if let Some((per_week, gap)) = cadence(ctx) {
        if per_week < 1.5 {
            problems.push(finding("low_cadence", "Not posting often enough".into(), Severity::Major, 30.0 + 40.0 * (1.0 - per_week / 2.0), vec![format!("{per_week:.1} feed posts a week over the last 8 weeks; about 2 a week is the rhythm Instagram suggests")], "Plan at least 2–3 feed posts a week and batch-produce them a week ahead.", vec![]));
        } else if gap > 14 {
            problems.push(finding(
                "posting_gaps",
                "Long silences between posts".into(),
                Severity::Minor,
                30.0,
                vec![format!(
                    "The longest gap in the last 8 weeks was {gap} days"
                )],
                "Keep a small buffer of ready posts so no week goes silent.",
                vec![],
            ));
        } else if per_week >= 2.0 {
            strengths.push(finding(
                "steady_cadence",
                "A steady posting rhythm".into(),
                Severity::Strength,
                8.0,
                vec![format!(
                    "{per_week:.1} feed posts a week; longest gap {gap} days"
                )],
                "Keep the rhythm.",
                vec![],
            ));
        }
    }
    for p in &f.content.parts {
        let Some(score) = p.score else { continue };
        let (key, title, impact, rec) = match p.key.as_str() {
            "format_mix" if score < 60 => ("format_mix", "The best-performing format is under-used", 50.0, "Shift the mix toward the format that performs best for this account, and include reels to reach non-followers."),
            "captions" if score < 60 => ("weak_captions", "Captions do not hook or ask for action", 40.0, "Open every caption with a one-line hook and end with one clear call to action (save, share, comment, DM)."),
            "spread" if score < 50 => ("uneven_results", "Results swing widely from post to post", 25.0, "Study the top quarter of posts and build the next month's topics on them."),
            _ => continue,
        };
        problems.push(finding(
            key,
            title.into(),
            Severity::Minor,
            impact * (1.0 - f64::from(score) / 200.0),
            vec![format!("{}: {} of 100 — {}", p.name, score, p.detail)],
            rec,
            vec![],
        ));
    }

    problems.sort_by(|a, b| b.impact.cmp(&a.impact).then_with(|| a.key.cmp(&b.key)));
    problems.truncate(5);
    strengths.sort_by_key(|f| std::cmp::Reverse(f.impact));
    while problems.len() < 3 && !strengths.is_empty() {
        problems.push(strengths.remove(0));
    }
    problems
}
