//! The planner end to end: days, capacity, times, hashtags, determinism, recovery, errors, JSON.
mod support;

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use instagrowth_planner::{plan, Goal, ItemType, Plan, PlanError};
use support::*;

fn feed(p: &Plan) -> impl Iterator<Item = &instagrowth_planner::PlanItem> {
    p.days
        .iter()
        .flat_map(|d| &d.items)
        .filter(|i| i.kind.is_feed())
}

#[test]
fn exactly_the_asked_days_and_nothing_before_start() {
    let a = audit();
    for days in [7, 14, 30] {
        for start in [monday(), monday() + Duration::days(2)] {
            for audit in [None, Some(&a)] {
                let mut req = request(days, 3, 1);
                req.start = start;
                let p = plan_of(audit, &req);
                assert_eq!(p.days.len(), days as usize);
                assert_eq!(p.start, start.to_string());
                for (k, d) in p.days.iter().enumerate() {
                    let date = start + Duration::days(k as i64);
                    assert_eq!(d.date, date.to_string());
                    assert_eq!(d.weekday, format!("{}", date.format("%A")));
                    for i in &d.items {
                        assert_eq!(i.date, d.date);
                        assert!(NaiveDate::parse_from_str(&i.date, "%Y-%m-%d").unwrap() >= start);
                        assert!(!i.done && i.content_item_id.is_none());
                    }
                    let times: Vec<&str> = d.items.iter().map(|i| i.time.as_str()).collect();
                    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
                }
            }
        }
    }
}

