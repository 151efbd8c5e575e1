// The AI commands on top of the fake back end: provider settings, the key (never stored in
// clear anywhere but here), credits, a canned usage report, prices and a scriptable sample run.
import type {
  AiEvent,
  AiStatus,
  ApiError,
  ConnectionTest,
  KeyState,
  ModelPrice,
  Preset,
  PresetInfo,
  ProviderSettings,
  SampleHook,
  SampleResult,
  UsageRecord,
  UsageReport,
  UsageTotals,
} from "../bindings";
import { FakeBackend, sendToChannel } from "./fakeBackend";

export const PRESETS: PresetInfo[] = [
  { preset: "openai", label: "OpenAI", base_url: "https://api.openai.com/v1", default_model: "gpt-4o-mini", needs_key: true, local: false },
  { preset: "openrouter", label: "OpenRouter", base_url: "https://openrouter.ai/api/v1", default_model: "openai/gpt-4o-mini", needs_key: true, local: false },
  { preset: "ollama", label: "Ollama (local)", base_url: "http://localhost:11434/v1", default_model: "llama3.1", needs_key: false, local: true },
  { preset: "lmstudio", label: "LM Studio (local)", base_url: "http://localhost:1234/v1", default_model: "", needs_key: false, local: true },
  { preset: "custom", label: "Custom (OpenAI-compatible)", base_url: "", default_model: "", needs_key: false, local: false },
];

export const HOOKS: SampleHook[] = [
  { text: "Stop doing crunches for a flat stomach", formula: "contrarian" },
  { text: "3 habits that doubled my clients' results", formula: "list" },
  { text: "The mistake every beginner makes at the gym", formula: "mistake" },
];

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function invalid(field: string, message: string): ApiError {
  return { code: "invalid_input", field, message };
}

export function totals(patch: Partial<UsageTotals> & { month: string }): UsageTotals {
  return {
    client_id: null,
    client_name: null,
    calls: 0,
    failed_calls: 0,
    prompt_tokens: 0,
    completion_tokens: 0,
    cost_micro_usd: 0,
    unpriced_calls: 0,
    credits: 0,
    ...patch,
  };
}

let nextRecord = 1;
export function record(patch: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: nextRecord++,
    at: "2026-11-20T14:05:00.000Z",
    client_id: null,
    client_name: null,
    feature: "sample",
    provider: "openai",
    model: "gpt-4o-mini",
    prompt_tokens: 812,
    completion_tokens: 96,
    tokens_estimated: false,
    cost_micro_usd: 4200,
    priced: true,
    credits: 1,
    latency_ms: 1240,
    attempts: 1,
    outcome: "ok",
    ...patch,
  };
}

export class FakeAiBackend extends FakeBackend {
  provider: ProviderSettings | null = null;
  /** Stored keys by preset (the OS keychain). */
  keys = new Map<Preset, string>();
  allowance = 500;
  used = 0;
  month = "2026-11";
  renewsOn = "2026-12-01";
  prices: ModelPrice[] = [{ model: "gpt-4o-mini", input_micro_usd_per_mtok: 150_000, output_micro_usd_per_mtok: 600_000 }];
  /** What `ai_list_models` answers. */
  models = ["gpt-4o", "gpt-4o-mini", "o3-mini"];
  connection: ConnectionTest = {
    model: "gpt-4o-mini-2024-07-18",
    latency_ms: 842,
    usage: { prompt_tokens: 9, completion_tokens: 1, estimated: false },
  };
  /** The canned usage: months and recent calls of the workspace, per-client totals by month. */
  months: UsageTotals[] = [];
  clientMonths = new Map<string, UsageTotals[]>();
  recent: UsageRecord[] = [];
  /** Per client: what the client-filtered report shows. */
  perClient = new Map<string, { months: UsageTotals[]; recent: UsageRecord[] }>();

  /** Events `ai_sample` streams before it waits for `sampleGate` (if set) and answers. */
  sampleEvents: AiEvent[] = [];
  sampleGate: Promise<void> | null = null;
  sampleHooks: SampleHook[] = HOOKS;
  private runs = new Map<string, () => void>();

  status(): AiStatus {
    const p = this.provider;
    const info = p ? PRESETS.find((x) => x.preset === p.preset)! : null;
    const stored = p ? this.keys.get(p.preset) : undefined;
    const key: KeyState = stored
      ? { state: "stored", hint: `${stored.slice(0, 3)}…${stored.slice(-4)}` }
      : info?.needs_key
        ? { state: "missing" }
        : { state: "not_needed" };
    let offline_reason: string | null = null;
    if (!p) offline_reason = "no AI provider is set up: drafts are written offline";
    else if (key.state === "missing") offline_reason = `${info!.label} needs an API key`;
    else if (this.used >= this.allowance) {
      offline_reason = `this month's AI credits are used up (${this.used} of ${this.allowance}); they renew on ${this.renewsOn}`;
    }
    return {
      provider: p ? structuredClone(p) : null,
      provider_label: info?.label ?? null,
      key,
      local: info?.local ?? false,
      month: this.month,
      credits_used: this.used,
      credits_allowance: this.allowance,
      credits_licensed: 500,
      credits_renew_on: this.renewsOn,
      offline_reason,
    };
  }

