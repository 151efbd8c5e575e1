import { FakeAiBackend, record, totals } from "../test/fakeAi";
import { openUsage, screen, waitFor, within } from "../test/render";

function withCalls() {
  const backend = new FakeAiBackend([
    { name: "Zoe Fitness", handle: "zoe.fit" },
    { name: "Alice Bakery", handle: "alice_bakes" },
  ]);
  backend.provider = { preset: "openai", base_url: "https://api.openai.com/v1", model: "gpt-4o-mini", extra_headers: [] };
  backend.used = 12;
  const zoe = backend.byHandle("zoe.fit")!;
  backend.months = [
    totals({ month: "2026-11", calls: 14, failed_calls: 2, prompt_tokens: 11_200, completion_tokens: 1_350, cost_micro_usd: 4200, credits: 12 }),
    totals({ month: "2026-10", calls: 300, prompt_tokens: 2_000_000, completion_tokens: 400_000, cost_micro_usd: 1_250_000, unpriced_calls: 3, credits: 297 }),
  ];
  backend.clientMonths.set("2026-11", [
    totals({ month: "2026-11", client_id: zoe.id, client_name: "Zoe Fitness", calls: 10, cost_micro_usd: 3000, credits: 9 }),
    totals({ month: "2026-11", calls: 4, cost_micro_usd: 1200, credits: 3 }),
  ]);
  backend.clientMonths.set("2026-10", [
    totals({ month: "2026-10", client_id: zoe.id, client_name: "Zoe Fitness", calls: 300, cost_micro_usd: 1_250_000, credits: 297 }),
  ]);
  backend.recent = [
    record({ client_id: zoe.id, client_name: "Zoe Fitness", tokens_estimated: true, prompt_tokens: 812, completion_tokens: 96 }),
    record({ outcome: "ai_rate_limited", cost_micro_usd: 0, credits: 0, attempts: 3 }),
    record({ model: "mystery-model", priced: false, cost_micro_usd: 0 }),
  ];
  backend.perClient.set(zoe.id, { months: [backend.clientMonths.get("2026-11")![0]], recent: [backend.recent[0]] });
  return backend;
}

describe("AI usage", () => {
  it("shows credits, totals by month and by client, and the recent calls", async () => {
    const backend = withCalls();
    await openUsage(backend);

    expect(screen.getByTestId("usage-page")).toHaveTextContent("AI usage");
    expect(screen.getByTestId("nav-usage")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("usage-credits")).toHaveTextContent("12 of 500 AI credits used this month · renews on 2026-12-01");
    expect(backend.lastCall("ai_usage")?.args).toEqual({ client: null });

    const months = screen.getAllByTestId("usage-month-row");
    expect(months).toHaveLength(2);
    expect(months[0]).toHaveAttribute("data-month", "2026-11");
    const cells = (row: HTMLElement) => within(row).getAllByRole("cell").map((c) => c.textContent);
    expect(cells(months[0]).slice(1)).toEqual(["14", "2", "11,200", "1,350", "$0.0042", "12"]);
    expect(cells(months[1])[5]).toBe("$1.25+ 3 unpriced calls");

    const clients = screen.getAllByTestId("usage-client-row");
    expect(clients.map((r) => cells(r)[0])).toEqual(["Zoe Fitness", "No client"]);
    expect(cells(clients[0])[5]).toBe("$0.0030");

    const calls = screen.getAllByTestId("usage-call-row");
    expect(calls).toHaveLength(3);
    expect(within(calls[0]).getByTestId("usage-call-tokens")).toHaveTextContent("≈812 / ≈96");
    expect(within(calls[0]).getByTestId("usage-call-cost")).toHaveTextContent("$0.0042");
    expect(within(calls[0]).getByTestId("usage-call-outcome")).toHaveTextContent("ok");
    expect(within(calls[0]).getByTestId("usage-call-outcome")).toHaveClass("chip-ok");
    expect(calls[0]).toHaveTextContent("Zoe Fitness");
    expect(calls[0]).toHaveTextContent("Sample hooks");
    expect(calls[0]).toHaveTextContent("1,240 ms");
    expect(within(calls[1]).getByTestId("usage-call-tokens")).toHaveTextContent("812 / 96");
    expect(within(calls[1]).getByTestId("usage-call-tokens").textContent).not.toContain("≈");
    expect(within(calls[1]).getByTestId("usage-call-outcome")).toHaveTextContent("ai_rate_limited");
    expect(within(calls[1]).getByTestId("usage-call-outcome")).toHaveClass("chip-error");
    expect(calls[1]).toHaveTextContent("No client");
    expect(within(calls[2]).getByTestId("usage-call-cost")).toHaveTextContent("price unknown");
    expect(screen.queryByTestId("usage-empty")).not.toBeInTheDocument();
  });

  it("loads another month's totals per client", async () => {
    const backend = withCalls();
    const { user } = await openUsage(backend);
    const select = screen.getByTestId("usage-month-select");
    expect(within(select).getAllByRole("option").map((o) => (o as HTMLOptionElement).value)).toEqual(["2026-11", "2026-10"]);
    await user.selectOptions(select, "2026-10");
    await waitFor(() => expect(screen.getAllByTestId("usage-client-row")).toHaveLength(1));
    expect(backend.lastCall("ai_usage_by_client")?.args).toEqual({ month: "2026-10" });
    expect(screen.getByTestId("usage-client-row")).toHaveTextContent("$1.25");
  });

  it("filters by client", async () => {
    const backend = withCalls();
    const zoe = backend.byHandle("zoe.fit")!;
    const { user } = await openUsage(backend);
    await user.selectOptions(screen.getByTestId("usage-client"), zoe.id);
    await waitFor(() => expect(screen.getAllByTestId("usage-call-row")).toHaveLength(1));
    expect(backend.lastCall("ai_usage")?.args).toEqual({ client: zoe.id });
    expect(screen.getAllByTestId("usage-month-row")).toHaveLength(1);
    // The per-client table is for the whole workspace only.
    expect(screen.queryByTestId("usage-client-row")).not.toBeInTheDocument();
    expect(screen.queryByTestId("usage-month-select")).not.toBeInTheDocument();

    await user.selectOptions(screen.getByTestId("usage-client"), "");
    await waitFor(() => expect(screen.getAllByTestId("usage-call-row")).toHaveLength(3));
    expect(backend.lastCall("ai_usage")?.args).toEqual({ client: null });
  });

  it("says so when there are no calls yet", async () => {
    const backend = new FakeAiBackend();
    const { user } = await openUsage(backend);
    expect(screen.getByTestId("usage-empty")).toHaveTextContent(
      "No AI calls yet. Drafts are written offline until a provider is set up in Settings.",
    );
    expect(screen.queryByTestId("usage-month-row")).not.toBeInTheDocument();
    expect(screen.queryByTestId("usage-call-row")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("usage-open-settings"));
    expect(await screen.findByTestId("settings-page")).toBeInTheDocument();
  });
});

