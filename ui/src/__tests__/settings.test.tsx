import { FakeAiBackend } from "../test/fakeAi";
import { openSettings, screen, waitFor, within } from "../test/render";

function configured(backend = new FakeAiBackend()) {
  backend.provider = { preset: "openai", base_url: "https://api.openai.com/v1", model: "gpt-4o-mini", extra_headers: [] };
  return backend;
}

describe("settings: AI provider", () => {
  it("opens from the sidebar and shows the status, the presets and the credits", async () => {
    const backend = new FakeAiBackend();
    backend.used = 12;
    await openSettings(backend);

    expect(screen.getByTestId("settings-page")).toHaveTextContent("Settings");
    expect(screen.getByTestId("nav-settings")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("nav-clients")).not.toHaveAttribute("aria-current");
    expect(screen.getByTestId("ai-status")).toHaveTextContent("No AI provider is set up: drafts are written offline");
    expect(screen.queryByTestId("ai-status-local")).not.toBeInTheDocument();

    const options = within(screen.getByTestId("ai-preset")).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "OpenAI",
      "OpenRouter",
      "Ollama (local)",
      "LM Studio (local)",
      "Custom (OpenAI-compatible)",
    ]);
    // Nothing saved yet: the first preset's values, the key waits for a provider.
    expect(screen.getByTestId("ai-base-url")).toHaveValue("https://api.openai.com/v1");
    expect(screen.getByTestId("ai-model")).toHaveValue("gpt-4o-mini");
    expect(screen.getByTestId("ai-key-input")).toBeDisabled();
    expect(screen.getByTestId("ai-test")).toBeDisabled();
    expect(screen.queryByTestId("ai-disable")).not.toBeInTheDocument();

    expect(screen.getByTestId("ai-credits")).toHaveTextContent("12 of 500 AI credits used this month · renews on 2026-12-01");
    expect(screen.getByTestId("ai-credits")).toHaveTextContent("One credit = one successful AI generation.");
    expect(within(screen.getByTestId("ai-credits")).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "12");
  });

  it("fills a preset's values and saves the form with ai_configure", async () => {
    const backend = new FakeAiBackend();
    const { user } = await openSettings(backend);

    await user.selectOptions(screen.getByTestId("ai-preset"), "openrouter");
    expect(screen.getByTestId("ai-base-url")).toHaveValue("https://openrouter.ai/api/v1");
    expect(screen.getByTestId("ai-model")).toHaveValue("openai/gpt-4o-mini");
    expect(screen.getAllByTestId("ai-header-name").map((i) => (i as HTMLInputElement).value)).toEqual([
      "HTTP-Referer",
      "X-Title",
    ]);

    await user.selectOptions(screen.getByTestId("ai-preset"), "ollama");
    expect(screen.getByTestId("ai-base-url")).toHaveValue("http://localhost:11434/v1");
    expect(screen.queryAllByTestId("ai-header-name")).toHaveLength(0);

    await user.clear(screen.getByTestId("ai-model"));
    await user.type(screen.getByTestId("ai-model"), "qwen2.5:7b");
    await user.click(screen.getByTestId("ai-header-add"));
    await user.type(screen.getByTestId("ai-header-name"), "X-Route");
    await user.type(screen.getByTestId("ai-header-value"), "gpu-1");
    await user.click(screen.getByTestId("ai-save"));

    await waitFor(() => expect(screen.getByTestId("ai-status")).toHaveTextContent("Ready — Ollama (local) · qwen2.5:7b"));
    expect(backend.lastCall("ai_configure")?.args).toEqual({
      settings: {
        preset: "ollama",
        base_url: "http://localhost:11434/v1",
        model: "qwen2.5:7b",
        extra_headers: [{ name: "X-Route", value: "gpu-1" }],
      },
    });
    expect(screen.getByTestId("ai-status")).toHaveTextContent("Local — client data stays on this machine");
    expect(screen.getByTestId("ai-saved")).toHaveTextContent("Saved");
    // A local server needs no key, but a key can be saved now.
    expect(screen.getByTestId("ai-key")).toHaveTextContent("Optional: local servers accept any key or none");
    expect(screen.getByTestId("ai-key-input")).toBeEnabled();

    await user.click(screen.getByTestId("ai-header-remove"));
    await user.click(screen.getByTestId("ai-save"));
    await waitFor(() => expect(backend.provider?.extra_headers).toEqual([]));

    await user.click(screen.getByTestId("ai-disable"));
    await waitFor(() => expect(screen.getByTestId("ai-status")).toHaveTextContent("No AI provider is set up"));
    expect(backend.callsOf("ai_disable")).toHaveLength(1);
  });

  it("shows a field error from ai_configure under the field", async () => {
    const backend = new FakeAiBackend();
    const { user } = await openSettings(backend);
    await user.selectOptions(screen.getByTestId("ai-preset"), "custom");
    expect(screen.getByTestId("ai-base-url")).toHaveValue("");
    await user.type(screen.getByTestId("ai-model"), "my-model");
    backend.failNext("ai_configure", {
      code: "invalid_input",
      field: "base_url",
      message: "use https for example.com: plain http is only allowed for a server on this machine or your local network",
    });
    await user.type(screen.getByTestId("ai-base-url"), "http://example.com/v1");
    await user.click(screen.getByTestId("ai-save"));

    const error = await screen.findByTestId("error-base_url");
    expect(error).toHaveTextContent("Use https for example.com");
    expect(screen.getByTestId("ai-base-url")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("ai-base-url")).toHaveAccessibleDescription(/Use https for example.com/);
    expect(screen.queryByTestId("ai-provider-error")).not.toBeInTheDocument();

    // Editing the field clears its error; the fake refuses a bad header name on its own.
    await user.type(screen.getByTestId("ai-base-url"), "x");
    expect(screen.queryByTestId("error-base_url")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("ai-header-add"));
    await user.type(screen.getByTestId("ai-header-name"), "Bad Header");
    await user.click(screen.getByTestId("ai-save"));
    expect(await screen.findByTestId("error-extra_headers")).toHaveTextContent("“Bad Header” is not a valid header name");
    expect(backend.provider).toBeNull();
  });

  it("loads the provider's models with the unsaved form values, and shows why it failed", async () => {
    const backend = new FakeAiBackend();
    const { user } = await openSettings(backend);
    backend.failNext("ai_list_models", { code: "ai_bad_key", field: null, message: "OpenAI refused the API key (401)" });
    await user.click(screen.getByTestId("ai-load-models"));
    expect(await screen.findByTestId("ai-models-error")).toHaveTextContent(
      "OpenAI refused the API key (401). Save the provider and its API key first, then load the models.",
    );

    await user.clear(screen.getByTestId("ai-model"));
    await user.click(screen.getByTestId("ai-load-models"));
    const options = await screen.findByTestId("ai-model-options");
    expect(screen.queryByTestId("ai-models-error")).not.toBeInTheDocument();
    expect(backend.lastCall("ai_list_models")?.args).toEqual({
      settings: { preset: "openai", base_url: "https://api.openai.com/v1", model: "", extra_headers: [] },
    });
    await user.selectOptions(options, "o3-mini");
    expect(screen.getByTestId("ai-model")).toHaveValue("o3-mini");
  });
});

