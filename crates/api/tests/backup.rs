//! Data portability on real SQLite files with the real migrations. The workspace backup: restored
//! into an empty folder it gives the same clients, posts, snapshots, audits, plans, replies,
//! branding and settings — and no licence standing of this computer; a workspace with clients is
//! never overwritten; a file that is not a good backup changes nothing. A client's data export:
//! every table about that client, and nothing about another.
use std::io::Write;

use chrono::{Duration, Utc};
use instagrowth_api::manual::{self, ManualEntry, ManualPost, ManualSnapshot};
use instagrowth_api::planner::{self, NewPlan};
use instagrowth_api::replies::{self, AddRequest, ReplyQuery, ReplySource};
use instagrowth_api::{
    audit, backup, branding, client_export, clients, ClientQuery, ErrorCode, NewClient, Workspace,
};
use instagrowth_model::PostKind;
use instagrowth_planner::Goal;
use instagrowth_replies::Channel;
use instagrowth_store::queries::{posts, settings};

async fn busy_workspace(dir: &std::path::Path) -> Workspace {
    let ws = Workspace::open(dir).await.unwrap();
    for (name, handle) in [("Glow Studio", "glow"), ("Nova Fitness", "nova")] {
        clients::add(
            &ws,
            &NewClient {
                name: name.into(),
                handle: handle.into(),
                niche: "skincare".into(),
                tags: vec!["retainer".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    let today = Utc::now().date_naive();
    let entry = ManualEntry {
        snapshot: Some(ManualSnapshot {
            date: today.to_string(),
            followers: 2_000,
            following: None,
        }),
        posts: (0..6)
            .map(|i| ManualPost {
                date: (today - Duration::days(3 + 7 * i)).to_string(),
                time: Some("18:00".into()),
                kind: PostKind::Reel,
                caption: format!("Glow tip {i} — ¿cuál pruebas primero? ✨"),
                likes: Some(90 + i),
                comments: Some(10),
                saves: None,
                shares: None,
                reach: None,
                views: None,
            })
            .collect(),
    };
    manual::save(&ws, "@glow", &entry).await.unwrap();
    let cancel = instagrowth_ai::CancellationToken::new();
    audit::run(&ws, "@glow", true, &cancel, &|_| {})
        .await
        .unwrap();
    let plan = NewPlan {
        start: Some("2026-12-07".into()),
        days: 7,
        goal: Goal::Growth,
        posts_per_week: 3,
        stories_per_day: 1,
        pillars: vec!["Routines".into()],
        name: None,
        offline: Some(true),
    };
    planner::create(&ws, "@glow", &plan).await.unwrap();
    let add = AddRequest {
        source: ReplySource::Pasted {
            text: "maria: hola! cuánto cuesta el facial?\nsophie: love this so much\n".into(),
            channel: Channel::Comment,
        },
        offline: true,
    };
    replies::add(
        &ws,
        "@glow",
        &add,
        &instagrowth_ai::CancellationToken::new(),
        &|_| {},
    )
    .await
    .unwrap();
    let mut b = branding::get(&ws).await.unwrap();
    b.agency_name = "Bloom Agency".into();
    b.primary_color = "#112233".into();
    branding::set(&ws, &b).await.unwrap();
    settings::set(ws.store(), "license_refusal", r#"{"code":"REVOKED"}"#)
        .await
        .unwrap();
    settings::set(ws.store(), "license_seats_in_use", "2")
        .await
        .unwrap();
    ws
}

async fn everything(ws: &Workspace) -> serde_json::Value {
    let q = ClientQuery {
        archived: instagrowth_api::ArchivedFilter::All,
        ..Default::default()
    };
    let list = clients::list(ws, &q).await.unwrap();
    let glow = list.iter().find(|c| c.handle == "glow").unwrap();
    let stored_posts = posts::list_for_client(ws.store(), &glow.id).await.unwrap();
    let audits = audit::history(ws, "@glow").await.unwrap();
    let audit_doc = audit::get(ws, &audits[0].id).await.unwrap();
    let plans = planner::list(ws, "@glow").await.unwrap();
    let queue = replies::list(ws, "@glow", &ReplyQuery::default())
        .await
        .unwrap();
    let b = branding::get(ws).await.unwrap();
    serde_json::json!({
        "clients": serde_json::to_value(&list).unwrap(),
        "posts": serde_json::to_value(&stored_posts).unwrap(),
        "audits": serde_json::to_value(&audits).unwrap(),
        "audit": serde_json::to_value(&audit_doc).unwrap(),
        "plans": serde_json::to_value(&plans).unwrap(),
        "replies": queue.iter().map(|r| (r.author.clone(), r.drafts.clone())).collect::<Vec<_>>(),
        "branding": serde_json::to_value(&b).unwrap(),
        "trial_started_at": settings::get(ws.store(), "trial_started_at").await.unwrap(),
    })
}

#[tokio::test]
async fn a_backup_restored_into_an_empty_folder_gives_the_same_workspace() {
    let root = tempfile::tempdir().unwrap();
    let ws = busy_workspace(&root.path().join("original")).await;
    instagrowth_api::license::status(&ws).await.unwrap(); // starts the trial clock
    let before = everything(&ws).await;
    let file = root.path().join("agency.igbackup");
    let made = backup::create(&ws, &file).await.unwrap();
    assert_eq!(made.format, backup::FORMAT);
    assert_eq!(made.counts.clients, 2);
    assert_eq!(made.counts.posts, 6);
    assert_eq!(made.counts.audits, 1);
    assert_eq!(made.counts.plans, 1);
    assert_eq!(made.counts.reply_messages, 2);
    assert_eq!(backup::inspect(&file).await.unwrap(), made);

    // The original keeps working while and after it is copied.
    clients::add(
        &ws,
        &NewClient {
            name: "After".into(),
            handle: "after".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let target = root.path().join("restored");
    let restored = backup::restore(&target, &file).await.unwrap();
    assert_eq!(restored, made);
    let ws2 = Workspace::open(&target).await.unwrap();
    assert_eq!(
        everything(&ws2).await,
        before,
        "the same work, byte for byte"
    );
    for key in ["license_refusal", "license_seats_in_use"] {
        assert_eq!(
            settings::get(ws2.store(), key).await.unwrap(),
            None,
            "{key} belongs to the computer, not the work"
        );
    }
    assert!(
        !target.join(instagrowth_api::license::FILE_NAME).exists(),
        "no licence file travels"
    );
    // The restored workspace takes new work.
    clients::add(
        &ws2,
        &NewClient {
            name: "New".into(),
            handle: "new".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_workspace_with_clients_is_never_overwritten_and_bad_files_change_nothing() {
    let root = tempfile::tempdir().unwrap();
    let ws = busy_workspace(&root.path().join("original")).await;
    let file = root.path().join("agency.igbackup");
    backup::create(&ws, &file).await.unwrap();

    // Into a workspace that has clients: refused.
    let other = root.path().join("other");
    let ws_other = Workspace::open(&other).await.unwrap();
    clients::add(
        &ws_other,
        &NewClient {
            name: "Mine".into(),
            handle: "mine".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    ws_other.close().await;
    let e = backup::restore(&other, &file).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("already has 1 client"), "{}", e.message);
    let ws_other = Workspace::open(&other).await.unwrap();
    let mine = clients::list(&ws_other, &ClientQuery::default())
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].handle, "mine");

    // Not a backup, no manifest, a database that does not match its manifest.
    let empty = root.path().join("empty");
    let garbage = root.path().join("garbage.igbackup");
    std::fs::write(&garbage, b"not a zip at all").unwrap();
    let no_manifest = root.path().join("no-manifest.igbackup");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&no_manifest).unwrap());
        z.start_file("workspace.db", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"SQLite format 3\0").unwrap();
        z.finish().unwrap();
    }
    let tampered = root.path().join("tampered.igbackup");
    {
        let mut src = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
        let mut manifest: serde_json::Value =
            serde_json::from_reader(src.by_name("manifest.json").unwrap()).unwrap();
        manifest["counts"]["clients"] = 7.into();
        let mut z = zip::ZipWriter::new(std::fs::File::create(&tampered).unwrap());
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("manifest.json", o).unwrap();
        z.write_all(manifest.to_string().as_bytes()).unwrap();
        z.raw_copy_file(src.by_name("workspace.db").unwrap())
            .unwrap();
        z.finish().unwrap();
    }
    for (bad, why) in [
        (&garbage, "not a backup file"),
        (&no_manifest, "no manifest"),
        (&tampered, "does not match its manifest"),
    ] {
        let e = backup::restore(&empty, bad).await.unwrap_err();
        assert!(e.message.contains(why), "{}: {}", bad.display(), e.message);
        assert!(e.message.contains("nothing was changed"), "{}", e.message);
        assert!(
            !empty.join(instagrowth_store::DB_FILE_NAME).exists(),
            "no database was made"
        );
        // Only the workspace lock a restore takes may be left (it is never removed: see
        // `workspace_lock`).
        let leftovers: Vec<_> = std::fs::read_dir(&empty)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name())
                    .filter(|n| n != instagrowth_api::workspace_lock::LOCK_FILE_NAME)
                    .collect()
            })
            .unwrap_or_default();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    // A backup from a newer version: refused before anything is unpacked.
    let newer = root.path().join("newer.igbackup");
    {
        let mut src = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
        let mut manifest: serde_json::Value =
            serde_json::from_reader(src.by_name("manifest.json").unwrap()).unwrap();
        manifest["schema_version"] = (instagrowth_store::Store::known_schema_version() + 1).into();
        let mut z = zip::ZipWriter::new(std::fs::File::create(&newer).unwrap());
        z.start_file("manifest.json", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(manifest.to_string().as_bytes()).unwrap();
        z.raw_copy_file(src.by_name("workspace.db").unwrap())
            .unwrap();
        z.finish().unwrap();
    }
    let e = backup::restore(&empty, &newer).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::SchemaTooNew);
}

fn unzip(path: &std::path::Path) -> std::collections::BTreeMap<String, serde_json::Value> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut f, &mut text).unwrap();
        let v = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
        out.insert(f.name().to_string(), v);
    }
    out
}

#[tokio::test]
async fn a_clients_data_export_holds_every_table_about_them_and_nothing_else() {
    let root = tempfile::tempdir().unwrap();
    let ws = busy_workspace(&root.path().join("ws")).await;
    let glow = clients::show(&ws, "@glow").await.unwrap();
    let file = root.path().join("glow.zip");
    let done = client_export::export(&ws, "@glow", &file).await.unwrap();
    assert_eq!(done.handle, "glow");
    let files = unzip(&file);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    for expected in [
        "README.txt",
        "audits.json",
        "client.json",
        "client_tags.json",
        "clients.json",
        "follower_snapshots.json",
        "import_batches.json",
        "plans.json",
        "posts.json",
        "reply_messages.json",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    assert_eq!(files["client.json"]["handle"], "glow");
    assert_eq!(files["posts.json"].as_array().unwrap().len(), 6);
    assert_eq!(files["reply_messages.json"].as_array().unwrap().len(), 2);
    // JSON kept as text (the audit document) is embedded as JSON.
    let audit_row = &files["audits.json"][0];
    assert!(
        audit_row
            .as_object()
            .unwrap()
            .values()
            .any(|v| v.is_object()),
        "{audit_row}"
    );
    // Nothing about another client, and no settings or prices of the agency.
    for (name, value) in &files {
        if let Some(rows) = value.as_array() {
            for row in rows {
                if let Some(id) = row.get("client_id") {
                    assert_eq!(id, &serde_json::json!(glow.id), "{name}");
                }
            }
        }
        assert!(
            !name.starts_with("settings") && !name.starts_with("ai_prices"),
            "{name}"
        );
    }
    let text = serde_json::to_string(&files).unwrap();
    assert!(
        !text.contains("Nova Fitness"),
        "another client's data leaked"
    );

    let nova = client_export::export(&ws, "@nova", &root.path().join("nova.zip"))
        .await
        .unwrap();
    let tables: Vec<&str> = nova.tables.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        tables,
        ["client_tags", "clients"],
        "nova has only a profile and a tag"
    );
    let e = client_export::export(&ws, "@nobody", &root.path().join("x.zip"))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(!root.path().join("x.zip").exists());
}
