//! Plans through the API: made from the client's data, stored (one active), edited, and
//! exported — the ICS read back by an independent parser (`ical`), with UIDs that survive a
//! regenerated plan.
mod common;

use instagrowth_api::planner::{self, NewPlan};
use instagrowth_api::ErrorCode;
use instagrowth_planner::Goal;

fn req(days: u32, start: &str) -> NewPlan {
    NewPlan {
        start: Some(start.into()),
        days,
        goal: Goal::Growth,
        posts_per_week: 3,
        stories_per_day: 1,
        pillars: vec!["Routines".into(), "Ingredients".into()],
        name: None,
        offline: None,
    }
}

fn events(ics: &str) -> Vec<(String, String)> {
    let parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = parser
        .into_iter()
        .next()
        .expect("one calendar")
        .expect("the ICS parses");
    cal.events
        .iter()
        .map(|e| {
            let prop = |name: &str| {
                e.properties
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_default()
            };
            (prop("UID"), prop("DTSTART"))
        })
        .collect()
}

#[tokio::test]
async fn a_plan_is_stored_active_edited_and_exported() {
    let ws = common::workspace_with_glow().await;
    let p = planner::create(&ws, "@glow", &req(14, "2026-12-07"))
        .await
        .unwrap();
    assert!(p.active);
    assert_eq!(p.plan.days.len(), 14);
    assert_eq!(p.plan.days[0].date, "2026-12-07");
    let items: Vec<_> = p.plan.days.iter().flat_map(|d| d.items.iter()).collect();
    assert!(items.iter().all(|i| i.date.as_str() >= "2026-12-07"));

    // ICS: one event per item, parsed by an independent parser, UTC instants, stable UIDs.
    let ics = planner::plan_ics(&p, "Europe/Berlin", "Glow").unwrap();
    let evs = events(&ics);
    assert_eq!(evs.len(), items.len());
    assert!(evs
        .iter()
        .all(|(uid, start)| uid.starts_with(&p.client_id) && start.ends_with('Z')));
    let first = items.iter().find(|i| !i.time.is_empty()).unwrap();
    let (h, m) = first.time.split_once(':').unwrap();
    let utc_hour = (h.parse::<i32>().unwrap() - 1).rem_euclid(24); // Berlin is UTC+1 in December
    assert!(
        evs.iter()
            .any(|(_, s)| s.contains(&format!("T{utc_hour:02}{m}00Z"))),
        "{first:?} not at its local time: {evs:?}"
    );

    // Moving an item keeps its UID; the ICS moves the event.
    let target = p.plan.days[5].date.clone();
    let moved = planner::move_item(&ws, &p.id, &first.id, &target)
        .await
        .unwrap();
    assert!(moved.plan.days[5]
        .items
        .iter()
        .any(|i| i.id == first.id && i.date == target));
    let ics2 = planner::plan_ics(&moved, "Europe/Berlin", "Glow").unwrap();
    let uid = planner::uid(&p, &first.id);
    assert_eq!(events(&ics2).iter().filter(|(u, _)| *u == uid).count(), 1);
    assert_eq!(
        planner::move_item(&ws, &p.id, &first.id, "2030-01-01")
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("date")
    );

    let done = planner::set_done(&ws, &p.id, &first.id, true)
        .await
        .unwrap();
    assert!(done
        .plan
        .days
        .iter()
        .flat_map(|d| &d.items)
        .any(|i| i.id == first.id && i.done));

    // CSV has one row per item.
    let csv = planner::plan_csv(&done).unwrap();
    assert_eq!(
        String::from_utf8(csv).unwrap().lines().count(),
        items.len() + 1
    );
    // The PDF renders.
    assert!(planner::plan_pdf(&ws, &done)
        .await
        .unwrap()
        .starts_with(b"%PDF"));

    // A second plan becomes active; the first stays listed.
    let second = planner::create(&ws, "@glow", &req(7, "2026-12-21"))
        .await
        .unwrap();
    let all = planner::list(&ws, "@glow").await.unwrap();
    assert_eq!(
        all.iter()
            .filter(|x| x.active)
            .map(|x| x.id.as_str())
            .collect::<Vec<_>>(),
        [second.id.as_str()]
    );
    planner::activate(&ws, &p.id).await.unwrap();
    assert!(planner::get(&ws, &p.id).await.unwrap().active);
    assert!(!planner::get(&ws, &second.id).await.unwrap().active);
}

