// The content engine and library on top of the reports fake: drafts (offline or streamed "by
// AI"), the saved library with its query, and the content-pack exports.
import type {
  AiEvent,
  ApiError,
  ContentDraft,
  ContentQuery,
  ContentRequest,
  FileExport,
  Item,
  Kind,
  LibraryItem,
  LibraryPatch,
} from "../bindings";
import { sendToChannel } from "./fakeBackend";
import { FakeReportsBackend } from "./fakeReports";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function invalid(field: string, message: string): ApiError {
  return { code: "invalid_input", field, message };
}

/** The `n`th fixture item of `kind`; every `n` gives different texts. */
export function makeItem(kind: Kind, n: number): Item {
  switch (kind) {
    case "hooks":
      return { type: "hook", text: `Hook ${n}: stop doing crunches`, formula: n % 2 === 0 ? "list" : "contrarian" };
    case "captions":
      return {
        type: "caption",
        length: "medium",
        hook: `Caption ${n} opener`,
        body: "Line one of the body.\nLine two of the body.",
        cta: "Save this for later.",
        text: `Caption ${n} opener\n\nLine one of the body.\nLine two of the body.\n\nSave this for later.`,
        framework: "aida",
      };
    case "reels":
      return {
        type: "reel",
        title: `Reel ${n}: 3 stretches before bed`,
        concept: "A calm night routine in three moves.",
        hook: "You sleep badly because of this",
        beats: ["Show the problem", "Do the three stretches", "Show the result"],
        on_screen_text: ["Stretch 1", "Stretch 2"],
        caption_angle: "Better sleep without pills",
        cta: "Follow for more routines",
        length_secs: 30,
        why: "Builds on the top post about evening routines",
        format: "talking_head_tips",
      };
    case "hashtags":
      return {
        type: "hashtags",
        tags: [`#fitness${n}`, "#homeworkout", "#mobility", "#sleepbetter", "#zoefit"],
        tiers: ["broad", "mid", "mid", "niche", "niche"],
        note: "Mix of reach and niche tags",
      };
  }
}

/** An item as the AI stream sends it: its fields without the `type` tag. */
function untagged(item: Item): Record<string, unknown> {
  const { type: _type, ...rest } = item;
  return rest;
}

function mainText(item: Item): string {
  switch (item.type) {
    case "reel":
      return item.title;
    case "hook":
    case "caption":
      return item.text;
    case "hashtags":
      return item.tags.join(" ");
  }
}

const KIND_OF: Record<Item["type"], Kind> = { reel: "reels", hook: "hooks", caption: "captions", hashtags: "hashtags" };

export class FakeContentBackend extends FakeReportsBackend {
  library: LibraryItem[] = [];
  /** With AI: events sent before each item's `item` event. */
  contentEvents: AiEvent[] = [{ kind: "text", chars: 80, tokens: 21 }];
  /** With AI, `content_generate` waits for this after streaming (or until cancelled). */
  contentGate: Promise<void> | null = null;
  /** Items the next drafts answer instead of fixtures (taken from the front). */
  nextItems: Item[] = [];
  niche = "fitness";
  private itemSeq = 1;
  private libSeq = 1;
  private contentRuns = new Map<string, () => void>();
  private libClock = Date.UTC(2026, 10, 20, 9, 0);

  /** Stores an item in the library as if saved earlier; answers it. */
  addLibraryItem(clientId: string, item: Item, patch: Partial<LibraryItem> = {}): LibraryItem {
    this.libClock += 60_000;
    const at = new Date(this.libClock).toISOString();
    const entry: LibraryItem = {
      id: `lib-${this.libSeq++}`,
      client_id: clientId,
      kind: KIND_OF[item.type],
      source: "offline",
      topic: "",
      item,
      tags: [],
      favourite: false,
      used_on: null,
      created_at: at,
      updated_at: at,
      ...patch,
    };
    this.library = [entry, ...this.library];
    return structuredClone(entry);
  }

