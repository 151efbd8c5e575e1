//! Shared set-up for the API tests.
use instagrowth_api::{clients, NewClient, Workspace};

/// An in-memory workspace (real migrations) with one client, @glow.
pub async fn workspace_with_glow() -> Workspace {
    let ws = Workspace::in_memory().await.unwrap();
    let glow = NewClient {
        name: "Glow".into(),
        handle: "glow".into(),
        ..Default::default()
    };
    clients::add(&ws, &glow).await.unwrap();
    ws
}
