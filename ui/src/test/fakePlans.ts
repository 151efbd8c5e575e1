// Content plans on top of the content fake: a deterministic planner for `plan_create`, the
// stored plans of each client (the active one first), moves, ticks and the three exports.
import type { ApiError, FileExport, ItemType, NewPlan, Plan, PlanDay, PlanItem, PlanItemPatch, StoredPlan } from "../bindings";
import { FakeContentBackend } from "./fakeContent";

function invalid(field: string, message: string): ApiError {
  return { code: "invalid_input", field, message };
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const POST_TYPES: ItemType[] = ["reel", "carousel", "image"];
const POST_TIMES = ["18:00", "12:30", "08:00"];

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) + n * 86_400_000).toISOString().slice(0, 10);
}

function weekday(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A plan as the planner would make it: `posts_per_week` posts spread over each week (reel,
 * carousel, image in turn), `stories_per_day` stories a day and an engagement session every other
 * day. Posts use best times (`withBestTimes`), stories and engagement default times.
 */
export function makePlan(request: NewPlan, withBestTimes = true): Plan {
  const start = request.start ?? "2026-11-27";
  const pillars = request.pillars.length > 0 ? request.pillars : ["Education", "Behind the scenes", "Results"];
  const days: PlanDay[] = [];
  let postSeq = 0;
  for (let offset = 0; offset < request.days; offset++) {
    const date = addDays(start, offset);
    const items: PlanItem[] = [];
    const inWeek = offset % 7;
    // Posts on evenly spread days of each seven-day block.
    const postsToday = Array.from({ length: request.posts_per_week }, (_, k) => Math.floor((k * 7) / request.posts_per_week)).filter(
      (d) => d === inWeek,
    ).length;
    for (let p = 1; p <= postsToday; p++) {
      const type = POST_TYPES[postSeq % POST_TYPES.length];
      const pillar = pillars[postSeq % pillars.length];
      postSeq++;
      items.push({
        id: `d${pad(offset)}-p${p}`,
        date,
        time: POST_TIMES[postSeq % POST_TIMES.length],
        time_source: withBestTimes ? "best_times" : "default",
        type,
        pillar,
        topic: `${pillar}: idea ${postSeq}`,
        hook: `Hook ${postSeq}: the mistake everyone makes`,
        brief: `Open with the hook, give three tips about ${pillar.toLowerCase()}, end with a question.`,
        hashtags: ["#fitness", "#homeworkout", `#tip${postSeq}`],
        done: false,
        content_item_id: null,
      });
    }
    for (let s = 1; s <= request.stories_per_day; s++) {
      items.push({
        id: `d${pad(offset)}-s${s}`,
        date,
        time: `${pad(9 + s * 2)}:00`,
        time_source: "default",
        type: "story",
        pillar: "",
        topic: s === 1 ? "Poll: this or that" : "Behind the scenes",
        hook: "",
        brief: "Post a poll sticker about today's topic.",
        hashtags: [],
        done: false,
        content_item_id: null,
      });
    }
    if (offset % 2 === 0) {
      items.push({
        id: `d${pad(offset)}-e1`,
        date,
        time: "19:30",
        time_source: "default",
        type: "engagement",
        pillar: "",
        topic: "Reply to comments and DMs",
        hook: "",
        brief: "Spend 15 minutes replying and commenting on 10 accounts in the niche.",
        hashtags: [],
        done: false,
        content_item_id: null,
      });
    }
    items.sort((a, b) => a.time.localeCompare(b.time));
    days.push({ date, weekday: weekday(date), items });
  }
  const weeks = Math.ceil(request.days / 7);
  const targets = Array.from({ length: weeks }, (_, w) => ({
    week: w + 1,
    start: addDays(start, w * 7),
    end: addDays(start, Math.min(request.days, (w + 1) * 7) - 1),
    metric: "engagement_rate",
    baseline: 0.021,
    target: 0.021 + 0.002 * (w + 1),
    unit: "percent",
  }));
  return {
    start,
    days,
    targets,
    goal: request.goal,
    posts_per_week: request.posts_per_week,
    stories_per_day: request.stories_per_day,
    pillars,
    notes: withBestTimes
      ? ["Posting times come from the audit of Nov 26, 2026."]
      : ["No audit yet: posting times are defaults. Run an audit to plan at the best times."],
  };
}

/** The realistic fixture: 14 days from Wednesday 2 December 2026, growth, 4 posts a week, 1 story a day. */
export const FIXTURE_REQUEST: NewPlan = {
  start: "2026-12-02",
  days: 14,
  goal: "growth",
  posts_per_week: 4,
  stories_per_day: 1,
  pillars: ["Workouts", "Nutrition", "Mindset"],
  name: null,
};

export class FakePlanBackend extends FakeContentBackend {
  /** While set, `plan_create` waits for it (or for `ai_cancel` of its run, then rejects). */
  planGate: Promise<void> | null = null;
  private planRuns = new Map<string, () => void>();

  private async planRun<T>(runId: string | undefined, make: () => T): Promise<T> {
    if (this.planGate) {
      let cancel = () => {};
      const cancelled = new Promise<"cancelled">((resolve) => (cancel = () => resolve("cancelled")));
      if (runId) this.planRuns.set(runId, cancel);
      const outcome = await Promise.race([this.planGate.then(() => "go" as const), cancelled]);
      if (runId) this.planRuns.delete(runId);
      if (outcome === "cancelled") {
        throw { code: "cancelled", field: null, message: "cancelled; nothing was charged" } satisfies ApiError;
      }
    }
    return make();
  }

  plans: StoredPlan[] = [];
  /** Whether new plans have best times from an audit. */
  planBestTimes = true;
  private planSeq = 1;
  private planClock = Date.UTC(2026, 10, 26, 11, 0);

  private planNow(): string {
    this.planClock += 60_000;
    return new Date(this.planClock).toISOString();
  }

  /** Stores a plan for the client as if created earlier (it becomes active); answers it. */
  addPlan(clientId: string, request: NewPlan = FIXTURE_REQUEST): StoredPlan {
    const plan = makePlan(request, this.planBestTimes);
    const at = this.planNow();
    const stored: StoredPlan = {
      id: `plan-${this.planSeq++}`,
      client_id: clientId,
      name: request.name ?? `${request.days}-day ${request.goal} plan from ${plan.start}`,
      source: "offline",
      active: true,
      created_at: at,
      updated_at: at,
      plan,
    };
    for (const p of this.plans) if (p.client_id === clientId) p.active = false;
    this.plans = [stored, ...this.plans];
    return structuredClone(stored);
  }

  protected override other(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "plan_create": {
        const key = args.key as string;
        if (!this.clients.some((c) => c.id === key)) throw { code: "not_found", field: null, message: `no client ${key}` } satisfies ApiError;
        const r = args.request as NewPlan;
        if (![7, 14, 30].includes(r.days)) throw invalid("days", "a plan is 7, 14 or 30 days");
        if (!Number.isInteger(r.posts_per_week) || r.posts_per_week < 1 || r.posts_per_week > 14) {
          throw invalid("posts_per_week", "posts per week are from 1 to 14");
        }
        if (!Number.isInteger(r.stories_per_day) || r.stories_per_day < 0 || r.stories_per_day > 10) {
          throw invalid("stories_per_day", "stories per day are from 0 to 10");
        }
        if (r.start !== null && r.start < "2026-11-26") throw invalid("start", "the plan can't start in the past");
        return this.planRun(args.runId as string | undefined, () => this.addPlan(key, r));
      }
      case "ai_cancel":
        this.planRuns.get(args.runId as string)?.();
        return super.other(cmd, args);
      case "plan_list": {
        const key = args.key as string;
        const mine = this.plans.filter((p) => p.client_id === key);
        return structuredClone([...mine.filter((p) => p.active), ...mine.filter((p) => !p.active)]);
      }
      case "plan_activate": {
        const stored = this.plan(args.id as string);
        for (const p of this.plans) if (p.client_id === stored.client_id) p.active = p.id === stored.id;
        return structuredClone(stored);
      }
      case "plan_delete": {
        const stored = this.plan(args.id as string);
        this.plans = this.plans.filter((p) => p.id !== stored.id);
        if (stored.active) {
          const next = this.plans.find((p) => p.client_id === stored.client_id);
          if (next) next.active = true;
        }
        return null;
      }
      case "plan_move_item": {
        const stored = this.plan(args.id as string);
        const date = args.date as string;
        const to = stored.plan.days.find((d) => d.date === date);
        if (!to) throw invalid("date", `${date} is not a day of the plan`);
        const from = stored.plan.days.find((d) => d.items.some((i) => i.id === args.itemId));
        if (!from) throw { code: "not_found", field: null, message: `no item ${String(args.itemId)}` } satisfies ApiError;
        const item = from.items.find((i) => i.id === args.itemId)!;
        from.items = from.items.filter((i) => i !== item);
        item.date = date;
        to.items = [...to.items, item].sort((a, b) => a.time.localeCompare(b.time));
        stored.updated_at = this.planNow();
        return structuredClone(stored);
      }
      case "plan_set_done": {
        const stored = this.plan(args.id as string);
        const item = stored.plan.days.flatMap((d) => d.items).find((i) => i.id === args.itemId);
        if (!item) throw { code: "not_found", field: null, message: `no item ${String(args.itemId)}` } satisfies ApiError;
        item.done = args.done as boolean;
        stored.updated_at = this.planNow();
        return structuredClone(stored);
      }
      case "plan_update_item": {
        const stored = this.plan(args.id as string);
        const patch = args.patch as Partial<PlanItemPatch>;
        const time = patch.time?.trim();
        if (time != null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw invalid("time", `“${time}” is not a time like 18:30`);
        const tags = patch.hashtags;
        if (tags != null && tags.length > 0) {
          if (tags.length > 5) throw invalid("hashtags", "at most 5 hashtags");
          if (tags.some((t) => !/^#\S+$/.test(t))) throw invalid("hashtags", "each hashtag starts with #");
        }
        if (patch.topic != null && patch.topic.trim() === "") throw invalid("topic", "an item needs a topic");
        const link = patch.content_item_id?.trim();
        if (link && !this.library.some((e) => e.id === link && e.client_id === stored.client_id)) {
          throw invalid("content_item_id", `no library item ${link} for this client`);
        }
        const item = stored.plan.days.flatMap((d) => d.items).find((i) => i.id === args.itemId);
        if (!item) throw { code: "not_found", field: null, message: `no item ${String(args.itemId)}` } satisfies ApiError;
        if (time != null) {
          item.time = time;
          item.time_source = "manual";
        }
        if (patch.topic != null) item.topic = patch.topic.trim();
        if (patch.hook != null) item.hook = patch.hook.trim();
        if (patch.brief != null) item.brief = patch.brief.trim();
        if (tags != null) item.hashtags = [...tags];
        if (link != null) item.content_item_id = link === "" ? null : link;
        for (const d of stored.plan.days) d.items.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
        stored.updated_at = this.planNow();
        return structuredClone(stored);
      }
      case "plan_export": {
        this.plan(args.id as string);
        const path = args.path as string;
        const format = args.format as string;
        if (!["pdf", "ics", "csv"].includes(format)) throw invalid("format", "the format is pdf, ics or csv");
        if (!path.toLowerCase().endsWith(`.${format}`)) throw invalid("path", `the file name must end in .${format}`);
        return { path, bytes: format === "pdf" ? 131_072 : 4_096 } satisfies FileExport;
      }
      default:
        return super.other(cmd, args);
    }
  }

  private plan(id: string): StoredPlan {
    const p = this.plans.find((x) => x.id === id);
    if (!p) throw { code: "not_found", field: null, message: `no plan ${id}` } satisfies ApiError;
    return p;
  }
}