describe("settings: API key", () => {
  it("saves the key to the keychain, clears the input and shows the stored hint", async () => {
    const backend = configured();
    const { user } = await openSettings(backend);
    expect(screen.getByTestId("ai-status")).toHaveTextContent("OpenAI needs an API key");
    expect(screen.queryByTestId("ai-key-hint")).not.toBeInTheDocument();

    const input = screen.getByTestId("ai-key-input");
    expect(input).toHaveAttribute("type", "password");
    expect(input).toHaveAttribute("autocomplete", "off");
    expect(screen.getByTestId("ai-key-save")).toBeDisabled();
    await user.type(input, "sk-test-abcdef1234");
    await user.click(screen.getByTestId("ai-key-save"));

    await waitFor(() => expect(screen.getByTestId("ai-key-hint")).toHaveTextContent("Stored in the OS keychain: sk-…1234"));
    expect(backend.lastCall("ai_set_key")?.args).toEqual({ key: "sk-test-abcdef1234" });
    expect(input).toHaveValue("");
    expect(screen.getByTestId("ai-status")).toHaveTextContent("Ready — OpenAI · gpt-4o-mini");
    // The key itself is nowhere on screen.
    expect(document.body.textContent).not.toContain("abcdef");

    await user.click(screen.getByTestId("ai-key-remove"));
    await waitFor(() => expect(screen.queryByTestId("ai-key-hint")).not.toBeInTheDocument());
    expect(backend.keys.size).toBe(0);
  });

  it("shows a keychain error in the key block", async () => {
    const backend = configured();
    const { user } = await openSettings(backend);
    backend.failNext("ai_set_key", {
      code: "keychain_unavailable",
      field: null,
      message: "no OS keychain is reachable (is a Secret Service running?)",
    });
    await user.type(screen.getByTestId("ai-key-input"), "sk-1");
    await user.click(screen.getByTestId("ai-key-save"));
    expect(await screen.findByTestId("ai-key-error")).toHaveTextContent("No OS keychain is reachable");
    expect(screen.queryByTestId("app-error")).not.toBeInTheDocument();
  });
});

describe("settings: test connection", () => {
  it("shows the model and latency, or the error", async () => {
    const backend = configured();
    backend.keys.set("openai", "sk-abc1234");
    let release = () => {};
    backend.holdUntil("ai_test_connection", new Promise<void>((r) => (release = r)));
    const { user } = await openSettings(backend);

    await user.click(screen.getByTestId("ai-test"));
    expect(await screen.findByTestId("ai-test-spinner")).toBeInTheDocument();
    expect(screen.getByTestId("ai-test")).toBeDisabled();
    release();
    expect(await screen.findByTestId("ai-test-result")).toHaveTextContent(
      "Connected — gpt-4o-mini-2024-07-18 answered in 842 ms",
    );

    backend.failNext("ai_test_connection", {
      code: "ai_unreachable",
      field: null,
      message: "api.openai.com cannot be reached: check the network",
    });
    await user.click(screen.getByTestId("ai-test"));
    expect(await screen.findByTestId("ai-test-error")).toHaveTextContent("Api.openai.com cannot be reached");
    expect(screen.queryByTestId("ai-test-result")).not.toBeInTheDocument();
  });
});

describe("settings: credits", () => {
  it("saves the monthly allowance", async () => {
    const backend = new FakeAiBackend();
    const { user } = await openSettings(backend);
    const input = screen.getByTestId("ai-allowance");
    expect(input).toHaveValue(500);
    await user.clear(input);
    await user.type(input, "40");
    await user.click(screen.getByTestId("ai-allowance-save"));
    await waitFor(() => expect(screen.getByTestId("ai-credits")).toHaveTextContent("0 of 40 AI credits used"));
    expect(backend.lastCall("ai_set_allowance")?.args).toEqual({ credits: 40 });
  });
});
