import { FakeAiBackend, HOOKS } from "../test/fakeAi";
import { openSettings, screen, waitFor, within } from "../test/render";

function ready() {
  const backend = new FakeAiBackend([{ name: "Zoe Fitness", handle: "zoe.fit" }]);
  backend.provider = { preset: "openai", base_url: "https://api.openai.com/v1", model: "gpt-4o-mini", extra_headers: [] };
  backend.keys.set("openai", "sk-abc1234");
  return backend;
}

const texts = () => screen.queryAllByTestId("ai-sample-item").map((i) => i.querySelector("p")?.textContent);

describe("settings: try it", () => {
  it("streams hooks as they arrive, then shows the final ones with the model and time", async () => {
    const backend = ready();
    backend.sampleEvents = [
      { kind: "text", chars: 120, tokens: 31 },
      { kind: "item", field: "hooks", index: 0, value: HOOKS[0] },
      { kind: "text", chars: 240, tokens: 64 },
      { kind: "item", field: "hooks", index: 1, value: HOOKS[1] },
    ];
    let release = () => {};
    backend.sampleGate = new Promise<void>((r) => (release = r));
    const { user } = await openSettings(backend);
    const zoe = backend.byHandle("zoe.fit")!;

    // The client list loads after the page: wait for the option before choosing it.
    await waitFor(() =>
      expect(screen.getByTestId("ai-sample-client").querySelector(`option[value="${zoe.id}"]`)).not.toBeNull(),
    );
    await user.selectOptions(screen.getByTestId("ai-sample-client"), zoe.id);
    await user.click(screen.getByTestId("ai-sample"));

    // Before ai_sample answers: the live count and the two finished hooks (events arrive one
    // per tick, so wait for the last of them).
    await waitFor(() => {
      expect(screen.getByTestId("ai-sample-tokens")).toHaveTextContent("Receiving… 64 tokens");
      expect(texts()).toEqual([HOOKS[0].text, HOOKS[1].text]);
    });
    expect(screen.getAllByTestId("ai-sample-item")[0]).toHaveTextContent("Contrarian");
    expect(screen.getByTestId("ai-sample")).toBeDisabled();
    expect(screen.queryByTestId("ai-sample-meta")).not.toBeInTheDocument();
    const call = backend.lastCall("ai_sample")!;
    expect(call.args).toMatchObject({ client: zoe.id });
    expect(call.args.runId).toMatch(/^[0-9a-f-]{36}$/);

    release();

    await waitFor(() => expect(screen.getByTestId("ai-sample-meta")).toHaveTextContent("by gpt-4o-mini in 1,830 ms"));
    expect(texts()).toEqual(HOOKS.map((h) => h.text));
    expect(screen.queryByTestId("ai-sample-tokens")).not.toBeInTheDocument();
    expect(screen.queryByTestId("ai-sample-cancel")).not.toBeInTheDocument();
    // The used credit shows without a reload.
    await waitFor(() => expect(screen.getByTestId("ai-credits")).toHaveTextContent("1 of 500 AI credits used"));
  });

  it("cancels with the same run id and says nothing was charged", async () => {
    const backend = ready();
    backend.sampleEvents = [{ kind: "text", chars: 40, tokens: 12 }];
    backend.sampleGate = new Promise<void>(() => {});
    const { user } = await openSettings(backend);

    await user.click(screen.getByTestId("ai-sample"));
    await waitFor(() => expect(screen.getByTestId("ai-sample-tokens")).toHaveTextContent("Receiving… 12 tokens"));
    expect(backend.lastCall("ai_sample")?.args).toMatchObject({ client: null });

    await user.click(screen.getByTestId("ai-sample-cancel"));

    const message = await screen.findByTestId("ai-sample-error");
    expect(message).toHaveTextContent("Cancelled — nothing was charged");
    expect(message).toHaveAttribute("data-code", "cancelled");
    expect(backend.lastCall("ai_cancel")?.args).toEqual({ runId: backend.lastCall("ai_sample")?.args.runId });
    expect(screen.queryByTestId("ai-sample-item")).not.toBeInTheDocument();
    expect(backend.used).toBe(0);
    expect(screen.getByTestId("ai-sample")).toBeEnabled();
  });

  it("shows retries and repairs while it waits", async () => {
    const backend = ready();
    backend.sampleEvents = [
      { kind: "retrying", attempt: 1, wait_ms: 2000, reason: "rate limited (429)" },
    ];
    let release = () => {};
    backend.sampleGate = new Promise<void>((r) => (release = r));
    const { user } = await openSettings(backend);
    await user.click(screen.getByTestId("ai-sample"));
    expect(await screen.findByTestId("ai-sample-notice")).toHaveTextContent("Provider busy — retrying in 2 s");
    release();
    await screen.findByTestId("ai-sample-meta");

    backend.sampleEvents = [
      { kind: "item", field: "hooks", index: 0, value: { text: "broken", formula: "nonsense" } },
      { kind: "repairing", reason: "“nonsense” is not one of the formulas" },
    ];
    backend.sampleGate = new Promise<void>((r) => (release = r));
    await user.click(screen.getByTestId("ai-sample"));
    expect(await screen.findByTestId("ai-sample-notice")).toHaveTextContent("Fixing an unusable answer…");
    // The unusable answer's hooks are gone.
    expect(screen.queryByTestId("ai-sample-item")).not.toBeInTheDocument();
    release();
    await waitFor(() => expect(texts()).toHaveLength(3));
  });

  it("says why drafting is offline", async () => {
    const backend = new FakeAiBackend();
    const { user } = await openSettings(backend);
    await user.click(screen.getByTestId("ai-sample"));
    const offline = await screen.findByTestId("ai-sample-offline");
    expect(within(offline).getByText("Offline")).toBeInTheDocument();
    expect(offline).toHaveTextContent("No AI provider is set up: drafts are written offline");
    expect(screen.queryByTestId("ai-sample-item")).not.toBeInTheDocument();
  });

  it("shows a provider error", async () => {
    const backend = ready();
    backend.failNext("ai_sample", { code: "ai_quota_exhausted", field: null, message: "the OpenAI account has no credit left" });
    const { user } = await openSettings(backend);
    await user.click(screen.getByTestId("ai-sample"));
    const error = await screen.findByTestId("ai-sample-error");
    expect(error).toHaveTextContent("The OpenAI account has no credit left");
    expect(error).toHaveAttribute("role", "alert");
  });

  it("cancels a running sample when the page is left", async () => {
    const backend = ready();
    backend.sampleGate = new Promise<void>(() => {});
    const { user } = await openSettings(backend);
    await user.click(screen.getByTestId("ai-sample"));
    await screen.findByTestId("ai-sample-tokens");
    await user.click(screen.getByTestId("nav-clients"));
    await waitFor(() => expect(backend.callsOf("ai_cancel")).toHaveLength(1));
    expect(backend.lastCall("ai_cancel")?.args.runId).toBe(backend.lastCall("ai_sample")?.args.runId);
  });
});
