// An in-memory stand-in for the Rust back end, answering the same Tauri commands through
// `mockIPC`. It follows the documented rules independently of the UI's own validation.
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  ApiError,
  Client,
  ClientDashboard,
  ClientPatch,
  ClientQuery,
  FormatShare,
  HomeOverview,
  ImportBatch,
  ImportOutcome,
  ManualEntry,
  Metrics,
  NewClient,
  PostKind,
  PostPoint,
  Progress,
  SourceKind,
  StoredPost,
  StoredSnapshot,
  WeekCount,
} from "../bindings";

import { FakeLicense } from "./fakeLicense";
import { FakeOnboarding } from "./fakeOnboarding";
import { FakeUpdates } from "./fakeUpdates";

export type Call = { cmd: string; args: Record<string, unknown> };
type Seed = Partial<NewClient> & { name: string; handle: string; archived?: boolean };

/** A post as a parser would hand it over. */
export type FakePost = {
  /** The source key: a post with a known key updates the stored one. */
  key: string;
  kind: PostKind;
  /** RFC 3339. */
  published_at: string;
  caption?: string;
  metrics?: Partial<Metrics>;
};

/** What parsing one import path yields (a ParsedImport, simplified). */
export type FakeParsed = {
  source?: SourceKind;
  /** The account the export belongs to; `null` when it doesn't say (a CSV). */
  username?: string | null;
  posts?: FakePost[];
  follower_snapshots?: Array<{ date: string; followers: number | null; following?: number | null }>;
  dm_threads?: number;
  warnings?: string[];
  skipped?: number;
  /** How many files reading it takes, for the progress messages; 3 when unset. */
  files?: number;
};

/** An entry of the fake file system: what importing that path gives, or the error it fails with. */
export type FakeFile = FakeParsed | { error: ApiError };

const KINDS: readonly PostKind[] = ["image", "carousel", "reel", "story"];
const METRIC_KEYS = [
  "views",
  "reach",
  "impressions",
  "plays",
  "likes",
  "comments",
  "saves",
  "shares",
  "follows",
  "profile_visits",
] as const;

function emptyMetrics(): Metrics {
  return {
    views: null,
    reach: null,
    impressions: null,
    plays: null,
    likes: null,
    comments: null,
    saves: null,
    shares: null,
    follows: null,
    profile_visits: null,
  };
}

function anyMetric(m: Metrics): boolean {
  return METRIC_KEYS.some((k) => m[k] !== null);
}

function engagement(m: Metrics): number {
  return (m.likes ?? 0) + (m.comments ?? 0) + (m.saves ?? 0) + (m.shares ?? 0);
}

/** The Monday of the (UTC) week of an RFC 3339 time, as `YYYY-MM-DD`. */
function mondayOf(iso: string): string {
  const d = new Date(iso);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const back = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - back * 86_400_000).toISOString().slice(0, 10);
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Sends `message` through a Tauri Channel argument, as the Rust side does. */
export function sendToChannel(channel: unknown, index: number, message: unknown): void {
  let id: number | null = null;
  if (typeof channel === "object" && channel !== null && typeof (channel as { id?: unknown }).id === "number") {
    id = (channel as { id: number }).id;
  } else if (typeof channel === "string" && channel.startsWith("__CHANNEL__:")) {
    id = Number(channel.slice("__CHANNEL__:".length));
  }
  if (id === null) return;
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  internals.runCallback(id, { index, message });
}

function invalid(field: string, message: string): ApiError {
  return { code: "invalid_input", field, message };
}

