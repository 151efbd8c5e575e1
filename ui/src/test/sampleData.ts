// Canned parser results for the fake back end's file system.
import type { PostKind } from "../bindings";
import type { FakeParsed, FakePost } from "./fakeBackend";

const KIND_CYCLE: readonly PostKind[] = ["reel", "image", "carousel", "reel", "story"];

/**
 * `n` posts, one every `everyDays` days from `start`, kinds cycling reel, image, carousel, reel,
 * story; post i has 100 + 10·i likes, i comments, 2 saves and 1 share (engagement 103 + 11·i).
 */
export function makePosts(n: number, { start = "2025-01-06T18:00:00Z", everyDays = 2, prefix = "p" } = {}): FakePost[] {
  const t0 = Date.parse(start);
  return Array.from({ length: n }, (_, i) => ({
    key: `${prefix}${i}`,
    kind: KIND_CYCLE[i % KIND_CYCLE.length],
    published_at: new Date(t0 + i * everyDays * 86_400_000).toISOString(),
    caption: `Post number ${i} #fitness`,
    metrics: { likes: 100 + 10 * i, comments: i, saves: 2, shares: 1, reach: 1000 + i, views: null },
  }));
}

/** An Instagram export of @handle with `n` posts, two follower snapshots, DMs and a warning. */
export function exportOf(handle: string, n = 12): FakeParsed {
  return {
    source: "ig_export",
    username: handle,
    posts: makePosts(n),
    follower_snapshots: [
      { date: "2025-01-05", followers: 1200, following: 300 },
      { date: "2025-02-20", followers: 1350, following: 310 },
    ],
    dm_threads: 4,
    warnings: ["stories.json: 2 stories without a date were skipped"],
    skipped: 2,
    files: 3,
  };
}
