import { freshOnboarding } from "../test/fakeOnboarding";
import { FakeReportsBackend } from "../test/fakeReports";
import { renderApp, screen, waitFor } from "../test/render";
import { exportOf } from "../test/sampleData";

const ZIP = "/home/ana/Downloads/instagram-glow.studio.zip";

function freshWorkspace(): FakeReportsBackend {
  const backend = new FakeReportsBackend();
  backend.onboarding.state = freshOnboarding();
  backend.addFile(ZIP, exportOf("glow.studio", 12));
  return backend;
}

/** A setup left at the import step, its client made. */
function resumedAtImport(): FakeReportsBackend {
  const backend = freshWorkspace();
  const client = backend.seed({ name: "Glow Studio", handle: "glow.studio" });
  backend.onboarding.state = {
    step: "import",
    done: ["license", "ai", "branding", "client"],
    client_id: client.id,
    skipped: false,
    finished: false,
  };
  return backend;
}

async function title(text: string) {
  await waitFor(() => expect(screen.getByTestId("wizard-step-title")).toHaveTextContent(text));
}

describe("first-run setup", () => {
  it("walks licence, AI, branding, first client, import and audit to a saved PDF, then opens the client", async () => {
    const backend = freshWorkspace();
    const { user } = await renderApp(backend);
    expect(screen.getByTestId("wizard")).toBeInTheDocument();
    expect(screen.queryByTestId("nav-clients")).not.toBeInTheDocument();

    await title("Your licence");
    expect(await screen.findByTestId("wizard-trial")).toHaveTextContent("days left");
    await user.click(screen.getByTestId("wizard-next"));

    await title("AI provider");
    await user.click(await screen.findByTestId("wizard-ai-offline"));
    await user.click(screen.getByTestId("wizard-next"));

    await title("brand");
    await screen.findByTestId("branding-section");
    await user.click(screen.getByTestId("wizard-next"));

    await title("first client");
    await user.click(screen.getByTestId("wizard-add-client"));
    await user.type(await screen.findByTestId("field-name"), "Glow Studio");
    await user.type(screen.getByTestId("field-handle"), "glow.studio");
    await user.click(screen.getByTestId("form-save"));
    expect(await screen.findByTestId("wizard-client")).toHaveTextContent("@glow.studio");
    await user.click(screen.getByTestId("wizard-next"));

    await title("Glow Studio's Instagram data");
    // Nothing imported yet: Continue waits.
    expect(screen.getByTestId("wizard-next")).toBeDisabled();
    await user.type(screen.getByTestId("import-path"), ZIP);
    await user.click(screen.getByTestId("import-path-go"));
    await screen.findByTestId("import-summary");
    await waitFor(() => expect(screen.getByTestId("wizard-next")).toBeEnabled());
    await user.click(screen.getByTestId("wizard-next"));

    await title("first audit");
    await user.click(screen.getByTestId("audit-run"));
    await screen.findByTestId("audit-score-cards");
    await user.click(screen.getByTestId("wizard-open-after"));
    await user.click(screen.getByTestId("wizard-save-pdf"));
    expect(await screen.findByTestId("wizard-pdf-saved")).toHaveTextContent("/home/ana/Documents/InstaGrowth OS/glow.studio-audit-");
    const exported = backend.lastCall("audit_export_pdf")!.args;
    expect(exported.openAfter).toBe(false);
    expect(String(exported.path)).toMatch(/^\/home\/ana\/Documents\/InstaGrowth OS\/glow\.studio-audit-.*\.pdf$/);

    await user.click(screen.getByTestId("wizard-finish"));
    expect(await screen.findByTestId("client-title")).toHaveTextContent("Glow Studio");
    expect(screen.queryByTestId("wizard")).not.toBeInTheDocument();
    expect(backend.callsOf("onboarding_complete").map((c) => c.args.step)).toEqual([
      "license",
      "ai",
      "branding",
      "client",
      "import",
      "audit",
    ]);
    expect(backend.onboarding.state.finished).toBe(true);
  });

  it("resumes where it was left, and Back shows the step before", async () => {
    const backend = resumedAtImport();
    const { user } = await renderApp(backend);
    await title("Glow Studio's Instagram data");
    expect(screen.getByTestId("wizard-rail-client")).toHaveTextContent("(done)");
    expect(screen.getByTestId("wizard-rail-audit")).toBeDisabled();
    await user.click(screen.getByTestId("wizard-back"));
    await title("Your first client");
    expect(await screen.findByTestId("wizard-client")).toHaveTextContent("@glow.studio");
  });

  it("Skip setup opens the client list and keeps it skipped", async () => {
    const backend = freshWorkspace();
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("wizard-skip"));
    expect(await screen.findByTestId("nav-clients")).toBeInTheDocument();
    expect(screen.queryByTestId("wizard")).not.toBeInTheDocument();
    expect(backend.onboarding.state.skipped).toBe(true);
  });

  it("an import refused by the back end leaves Continue disabled and says why", async () => {
    const backend = resumedAtImport();
    const { user } = await renderApp(backend);
    await title("Instagram data");
    await user.type(screen.getByTestId("import-path"), "/nope.zip");
    await user.click(screen.getByTestId("import-path-go"));
    expect(await screen.findByText(/does not exist/)).toBeInTheDocument();
    expect(screen.getByTestId("wizard-next")).toBeDisabled();
  });

  it("Help → Setup guide brings a skipped setup back where it was", async () => {
    const backend = freshWorkspace();
    backend.onboarding.state = { ...freshOnboarding(), step: "ai", done: ["license"], skipped: true };
    const { user } = await renderApp(backend);
    expect(screen.queryByTestId("wizard")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("nav-help"));
    await user.click(await screen.findByTestId("help-resume-setup"));
    await title("AI provider");
    expect(backend.callsOf("onboarding_resume")).toHaveLength(1);
  });

  it("Offline only turns off a provider set up before; keeping the model leaves it on", async () => {
    const backend = freshWorkspace();
    backend.provider = { preset: "openai", base_url: "https://api.openai.com/v1", model: "gpt-4o-mini", extra_headers: [] };
    backend.onboarding.state = { ...freshOnboarding(), step: "ai", done: ["license"] };
    const { user } = await renderApp(backend);
    await title("AI provider");
    // A provider is set up: the step opens on it.
    await waitFor(() => expect(screen.getByTestId("wizard-ai-provider")).toBeChecked());
    await user.click(screen.getByTestId("wizard-back"));
    await title("Your licence");
    await user.click(screen.getByTestId("wizard-next"));
    await title("AI provider");
    await waitFor(() => expect(screen.getByTestId("wizard-ai-provider")).toBeChecked());
    await user.click(screen.getByTestId("wizard-next"));
    await title("brand");
    expect(backend.callsOf("ai_disable")).toHaveLength(0);

    await user.click(screen.getByTestId("wizard-back"));
    await title("AI provider");
    await user.click(await screen.findByTestId("wizard-ai-offline"));
    await user.click(screen.getByTestId("wizard-next"));
    await title("brand");
    expect(backend.callsOf("ai_disable")).toHaveLength(1);
    expect(backend.provider).toBeNull();
  });

  it("an activation link on a new computer lands in the licence step, the key filled in", async () => {
    const backend = freshWorkspace();
    backend.onboarding.state = { ...freshOnboarding(), step: "branding", done: ["license", "ai"] };
    backend.license.pendingLink = "IGOS-7KQ3M-2B9XD-4RTV8-WJ6H5";
    const { user } = await renderApp(backend);
    await title("Your licence");
    expect(await screen.findByTestId("license-key-input")).toHaveValue("IGOS-7KQ3M-2B9XD-4RTV8-WJ6H5");
    await waitFor(() => expect(screen.getByTestId("license-key-check")).toHaveAttribute("data-state", "valid"));
    await user.click(screen.getByTestId("license-activate"));
    expect(await screen.findByTestId("wizard-license-done")).toHaveTextContent("Activated");
    expect(screen.getByTestId("wizard-next")).toHaveTextContent("Continue");
  });
});
