//! The home overview against real SQLite with the real migrations, anchored on a fixed day.
use chrono::{Duration, NaiveDate};
use instagrowth_api::home::{overview, AttentionKind, AttentionSeverity, HomeOverview};
use instagrowth_api::planner::{self, NewPlan};
use instagrowth_api::{NewClient, Workspace};
use instagrowth_model::{Metrics, ParsedImport, ParsedPost, PostKind, SourceKind};
use instagrowth_planner::Goal;
use instagrowth_store::imports::{self, BatchInfo};
use instagrowth_store::queries::clients as store_clients;
use instagrowth_store::queries::reply_messages::{self, StoredReply};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
}

fn days_ago(n: i64) -> NaiveDate {
    today() - Duration::days(n)
}

/// Adds a client straight to the store (the trial's limit of three active clients is the
/// licence's business, not this test's).
async fn client(ws: &Workspace, name: &str) -> String {
    store_clients::insert(
        ws.store(),
        &NewClient {
            name: name.into(),
            handle: name.to_lowercase(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

/// A post `ago` days before today, at noon UTC.
fn post(ago: i64, kind: PostKind, metrics: Metrics) -> ParsedPost {
    let at = days_ago(ago).and_hms_opt(12, 0, 0).unwrap().and_utc();
    ParsedPost {
        source_key: format!("test:{ago}:{}", kind.as_str()),
        kind,
        published_at: at.timestamp(),
        caption: String::new(),
        hashtags: Vec::new(),
        mentions: Vec::new(),
        media_count: 1,
        duration_secs: None,
        metrics,
        archived: false,
    }
}

fn reach(r: i64) -> Metrics {
    Metrics {
        reach: Some(r),
        likes: Some(10),
        ..Default::default()
    }
}

fn likes(l: i64) -> Metrics {
    Metrics {
        likes: Some(l),
        ..Default::default()
    }
}

/// Imports `posts` for the client as an import made `ago` days before today.
async fn import(ws: &Workspace, client_id: &str, ago: i64, posts: Vec<ParsedPost>) {
    let batch = BatchInfo {
        source: SourceKind::Manual,
        file_names: Vec::new(),
        sha256: String::new(),
        started_at: format!("{}T09:00:00.000Z", days_ago(ago)),
    };
    let parsed = ParsedImport {
        source: Some(SourceKind::Manual),
        posts,
        ..Default::default()
    };
    imports::write(ws.store(), client_id, &batch, &parsed)
        .await
        .unwrap();
}

fn reply(client_id: &str, n: u32, lead_score: i64) -> StoredReply {
    StoredReply {
        id: format!("{client_id}-r{n}"),
        client_id: client_id.into(),
        source: "pasted".into(),
        source_key: format!("k{n}"),
        channel: if n.is_multiple_of(2) { "comment" } else { "dm" }.into(),
        author: format!("person{n}"),
        text: format!("message {n}"),
        received_at: None,
        post: None,
        thread_id: None,
        intent: "question".into(),
        lead_score,
        priority: 1,
        triage: "{}".into(),
        drafts: "[]".into(),
        drafted_by: "offline".into(),
        handled_at: None,
        created_at: "2026-03-30T10:00:00.000Z".into(),
        updated_at: "2026-03-30T10:00:00.000Z".into(),
    }
}

fn reasons_of<'a>(
    o: &'a HomeOverview,
    name: &str,
) -> Vec<(AttentionKind, AttentionSeverity, &'a str)> {
    o.clients
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("{name} is not listed: {o:#?}"))
        .reasons
        .iter()
        .map(|r| (r.kind, r.severity, r.message.as_str()))
        .collect()
}

#[tokio::test]
async fn the_overview_lists_who_needs_what_today() {
    let ws = Workspace::in_memory().await.unwrap();

    // Reach halves: 1,230 a post in the four weeks before, 615 in the last four.
    let falling = client(&ws, "Falling").await;
    let mut rows: Vec<ParsedPost> = [(50, 1200), (45, 1300), (40, 1190), (35, 1230)]
        .into_iter()
        .map(|(ago, r)| post(ago, PostKind::Reel, reach(r)))
        .collect();
    rows.extend(
        [(20, 600), (15, 630), (10, 615), (5, 615)]
            .into_iter()
            .map(|(ago, r)| post(ago, PostKind::Image, reach(r))),
    );
    // A story with a tiny reach is not a post to compare; neither is a post before both windows.
    rows.push(post(3, PostKind::Story, reach(5)));
    rows.push(post(90, PostKind::Image, reach(99_999)));
    import(&ws, &falling, 2, rows).await;

    // Reach 12.5 % lower: not enough to mention.
    let steady = client(&ws, "Steady").await;
    let rows = [
        (50, 800),
        (40, 800),
        (30, 800),
        (20, 700),
        (10, 700),
        (1, 700),
    ]
    .into_iter()
    .map(|(ago, r)| post(ago, PostKind::Carousel, reach(r)))
    .collect();
    import(&ws, &steady, 3, rows).await;

    // No reach known: engagement per post falls 30 % (100 → 70).
    let engaging = client(&ws, "Engaging").await;
    let rows = [(52, 90), (44, 110), (36, 100), (21, 70), (14, 60), (7, 80)]
        .into_iter()
        .map(|(ago, l)| post(ago, PostKind::Image, likes(l)))
        .collect();
    import(&ws, &engaging, 1, rows).await;

    // Last imported 41 days ago.
    let stale = client(&ws, "Stale").await;
    import(&ws, &stale, 41, vec![post(45, PostKind::Image, likes(10))]).await;

    // Nothing imported yet.
    client(&ws, "Newbie").await;

    // Archived: never listed, though it has no data either.
    let archived = client(&ws, "Archived").await;
    store_clients::set_archived(ws.store(), &archived, true)
        .await
        .unwrap();

    // A plan from yesterday: today's items due, one of yesterday's left undone.
    let planned = client(&ws, "Planner").await;
    import(&ws, &planned, 0, vec![post(2, PostKind::Image, likes(5))]).await;
    let plan = planner::create(
        &ws,
        &planned,
        &NewPlan {
            start: Some(days_ago(1).to_string()),
            days: 7,
            goal: Goal::Growth,
            posts_per_week: 7,
            stories_per_day: 2,
            pillars: vec!["Routines".into()],
            name: None,
            offline: Some(true),
        },
    )
    .await
    .unwrap();
    let items_on = |date: NaiveDate| -> Vec<_> {
        plan.plan
            .days
            .iter()
            .flat_map(|d| d.items.iter())
            .filter(|i| i.date == date.to_string())
            .cloned()
            .collect()
    };
    let yesterday_items = items_on(days_ago(1));
    let today_items = items_on(today());
    assert!(yesterday_items.len() >= 2 && today_items.len() >= 3);
    for i in &yesterday_items[1..] {
        planner::set_done(&ws, &plan.id, &i.id, true).await.unwrap();
    }
    planner::set_done(&ws, &plan.id, &today_items[0].id, true)
        .await
        .unwrap();
    let open_today = &today_items[1..];

    // Three messages, one lead handled: two wait, one of them a lead (score ≥ 40).
    let replied = client(&ws, "Replies").await;
    import(&ws, &replied, 0, vec![post(2, PostKind::Image, likes(5))]).await;
    reply_messages::add_all(
        ws.store(),
        &[
            reply(&replied, 1, 80),
            reply(&replied, 2, 45),
            reply(&replied, 3, 10),
        ],
    )
    .await
    .unwrap();
    reply_messages::set_handled(
        ws.store(),
        &format!("{replied}-r1"),
        true,
        "2026-03-31T08:00:00Z",
    )
    .await
    .unwrap();

    let o = overview(&ws, today()).await.unwrap();
    assert_eq!(o.today, "2026-03-31");
    assert_eq!(o.active_clients, 7, "the archived client is not counted");

    // Most severe first, then by name.
    let order: Vec<&str> = o.clients.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        order,
        ["Falling", "Planner", "Engaging", "Newbie", "Replies", "Stale"],
        "{o:#?}"
    );
    assert!(!order.contains(&"Steady"));
    assert!(!order.contains(&"Archived"));

    assert_eq!(
        reasons_of(&o, "Falling"),
        [(
            AttentionKind::ReachFalling,
            AttentionSeverity::High,
            "Reach per post fell 50 % (1,230 → 615) in the last 4 weeks."
        )]
    );
    let falling_row = o.clients.iter().find(|c| c.name == "Falling").unwrap();
    assert_eq!(falling_row.client_id, falling);
    assert_eq!(falling_row.handle, "falling");

    assert_eq!(
        reasons_of(&o, "Engaging"),
        [(
            AttentionKind::ReachFalling,
            AttentionSeverity::Medium,
            "Engagement per post fell 30 % (100 → 70) in the last 4 weeks."
        )]
    );
    assert_eq!(
        reasons_of(&o, "Stale"),
        [(
            AttentionKind::NoRecentImport,
            AttentionSeverity::Medium,
            "No import for 41 days — ask for a fresh export."
        )]
    );
    assert_eq!(
        reasons_of(&o, "Newbie"),
        [(
            AttentionKind::NeverImported,
            AttentionSeverity::Medium,
            "No data yet — import their Instagram export."
        )]
    );
    let due_msg = format!("{} plan items due today, 1 overdue.", open_today.len());
    assert_eq!(
        reasons_of(&o, "Planner"),
        [(
            AttentionKind::PlanItemsDue,
            AttentionSeverity::High,
            due_msg.as_str()
        )]
    );
    assert_eq!(
        reasons_of(&o, "Replies"),
        [(
            AttentionKind::RepliesWaiting,
            AttentionSeverity::Medium,
            "2 comments and DMs waiting for a reply, 1 likely lead."
        )]
    );

    // Today's open items, by time, each pointing at its plan and client.
    let mut expected: Vec<_> = open_today.to_vec();
    expected.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.id.cmp(&b.id)));
    let due: Vec<(&str, Option<&str>)> = o
        .due_today
        .iter()
        .map(|d| (d.item_id.as_str(), d.time.as_deref()))
        .collect();
    let want: Vec<(&str, Option<&str>)> = expected
        .iter()
        .map(|i| (i.id.as_str(), Some(i.time.as_str())))
        .collect();
    assert_eq!(due, want);
    for d in &o.due_today {
        assert_eq!(d.client_id, planned);
        assert_eq!(d.client_name, "Planner");
        assert_eq!(d.plan_id, plan.id);
        assert_eq!(d.date, "2026-03-31");
        assert!(!d.title.is_empty());
    }

    // Once every item is done and every message handled, those two clients drop off.
    for i in open_today.iter().chain(&yesterday_items[..1]) {
        planner::set_done(&ws, &plan.id, &i.id, true).await.unwrap();
    }
    reply_messages::set_handled(
        ws.store(),
        &format!("{replied}-r2"),
        true,
        "2026-03-31T09:00:00Z",
    )
    .await
    .unwrap();
    reply_messages::set_handled(
        ws.store(),
        &format!("{replied}-r3"),
        true,
        "2026-03-31T09:00:00Z",
    )
    .await
    .unwrap();
    let o = overview(&ws, today()).await.unwrap();
    let names: Vec<&str> = o.clients.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Falling", "Engaging", "Newbie", "Stale"]);
    assert!(o.due_today.is_empty());
}

#[tokio::test]
async fn a_single_waiting_message_reads_in_the_singular() {
    let ws = Workspace::in_memory().await.unwrap();
    let id = client(&ws, "Solo").await;
    import(&ws, &id, 0, vec![post(1, PostKind::Image, likes(1))]).await;
    reply_messages::add_all(ws.store(), &[reply(&id, 1, 10)])
        .await
        .unwrap();
    let o = overview(&ws, today()).await.unwrap();
    assert_eq!(
        reasons_of(&o, "Solo"),
        [(
            AttentionKind::RepliesWaiting,
            AttentionSeverity::Medium,
            "1 comment or DM waiting for a reply."
        )]
    );
}

#[tokio::test]
async fn an_empty_workspace_has_nothing_to_show() {
    let ws = Workspace::in_memory().await.unwrap();
    let o = overview(&ws, today()).await.unwrap();
    assert_eq!(o.active_clients, 0);
    assert!(o.clients.is_empty() && o.due_today.is_empty());
}