  protected override other(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "content_generate":
        return this.generate(args.key as string, args.request as ContentRequest, args.runId as string, args.onEvent);
      case "content_save": {
        this.clientOf(args.key as string);
        const item = args.item as Item;
        if (mainText(item).trim() === "") throw invalid("item", "the item has no text");
        return this.addLibraryItem(args.key as string, item, { source: args.source as string, topic: args.topic as string });
      }
      case "content_list":
        return this.listLibrary(args.key as string, args.query as ContentQuery);
      case "content_update":
        return this.updateLibrary(args.id as string, args.patch as LibraryPatch);
      case "content_mark_used": {
        const entry = this.entry(args.id as string);
        entry.used_on = args.used ? ((args.date as string | null) ?? "2026-11-26") : null;
        return structuredClone(entry);
      }
      case "content_delete":
        this.entry(args.id as string);
        this.library = this.library.filter((e) => e.id !== args.id);
        return null;
      case "content_export_pdf": {
        const path = args.path as string;
        if (!path.toLowerCase().endsWith(".pdf")) throw invalid("path", "the file name must end in .pdf");
        return { path, bytes: 98_304 } satisfies FileExport;
      }
      case "content_export_csv": {
        const path = args.path as string;
        if (!path.toLowerCase().endsWith(".csv")) throw invalid("path", "the file name must end in .csv");
        return { path, bytes: 2_048 } satisfies FileExport;
      }
      case "ai_cancel":
        this.contentRuns.get(args.runId as string)?.();
        return super.other(cmd, args);
      default:
        return super.other(cmd, args);
    }
  }

  private clientOf(key: string) {
    const c = this.clients.find((x) => x.id === key);
    if (!c) throw { code: "not_found", field: null, message: `no client ${key}` } satisfies ApiError;
    return c;
  }

  private entry(id: string): LibraryItem {
    const e = this.library.find((x) => x.id === id);
    if (!e) throw { code: "not_found", field: null, message: `no library item ${id}` } satisfies ApiError;
    return e;
  }

  private listLibrary(key: string, q: ContentQuery): LibraryItem[] {
    this.clientOf(key);
    const search = q.search?.toLowerCase() ?? null;
    return structuredClone(
      this.library.filter(
        (e) =>
          e.client_id === key &&
          (q.kind === null || e.kind === q.kind) &&
          (!q.favourites_only || e.favourite) &&
          (q.include_used || e.used_on === null) &&
          (q.tag === null || e.tags.includes(q.tag)) &&
          (search === null || mainText(e.item).toLowerCase().includes(search) || e.topic.toLowerCase().includes(search)),
      ),
    );
  }

  private updateLibrary(id: string, patch: LibraryPatch): LibraryItem {
    const e = this.entry(id);
    if (patch.item) {
      if (patch.item.type !== e.item.type) throw invalid("item", "an item keeps its kind");
      if (mainText(patch.item).trim() === "") throw invalid("item", "the item has no text");
      if (patch.item.type === "hashtags" && (patch.item.tags.length < 3 || patch.item.tags.length > 5)) {
        throw invalid("tags", "a hashtag set has 3 to 5 hashtags");
      }
      e.item = patch.item;
    }
    if (patch.topic !== null) e.topic = patch.topic;
    if (patch.tags !== null) e.tags = [...new Set(patch.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
    if (patch.favourite !== null) e.favourite = patch.favourite;
    this.libClock += 60_000;
    e.updated_at = new Date(this.libClock).toISOString();
    return structuredClone(e);
  }

  private async generate(key: string, request: ContentRequest, runId: string, channel: unknown): Promise<ContentDraft> {
    this.clientOf(key);
    if (!Number.isInteger(request.count) || request.count < 1 || request.count > 30) {
      throw invalid("count", "the count is from 1 to 30");
    }
    let cancelled = false;
    const cancelledNow = new Promise<void>((resolve) => {
      this.contentRuns.set(runId, () => {
        cancelled = true;
        resolve();
      });
    });
    const stop = (): never => {
      throw { code: "cancelled", field: null, message: "the AI call was cancelled; nothing was charged" } satisfies ApiError;
    };
    try {
      const withAi = !request.offline && this.status().offline_reason === null;
      const items: Item[] = [];
      for (let i = 0; i < request.count; i++) {
        items.push(this.nextItems.shift() ?? makeItem(request.kind, this.itemSeq++));
      }
      if (withAi) {
        let index = 0;
        for (const [i, item] of items.entries()) {
          for (const event of this.contentEvents) {
            await tick();
            if (cancelled) stop();
            sendToChannel(channel, index++, event);
          }
          await tick();
          if (cancelled) stop();
          sendToChannel(channel, index++, { kind: "item", field: "items", index: i, value: untagged(item) });
        }
      }
      if (this.contentGate) await Promise.race([this.contentGate, cancelledNow]);
      if (cancelled) stop();
      if (withAi) this.used += 1;
      const offlineNote = request.offline || withAi ? [] : [this.status().offline_reason!];
      return structuredClone({
        kind: request.kind,
        source: withAi ? "ai" : "offline",
        items,
        niche: this.niche,
        topic: request.topic,
        model: withAi ? this.provider!.model : null,
        notes: offlineNote,
      });
    } finally {
      this.contentRuns.delete(runId);
    }
  }
}