  protected override other(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "ai_presets":
        return structuredClone(PRESETS);
      case "ai_status":
        return this.status();
      case "ai_configure":
        this.provider = this.checkSettings(args.settings as ProviderSettings, true);
        return this.status();
      case "ai_disable":
        this.provider = null;
        return this.status();
      case "ai_set_key": {
        if (!this.provider) throw { code: "ai_not_configured", field: null, message: "no AI provider is set up" } satisfies ApiError;
        const key = String(args.key ?? "").trim();
        if (key === "") throw invalid("key", "the API key is empty");
        this.keys.set(this.provider.preset, key);
        return this.status();
      }
      case "ai_remove_key":
        if (this.provider) this.keys.delete(this.provider.preset);
        return this.status();
      case "ai_list_models":
        this.checkSettings(args.settings as ProviderSettings, false);
        return [...this.models];
      case "ai_test_connection":
        if (!this.provider) throw { code: "ai_not_configured", field: null, message: "no AI provider is set up" } satisfies ApiError;
        return structuredClone(this.connection);
      case "ai_set_allowance": {
        const credits = args.credits as number;
        if (!Number.isInteger(credits) || credits < 0 || credits > 1_000_000) {
          throw invalid("credits_allowance", "the monthly allowance is a number of credits from 0 to 1000000");
        }
        this.allowance = credits;
        return this.status();
      }
      case "ai_usage":
        return this.report(args.client as string | null);
      case "ai_usage_by_client":
        return structuredClone(this.clientMonths.get(args.month as string) ?? []);
      case "ai_prices":
        return structuredClone(this.prices);
      case "ai_set_price": {
        const price = args.price as ModelPrice;
        this.prices = [...this.prices.filter((p) => p.model !== price.model), price].sort((a, b) => a.model.localeCompare(b.model));
        return structuredClone(this.prices);
      }
      case "ai_delete_price":
        this.prices = this.prices.filter((p) => p.model !== args.model);
        return structuredClone(this.prices);
      case "ai_sample":
        return this.sample(args.runId as string, args.onEvent);
      case "ai_cancel":
        this.runs.get(args.runId as string)?.();
        return null;
      default:
        return super.other(cmd, args);
    }
  }

  private checkSettings(s: ProviderSettings, needModel: boolean): ProviderSettings {
    const base_url = s.base_url.trim().replace(/\/+$/, "");
    const model = s.model.trim();
    if (base_url === "") throw invalid("base_url", "enter the provider's base URL, e.g. https://api.example.com/v1");
    if (!/^https?:\/\/[^/]+/.test(base_url)) throw invalid("base_url", `“${base_url}” is not a URL`);
    if (needModel && model === "") throw invalid("model", "choose the model to use");
    for (const h of s.extra_headers) {
      if (!/^[A-Za-z0-9_-]+$/.test(h.name.trim())) throw invalid("extra_headers", `“${h.name}” is not a valid header name`);
    }
    return {
      preset: s.preset,
      base_url,
      model,
      extra_headers: s.extra_headers.map((h) => ({ name: h.name.trim(), value: h.value.trim() })),
    };
  }

  private report(client: string | null): UsageReport {
    if (client === null) {
      return structuredClone({
        status: this.status(),
        client_id: null,
        months: this.months,
        clients: this.clientMonths.get(this.month) ?? [],
        recent: this.recent,
      });
    }
    if (!this.clients.some((c) => c.id === client)) {
      throw { code: "not_found", field: null, message: `no client ${client}` } satisfies ApiError;
    }
    const own = this.perClient.get(client) ?? { months: [], recent: [] };
    return structuredClone({ status: this.status(), client_id: client, months: own.months, clients: [], recent: own.recent });
  }

  private async sample(runId: string, channel: unknown): Promise<SampleResult> {
    let cancelled = false;
    const cancelledNow = new Promise<void>((resolve) => {
      this.runs.set(runId, () => {
        cancelled = true;
        resolve();
      });
    });
    const stop = (): never => {
      throw { code: "cancelled", field: null, message: "the AI call was cancelled; nothing was charged" } satisfies ApiError;
    };
    try {
      let index = 0;
      for (const event of this.sampleEvents) {
        await tick();
        if (cancelled) stop();
        sendToChannel(channel, index++, event);
      }
      if (this.sampleGate) await Promise.race([this.sampleGate, cancelledNow]);
      if (cancelled) stop();
      const offline = this.status().offline_reason;
      if (offline) return { hooks: null, model: null, latency_ms: 0, offline_reason: offline };
      this.used += 1;
      return { hooks: structuredClone(this.sampleHooks), model: this.provider!.model, latency_ms: 1830, offline_reason: null };
    } finally {
      this.runs.delete(runId);
    }
  }
}
