//! The availability cache: shared loads, and loads overtaken by a write.

use super::*;

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/c.sqlite", dir.path().display());
    let store = Store::connect(&url, 4).await.unwrap();
    store.migrate().await.unwrap();
    (store, dir)
}

fn span() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_that_miss_together_share_one_load() {
    let (store, _dir) = store().await;
    let cache = OccupancyCache::new(Duration::from_secs(60));
    let (from, to) = span();
    let reads: Vec<_> = (0..64)
        .map(|_| {
            let (cache, store) = (cache.clone(), store.clone());
            tokio::spawn(async move { cache.taken(&store, "o", from, to).await })
        })
        .collect();
    for r in reads {
        assert!(r.await.unwrap().unwrap().is_empty());
    }
    assert_eq!(cache.loads(), 1);
    // Another office is loaded on its own; a write drops only its office.
    cache.taken(&store, "p", from, to).await.unwrap();
    cache.invalidate("o");
    cache.taken(&store, "o", from, to).await.unwrap();
    cache.taken(&store, "p", from, to).await.unwrap();
    assert_eq!(cache.loads(), 3);
}

#[tokio::test]
async fn a_load_overtaken_by_a_write_is_not_kept() {
    let cache = OccupancyCache::new(Duration::from_secs(60));
    let (from, to) = span();
    let before = cache.office("o", |s| s.writes).unwrap();
    cache.invalidate("o");
    cache.keep("o", before, (from, to), Arc::new(Vec::new()));
    assert!(cache.cached("o", from, to).is_none());
    let now = cache.office("o", |s| s.writes).unwrap();
    cache.keep("o", now, (from, to), Arc::new(Vec::new()));
    assert!(cache.cached("o", from, to).is_some());
}

#[tokio::test]
async fn a_load_overtaken_by_a_write_serves_only_the_reads_asked_before_it() {
    let (store, _dir) = store().await;
    let cache = OccupancyCache::new(Duration::from_secs(60));
    let (from, to) = span();
    let asked = cache.office("o", |s| s.writes).unwrap();
    cache.taken(&store, "o", from, to).await.unwrap();
    // A write right after the load: the rows are not kept for later reads...
    cache.invalidate("o");
    assert!(cache.cached("o", from, to).is_none());
    // ...but a read asked before that load began may take them,
    assert!(cache.loaded_since("o", asked, from, to).is_some());
    // not one asked after the write, nor one for a longer span.
    assert!(cache.loaded_since("o", asked + 1, from, to).is_none());
    let later = to.succ_opt().unwrap();
    assert!(cache.loaded_since("o", asked, from, later).is_none());
    cache.taken(&store, "o", from, to).await.unwrap();
    assert_eq!(cache.loads(), 2);
}
