//! Crafted accounts and requests for the planner tests (the account builder follows
//! crates/audit/tests/support.rs).
#![allow(dead_code)]
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use instagrowth_audit::{Audit, AuditInput, AuditPost};
use instagrowth_content::Grounding;
use instagrowth_model::{Metrics, PostKind};
use instagrowth_planner::{Goal, Plan, PlanInput, PlanRequest};

/// 2026-11-26 12:00 UTC, a Thursday.
pub fn as_of() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

fn post(id: usize, days_ago: f64, kind: PostKind, likes: i64) -> AuditPost {
    AuditPost {
        id: format!("p{id:03}"),
        kind,
        published_at: as_of() - Duration::minutes((days_ago * 24.0 * 60.0) as i64),
        caption: format!("{} ways to fix dry skin this winter (part {id})\nNumber two changed everything for me. Save this for later!", id % 5 + 2),
        hashtags: [["skincare", "dryskin", "winterskincare"], ["spf", "sunscreen", "skintips"]][id % 2]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        metrics: Metrics {
            likes: Some(likes),
            comments: Some(50),
            reach: Some(3000),
            ..Default::default()
        },
    }
}

/// 24 posts over 84 days, formats in turn (reels do best), on 10,000 followers.
pub fn audit_input() -> AuditInput {
    let posts = (0..24)
        .map(|i| {
            let kind = [PostKind::Reel, PostKind::Carousel, PostKind::Image][i % 3];
            let likes = [650, 450, 350][i % 3];
            post(i, 1.0 + 3.5 * i as f64, kind, likes)
        })
        .collect();
    AuditInput {
        as_of: as_of(),
        time_zone: chrono_tz::Europe::Berlin,
        followers: vec![(as_of().date_naive(), 10_000)],
        following: Some(300),
        posts,
    }
}

pub fn audit() -> Audit {
    instagrowth_audit::run(&audit_input())
}

pub fn grounding() -> Grounding {
    Grounding {
        client_name: "Glow Studio".into(),
        niche: "skincare studio".into(),
        ..Default::default()
    }
}

/// Monday 2026-11-30.
pub fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

pub fn request(days: u32, posts_per_week: u32, stories_per_day: u32) -> PlanRequest {
    PlanRequest {
        start: monday(),
        days,
        goal: Goal::Growth,
        posts_per_week,
        stories_per_day,
        pillars: vec![],
        seed: 7,
    }
}

pub fn input<'a>(audit: Option<&'a Audit>, g: &'a Grounding) -> PlanInput<'a> {
    PlanInput {
        audit,
        grounding: g,
        time_zone: "Europe/Berlin".into(),
    }
}

pub fn plan_of(audit: Option<&Audit>, req: &PlanRequest) -> Plan {
    let g = grounding();
    instagrowth_planner::plan(&input(audit, &g), req).expect("plans")
}
