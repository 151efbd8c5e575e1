//! List and search 1,000 clients (target: both together within 20 ms).
use criterion::{criterion_group, criterion_main, Criterion};
use instagrowth_store::queries::clients;
use instagrowth_store::{ArchivedFilter, ClientQuery, NewClient, Store};

const NICHES: [&str; 5] = ["fitness", "bakery", "skincare", "travel", "real estate"];

fn seeded(rt: &tokio::runtime::Runtime) -> Store {
    rt.block_on(async {
        let store = Store::open_in_memory().await.unwrap();
        for i in 0..1_000 {
            let niche = NICHES[i % NICHES.len()];
            clients::insert(
                &store,
                &NewClient {
                    name: format!("{} Studio {i:04}", niche.to_uppercase()),
                    handle: format!("{}_{i:04}", niche.replace(' ', "")),
                    niche: niche.into(),
                    tags: vec![niche.replace(' ', "-"), format!("tier{}", i % 3)],
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        }
        store
    })
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let store = seeded(&rt);
    let all = ClientQuery {
        archived: ArchivedFilter::All,
        ..Default::default()
    };
    let search = ClientQuery {
        search: Some("studio 04".into()),
        ..Default::default()
    };
    let by_tag = ClientQuery {
        tag: Some("bakery".into()),
        ..Default::default()
    };
    c.bench_function("list 1000 clients", |b| {
        b.to_async(&rt)
            .iter(|| async { assert_eq!(clients::list(&store, &all).await.unwrap().len(), 1000) })
    });
    c.bench_function("search 1000 clients", |b| {
        b.to_async(&rt)
            .iter(|| async { assert!(!clients::list(&store, &search).await.unwrap().is_empty()) })
    });
    c.bench_function("list + search + tag filter, 1000 clients", |b| {
        b.to_async(&rt).iter(|| async {
            clients::list(&store, &all).await.unwrap();
            clients::list(&store, &search).await.unwrap();
            clients::list(&store, &by_tag).await.unwrap();
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