#[tokio::test]
async fn a_regenerated_plan_keeps_its_item_ids() {
    let ws = common::workspace_with_glow().await;
    let a = planner::create(&ws, "@glow", &req(7, "2026-12-07"))
        .await
        .unwrap();
    let b = planner::create(&ws, "@glow", &req(7, "2026-12-07"))
        .await
        .unwrap();
    let ids = |p: &planner::StoredPlan| {
        p.plan
            .days
            .iter()
            .flat_map(|d| d.items.iter().map(|i| i.id.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    // The calendar UIDs survive regeneration, so re-importing updates instead of duplicating.
    let uids = |p: &planner::StoredPlan| {
        events(&planner::plan_ics(p, "UTC", "Glow").unwrap())
            .into_iter()
            .map(|(u, _)| u)
            .collect::<Vec<_>>()
    };
    assert_ne!(a.id, b.id);
    assert_eq!(uids(&a), uids(&b));
}

#[tokio::test]
async fn bad_requests_change_nothing() {
    let ws = common::workspace_with_glow().await;
    assert_eq!(
        planner::create(&ws, "@glow", &req(10, "2026-12-07"))
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("days")
    );
    let mut r = req(7, "2026-12-07");
    r.posts_per_week = 0;
    assert_eq!(
        planner::create(&ws, "@glow", &r).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert_eq!(
        planner::create(&ws, "@glow", &req(7, "07/12/2026"))
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("start")
    );
    assert!(planner::list(&ws, "@glow").await.unwrap().is_empty());
}

#[tokio::test]
async fn with_a_provider_the_model_refines_topics_hooks_and_briefs_only() {
    use instagrowth_ai::{Preset, ProviderSettings};
    use instagrowth_fake_openai::{FakeOpenAi, Script};
    let server = FakeOpenAi::start();
    let ws = common::workspace_with_glow().await;
    instagrowth_api::ai::configure(
        &ws,
        ProviderSettings {
            preset: Preset::Custom,
            base_url: server.base_url(),
            model: "gpt-4o-mini".into(),
            extra_headers: vec![],
        },
    )
    .await
    .unwrap();
    let offline = planner::create(
        &ws,
        "@glow",
        &NewPlan {
            offline: Some(true),
            ..req(7, "2026-12-07")
        },
    )
    .await
    .unwrap();
    let feed: Vec<_> = offline
        .plan
        .days
        .iter()
        .flat_map(|d| &d.items)
        .filter(|i| i.kind.is_feed())
        .cloned()
        .collect();
    let answer = serde_json::json!({"items": [{"id": feed[0].id, "topic": "Night routine for dry winter skin", "hook": "Your night routine is missing one step", "brief": "Show the step, then ask which step they skip."}]});
    server.push(Script::reply(answer.to_string()));
    let refined = planner::create(&ws, "@glow", &req(7, "2026-12-07"))
        .await
        .unwrap();
    assert_eq!(refined.source, "ai");
    let item = refined
        .plan
        .days
        .iter()
        .flat_map(|d| &d.items)
        .find(|i| i.id == feed[0].id)
        .unwrap();
    assert_eq!(item.hook, "Your night routine is missing one step");
    assert_eq!(
        (item.time.as_str(), item.kind, &item.hashtags),
        (feed[0].time.as_str(), feed[0].kind, &feed[0].hashtags),
        "the schedule stays the planner's"
    );
    let prompt = server.requests()[0].body["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(prompt.contains(&format!("id {}", feed[0].id)), "{prompt}");
}

#[tokio::test]
async fn items_are_edited_and_linked_to_the_content_library() {
    use instagrowth_api::content;
    use instagrowth_content::{Formula, Hook, Item};
    let ws = common::workspace_with_glow().await;
    let p = planner::create(&ws, "@glow", &req(7, "2026-12-07"))
        .await
        .unwrap();
    let item = p
        .plan
        .days
        .iter()
        .flat_map(|d| &d.items)
        .find(|i| i.kind.is_feed())
        .unwrap()
        .clone();
    let saved = content::save(
        &ws,
        "@glow",
        &Item::Hook(Hook {
            text: "The step you skip at night".into(),
            formula: Formula::Mistake,
        }),
        "manual",
        "",
    )
    .await
    .unwrap();
    let patch = planner::PlanItemPatch {
        time: Some("07:30".into()),
        hook: Some("The step you skip at night".into()),
        content_item_id: Some(saved.id.clone()),
        ..Default::default()
    };
    let edited = planner::update_item(&ws, &p.id, &item.id, &patch)
        .await
        .unwrap();
    let now = edited
        .plan
        .days
        .iter()
        .flat_map(|d| &d.items)
        .find(|i| i.id == item.id)
        .unwrap();
    assert_eq!(
        (
            now.time.as_str(),
            now.time_source.as_str(),
            now.hook.as_str()
        ),
        ("07:30", "manual", "The step you skip at night")
    );
    assert_eq!(now.content_item_id.as_deref(), Some(saved.id.as_str()));
    let bad = |patch: planner::PlanItemPatch| {
        let (ws, pid, iid) = (&ws, p.id.clone(), item.id.clone());
        async move {
            planner::update_item(ws, &pid, &iid, &patch)
                .await
                .unwrap_err()
                .field
        }
    };
    assert_eq!(
        bad(planner::PlanItemPatch {
            time: Some("7pm".into()),
            ..Default::default()
        })
        .await
        .as_deref(),
        Some("time")
    );
    assert_eq!(
        bad(planner::PlanItemPatch {
            hashtags: Some(vec!["#a".into(), "#explore".into()]),
            ..Default::default()
        })
        .await
        .as_deref(),
        Some("hashtags")
    );
    assert_eq!(
        bad(planner::PlanItemPatch {
            content_item_id: Some("nope".into()),
            ..Default::default()
        })
        .await
        .as_deref(),
        Some("content_item_id")
    );
    let unlinked = planner::update_item(
        &ws,
        &p.id,
        &item.id,
        &planner::PlanItemPatch {
            content_item_id: Some(String::new()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(unlinked
        .plan
        .days
        .iter()
        .flat_map(|d| &d.items)
        .find(|i| i.id == item.id)
        .unwrap()
        .content_item_id
        .is_none());
}
