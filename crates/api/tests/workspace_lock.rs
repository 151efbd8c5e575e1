//! The workspace lock: an open workspace (the app, or an `instagrowth` command while it runs)
//! holds a shared lock beside its database, so a restore — which replaces the database and its
//! `-wal`/`-shm` — is refused while it is open elsewhere, and works once it is closed. Two
//! handles in one process stand for two processes (the lock is per open file, not per process).
use instagrowth_api::{backup, clients, ClientQuery, ErrorCode, NewClient, Workspace};

async fn backup_of_one_client(root: &std::path::Path) -> std::path::PathBuf {
    let ws = Workspace::open(&root.join("source")).await.unwrap();
    clients::add(
        &ws,
        &NewClient {
            name: "Glow Studio".into(),
            handle: "glow".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let file = root.join("agency.igbackup");
    backup::create(&ws, &file).await.unwrap();
    ws.close().await;
    file
}

#[tokio::test]
async fn a_restore_is_refused_while_the_workspace_is_open_elsewhere() {
    let root = tempfile::tempdir().unwrap();
    let file = backup_of_one_client(root.path()).await;
    let dir = root.path().join("ws");
    let open = Workspace::open(&dir).await.unwrap();
    // Readers share it: a second handle (a CLI command beside the app) opens fine.
    let reader = Workspace::open(&dir).await.unwrap();

    let e = backup::restore(&dir, &file).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::WorkspaceInUse, "{}", e.message);
    assert_eq!(
        e.message,
        format!(
            "the workspace at {} is open in InstaGrowth OS (or another instagrowth command); close it and try again — nothing was changed",
            dir.display()
        )
    );
    // Nothing changed under the open handle: it still answers, with no clients.
    assert!(clients::list(&open, &ClientQuery::default())
        .await
        .unwrap()
        .is_empty());

    // One handle closed, the other still open: still refused.
    reader.close().await;
    drop(reader);
    assert_eq!(
        backup::restore(&dir, &file).await.unwrap_err().code,
        ErrorCode::WorkspaceInUse
    );
    // Both closed: the restore goes through.
    open.close().await;
    drop(open);
    assert_eq!(
        backup::restore(&dir, &file).await.unwrap().counts.clients,
        1
    );
    let ws = Workspace::open(&dir).await.unwrap();
    assert_eq!(
        clients::list(&ws, &ClientQuery::default())
            .await
            .unwrap()
            .len(),
        1
    );
}
