//! The deterministic growth planner: turns a client's latest audit (when there is one) and a
//! [`PlanRequest`] into a 7, 14 or 30-day [`Plan`] of daily items an agency can schedule — feed
//! posts, stories and one engagement task a day. No I/O, no tauri.
//!
//! - `schedule` — the days, the weekly capacity per ISO week (partial weeks pro-rated) and which
//!   days get posts, spread evenly and phased onto the audit's best weekdays;
//! - `times` — local clock times: the audit's best slots, else defaults (labelled `default`);
//! - `formats` — reels, carousels and images by the audit's format performance or the goal;
//! - `topics` — pillars, topics, and hooks and hashtag sets from `instagrowth_content::draft`;
//! - `briefs` — caption briefs by type and goal, and story ideas;
//! - `tasks` — the daily engagement task (a recovery plan follows the audit's roadmap);
//! - `targets` — weekly targets from the audit's baselines and KPIs;
//! - `notes` — what the user should know about how the plan was made.
//!
//! # Determinism
//! [`plan`] is a pure function of its input and the request's seed; nothing iterates a hash map.
//! Item ids (`d03-p1`, `d03-s2`, `d03-e1`: day offset, slot, type) depend only on positions, and
//! which days get posts does not depend on the seed, so the same request gives the same ids with
//! any seed (they are calendar UIDs).
mod briefs;
mod error;
mod formats;
mod model;
mod notes;
mod schedule;
mod targets;
mod tasks;
mod times;
mod topics;

pub use error::PlanError;
pub use model::{Goal, ItemType, Plan, PlanDay, PlanInput, PlanItem, PlanRequest, WeekTarget};
pub use schedule::{DAY_CHOICES, MAX_POSTS_PER_WEEK, MAX_STORIES_PER_DAY};

use instagrowth_audit::WEEKDAYS;

/// One feed post before it becomes an item.
struct Post {
    day: usize,
    slot: times::Slot,
    kind: ItemType,
    pillar: String,
    topic: String,
}

