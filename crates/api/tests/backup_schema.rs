//! A restore trusts nothing in the backup's database beyond the app's own schema: a crafted
//! backup bringing a trigger, a view, a changed table or an unknown migration is refused, naming
//! the object, and nothing changes. A client's data export builds its SQL from the app's own
//! schema, so a table or column crafted into a workspace database changes nothing in it (and
//! injects nothing). Real SQLite files with the real migrations.
mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use instagrowth_api::{backup, client_export, clients, ErrorCode, NewClient, Workspace};
use sqlx::{Connection, Executor};

async fn workspace(dir: &Path) -> Workspace {
    let ws = Workspace::open(dir).await.unwrap();
    for (name, handle) in [("Glow Studio", "glow"), ("Nova Fitness", "nova")] {
        clients::add(
            &ws,
            &NewClient {
                name: name.into(),
                handle: handle.into(),
                tags: vec!["retainer".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    ws
}

/// `file` with `sql` run on its database, under the same manifest.
async fn crafted(file: &Path, root: &Path, name: &str, sql: &str) -> PathBuf {
    let db = root.join(format!("{name}.db"));
    let mut conn = common::backup_database(file, &db).await;
    conn.execute(sqlx::AssertSqlSafe(sql.to_string()))
        .await
        .unwrap();
    conn.close().await.unwrap();
    let out = root.join(format!("{name}.igbackup"));
    let mut z = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
    let o = zip::write::SimpleFileOptions::default();
    let mut src = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    z.raw_copy_file(src.by_name("manifest.json").unwrap())
        .unwrap();
    z.start_file("workspace.db", o).unwrap();
    z.write_all(&std::fs::read(&db).unwrap()).unwrap();
    z.finish().unwrap();
    out
}

#[tokio::test]
async fn a_backup_bringing_its_own_trigger_view_or_table_is_refused_naming_it() {
    let root = tempfile::tempdir().unwrap();
    let ws = workspace(&root.path().join("original")).await;
    let file = root.path().join("agency.igbackup");
    backup::create(&ws, &file).await.unwrap();
    ws.close().await;

    let cases = [
        (
            "trigger",
            "CREATE TRIGGER wipe_posts AFTER INSERT ON clients BEGIN DELETE FROM posts; END",
            "trigger wipe_posts",
        ),
        (
            "view",
            "CREATE VIEW every_setting AS SELECT key, value FROM settings",
            "view every_setting",
        ),
        (
            "changed_table",
            "ALTER TABLE clients ADD COLUMN note_to_attacker TEXT",
            "table clients",
        ),
        (
            "extra_table",
            "CREATE TABLE extra (id TEXT)",
            "table extra",
        ),
        (
            "migration",
            "UPDATE _sqlx_migrations SET checksum = X'00' WHERE version = (SELECT MIN(version) FROM _sqlx_migrations)",
            "migration",
        ),
    ];
    for (name, sql, named) in cases {
        let bad = crafted(&file, root.path(), name, sql).await;
        let target = root.path().join(format!("into-{name}"));
        let e = backup::restore(&target, &bad).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{name}: {}", e.message);
        assert!(e.message.contains(named), "{name}: {}", e.message);
        assert!(e.message.contains("nothing was changed"), "{}", e.message);
        assert!(
            !target.join(instagrowth_store::DB_FILE_NAME).exists(),
            "{name}: no database was made"
        );
    }
    // The untouched backup restores.
    let target = root.path().join("into-good");
    assert_eq!(
        backup::restore(&target, &file)
            .await
            .unwrap()
            .counts
            .clients,
        2
    );
}

fn files(path: &Path) -> std::collections::BTreeMap<String, String> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut f, &mut text).unwrap();
        // The README names the moment of the export.
        if f.name() != "README.txt" {
            out.insert(f.name().to_string(), text);
        }
    }
    out
}

#[tokio::test]
async fn a_crafted_table_or_column_changes_nothing_in_a_clients_export() {
    let root = tempfile::tempdir().unwrap();
    let ws = workspace(&root.path().join("ws")).await;
    let clean = root.path().join("clean.zip");
    client_export::export(&ws, "@glow", &clean).await.unwrap();
    let glow = clients::show(&ws, "@glow").await.unwrap();

    // A table the app never made, with the client's id, and a column whose name is SQL.
    let mut conn = ws.store().pool().acquire().await.unwrap();
    for sql in [
        "CREATE TABLE stash (client_id TEXT, secret TEXT)".to_string(),
        format!("INSERT INTO stash VALUES ('{}', 'hidden')", glow.id),
        "INSERT INTO settings (key, value) VALUES ('secret_setting', 'leaked')".to_string(),
        r#"ALTER TABLE client_tags ADD COLUMN "x', (SELECT group_concat(key || value) FROM settings), 'y" TEXT"#
            .to_string(),
    ] {
        conn.execute(sqlx::AssertSqlSafe(sql)).await.unwrap();
    }
    drop(conn);

    let after = root.path().join("after.zip");
    client_export::export(&ws, "@glow", &after).await.unwrap();
    let (before, after) = (files(&clean), files(&after));
    assert!(!after.contains_key("stash.json"), "{:?}", after.keys());
    assert!(
        !after.values().any(|t| t.contains("leaked")),
        "settings leaked into the export"
    );
    assert_eq!(after, before);
}
