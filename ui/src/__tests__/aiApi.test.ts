import { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import * as api from "../api";
import type { AiEvent } from "../bindings";

describe("api: AI commands", () => {
  it("sends each AI command with the argument keys the back end expects", async () => {
    const seen: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return cmd === "ai_cancel" ? null : {};
    });
    const settings = { preset: "openai" as const, base_url: "https://api.openai.com/v1", model: "", extra_headers: [] };
    const price = { model: "gpt-4o-mini", input_micro_usd_per_mtok: 150_000, output_micro_usd_per_mtok: 600_000 };

    await api.aiPresets();
    await api.aiStatus();
    await api.aiConfigure(settings);
    await api.aiDisable();
    await api.aiSetKey("sk-1");
    await api.aiRemoveKey();
    await api.aiListModels(settings);
    await api.aiTestConnection();
    await api.aiSetAllowance(40);
    await api.aiUsage(null);
    await api.aiUsage("c1");
    await api.aiUsageByClient("2026-11");
    await api.aiPrices();
    await api.aiSetPrice(price);
    await api.aiDeletePrice("gpt-4o-mini");
    await api.aiSample("run-1", "c1", () => {});
    await api.aiCancel("run-1");

    expect(seen).toEqual([
      ["ai_presets", {}],
      ["ai_status", {}],
      ["ai_configure", { settings }],
      ["ai_disable", {}],
      ["ai_set_key", { key: "sk-1" }],
      ["ai_remove_key", {}],
      ["ai_list_models", { settings }],
      ["ai_test_connection", {}],
      ["ai_set_allowance", { credits: 40 }],
      ["ai_usage", { client: null }],
      ["ai_usage", { client: "c1" }],
      ["ai_usage_by_client", { month: "2026-11" }],
      ["ai_prices", {}],
      ["ai_set_price", { price }],
      ["ai_delete_price", { model: "gpt-4o-mini" }],
      ["ai_sample", { runId: "run-1", client: "c1", onEvent: expect.any(Channel) }],
      ["ai_cancel", { runId: "run-1" }],
    ]);
  });

  it("streams sample events through a channel, in order", async () => {
    mockIPC((cmd, args) => {
      if (cmd !== "ai_sample") return null;
      const id = ((args as Record<string, unknown>).onEvent as Channel<unknown>).id;
      const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
        .__TAURI_INTERNALS__;
      internals.runCallback(id, { index: 1, message: { kind: "item", field: "hooks", index: 0, value: { text: "a", formula: "list" } } });
      internals.runCallback(id, { index: 0, message: { kind: "text", chars: 10, tokens: 3 } });
      return { hooks: null, model: null, latency_ms: 0, offline_reason: "no provider" };
    });
    const seen: AiEvent[] = [];
    const result = await api.aiSample("run-2", null, (e) => seen.push(e));
    expect(result.offline_reason).toBe("no provider");
    expect(seen.map((e) => e.kind)).toEqual(["text", "item"]);
  });

  it("knows the AI error codes", async () => {
    for (const code of ["keychain_unavailable", "ai_bad_key", "ai_rate_limited", "ai_credits_spent"] as const) {
      mockIPC(() => {
        throw { code, message: "why", field: null };
      });
      await expect(api.aiStatus()).rejects.toEqual({ code, message: "Why", field: null });
    }
  });
});
