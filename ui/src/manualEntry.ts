// The manual entry form's values, its client-side checks and what it sends to `manual_save`.
// The back end stays the authority: its errors name a field such as `posts.2.likes`, which
// `fieldForServer` maps back to the row on screen.
import type { ManualEntry, ManualPost, PostKind } from "./bindings";
import { todayDay } from "./format";

export const COUNT_FIELDS = ["likes", "comments", "saves", "shares", "reach", "views"] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export const POST_FIELDS = ["date", "time", "kind", ...COUNT_FIELDS, "caption"] as const;
export type PostField = (typeof POST_FIELDS)[number];

export type PostRow = { id: number } & Record<Exclude<PostField, "kind">, string> & { kind: PostKind };
export type SnapshotValues = { date: string; followers: string; following: string };

/** Error messages keyed by field path on screen: `snapshot.followers`, `posts.0.likes`, `form`. */
export type FieldErrors = Record<string, string>;

let nextRowId = 1;

export function emptyRow(kind: PostKind = "image"): PostRow {
  return {
    id: nextRowId++,
    date: "",
    time: "",
    kind,
    likes: "",
    comments: "",
    saves: "",
    shares: "",
    reach: "",
    views: "",
    caption: "",
  };
}

/**
 * The latest date the back end accepts: it refuses dates after today in UTC, so east of UTC
 * just after midnight the local "today" would be refused. The earlier of the two.
 */
export function latestDay(now: Date = new Date()): string {
  const local = todayDay(now);
  const utc = now.toISOString().slice(0, 10);
  return local < utc ? local : utc;
}

export function emptySnapshot(): SnapshotValues {
  return { date: latestDay(), followers: "", following: "" };
}

/**
 * A count as people type it: "1200", "1,200", "1 200", "12.5k", "1.2M". `null` when empty;
 * `NaN` when it isn't a whole, non-negative number.
 */
export function parseCount(raw: string): number | null {
  let s = raw.trim().replace(/[\s,_']/g, "");
  if (s === "") return null;
  const suffix = /^(\d+(?:\.\d+)?)([kKmM])$/.exec(s);
  if (suffix) {
    const factor = suffix[2].toLowerCase() === "k" ? 1_000 : 1_000_000;
    return Math.round(Number(suffix[1]) * factor);
  }
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

function countError(raw: string): string | null {
  const n = parseCount(raw);
  if (n === null || !Number.isNaN(n)) return null;
  return raw.trim().startsWith("-") ? "Can't be negative." : "Enter a whole number.";
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isBlank(row: PostRow): boolean {
  return row.date.trim() === "" && row.time.trim() === "" && row.caption.trim() === "" && COUNT_FIELDS.every((f) => row[f].trim() === "");
}

export function hasSnapshot(s: SnapshotValues): boolean {
  return s.followers.trim() !== "" || s.following.trim() !== "";
}

/** The rows that will be sent: every row that is not entirely blank, with their screen index. */
export function rowsToSend(rows: readonly PostRow[]): Array<{ row: PostRow; index: number }> {
  return rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
}

/** Problems the form can see before asking the back end. */
export function checkEntry(snapshot: SnapshotValues, rows: readonly PostRow[]): FieldErrors {
  const errors: FieldErrors = {};
  if (hasSnapshot(snapshot)) {
    if (!DAY.test(snapshot.date.trim())) errors["snapshot.date"] = "Pick the date of the counts.";
    if (snapshot.followers.trim() === "") errors["snapshot.followers"] = "Enter the follower count.";
    const f = countError(snapshot.followers);
    if (f) errors["snapshot.followers"] = f;
    const g = countError(snapshot.following);
    if (g) errors["snapshot.following"] = g;
  }
  const sent = rowsToSend(rows);
  for (const { row, index } of sent) {
    if (!DAY.test(row.date.trim())) errors[`posts.${index}.date`] = "Pick the date it was posted.";
    if (row.time.trim() !== "" && !/^\d{2}:\d{2}$/.test(row.time.trim())) {
      errors[`posts.${index}.time`] = "Use a time like 18:30.";
    }
    for (const f of COUNT_FIELDS) {
      const e = countError(row[f]);
      if (e) errors[`posts.${index}.${f}`] = e;
    }
  }
  if (!hasSnapshot(snapshot) && sent.length === 0) {
    errors.form = "Add a follower count or at least one post.";
  }
  return errors;
}

export function toEntry(snapshot: SnapshotValues, rows: readonly PostRow[]): ManualEntry {
  const posts: ManualPost[] = rowsToSend(rows).map(({ row }) => ({
    date: row.date.trim(),
    time: row.time.trim() === "" ? null : row.time.trim(),
    kind: row.kind,
    caption: row.caption.trim(),
    likes: parseCount(row.likes),
    comments: parseCount(row.comments),
    saves: parseCount(row.saves),
    shares: parseCount(row.shares),
    reach: parseCount(row.reach),
    views: parseCount(row.views),
  }));
  return {
    snapshot: hasSnapshot(snapshot)
      ? {
          date: snapshot.date.trim(),
          followers: parseCount(snapshot.followers) ?? 0,
          following: parseCount(snapshot.following),
        }
      : null,
    posts,
  };
}

/**
 * The screen path for a back-end error's `field`: `posts.N.x` counts only the rows that were
 * sent, so N is mapped back to the row's place on screen. `form` when it names no known field.
 */
export function fieldForServer(field: string | null, rows: readonly PostRow[]): string {
  if (!field) return "form";
  if (/^snapshot\.(date|followers|following)$/.test(field)) return field;
  const m = /^posts\.(\d+)\.(\w+)$/.exec(field);
  if (m && (POST_FIELDS as readonly string[]).includes(m[2])) {
    const sent = rowsToSend(rows)[Number(m[1])];
    if (sent) return `posts.${sent.index}.${m[2]}`;
  }
  return "form";
}

/** `posts.1.likes` -> `posts-1-likes`, for test ids. */
export function fieldTestId(path: string): string {
  return path.replace(/\./g, "-");
}
