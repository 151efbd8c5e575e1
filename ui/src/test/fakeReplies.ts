// The reply assistant on top of the plans fake: a small keyword triage (intent, sentiment,
// language, urgency, a lead score with reasons, priority) and 2–3 drafts under the client's rules,
// the queue with its query, handled and deleted messages, redrafts, the rules, saved replies with
// their variables, the leads export — and the clipboard plugin, which records what was copied.
import type {
  AddOutcome,
  AddRequest,
  AiEvent,
  ApiError,
  BrandRules,
  ReplyChannel,
  FileExport,
  Intent,
  Language,
  LeadReason,
  RedraftRequest,
  Redrafted,
  ReplyDraft,
  ReplyItem,
  ReplyQuery,
  SavedReply,
  SavedReplyInput,
  Sentiment,
  Triage,
} from "../bindings";
import { sendToChannel } from "./fakeBackend";
import { FakePlanBackend } from "./fakePlans";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function invalid(field: string, message: string): ApiError {
  return { code: "invalid_input", field, message };
}

function notFound(what: string): ApiError {
  return { code: "not_found", field: null, message: `no ${what}` };
}

export const DEFAULT_RULES: BrandRules = { avoid_words: [], sign_off: "", emoji: "light", booking_link: "" };

/** Intents by their cue words, checked in this order. */
const CUES: ReadonlyArray<[Intent, RegExp]> = [
  ["spam", /\b(follow (me )?back|check my page|promo code|crypto|free followers)\b/i],
  ["complaint", /\b(refund|terrible|worst|broken|never arrived|scam|disappointed)\b/i],
  ["purchase", /\b(buy|order|sign me up|sign up|book|join|interested)\b/i],
  ["pricing", /\b(price|how much|cost|rates?|precio|preis)\b/i],
  ["collaboration", /\b(collab|collaboration|partnership|sponsor|ambassador)\b/i],
  ["support", /\b(help|how do i|can't|cannot|problem|issue|login)\b/i],
  ["praise", /\b(love|amazing|great|awesome|thank you|thanks|gracias|danke)\b/i],
];

const KNOWN_VARIABLES = ["first_name", "username", "brand", "sign_off", "link", "post"];

/** A pasted line: `username: text`, or text alone. */
function parseLine(line: string): { author: string; text: string } {
  const m = /^@?([A-Za-z0-9._]{1,30}|[A-Z][a-z]+ [A-Z][a-z]+)\s*:\s*(.+)$/.exec(line.trim());
  return m ? { author: m[1], text: m[2].trim() } : { author: "", text: line.trim() };
}

/** A person's first name when the author is a display name ("Maria Lopez" → "Maria"). */
function firstNameOf(author: string): string | null {
  return /\s/.test(author.trim()) ? author.trim().split(/\s+/)[0] : null;
}

function languageOf(text: string): Language {
  if (/\b(hola|precio|gracias|cuánto|quiero)\b/i.test(text)) return "es";
  if (/\b(hallo|preis|danke|bitte)\b/i.test(text)) return "de";
  if (/\b(bonjour|merci|combien)\b/i.test(text)) return "fr";
  return "en";
}

/** The fake's triage: cue words decide the intent; points for buying signals make the lead score. */
export function triage(text: string): Triage {
  let intent: Intent = "other";
  const intent_evidence: string[] = [];
  for (const [i, re] of CUES) {
    const m = re.exec(text);
    if (m) {
      intent = i;
      intent_evidence.push(m[0]);
      break;
    }
  }
  const reasons: LeadReason[] = [];
  const signal = (name: string, label: string, points: number, re: RegExp) => {
    const m = re.exec(text);
    if (m) reasons.push({ signal: name, label, points, evidence: m[0] });
  };
  if (intent !== "spam") {
    signal("buying", "Wants to buy or book", 45, /\b(buy|order|sign me up|sign up|book|join)\b/i);
    signal("price", "Asks about the price", 40, /\b(price|how much|cost|rates?|precio|preis)\b/i);
    signal("collab", "Proposes working together", 30, /\b(collab|collaboration|partnership|sponsor)\b/i);
    signal("timing", "Wants it soon", 10, /\b(today|this week|asap|now)\b/i);
    signal("question", "Asks a question", 5, /\?/);
  }
  const lead_score = Math.min(100, reasons.reduce((n, r) => n + r.points, 0));
  const urgent = /\b(asap|urgent|today|right now)\b/i.test(text) || intent === "complaint";
  const sentiment: Sentiment =
    intent === "complaint" ? "negative" : intent === "praise" || /!{2,}|😍|❤️/.test(text) ? "positive" : "neutral";
  const bonus = (urgent ? 20 : 0) + (intent === "complaint" ? 15 : intent === "support" ? 10 : 0);
  const priority = intent === "spam" ? 0 : Math.min(100, lead_score + bonus + 1);
  return {
    intent,
    sentiment,
    language: languageOf(text),
    urgency: urgent ? "high" : "normal",
    lead_score,
    lead_reasons: reasons,
    intent_evidence,
    priority,
  };
}

/** Offline drafts under the rules: none for spam, a link draft for leads with a booking link. */
export function draftsFor(
  author: string,
  t: Triage,
  channel: ReplyChannel,
  rules: BrandRules,
  brand: string,
  take = 0,
): ReplyDraft[] {
  if (t.intent === "spam") return [];
  const name = firstNameOf(author) ?? (author ? `@${author}` : "there");
  const end = rules.sign_off ? ` ${rules.sign_off}` : "";
  const again = take > 0 ? ` (take ${take + 1})` : "";
  const body: Record<Intent, string> = {
    purchase: "so glad you want to join! I'll send you the details",
    pricing: "thanks for asking about prices! Here is how it works",
    support: "sorry for the trouble — let's sort it out",
    praise: "thank you so much, that means a lot",
    complaint: "I'm really sorry about this — let's make it right",
    collaboration: `thanks for thinking of ${brand}! Tell me more`,
    spam: "",
    other: "thanks for your message",
  };
  const where = channel === "comment" && (t.intent === "purchase" || t.intent === "pricing") ? " Check your DMs!" : "";
  const drafts: ReplyDraft[] = [
    { style: "Warm", text: `Hi ${name}, ${body[t.intent]}.${where}${again}${end}` },
    { style: "Short", text: `Thanks ${name}!${where}${again}${end}` },
  ];
  if ((t.intent === "purchase" || t.intent === "pricing") && rules.booking_link) {
    drafts.push({ style: "With the link", text: `Hi ${name}, you can book here: ${rules.booking_link}${again}${end}` });
  }
  return drafts.map((d) => ({
    ...d,
    text: rules.avoid_words.reduce((s, w) => s.replace(new RegExp(`\\b${w}\\b`, "gi"), "").replace(/\s{2,}/g, " "), d.text),
  }));
}

export class FakeRepliesBackend extends FakePlanBackend {
  replies: ReplyItem[] = [];
  rules = new Map<string, BrandRules>();
  savedReplies: SavedReply[] = [];
  /** What the clipboard plugin was last given. */
  clipboard: string | null = null;
  /** CSV files `replies_add` can read: path -> the pasted-style text it holds. */
  replyCsv = new Map<string, string>();
  /** Per client: the DM threads awaiting a reply, as `username: text` lines. */
  awaitingDms = new Map<string, string[]>();
  /** Events `replies_add` and `replies_redraft` stream with AI, before `repliesGate` (if set). */
  repliesEvents: AiEvent[] = [{ kind: "text", chars: 120, tokens: 30 }];
  repliesGate: Promise<void> | null = null;
  private replySeq = 1;
  private savedSeq = 1;
  private replyClock = Date.UTC(2026, 10, 26, 12, 0);
  private replyRuns = new Map<string, () => void>();

  private replyNow(): string {
    this.replyClock += 60_000;
    return new Date(this.replyClock).toISOString();
  }

  private clientOfReply(key: string) {
    const c = this.clients.find((x) => x.id === key || x.handle === key.replace(/^@/, ""));
    if (!c) throw notFound(`client ${key}`);
    return c;
  }

  rulesOf(clientId: string): BrandRules {
    return this.rules.get(clientId) ?? DEFAULT_RULES;
  }

  /** Queues a message as if added earlier (offline drafts); answers it. */
  addReply(clientId: string, line: string, patch: Partial<ReplyItem> = {}): ReplyItem {
    const client = this.clientOfReply(clientId);
    const { author, text } = parseLine(line);
    const channel = patch.channel ?? "comment";
    const t = triage(text);
    const item: ReplyItem = {
      id: `reply-${this.replySeq++}`,
      client_id: client.id,
      source: "pasted",
      channel,
      author,
      first_name: firstNameOf(author),
      text,
      received_at: null,
      post: null,
      thread_id: null,
      triage: t,
      drafts: draftsFor(author, t, channel, this.rulesOf(client.id), client.name),
      drafted_by: "offline",
      handled_at: null,
      created_at: this.replyNow(),
      ...patch,
    };
    this.replies.push(item);
    return structuredClone(item);
  }

  /** Stores a saved reply as if written earlier; answers it. */
  addSaved(patch: Partial<SavedReply> & { name: string; body: string }): SavedReply {
    const at = this.replyNow();
    const s: SavedReply = { id: `saved-${this.savedSeq++}`, client_id: null, intent: null, created_at: at, updated_at: at, ...patch };
    this.savedReplies.push(s);
    return structuredClone(s);
  }

  protected override other(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "replies_add":
        return this.repliesAdd(args.key as string, args.request as AddRequest, args.runId as string, args.onEvent);
      case "replies_list":
        return this.repliesList(args.key as string, args.query as ReplyQuery);
      case "replies_set_handled": {
        const item = this.reply(args.id as string);
        item.handled_at = args.handled ? this.replyNow() : null;
        return structuredClone(item);
      }
      case "replies_delete":
        this.reply(args.id as string);
        this.replies = this.replies.filter((x) => x.id !== args.id);
        return null;
      case "replies_clear_handled": {
        const client = this.clientOfReply(args.key as string);
        const before = this.replies.length;
        this.replies = this.replies.filter((x) => x.client_id !== client.id || x.handled_at === null);
        return before - this.replies.length;
      }
      case "replies_redraft":
        return this.redraft(args.id as string, args.request as RedraftRequest, args.runId as string, args.onEvent);
      case "replies_rules_get":
        return structuredClone(this.rulesOf(this.clientOfReply(args.key as string).id));
      case "replies_rules_set":
        return this.setRules(args.key as string, args.rules as BrandRules);
      case "replies_saved_list": {
        const client = this.clientOfReply(args.key as string);
        return structuredClone(this.savedReplies.filter((s) => s.client_id === null || s.client_id === client.id));
      }
      case "replies_saved_save":
        return this.saveSaved(args.input as SavedReplyInput);
      case "replies_saved_delete":
        if (!this.savedReplies.some((s) => s.id === args.id)) throw notFound(`saved reply ${String(args.id)}`);
        this.savedReplies = this.savedReplies.filter((s) => s.id !== args.id);
        return null;
      case "replies_saved_render":
        return this.render(args.messageId as string, args.savedId as string);
      case "replies_export_leads": {
        this.clientOfReply(args.key as string);
        const path = args.path as string;
        if (!path.toLowerCase().endsWith(".csv")) throw invalid("path", "the file name must end in .csv");
        return { path, bytes: 1_536 } satisfies FileExport;
      }
      case "plugin:clipboard-manager|write_text":
        this.clipboard = String(args.text);
        return null;
      case "ai_cancel":
        this.replyRuns.get(args.runId as string)?.();
        return super.other(cmd, args);
      default:
        return super.other(cmd, args);
    }
  }

  private reply(id: string): ReplyItem {
    const item = this.replies.find((x) => x.id === id);
    if (!item) throw notFound(`message ${id}`);
    return item;
  }

  /** Waiting messages by priority (then the oldest first); handled ones last when asked for. */
  private repliesList(key: string, q: ReplyQuery): ReplyItem[] {
    const client = this.clientOfReply(key);
    const mine = this.replies.filter(
      (x) =>
        x.client_id === client.id &&
        (q.intent == null || x.triage.intent === q.intent) &&
        (q.min_lead_score == null || x.triage.lead_score >= q.min_lead_score) &&
        (q.include_handled || x.handled_at === null),
    );
    const order = (a: ReplyItem, b: ReplyItem) => b.triage.priority - a.triage.priority || a.created_at.localeCompare(b.created_at);
    return structuredClone([
      ...mine.filter((x) => x.handled_at === null).sort(order),
      ...mine.filter((x) => x.handled_at !== null).sort(order),
    ]);
  }

  /** Runs `work` as a cancellable AI run: streams the events with AI, waits for the gate. */
  private async aiRun<T>(runId: string, channel: unknown, withAi: boolean, work: () => T): Promise<T> {
    let cancelled = false;
    const cancelledNow = new Promise<void>((resolve) => {
      this.replyRuns.set(runId, () => {
        cancelled = true;
        resolve();
      });
    });
    const stop = (): never => {
      throw { code: "cancelled", field: null, message: "the AI call was cancelled; nothing was charged" } satisfies ApiError;
    };
    try {
      if (withAi) {
        let index = 0;
        for (const event of this.repliesEvents) {
          await tick();
          if (cancelled) stop();
          sendToChannel(channel, index++, event);
        }
      }
      await tick();
      if (this.repliesGate) await Promise.race([this.repliesGate, cancelledNow]);
      if (cancelled) stop();
      if (withAi) this.used += 1;
      return work();
    } finally {
      this.replyRuns.delete(runId);
    }
  }

  private async repliesAdd(key: string, request: AddRequest, runId: string, channel: unknown): Promise<AddOutcome> {
    const client = this.clientOfReply(key);
    const source = request.source;
    let lines: string[];
    let from: ReplyChannel;
    let kind: string;
    if (source.kind === "pasted") {
      lines = source.text.split("\n").filter((l) => l.trim() !== "");
      if (lines.length === 0) throw invalid("input", "nothing to add: paste one message per line");
      from = source.channel;
      kind = "pasted";
    } else if (source.kind === "csv_file") {
      const text = this.replyCsv.get(source.path);
      if (text === undefined) throw invalid("input", `cannot read ${source.path}: no such file`);
      lines = text.split("\n").filter((l) => l.trim() !== "");
      from = source.channel;
      kind = "csv";
    } else {
      lines = this.awaitingDms.get(client.id) ?? [];
      if (lines.length === 0) {
        throw invalid("input", "no imported DM thread is awaiting a reply — import the client's Instagram data download with messages first (Data tab), or paste the messages");
      }
      from = "dm";
      kind = "dm";
    }
    const offlineReason = this.status().offline_reason;
    const withAi = !request.offline && offlineReason === null;
    return this.aiRun(runId, channel, withAi, () => {
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const items: ReplyItem[] = [];
      for (const line of lines) {
        const { author, text } = parseLine(line);
        const known = this.replies.find(
          (x) => x.client_id === client.id && x.author.toLowerCase() === author.toLowerCase() && x.text === text,
        );
        if (known) {
          counts.unchanged += 1;
          items.push(known);
          continue;
        }
        const item = structuredClone(this.addReply(client.id, line, { source: kind, channel: from }));
        const stored = this.reply(item.id);
        if (withAi) stored.drafted_by = "ai";
        counts.added += 1;
        items.push(stored);
      }
      items.sort((a, b) => b.triage.priority - a.triage.priority);
      return structuredClone({
        counts,
        items,
        drafted_by: withAi ? "ai" : "offline",
        model: withAi ? this.provider!.model : null,
        notes: request.offline || withAi ? [] : [offlineReason!],
      });
    });
  }

  private async redraft(id: string, request: RedraftRequest, runId: string, channel: unknown): Promise<Redrafted> {
    const item = this.reply(id);
    const client = this.clientOfReply(item.client_id);
    const offlineReason = this.status().offline_reason;
    const withAi = !request.offline && offlineReason === null;
    return this.aiRun(runId, channel, withAi, () => {
      const take = (item.drafts[0]?.text.match(/\(take (\d+)\)/)?.[1] ?? "1") as string;
      item.drafts = draftsFor(item.author, item.triage, item.channel, this.rulesOf(client.id), client.name, Number(take));
      item.drafted_by = withAi ? "ai" : "offline";
      return structuredClone({ item, note: request.offline || withAi ? null : offlineReason });
    });
  }

  private setRules(key: string, rules: BrandRules): BrandRules {
    const client = this.clientOfReply(key);
    const avoid: string[] = [];
    for (const raw of rules.avoid_words) {
      const w = raw.trim();
      if (w === "" || avoid.some((a) => a.toLowerCase() === w.toLowerCase())) continue;
      if (w.length > 60) throw invalid("avoid_words", `“${w}” is too long for a word to avoid (at most 60 characters)`);
      avoid.push(w);
    }
    const sign_off = rules.sign_off.trim();
    if (sign_off.length > 80) throw invalid("sign_off", "keep the sign-off under 80 characters");
    if (/[{}]/.test(sign_off)) throw invalid("sign_off", "the sign-off is plain text; it cannot hold {variables}");
    const booking_link = rules.booking_link.trim();
    if (booking_link.length > 200) throw invalid("booking_link", "keep the link under 200 characters");
    const saved: BrandRules = { avoid_words: avoid, sign_off, emoji: rules.emoji, booking_link };
    this.rules.set(client.id, saved);
    // Waiting offline drafts follow the new rules.
    for (const x of this.replies) {
      if (x.client_id === client.id && x.handled_at === null && x.drafted_by === "offline") {
        x.drafts = draftsFor(x.author, x.triage, x.channel, saved, client.name);
      }
    }
    return structuredClone(saved);
  }

  private saveSaved(input: SavedReplyInput): SavedReply {
    const name = input.name.trim();
    if (name === "" || name.length > 80) throw invalid("name", "give the saved reply a name of 1 to 80 characters");
    const body = input.body.trim();
    if (body === "") throw invalid("body", "the saved reply is empty");
    for (const m of body.matchAll(/\{([^}]*)\}/g)) {
      if (!KNOWN_VARIABLES.includes(m[1])) {
        throw invalid("body", `{${m[1]}} is not a variable; use {first_name}, {username}, {brand}, {sign_off}, {link} or {post}`);
      }
    }
    const client = input.client ? this.clientOfReply(input.client).id : null;
    const at = this.replyNow();
    const existing = input.id ? this.savedReplies.find((s) => s.id === input.id) : undefined;
    if (input.id && !existing) throw notFound(`saved reply ${input.id}`);
    const saved: SavedReply = {
      id: existing?.id ?? `saved-${this.savedSeq++}`,
      client_id: client,
      name,
      body,
      intent: input.intent ?? null,
      created_at: existing?.created_at ?? at,
      updated_at: at,
    };
    this.savedReplies = existing ? this.savedReplies.map((s) => (s.id === saved.id ? saved : s)) : [...this.savedReplies, saved];
    return structuredClone(saved);
  }

  private render(messageId: string, savedId: string): string {
    const item = this.reply(messageId);
    const saved = this.savedReplies.find((s) => s.id === savedId);
    if (!saved) throw notFound(`saved reply ${savedId}`);
    const client = this.clientOfReply(item.client_id);
    const rules = this.rulesOf(client.id);
    const vars: Record<string, string> = {
      first_name: item.first_name ?? (item.author ? `@${item.author}` : "there"),
      username: item.author ? `@${item.author}` : "",
      brand: client.name,
      sign_off: rules.sign_off,
      link: rules.booking_link,
      post: item.post ?? "",
    };
    return saved.body.replace(/\{(\w+)\}/g, (_, v: string) => vars[v] ?? "").replace(/\s{2,}/g, " ").trim();
  }
}