export class FakeBackend {
  clients: Client[] = [];
  calls: Call[] = [];
  version = "0.1.0";
  /** The licence commands (a trial unless a test changes it). */
  license = new FakeLicense();
  /** The update commands (no release offered unless a test adds one). */
  updates = new FakeUpdates();
  /** The first-run setup (finished unless a test starts it fresh). */
  onboarding = new FakeOnboarding();
  /** What `home_overview` answers; unset, every active client is on track. */
  home: HomeOverview | null = null;
  private failures = new Map<string, ApiError>();
  private pending = new Map<string, Promise<void>>();
  /** Stored posts, follower snapshots and import batches of every client. */
  posts: StoredPost[] = [];
  snapshots: Array<StoredSnapshot & { client_id: string }> = [];
  batches: ImportBatch[] = [];
  /** How many DM threads each client has (threads are numbered: an import of n knows threads 0..n-1). */
  threads = new Map<string, number>();
  /** The fake file system `import_run` reads: path -> what parsing it gives. */
  files = new Map<string, FakeFile>();
  /** What the next native file dialogs answer (paths, or `null` for closed). */
  dialogAnswers: Array<string | string[] | null> = [];
  private importGate: Promise<void> | null = null;
  private cancelImport: (() => void) | null = null;
  private nextId = 1;
  private clock = Date.UTC(2025, 0, 15, 9, 30);

  constructor(seeds: Seed[] = []) {
    for (const s of seeds) this.seed(s);
  }

  seed(s: Seed): Client {
    const c = this.create({ niche: "", goals: "", audience: "", brand_voice: "", tags: [], notes: "", ...s });
    if (s.archived) this.setArchived(c.id, true);
    return this.get(c.id);
  }

  /** Installs this back end as Tauri's IPC. */
  install(): this {
    mockIPC((cmd, args) => this.invoke(cmd, (args ?? {}) as Record<string, unknown>));
    return this;
  }

  /** The next call of `cmd` rejects with `error`. */
  failNext(cmd: string, error: ApiError): void {
    this.failures.set(cmd, error);
  }

  /** Calls of `cmd` wait for `gate` before answering. */
  holdUntil(cmd: string, gate: Promise<void>): void {
    this.pending.set(cmd, gate);
  }

  addFile(path: string, file: FakeFile): this {
    this.files.set(path, file);
    return this;
  }

  /** `import_run` waits for `gate` after its progress messages (or until `import_cancel`). */
  holdImport(gate: Promise<void>): void {
    this.importGate = gate;
  }

  /** Stores `parsed` for the client as one import would, without going through the UI. */
  record(clientId: string, parsed: FakeParsed, fileNames: string[] = ["instagram-export.zip"]): ImportOutcome {
    return this.write(clientId, parsed.source ?? "ig_export", fileNames, parsed);
  }

  callsOf(cmd: string): Call[] {
    return this.calls.filter((c) => c.cmd === cmd);
  }

  listQueries(): ClientQuery[] {
    return this.callsOf("clients_list").map((c) => c.args.query as ClientQuery);
  }

  lastQuery(): ClientQuery | undefined {
    const queries = this.listQueries();
    return queries[queries.length - 1];
  }

  lastCall(cmd: string): Call | undefined {
    const calls = this.callsOf(cmd);
    return calls[calls.length - 1];
  }

  byHandle(handle: string): Client | undefined {
    return this.clients.find((c) => c.handle === handle);
  }