/// Plans `req.days` days for the client in `input`.
pub fn plan(input: &PlanInput, req: &PlanRequest) -> Result<Plan, PlanError> {
    schedule::validate(req)?;
    let (pillars, pillar_source) = topics::pillars(&req.pillars, input.grounding)?;
    let audit = input.audit;
    let clock = times::Times::new(audit);
    let days = schedule::days(req, &clock.preferred());

    // Feed posts: slots, formats, pillars, topics.
    let mut posts: Vec<Post> = Vec::new();
    for (d, day) in days.iter().enumerate() {
        for slot in clock.posts(day.weekday, day.posts, posts.len()) {
            posts.push(Post {
                day: d,
                slot,
                kind: ItemType::Reel,
                pillar: String::new(),
                topic: String::new(),
            });
        }
    }
    let ranked = formats::ranked(audit);
    let rotation = formats::rotation(&ranked, req.goal);
    let weeks: Vec<(i32, u32)> = posts.iter().map(|p| days[p.day].iso_week()).collect();
    let ideas = topics::topic_ideas(input.grounding, req.seed);
    for (i, (p, kind)) in posts
        .iter_mut()
        .zip(formats::assign(&rotation, &weeks, req.goal))
        .enumerate()
    {
        p.kind = kind;
        p.pillar = pillars[i % pillars.len()].clone();
        p.topic = if ideas.is_empty() {
            p.pillar.to_lowercase()
        } else {
            ideas[i % ideas.len()].clone()
        };
    }
    let post_topics: Vec<String> = posts.iter().map(|p| p.topic.clone()).collect();
    let material = topics::material(input.grounding, &post_topics, req.seed);

    // Recovery with an audit follows its roadmap, week by week.
    let roadmap = match (req.goal, audit) {
        (Goal::Recovery, Some(a)) if !a.roadmap.weeks.is_empty() => Some(a),
        _ => None,
    };

    let mut out_days = Vec::new();
    let mut next_post = 0;
    let mut post_days = 0u32;
    for (d, day) in days.iter().enumerate() {
        let week = day.week();
        let (focus, road_tasks) = match roadmap {
            Some(a) => {
                let (_, tasks) = tasks::roadmap_week(a, week);
                let last = a.roadmap.weeks.len() - 1;
                let focus = a.roadmap.weeks[(week as usize).min(last)].focus.clone();
                (Some(focus), tasks)
            }
            None => (None, Vec::new()),
        };
        let date = day.date.to_string();
        let mut items = Vec::new();
        let first = next_post;
        while next_post < posts.len() && posts[next_post].day == d {
            let p = &posts[next_post];
            let n = next_post - first + 1;
            items.push(PlanItem {
                id: format!("d{:02}-p{n}", day.offset),
                date: date.clone(),
                time: p.slot.hhmm(),
                time_source: p.slot.source.to_string(),
                kind: p.kind,
                pillar: p.pillar.clone(),
                topic: p.topic.clone(),
                hook: material.hooks[next_post].clone(),
                brief: briefs::post(p.kind, req.goal, &p.topic, focus.as_deref()),
                hashtags: material.hashtags[next_post].clone(),
                done: false,
                content_item_id: None,
            });
            next_post += 1;
        }
        let todays = &posts[first..next_post];
        // The day's pillar and topic: its post's, else the next post's, else the rotation.
        let (pillar, topic) = match posts.get(first) {
            Some(p) => (p.pillar.clone(), p.topic.clone()),
            None => {
                let p = pillars[d % pillars.len()].clone();
                let t = p.to_lowercase();
                (p, t)
            }
        };
        for (j, slot) in times::stories(req.stories_per_day).into_iter().enumerate() {
            items.push(PlanItem {
                id: format!("d{:02}-s{}", day.offset, j + 1),
                date: date.clone(),
                time: slot.hhmm(),
                time_source: slot.source.to_string(),
                kind: ItemType::Story,
                pillar: pillar.clone(),
                topic: topic.clone(),
                hook: String::new(),
                brief: briefs::story(day.offset, j as u32, &topic),
                hashtags: Vec::new(),
                done: false,
                content_item_id: None,
            });
        }
        let tag = material
            .hashtags
            .get(first.min(material.hashtags.len().saturating_sub(1)))
            .and_then(|s| s.last())
            .cloned()
            .unwrap_or_default();
        let post_day = (!todays.is_empty()).then_some(post_days);
        post_days += u32::from(!todays.is_empty());
        let task = tasks::task(
            day.offset,
            post_day,
            &tag,
            road_tasks.get((day.offset % 7) as usize),
        );
        let slot = times::engagement(todays.first().map(|p| p.slot));
        items.push(PlanItem {
            id: format!("d{:02}-e1", day.offset),
            date: date.clone(),
            time: slot.hhmm(),
            time_source: slot.source.to_string(),
            kind: ItemType::Engagement,
            pillar,
            topic: task.topic,
            hook: String::new(),
            brief: task.brief,
            hashtags: Vec::new(),
            done: false,
            content_item_id: None,
        });
        items.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.id.cmp(&b.id)));
        out_days.push(PlanDay {
            date,
            weekday: WEEKDAYS[day.weekday].to_string(),
            items,
        });
    }

    let mut per_week = vec![0u32; days.len().div_ceil(7)];
    for p in &posts {
        per_week[days[p.day].week() as usize] += 1;
    }
    let targets = targets::targets(audit, req.start, req.days, &per_week);

    let mut notes = notes::notes(&notes::Facts {
        input,
        req,
        has_times: clock.has_data(),
        defaults_used: posts.iter().any(|p| p.slot.source == times::DEFAULT),
        best_format: ranked.first().copied(),
        pillar_source,
        follows_roadmap: roadmap.is_some(),
    });
    notes.extend(material.notes);

    Ok(Plan {
        start: req.start.to_string(),
        days: out_days,
        targets,
        goal: req.goal,
        posts_per_week: req.posts_per_week,
        stories_per_day: req.stories_per_day,
        pillars,
        notes,
    })
}
