//! The clients table against real SQLite with the real migrations.
use instagrowth_store::queries::{client_tags, clients};
use instagrowth_store::{ArchivedFilter, ClientPatch, ClientQuery, NewClient, Store, StoreError};

fn new(name: &str, handle: &str) -> NewClient {
    NewClient {
        name: name.into(),
        handle: handle.into(),
        ..Default::default()
    }
}

async fn count(store: &Store) -> i64 {
    sqlx_count(store, "SELECT COUNT(*) FROM clients").await
}

async fn sqlx_count(store: &Store, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn insert_normalises_and_reads_back() {
    let store = Store::open_in_memory().await.unwrap();
    let c = clients::insert(
        &store,
        &NewClient {
            name: "  Glow Studio ".into(),
            handle: "@Glow.Studio".into(),
            niche: "skincare".into(),
            tags: vec!["Retainer".into(), "#beauty".into(), "retainer".into()],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(c.name, "Glow Studio");
    assert_eq!(c.handle, "glow.studio");
    assert_eq!(c.tags, vec!["beauty", "retainer"]);
    assert!(!c.archived);
    assert_eq!(c.created_at, c.updated_at);
    assert_eq!(clients::get(&store, &c.id).await.unwrap(), c);
    assert_eq!(
        clients::resolve(&store, "@GLOW.STUDIO").await.unwrap().id,
        c.id
    );
    assert_eq!(
        clients::resolve(&store, "glow.studio").await.unwrap().id,
        c.id
    );
    assert_eq!(clients::resolve(&store, &c.id).await.unwrap().id, c.id);
}

#[tokio::test]
async fn every_validation_failure_writes_nothing() {
    let store = Store::open_in_memory().await.unwrap();
    clients::insert(&store, &new("Existing", "taken"))
        .await
        .unwrap();
    let cases = [
        (new("", "fine"), "name"),
        (new("   ", "fine"), "name"),
        (new("Bad", "has space"), "handle"),
        (new("Bad", ""), "handle"),
        (new("Bad", "a..b"), "handle"),
        (new("Bad", &"x".repeat(31)), "handle"),
        (
            NewClient {
                tags: vec!["a,b".into()],
                ..new("Bad", "fine")
            },
            "tags",
        ),
        (
            NewClient {
                notes: "n".repeat(5_001),
                ..new("Bad", "fine")
            },
            "notes",
        ),
    ];
    for (input, field) in cases {
        match clients::insert(&store, &input).await {
            Err(StoreError::Invalid { field: f, message }) => {
                assert_eq!(f, field, "{input:?}");
                assert!(!message.is_empty());
            }
            other => panic!("{input:?} gave {other:?}"),
        }
    }
    match clients::insert(&store, &new("Dup", "@TAKEN")).await {
        Err(StoreError::DuplicateHandle(h)) => assert_eq!(h, "taken"),
        other => panic!("duplicate gave {other:?}"),
    }
    assert_eq!(count(&store).await, 1);
    assert_eq!(
        sqlx_count(&store, "SELECT COUNT(*) FROM client_tags").await,
        0
    );
}

#[tokio::test]
async fn update_changes_only_given_fields_and_validates() {
    let store = Store::open_in_memory().await.unwrap();
    let a = clients::insert(
        &store,
        &NewClient {
            niche: "food".into(),
            tags: vec!["x".into()],
            ..new("A", "alpha")
        },
    )
    .await
    .unwrap();
    clients::insert(&store, &new("B", "beta")).await.unwrap();

    let patched = clients::update(
        &store,
        &a.id,
        &ClientPatch {
            name: Some("Alpha Co".into()),
            tags: Some(vec!["y".into()]),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(patched.name, "Alpha Co");
    assert_eq!(patched.niche, "food");
    assert_eq!(patched.tags, vec!["y"]);
    assert!(patched.updated_at >= a.updated_at);

    // A clash with another client's handle, or a bad name, leaves the row as it was.
    let before = clients::get(&store, &a.id).await.unwrap();
    let clash = clients::update(
        &store,
        &a.id,
        &ClientPatch {
            handle: Some("beta".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(clash, Err(StoreError::DuplicateHandle(_))));
    let bad = clients::update(
        &store,
        &a.id,
        &ClientPatch {
            name: Some(" ".into()),
            tags: Some(vec!["z".into()]),
            ..Default::default()
        },
    )
    .await;
    assert!(matches!(
        bad,
        Err(StoreError::Invalid { field: "name", .. })
    ));
    assert_eq!(clients::get(&store, &a.id).await.unwrap(), before);

    // Keeping one's own handle is not a clash.
    clients::update(
        &store,
        &a.id,
        &ClientPatch {
            handle: Some("@ALPHA".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let missing = clients::update(&store, "nope", &ClientPatch::default()).await;
    assert!(matches!(missing, Err(StoreError::ClientNotFound(_))));
}

#[tokio::test]
async fn list_searches_filters_and_hides_archived() {
    let store = Store::open_in_memory().await.unwrap();
    let glow = clients::insert(
        &store,
        &NewClient {
            tags: vec!["beauty".into()],
            ..new("Glow Studio", "glow.studio")
        },
    )
    .await
    .unwrap();
    clients::insert(
        &store,
        &NewClient {
            tags: vec!["food".into()],
            ..new("Bakery Bros", "bakerybros")
        },
    )
    .await
    .unwrap();
    clients::insert(
        &store,
        &NewClient {
            tags: vec!["beauty".into()],
            ..new("Ünique Nails", "unique_nails")
        },
    )
    .await
    .unwrap();
    clients::insert(&store, &new("100% Fit", "fit_100"))
        .await
        .unwrap();

    let names =
        |v: Vec<instagrowth_store::Client>| v.into_iter().map(|c| c.name).collect::<Vec<_>>();
    let q = |search: Option<&str>, tag: Option<&str>, archived| ClientQuery {
        search: search.map(Into::into),
        tag: tag.map(Into::into),
        archived,
    };
    use ArchivedFilter::*;
    assert_eq!(
        names(clients::list(&store, &q(None, None, Active)).await.unwrap()),
        vec!["100% Fit", "Bakery Bros", "Glow Studio", "Ünique Nails"]
    );
    assert_eq!(
        names(
            clients::list(&store, &q(Some("GLOW"), None, Active))
                .await
                .unwrap()
        ),
        vec!["Glow Studio"]
    );
    assert_eq!(
        names(
            clients::list(&store, &q(Some("@bakery"), None, Active))
                .await
                .unwrap()
        ),
        vec!["Bakery Bros"]
    );
    assert_eq!(
        names(
            clients::list(&store, &q(Some("ünique"), None, Active))
                .await
                .unwrap()
        ),
        vec!["Ünique Nails"]
    );
    // LIKE wildcards in the search are literal.
    assert_eq!(
        names(
            clients::list(&store, &q(Some("%"), None, Active))
                .await
                .unwrap()
        ),
        vec!["100% Fit"]
    );
    assert_eq!(
        names(
            clients::list(&store, &q(Some("_"), None, Active))
                .await
                .unwrap()
        ),
        vec!["100% Fit", "Ünique Nails"]
    );
    assert_eq!(
        names(
            clients::list(&store, &q(None, Some("#Beauty"), Active))
                .await
                .unwrap()
        ),
        vec!["Glow Studio", "Ünique Nails"]
    );
    assert_eq!(
        names(
            clients::list(&store, &q(Some("glow"), Some("food"), Active))
                .await
                .unwrap()
        ),
        Vec::<String>::new()
    );

    let archived = clients::set_archived(&store, &glow.id, true).await.unwrap();
    assert!(archived.archived && archived.archived_at.is_some());
    assert_eq!(clients::count_active(&store).await.unwrap(), 3);
    assert_eq!(
        names(
            clients::list(&store, &q(None, Some("beauty"), Active))
                .await
                .unwrap()
        ),
        vec!["Ünique Nails"]
    );
    assert_eq!(
        names(
            clients::list(&store, &q(None, None, Archived))
                .await
                .unwrap()
        ),
        vec!["Glow Studio"]
    );
    assert_eq!(
        clients::list(&store, &q(None, None, All))
            .await
            .unwrap()
            .len(),
        4
    );
    // Archiving twice keeps the first archive time; restoring clears it.
    let again = clients::set_archived(&store, &glow.id, true).await.unwrap();
    assert_eq!(again.archived_at, archived.archived_at);
    let restored = clients::set_archived(&store, &glow.id, false)
        .await
        .unwrap();
    assert!(!restored.archived && restored.archived_at.is_none());

    assert_eq!(
        client_tags::all(&store).await.unwrap(),
        vec!["beauty", "food"]
    );
}

#[tokio::test]
async fn delete_cascades_to_tags() {
    let store = Store::open_in_memory().await.unwrap();
    let c = clients::insert(
        &store,
        &NewClient {
            tags: vec!["a".into(), "b".into()],
            ..new("A", "a")
        },
    )
    .await
    .unwrap();
    clients::delete(&store, &c.id).await.unwrap();
    assert_eq!(count(&store).await, 0);
    assert_eq!(
        sqlx_count(&store, "SELECT COUNT(*) FROM client_tags").await,
        0
    );
    assert!(matches!(
        clients::delete(&store, &c.id).await,
        Err(StoreError::ClientNotFound(_))
    ));
}