describe("model prices", () => {
  it("lists the prices and adds one in micro-dollars", async () => {
    const backend = new FakeAiBackend();
    const { user } = await openUsage(backend);
    const rows = await screen.findAllByTestId("ai-price-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("gpt-4o-mini");
    expect(rows[0]).toHaveTextContent("$0.15");
    expect(rows[0]).toHaveTextContent("$0.60");
    expect(screen.getByTestId("ai-prices")).toHaveTextContent(
      "Estimates from these prices; edit them to match your provider's. Local models cost nothing.",
    );

    await user.type(screen.getByTestId("ai-price-model"), "gpt-4.1");
    await user.type(screen.getByTestId("ai-price-input"), "2");
    await user.type(screen.getByTestId("ai-price-output"), "0.075");
    await user.click(screen.getByTestId("ai-price-save"));

    await waitFor(() => expect(screen.getAllByTestId("ai-price-row")).toHaveLength(2));
    expect(backend.lastCall("ai_set_price")?.args).toEqual({
      price: { model: "gpt-4.1", input_micro_usd_per_mtok: 2_000_000, output_micro_usd_per_mtok: 75_000 },
    });
    expect(screen.getAllByTestId("ai-price-row")[0]).toHaveTextContent("$2.00");
    expect(screen.getAllByTestId("ai-price-row")[0]).toHaveTextContent("$0.075");
    expect(screen.getByTestId("ai-price-model")).toHaveValue("");
  });

  it("edits and deletes a price, and refuses an amount that is not one", async () => {
    const backend = new FakeAiBackend();
    const { user } = await openUsage(backend);
    await user.click(await screen.findByTestId("ai-price-edit"));
    expect(screen.getByTestId("ai-price-model")).toHaveValue("gpt-4o-mini");
    expect(screen.getByTestId("ai-price-input")).toHaveValue("0.15");
    await user.clear(screen.getByTestId("ai-price-input"));
    await user.type(screen.getByTestId("ai-price-input"), "abc");
    await user.click(screen.getByTestId("ai-price-save"));
    expect(screen.getByTestId("ai-price-error")).toHaveTextContent("dollars per million tokens");
    expect(backend.callsOf("ai_set_price")).toHaveLength(0);

    await user.clear(screen.getByTestId("ai-price-input"));
    await user.type(screen.getByTestId("ai-price-input"), "0.1");
    await user.click(screen.getByTestId("ai-price-save"));
    await waitFor(() => expect(screen.getByTestId("ai-price-row")).toHaveTextContent("$0.10"));
    expect(backend.lastCall("ai_set_price")?.args).toEqual({
      price: { model: "gpt-4o-mini", input_micro_usd_per_mtok: 100_000, output_micro_usd_per_mtok: 600_000 },
    });

    await user.click(screen.getByTestId("ai-price-delete"));
    await waitFor(() => expect(screen.queryByTestId("ai-price-row")).not.toBeInTheDocument());
    expect(backend.lastCall("ai_delete_price")?.args).toEqual({ model: "gpt-4o-mini" });
  });
});