  async invoke(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ cmd, args: structuredClone(args) });
    const gate = cmd === "import_run" ? undefined : this.pending.get(cmd);
    if (gate) await gate;
    const failure = this.failures.get(cmd);
    if (failure) {
      this.failures.delete(cmd);
      throw failure;
    }
    if (cmd.startsWith("license_")) return this.license.answer(cmd, args);
    if (cmd.startsWith("update_")) return this.updates.answer(cmd, args);
    if (cmd.startsWith("onboarding_")) return this.onboarding.answer(cmd, args);
    const key = args.key as string;
    switch (cmd) {
      case "home_overview":
        return (
          this.home ?? {
            today: "2026-11-26",
            clients: [],
            due_today: [],
            active_clients: this.clients.filter((c) => !c.archived).length,
          }
        );
      case "app_info":
        return { version: this.version, data_dir: "/tmp/instagrowth", schema_version: 1 };
      case "clients_list":
        return this.list(args.query as ClientQuery);
      case "clients_tags":
        return [...new Set(this.clients.flatMap((c) => c.tags))].sort();
      case "clients_get":
        return this.get(key);
      case "clients_create":
        return this.create(args.input as NewClient);
      case "clients_update":
        return this.update(key, args.patch as ClientPatch);
      case "clients_archive":
        return this.setArchived(key, true);
      case "clients_unarchive":
        return this.setArchived(key, false);
      case "clients_delete": {
        const c = this.get(key);
        this.clients = this.clients.filter((x) => x.id !== key);
        return c;
      }
      case "client_dashboard":
        return this.dashboard(key);
      case "import_run":
        return this.importRun(key, args.paths as string[], args.force as boolean, args.onProgress);
      case "import_cancel":
        this.cancelImport?.();
        return null;
      case "manual_save":
        return this.manualSave(key, args.entry as ManualEntry);
      case "plugin:dialog|open":
        return this.dialogAnswers.length > 0 ? this.dialogAnswers.shift() : null;
      default:
        return this.other(cmd, args);
    }
  }

  /** Commands a subclass answers (the AI fake); unknown ones fail as in Tauri. */
  protected other(cmd: string, _args: Record<string, unknown>): unknown {
    throw `command ${cmd} not found`;
  }

  private now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private list(q: ClientQuery): Client[] {
    if (!q || !["active", "archived", "all"].includes(q.archived)) {
      throw invalid("archived", "bad query");
    }
    const search = (q.search ?? "").trim().replace(/^@/, "").toLowerCase();
    return this.clients
      .filter((c) => (q.archived === "all" ? true : q.archived === "archived" ? c.archived : !c.archived))
      .filter((c) => !q.tag || c.tags.includes(q.tag))
      .filter((c) => !search || c.name.toLowerCase().includes(search) || c.handle.includes(search))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => structuredClone(c));
  }

  private get(key: string): Client {
    const c = this.clients.find((x) => x.id === key);
    if (!c) throw { code: "not_found", field: null, message: `no client ${key}` } satisfies ApiError;
    return structuredClone(c);
  }

  private checkName(raw: string): string {
    const name = raw.trim();
    if (name === "") throw invalid("name", "the client needs a name");
    if ([...name].length > 100) throw invalid("name", "the name is longer than 100 characters");
    return name;
  }

  private checkHandle(raw: string, self?: string): string {
    const h = raw.trim().replace(/^@/, "").toLowerCase();
    if (h === "") throw invalid("handle", "the client needs an Instagram handle");
    if (!/^[a-z0-9._]{1,30}$/.test(h) || h.startsWith(".") || h.endsWith(".") || h.includes("..")) {
      throw invalid("handle", `@${h} is not a valid Instagram handle`);
    }
    if (this.clients.some((c) => c.handle === h && c.id !== self)) {
      throw { code: "duplicate_handle", field: "handle", message: `@${h} is already a client` } satisfies ApiError;
    }
    return h;
  }

  private checkTags(raw: string[]): string[] {
    const tags = [...new Set(raw.map((t) => t.trim().replace(/^#/, "").toLowerCase()).filter(Boolean))];
    if (tags.length > 20) throw invalid("tags", "a client can carry at most 20 tags");
    if (tags.some((t) => t.length > 40 || t.includes(","))) throw invalid("tags", "bad tag");
    return tags.sort();
  }

  private create(input: NewClient): Client {
    const name = this.checkName(input.name);
    const handle = this.checkHandle(input.handle);
    const tags = this.checkTags(input.tags);
    const at = this.now();
    const c: Client = {
      id: `client-${this.nextId++}`,
      name,
      handle,
      niche: input.niche.trim(),
      goals: input.goals.trim(),
      audience: input.audience.trim(),
      brand_voice: input.brand_voice.trim(),
      tags,
      notes: input.notes.trim(),
      created_at: at,
      updated_at: at,
      archived_at: null,
      archived: false,
    };
    this.clients.push(c);
    return structuredClone(c);
  }

  private update(key: string, patch: ClientPatch): Client {
    const c = this.clients.find((x) => x.id === key);
    if (!c) return this.get(key);
    const next = { ...c };
    if (patch.name != null) next.name = this.checkName(patch.name);
    if (patch.handle != null) next.handle = this.checkHandle(patch.handle, key);
    if (patch.tags != null) next.tags = this.checkTags(patch.tags);
    for (const f of ["niche", "goals", "audience", "brand_voice", "notes"] as const) {
      const v = patch[f];
      if (v != null) next[f] = v.trim();
    }
    next.updated_at = this.now();
    Object.assign(c, next);
    return structuredClone(c);
  }

  private setArchived(key: string, archived: boolean): Client {
    const c = this.clients.find((x) => x.id === key);
    if (!c) return this.get(key);
    c.archived = archived;
    c.archived_at = archived ? this.now() : null;
    c.updated_at = this.now();
    return structuredClone(c);
  }

  // ---- Imports, manual entry and the dashboard ----

  private async importRun(key: string, paths: string[], force: boolean, channel: unknown): Promise<ImportOutcome> {
    const client = this.get(key);
    if (!Array.isArray(paths) || paths.length === 0) {
      throw { code: "invalid_input", field: "paths", message: "choose a folder, export zips or a CSV" } satisfies ApiError;
    }
    let cancelled = false;
    const cancelledNow = new Promise<void>((resolve) => {
      this.cancelImport = () => {
        cancelled = true;
        resolve();
      };
    });
    const stop = (): never => {
      throw { code: "cancelled", field: null, message: "the import was cancelled; nothing was saved" } satisfies ApiError;
    };
    try {
      const parts: FakeParsed[] = paths.map((path) => {
        const file = this.files.get(path);
        if (!file) throw { code: "not_found", field: null, message: `${path} does not exist` } satisfies ApiError;
        if ("error" in file) throw file.error;
        return file;
      });

      // Progress: one message per file read, items counted as they are parsed.
      let index = 0;
      const progress: Progress = { files_read: 0, items_parsed: 0 };
      for (const part of parts) {
        const files = part.files ?? 3;
        const items = (part.posts?.length ?? 0) + (part.follower_snapshots?.length ?? 0) + (part.dm_threads ?? 0);
        for (let f = 0; f < files; f++) {
          await tick();
          if (cancelled) stop();
          progress.files_read += 1;
          progress.items_parsed += Math.floor(items / files) + (f < items % files ? 1 : 0);
          sendToChannel(channel, index++, { ...progress });
        }
      }
      if (this.importGate) await Promise.race([this.importGate, cancelledNow]);
      if (cancelled) stop();

      const parsed: FakeParsed = {
        source: parts[0].source ?? "ig_export",
        username: parts.map((p) => p.username).find((u) => u) ?? null,
        posts: parts.flatMap((p) => p.posts ?? []),
        follower_snapshots: parts.flatMap((p) => p.follower_snapshots ?? []),
        dm_threads: parts.reduce((n, p) => n + (p.dm_threads ?? 0), 0),
        warnings: parts.flatMap((p) => p.warnings ?? []),
        skipped: parts.reduce((n, p) => n + (p.skipped ?? 0), 0),
      };
      if (parsed.username && parsed.username !== client.handle && !force) {
        throw {
          code: "handle_mismatch",
          field: null,
          message: `this export belongs to @${parsed.username}, not @${client.handle}; nothing was imported — import it anyway with --force (in the app: confirm)`,
        } satisfies ApiError;
      }
      const names = paths.map((p) => p.split(/[\\/]/).filter(Boolean).pop() ?? p);
      return this.write(client.id, parsed.source ?? "ig_export", names, parsed);
    } finally {
      this.cancelImport = null;
    }
  }

  private manualSave(key: string, entry: ManualEntry): ImportOutcome {
    const client = this.get(key);
    const today = new Date().toISOString().slice(0, 10);
    const date = (field: string, raw: string): string => {
      const d = raw.trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) {
        throw invalid(field, `"${raw}" is not a date like 2026-03-27`);
      }
      if (d > today) throw invalid(field, `${d} is in the future`);
      return d;
    };
    const count = (field: string, v: number | null): number | null => {
      if (v !== null && v < 0) throw invalid(field, "a count cannot be negative");
      return v;
    };
    const parsed: FakeParsed = { source: "manual", posts: [], follower_snapshots: [] };
    if (entry.snapshot) {
      const d = date("snapshot.date", entry.snapshot.date);
      count("snapshot.followers", entry.snapshot.followers);
      count("snapshot.following", entry.snapshot.following);
      parsed.follower_snapshots!.push({ date: d, followers: entry.snapshot.followers, following: entry.snapshot.following });
    }
    entry.posts.forEach((p, i) => {
      const f = (name: string) => `posts.${i}.${name}`;
      const d = date(f("date"), p.date);
      const t = p.time?.trim() || "12:00";
      if (!/^\d{2}:\d{2}$/.test(t)) throw invalid(f("time"), `"${t}" is not a time like 18:30`);
      const metrics: Partial<Metrics> = {};
      for (const m of ["likes", "comments", "saves", "shares", "reach", "views"] as const) {
        metrics[m] = count(f(m), p[m]);
      }
      parsed.posts!.push({
        key: `manual:${client.id}:${this.nextId++}`,
        kind: p.kind,
        published_at: `${d}T${t}:00Z`,
        caption: p.caption.trim(),
        metrics,
      });
    });
    if (parsed.posts!.length === 0 && parsed.follower_snapshots!.length === 0) {
      throw { code: "invalid_input", field: null, message: "nothing to save: add a snapshot or at least one post" } satisfies ApiError;
    }
    return this.write(client.id, "manual", [], parsed);
  }

  private write(clientId: string, source: SourceKind, fileNames: string[], parsed: FakeParsed): ImportOutcome {
    const startedAt = this.now();
    const batchId = `batch-${this.nextId++}`;
    const byKind: Record<string, number> = Object.fromEntries(KINDS.map((k) => [k, 0]));
    let added = 0;
    let updated = 0;
    const incoming = parsed.posts ?? [];
    for (const p of incoming) {
      const metrics = { ...emptyMetrics(), ...p.metrics };
      const existing = this.posts.find((x) => x.client_id === clientId && x.source_key === p.key);
      if (!existing) {
        this.posts.push({
          id: `post-${this.nextId++}`,
          client_id: clientId,
          source,
          source_key: p.key,
          kind: p.kind,
          published_at: new Date(p.published_at).toISOString().replace(".000Z", "Z"),
          caption: p.caption ?? "",
          hashtags: (p.caption ?? "").match(/#[\p{L}\p{N}_]+/gu)?.map((h) => h.slice(1).toLowerCase()) ?? [],
          mentions: (p.caption ?? "").match(/@[\w.]+/g)?.map((m) => m.slice(1).toLowerCase()) ?? [],
          media_count: p.kind === "carousel" ? 3 : 1,
          duration_secs: p.kind === "reel" ? 15 : null,
          archived: false,
          metrics,
          first_batch_id: source === "manual" ? null : batchId,
          last_batch_id: batchId,
          created_at: startedAt,
          updated_at: startedAt,
        });
        added++;
      } else {
        const merged = { ...existing.metrics };
        for (const k of METRIC_KEYS) if (metrics[k] !== null) merged[k] = metrics[k];
        const caption = p.caption ?? existing.caption;
        existing.last_batch_id = batchId;
        if (JSON.stringify(merged) === JSON.stringify(existing.metrics) && caption === existing.caption) continue;
        existing.metrics = merged;
        existing.caption = caption;
        existing.updated_at = startedAt;
        updated++;
      }
      byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    }

    let snapshots = 0;
    for (const s of parsed.follower_snapshots ?? []) {
      const existing = this.snapshots.find((x) => x.client_id === clientId && x.date === s.date && x.source === source);
      const following = s.following ?? null;
      if (existing) {
        if (existing.followers === s.followers && existing.following === following) continue;
        Object.assign(existing, { followers: s.followers, following, batch_id: batchId });
      } else {
        this.snapshots.push({ client_id: clientId, date: s.date, followers: s.followers, following, source, batch_id: batchId });
      }
      snapshots++;
    }

    const knownThreads = this.threads.get(clientId) ?? 0;
    const newThreads = Math.max(0, (parsed.dm_threads ?? 0) - knownThreads);
    this.threads.set(clientId, knownThreads + newThreads);

    const times = incoming.map((p) => new Date(p.published_at).toISOString().replace(".000Z", "Z")).sort();
    const outcome: ImportOutcome = {
      batch_id: batchId,
      source,
      posts_added: added,
      posts_updated: updated,
      by_kind: byKind,
      with_insights: incoming.filter((p) => anyMetric({ ...emptyMetrics(), ...p.metrics })).length,
      dm_threads: newThreads,
      follower_snapshots: snapshots,
      skipped: parsed.skipped ?? 0,
      warnings: [...(parsed.warnings ?? [])],
      first_post_at: times[0] ?? null,
      last_post_at: times[times.length - 1] ?? null,
    };
    this.batches.unshift({
      id: batchId,
      client_id: clientId,
      source,
      file_names: fileNames,
      sha256: source === "manual" ? "" : "0".repeat(64),
      started_at: startedAt,
      finished_at: this.now(),
      posts_added: added,
      posts_updated: updated,
      with_insights: outcome.with_insights,
      dm_threads: outcome.dm_threads,
      follower_snapshots: snapshots,
      skipped: outcome.skipped,
      warnings: outcome.warnings,
      first_post_at: outcome.first_post_at,
      last_post_at: outcome.last_post_at,
    });
    return structuredClone(outcome);
  }

  private dashboard(key: string): ClientDashboard {
    const client = this.get(key);
    const all = this.posts
      .filter((p) => p.client_id === client.id)
      .sort((a, b) => a.published_at.localeCompare(b.published_at) || a.id.localeCompare(b.id));
    const followers: StoredSnapshot[] = this.snapshots
      .filter((s) => s.client_id === client.id)
      .sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source))
      .map(({ client_id: _, ...s }) => s);
    const latest = [...followers].reverse().find((s) => s.followers !== null)?.followers ?? null;
    const latestFollowers = latest !== null && latest > 0 ? latest : null;
    const notStories = all.filter((p) => p.kind !== "story");

    const engagementPoints: PostPoint[] = notStories.map((p) => ({
      id: p.id,
      published_at: p.published_at,
      kind: p.kind,
      engagement: engagement(p.metrics),
      engagement_rate:
        latestFollowers !== null && anyMetric(p.metrics)
          ? (((p.metrics.likes ?? 0) + (p.metrics.comments ?? 0)) * 100) / latestFollowers
          : null,
      has_metrics: anyMetric(p.metrics),
    }));

    const weeks = new Map<string, number>();
    for (const p of notStories) weeks.set(mondayOf(p.published_at), (weeks.get(mondayOf(p.published_at)) ?? 0) + 1);
    const cadence: WeekCount[] = [];
    const keys = [...weeks.keys()].sort();
    if (keys.length > 0) {
      const last = Date.parse(keys[keys.length - 1]);
      for (let t = Date.parse(keys[0]); t <= last; t += 7 * 86_400_000) {
        const week = new Date(t).toISOString().slice(0, 10);
        cadence.push({ week_start: week, posts: weeks.get(week) ?? 0 });
      }
    }

    const formatMix: FormatShare[] = KINDS.map((kind) => {
      const ofKind = all.filter((p) => p.kind === kind);
      const measured = ofKind.filter((p) => anyMetric(p.metrics)).map((p) => engagement(p.metrics));
      return {
        kind,
        posts: ofKind.length,
        avg_engagement: measured.length > 0 ? measured.reduce((a, b) => a + b, 0) / measured.length : null,
      };
    });

    const top = [...all]
      .sort(
        (a, b) =>
          engagement(b.metrics) - engagement(a.metrics) ||
          b.published_at.localeCompare(a.published_at) ||
          a.id.localeCompare(b.id),
      )
      .slice(0, 10);

    return structuredClone({
      client,
      total_posts: all.length,
      with_insights: all.filter((p) => anyMetric(p.metrics)).length,
      first_post_at: all[0]?.published_at ?? null,
      last_post_at: all[all.length - 1]?.published_at ?? null,
      engagement: engagementPoints,
      cadence,
      format_mix: formatMix,
      followers,
      top_posts: top,
      imports: this.batches.filter((b) => b.client_id === client.id),
    });
  }
}