#[test]
fn capacity_holds_in_every_iso_week() {
    let a = audit();
    for ppw in [1, 3, 5, 7, 10] {
        for stories in [0, 2] {
            for offset in [0, 3] {
                for audit in [None, Some(&a)] {
                    let mut req = request(30, ppw, stories);
                    req.start = monday() + Duration::days(offset);
                    let p = plan_of(audit, &req);
                    let mut weeks: BTreeMap<(i32, u32), u32> = BTreeMap::new();
                    for d in &p.days {
                        let date = NaiveDate::parse_from_str(&d.date, "%Y-%m-%d").unwrap();
                        let w = date.iso_week();
                        let posts = d.items.iter().filter(|i| i.kind.is_feed()).count() as u32;
                        *weeks.entry((w.year(), w.week())).or_default() += posts;
                        assert!(
                            posts <= if ppw > 7 { 2 } else { 1 },
                            "{ppw}: {posts} on {}",
                            d.date
                        );
                        let count = |k| d.items.iter().filter(|i| i.kind == k).count() as u32;
                        assert_eq!(count(ItemType::Story), stories);
                        assert_eq!(count(ItemType::Engagement), 1);
                    }
                    assert!(weeks.values().all(|n| *n <= ppw), "{ppw}: {weeks:?}");
                    // Full weeks get the full capacity.
                    let full = weeks.len() - 2;
                    assert!(weeks.values().filter(|n| **n == ppw).count() >= full);
                    let total = feed(&p).count() as u32;
                    assert!(total >= ppw * 4, "{ppw}: {total}");
                    if ppw == 3 {
                        let days: Vec<bool> = p
                            .days
                            .iter()
                            .map(|d| d.items.iter().any(|i| i.kind.is_feed()))
                            .collect();
                        assert!(
                            days.windows(2).all(|w| !(w[0] && w[1])),
                            "adjacent post days"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn times_come_from_the_audits_best_slots() {
    let a = audit();
    let best = &a.best_times;
    assert!(!best.top.is_empty(), "the crafted account has top slots");
    let p = plan_of(Some(&a), &request(30, 3, 2));
    let mut on_top = 0;
    for d in &p.days {
        let weekday = NaiveDate::parse_from_str(&d.date, "%Y-%m-%d")
            .unwrap()
            .weekday()
            .num_days_from_monday() as u8;
        let tops: Vec<String> = best
            .top
            .iter()
            .filter(|s| s.weekday == weekday)
            .map(|s| format!("{:02}:00", s.hour))
            .collect();
        for i in d.items.iter().filter(|i| i.kind.is_feed()) {
            if !tops.is_empty() {
                assert!(
                    tops.contains(&i.time),
                    "{} {} not in {tops:?}",
                    d.date,
                    i.time
                );
                assert_eq!(i.time_source, "best_times");
                on_top += 1;
            } else if i.time_source == "best_times" {
                let hour: usize = i.time[..2].parse().unwrap();
                assert!(
                    best.counts[weekday as usize][hour] >= 1,
                    "{} {}",
                    d.date,
                    i.time
                );
            } else {
                assert_eq!(i.time_source, "default");
                assert!(best.counts[weekday as usize].iter().all(|c| *c == 0));
            }
        }
    }
    assert!(
        on_top >= 4,
        "posts land on the top slots' weekdays ({on_top})"
    );
}

#[test]
fn without_an_audit_times_are_labelled_defaults() {
    let p = plan_of(None, &request(14, 5, 1));
    for i in feed(&p) {
        assert_eq!(i.time_source, "default");
        assert!(
            ["09:00", "12:00", "18:00", "10:00", "16:00"].contains(&i.time.as_str()),
            "{}",
            i.time
        );
    }
    assert!(
        p.notes.iter().any(|n| n.contains("default times")),
        "{:?}",
        p.notes
    );
    assert!(p
        .targets
        .iter()
        .all(|t| t.baseline.is_none() && t.unit == "per_week"));
    assert_eq!(p.targets.len(), 2);
}

#[test]
fn hashtags_hooks_and_briefs_keep_the_rules() {
    let a = audit();
    for goal in [Goal::Growth, Goal::Engagement, Goal::Leads, Goal::Recovery] {
        let mut req = request(30, 7, 2);
        req.goal = goal;
        let p = plan_of(Some(&a), &req);
        let posts: Vec<_> = feed(&p).collect();
        for i in &posts {
            assert!(
                i.hashtags.len() <= 5 && !i.hashtags.is_empty(),
                "{:?}",
                i.hashtags
            );
            instagrowth_content::check_hashtag_set(&i.hashtags).unwrap();
            assert!(!i.hook.is_empty() && !i.topic.is_empty() && !i.pillar.is_empty());
            assert!(!i.brief.is_empty());
            match goal {
                Goal::Leads => assert!(i.brief.contains("DM us"), "{}", i.brief),
                Goal::Engagement => assert!(i.brief.contains('?'), "{}", i.brief),
                Goal::Recovery => assert!(i.brief.contains("Original content only")),
                Goal::Growth => {}
            }
        }
        assert!(
            posts.windows(2).all(|w| w[0].hashtags != w[1].hashtags),
            "consecutive sets differ"
        );
        for i in p
            .days
            .iter()
            .flat_map(|d| &d.items)
            .filter(|i| !i.kind.is_feed())
        {
            assert!(i.hashtags.is_empty() && i.hook.is_empty() && !i.brief.is_empty());
        }
        if matches!(goal, Goal::Growth | Goal::Recovery) {
            let mut weeks: BTreeMap<(i32, u32), bool> = BTreeMap::new();
            for i in &posts {
                let w = NaiveDate::parse_from_str(&i.date, "%Y-%m-%d")
                    .unwrap()
                    .iso_week();
                *weeks.entry((w.year(), w.week())).or_default() |= i.kind == ItemType::Reel;
            }
            assert!(weeks.values().all(|r| *r), "a reel every week: {weeks:?}");
        }
    }
}

#[test]
fn pillars_rotate_from_the_request_else_the_niche() {
    let mut req = request(14, 4, 0);
    req.pillars = vec!["Tips".into(), "Results".into()];
    let p = plan_of(None, &req);
    let pillars: Vec<&str> = feed(&p).map(|i| i.pillar.as_str()).collect();
    assert_eq!(&pillars[..4], ["Tips", "Results", "Tips", "Results"]);
    let p = plan_of(None, &request(14, 4, 0));
    let niche = instagrowth_content::niche_info("beauty").unwrap();
    assert_eq!(p.pillars, niche.pillars);
}

#[test]
fn deterministic_per_seed_and_ids_stable_across_seeds() {
    let a = audit();
    let req = request(30, 5, 2);
    assert_eq!(plan_of(Some(&a), &req), plan_of(Some(&a), &req));
    let mut other = req.clone();
    other.seed = 99;
    let (x, y) = (plan_of(Some(&a), &req), plan_of(Some(&a), &other));
    let ids = |p: &Plan| -> Vec<String> {
        p.days
            .iter()
            .flat_map(|d| d.items.iter().map(|i| i.id.clone()))
            .collect()
    };
    assert_eq!(ids(&x), ids(&y));
    assert_ne!(x, y, "another seed drafts other content");
    let all = ids(&x);
    let unique: std::collections::BTreeSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "ids are unique");
    assert!(all.contains(&"d00-e1".to_string()) && all.contains(&"d29-s2".to_string()));
}

#[test]
fn recovery_with_an_audit_follows_the_roadmap() {
    let a = audit();
    let mut req = request(30, 3, 1);
    req.goal = Goal::Recovery;
    let p = plan_of(Some(&a), &req);
    assert!(
        p.notes.iter().any(|n| n.contains("30-day roadmap")),
        "{:?}",
        p.notes
    );
    let first_action = &a.roadmap.weeks[0].actions[0].text;
    let tasks: Vec<&str> = p.days[..7]
        .iter()
        .flat_map(|d| &d.items)
        .filter(|i| i.kind == ItemType::Engagement)
        .map(|i| i.brief.as_str())
        .collect();
    assert!(tasks.contains(&first_action.as_str()), "{tasks:?}");
    assert!(feed(&p).all(|i| i.brief.contains("This week's focus")));
    // Targets compound towards the roadmap's KPIs.
    let rate: Vec<f64> = p
        .targets
        .iter()
        .filter(|t| t.unit == "percent")
        .map(|t| t.target)
        .collect();
    assert_eq!(rate.len(), 5);
    assert!(rate.windows(2).all(|w| w[0] <= w[1]));
    let kpi = a.roadmap.kpis.iter().find(|k| k.unit == "percent").unwrap();
    assert!(
        (rate[3] - kpi.target).abs() < 1e-4,
        "{rate:?} → {}",
        kpi.target
    );
    assert!(p.targets.iter().any(|t| t.unit == "number"));

    let no_audit = plan_of(None, &req);
    assert!(!no_audit
        .notes
        .iter()
        .any(|n| n.contains("follows the audit's 30-day roadmap")));
}

#[test]
fn bad_requests_are_refused() {
    let g = grounding();
    let inp = input(None, &g);
    let mut req = request(10, 3, 1);
    assert_eq!(plan(&inp, &req), Err(PlanError::BadDays(10)));
    req.days = 7;
    req.posts_per_week = 0;
    assert_eq!(plan(&inp, &req), Err(PlanError::BadPostsPerWeek(0)));
    req.posts_per_week = 15;
    assert_eq!(plan(&inp, &req), Err(PlanError::BadPostsPerWeek(15)));
    req.posts_per_week = 3;
    req.stories_per_day = 11;
    assert_eq!(plan(&inp, &req), Err(PlanError::BadStoriesPerDay(11)));
    req.stories_per_day = 1;
    req.pillars = vec!["  ".into()];
    assert_eq!(plan(&inp, &req).unwrap_err().code(), "empty_pillar");
}

#[test]
fn json_has_the_documented_shape() {
    let p = plan_of(Some(&audit()), &request(7, 3, 1));
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["start"], "2026-11-30");
    let item = &v["days"][0]["items"][0];
    for key in [
        "type",
        "time",
        "topic",
        "id",
        "date",
        "time_source",
        "hook",
        "brief",
        "hashtags",
        "done",
        "content_item_id",
    ] {
        assert!(item.get(key).is_some(), "{key} in {item}");
    }
    assert!(v["days"][0]["date"].is_string() && v["targets"].is_array());
    assert_eq!(v["goal"], "growth");
    let back: Plan = serde_json::from_value(v).unwrap();
    assert_eq!(back, p);
    let decl = <instagrowth_planner::PlanItem as ts_rs::TS>::decl(&ts_rs::Config::default());
    assert!(decl.contains("type: ItemType"), "{decl}");
    let schema = serde_json::to_string(&schemars::schema_for!(Plan)).unwrap();
    assert!(schema.contains("\"time_source\""));
}

#[test]
fn unknown_niche_without_tags_still_plans_and_says_why() {
    let g = instagrowth_content::Grounding {
        niche: "underwater basket weaving".into(),
        ..Default::default()
    };
    let p = plan(&input(None, &g), &request(7, 3, 0)).unwrap();
    assert_eq!(feed(&p).count(), 3);
    assert!(feed(&p).all(|i| !i.hook.is_empty()));
    assert!(
        p.notes.iter().any(|n| n.contains("hashtag")),
        "{:?}",
        p.notes
    );
}
