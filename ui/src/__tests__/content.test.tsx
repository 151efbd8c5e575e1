import { fireEvent } from "@testing-library/react";
import type { ContentQuery, ContentRequest } from "../bindings";
import { FakeContentBackend, makeItem } from "../test/fakeContent";
import { renderApp, row, screen, waitFor, within } from "../test/render";

function agency() {
  const backend = new FakeContentBackend([
    { name: "Zoe Fitness", handle: "zoe.fit", niche: "fitness" },
    { name: "Alice Bakery", handle: "alice_bakes" },
  ]);
  return backend;
}

function withAi(backend: FakeContentBackend) {
  backend.provider = { preset: "openai", base_url: "https://api.openai.com/v1", model: "gpt-4o-mini", extra_headers: [] };
  backend.keys.set("openai", "sk-abc1234");
  return backend;
}

/** Renders the app and opens @handle's Content tab. */
async function openContent(backend: FakeContentBackend, handle = "zoe.fit") {
  const utils = await renderApp(backend);
  await utils.user.click(row(handle));
  await screen.findByTestId("client-title");
  await utils.user.click(screen.getByTestId("client-tab-content"));
  await screen.findByTestId("content-tab");
  return utils;
}

/** Opens the Library view and waits for its first load. */
async function openLibrary(backend: FakeContentBackend, handle = "zoe.fit") {
  const utils = await openContent(backend, handle);
  await utils.user.click(screen.getByTestId("content-view-library"));
  await waitFor(() =>
    expect(screen.queryByTestId("library-empty") ?? screen.queryAllByTestId("library-item")[0]).toBeTruthy(),
  );
  return utils;
}

const lastRequest = (b: FakeContentBackend) => b.lastCall("content_generate")?.args.request as ContentRequest;
const lastQuery = (b: FakeContentBackend) => b.lastCall("content_list")?.args.query as ContentQuery;

describe("content tab: drafts", () => {
  it("is the fourth tab, mounted when first opened", async () => {
    const backend = agency();
    const { user } = await renderApp(backend);
    await user.click(row("zoe.fit"));
    await screen.findByTestId("client-title");
    const tabs = screen.getAllByRole("tab").map((t) => t.getAttribute("data-testid"));
    expect(tabs).toEqual(["client-tab-data", "client-tab-profile", "client-tab-audit", "client-tab-content", "client-tab-plan", "client-tab-replies"]);
    expect(screen.queryByTestId("content-tab")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("client-tab-content"));
    expect(screen.getByTestId("content-tab")).toBeVisible();
    expect(screen.getByTestId("content-view-draft")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("content-count")).toHaveValue(5);
    expect(screen.getByTestId("content-topic")).toHaveAttribute("placeholder", expect.stringContaining("fitness"));
    await user.click(screen.getByTestId("client-tab-data"));
    expect(screen.getByTestId("content-tab")).not.toBeVisible();
  });

  it("generates with the form's values and renders hooks with their formula", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const { user } = await openContent(backend);

    await user.selectOptions(screen.getByTestId("content-kind"), "hooks");
    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "3");
    await user.type(screen.getByTestId("content-topic"), "  sleep  ");
    await user.click(screen.getByTestId("content-offline"));
    await user.click(screen.getByTestId("content-generate"));

    const source = await screen.findByTestId("content-source");
    expect(source).toHaveTextContent("Drafted offline from the fitness library");
    const call = backend.lastCall("content_generate")!;
    expect(call.args).toMatchObject({ key: zoe.id, request: { kind: "hooks", count: 3, topic: "sleep", offline: true, seed: null, avoid: [] } });
    expect(call.args.runId).toMatch(/^[0-9a-f-]{36}$/);

    const cards = screen.getAllByTestId("content-item");
    expect(cards).toHaveLength(3);
    expect(cards[0]).toHaveAttribute("data-type", "hook");
    expect(within(cards[0]).getByTestId("content-main")).toHaveTextContent("Hook 1: stop doing crunches");
    expect(within(cards[0]).getByTestId("content-formula")).toHaveTextContent("Contrarian");
    expect(within(cards[1]).getByTestId("content-formula")).toHaveTextContent("List");
  });

  it("says why a draft was written offline, and rejects a bad count before calling", async () => {
    const backend = agency();
    const { user } = await openContent(backend);
    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "31");
    await user.click(screen.getByTestId("content-generate"));
    expect(screen.getByTestId("content-count-error")).toHaveTextContent("1 to 30");
    expect(backend.callsOf("content_generate")).toHaveLength(0);

    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "2");
    await user.click(screen.getByTestId("content-generate"));
    expect(await screen.findByTestId("content-note")).toHaveTextContent("no AI provider is set up");
    expect(lastRequest(backend)).toMatchObject({ count: 2, topic: null, offline: false });
  });

  it("renders captions with their length, framework and line breaks", async () => {
    const backend = agency();
    const { user } = await openContent(backend);
    await user.selectOptions(screen.getByTestId("content-kind"), "captions");
    await user.click(screen.getByTestId("content-generate"));
    await screen.findByTestId("content-source");
    expect(lastRequest(backend)).toMatchObject({ kind: "captions", count: 5 });
    const card = screen.getAllByTestId("content-item")[0];
    expect(card).toHaveAttribute("data-type", "caption");
    expect(within(card).getByTestId("content-length")).toHaveTextContent("Medium");
    expect(within(card).getByTestId("content-framework")).toHaveTextContent("AIDA");
    const text = within(card).getByTestId("content-main");
    expect(text.textContent).toBe("Caption 1 opener\n\nLine one of the body.\nLine two of the body.\n\nSave this for later.");
    expect(text).toHaveClass("content-caption-text");
  });

  it("renders reel ideas with every part", async () => {
    const backend = agency();
    const { user } = await openContent(backend);
    await user.selectOptions(screen.getByTestId("content-kind"), "reels");
    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "1");
    await user.click(screen.getByTestId("content-generate"));
    await screen.findByTestId("content-source");
    const card = screen.getByTestId("content-item");
    expect(card).toHaveAttribute("data-type", "reel");
    expect(within(card).getByTestId("content-main")).toHaveTextContent("Reel 1: 3 stretches before bed");
    expect(within(card).getByTestId("content-reel-length")).toHaveTextContent("30 s");
    expect(within(card).getByTestId("content-reel-format")).toHaveTextContent("Talking head tips");
    expect(within(card).getByTestId("content-reel-hook")).toHaveTextContent("You sleep badly because of this");
    const beats = within(card).getByTestId("content-reel-beats");
    expect(beats.tagName).toBe("OL");
    expect(within(beats).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Show the problem",
      "Do the three stretches",
      "Show the result",
    ]);
    expect(within(card).getByTestId("content-reel-onscreen")).toHaveTextContent("Stretch 1");
    expect(within(card).getByTestId("content-reel-angle")).toHaveTextContent("Better sleep without pills");
    expect(within(card).getByTestId("content-reel-cta")).toHaveTextContent("Follow for more routines");
    expect(within(card).getByTestId("content-reel-why")).toHaveTextContent("Builds on the top post about evening routines");
    expect(within(card).getByTestId("content-reel-why")).toHaveClass("content-why");
  });

  it("renders hashtag sets as chips with their tier and a count", async () => {
    const backend = agency();
    const { user } = await openContent(backend);
    await user.selectOptions(screen.getByTestId("content-kind"), "hashtags");
    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "1");
    await user.click(screen.getByTestId("content-generate"));
    await screen.findByTestId("content-source");
    const card = screen.getByTestId("content-item");
    expect(card).toHaveAttribute("data-type", "hashtags");
    const chips = within(card).getAllByTestId("content-hashtag");
    expect(chips).toHaveLength(5);
    expect(chips[0]).toHaveTextContent("#fitness1broad");
    expect(chips.map((c) => c.dataset.tier)).toEqual(["broad", "mid", "mid", "niche", "niche"]);
    expect(within(card).getByTestId("content-hashtag-count")).toHaveTextContent("5/5");
  });

  it("streams AI items before the draft resolves, then shows the final items and the model", async () => {
    const backend = withAi(agency());
    let release = () => {};
    backend.contentGate = new Promise<void>((r) => (release = r));
    const { user } = await openContent(backend);
    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "2");
    await user.click(screen.getByTestId("content-generate"));

    await waitFor(() => expect(screen.getAllByTestId("content-item")).toHaveLength(2));
    expect(screen.getByTestId("content-running")).toHaveTextContent("21 tokens");
    expect(screen.getAllByTestId("content-item")[0]).toHaveTextContent("Hook 1: stop doing crunches");
    expect(screen.getAllByTestId("content-item")[0]).toHaveClass("is-live");
    expect(screen.queryByTestId("content-source")).not.toBeInTheDocument();
    expect(screen.getByTestId("content-generate")).toBeDisabled();

    release();
    expect(await screen.findByTestId("content-source")).toHaveTextContent("Written by gpt-4o-mini");
    expect(screen.queryByTestId("content-running")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("content-item")).toHaveLength(2);
    expect(screen.getAllByTestId("content-item")[0]).not.toHaveClass("is-live");
  });

  it("cancels a running draft with the same run id", async () => {
    const backend = withAi(agency());
    backend.contentGate = new Promise<void>(() => {});
    const { user } = await openContent(backend);
    await user.click(screen.getByTestId("content-generate"));
    await waitFor(() => expect(screen.getAllByTestId("content-item").length).toBeGreaterThan(0));
    await user.click(screen.getByTestId("content-cancel"));

    const message = await screen.findByTestId("content-run-error");
    expect(message).toHaveAttribute("data-code", "cancelled");
    expect(message).toHaveTextContent("Cancelled");
    expect(backend.lastCall("ai_cancel")?.args).toEqual({ runId: backend.lastCall("content_generate")?.args.runId });
    expect(screen.queryByTestId("content-running")).not.toBeInTheDocument();
    expect(screen.queryAllByTestId("content-item")).toHaveLength(0);
    expect(screen.getByTestId("content-generate")).toBeEnabled();
  });

  it("regenerates one item with count 1 and the other items to avoid", async () => {
    const backend = agency();
    const { user } = await openContent(backend);
    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "3");
    await user.type(screen.getByTestId("content-topic"), "sleep");
    await user.click(screen.getByTestId("content-offline"));
    await user.click(screen.getByTestId("content-generate"));
    await screen.findByTestId("content-source");
    const before = screen.getAllByTestId("content-item").map((c) => c.textContent);

    let release = () => {};
    backend.holdUntil("content_generate", new Promise<void>((r) => (release = r)));
    await user.click(within(screen.getAllByTestId("content-item")[1]).getByTestId("content-regenerate"));
    await waitFor(() => expect(within(screen.getAllByTestId("content-item")[1]).getByTestId("content-item-busy")).toBeInTheDocument());
    expect(within(screen.getAllByTestId("content-item")[0]).queryByTestId("content-item-busy")).not.toBeInTheDocument();
    release();

    await waitFor(() => expect(screen.getAllByTestId("content-item")[1]).toHaveTextContent("Hook 4: stop doing crunches"));
    const request = lastRequest(backend);
    expect(request).toMatchObject({
      kind: "hooks",
      count: 1,
      topic: "sleep",
      offline: true,
      avoid: ["Hook 1: stop doing crunches", "Hook 3: stop doing crunches"],
    });
    expect(typeof request.seed).toBe("number");
    const after = screen.getAllByTestId("content-item").map((c) => c.textContent);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(screen.queryByTestId("content-item-busy")).not.toBeInTheDocument();
  });

  it("copies the main text, and saves an item to the library", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const { user } = await openContent(backend);
    await user.selectOptions(screen.getByTestId("content-kind"), "hashtags");
    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "2");
    await user.type(screen.getByTestId("content-topic"), "mobility");
    await user.click(screen.getByTestId("content-generate"));
    await screen.findByTestId("content-source");
    const card = screen.getAllByTestId("content-item")[0];

    await user.click(within(card).getByTestId("content-copy"));
    expect(await navigator.clipboard.readText()).toBe("#fitness1 #homeworkout #mobility #sleepbetter #zoefit");
    expect(within(card).getByTestId("content-copy")).toHaveTextContent("Copied");

    await user.click(within(card).getByTestId("content-save"));
    expect(await within(card).findByTestId("content-saved")).toHaveTextContent("Saved ✓");
    expect(within(card).queryByTestId("content-save")).not.toBeInTheDocument();
    expect(backend.lastCall("content_save")?.args).toEqual({
      key: zoe.id,
      item: makeItem("hashtags", 1),
      source: "offline",
      topic: "mobility",
    });
    expect(within(screen.getAllByTestId("content-item")[1]).getByTestId("content-save")).toBeInTheDocument();

    await user.click(screen.getByTestId("content-view-library"));
    await waitFor(() => expect(screen.getAllByTestId("library-item")).toHaveLength(1));
    expect(screen.getByTestId("library-item")).toHaveTextContent("#fitness1");
  });

  it("exports the draft as PDF and CSV through the save dialog", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.saveAnswers.push("/tmp/zoe-hooks.pdf", "/tmp/zoe-hooks.csv");
    const { user } = await openContent(backend);
    await user.clear(screen.getByTestId("content-count"));
    await user.type(screen.getByTestId("content-count"), "2");
    await user.click(screen.getByTestId("content-generate"));
    await screen.findByTestId("content-source");
    const items = [makeItem("hooks", 1), makeItem("hooks", 2)];

    expect(screen.getByTestId("content-open-after")).toBeChecked();
    await user.click(screen.getByTestId("content-open-after"));
    await user.click(screen.getByTestId("content-export-pdf"));
    expect(await screen.findByTestId("content-exported")).toHaveTextContent("Saved to /tmp/zoe-hooks.pdf");
    expect(backend.lastCall("plugin:dialog|save")?.args.options).toMatchObject({
      defaultPath: expect.stringMatching(/^zoe\.fit-hooks-\d{4}-\d{2}-\d{2}\.pdf$/),
      filters: [{ name: "PDF", extensions: ["pdf"] }],
    });
    expect(backend.lastCall("content_export_pdf")?.args).toEqual({
      key: zoe.id,
      kind: "hooks",
      topic: null,
      items,
      path: "/tmp/zoe-hooks.pdf",
      openAfter: false,
    });

    await user.click(screen.getByTestId("content-export-csv"));
    await waitFor(() => expect(screen.getByTestId("content-exported")).toHaveTextContent("Saved to /tmp/zoe-hooks.csv"));
    expect(backend.lastCall("plugin:dialog|save")?.args.options).toMatchObject({
      defaultPath: expect.stringMatching(/\.csv$/),
      filters: [{ name: "CSV", extensions: ["csv"] }],
    });
    expect(backend.lastCall("content_export_csv")?.args).toEqual({ kind: "hooks", items, path: "/tmp/zoe-hooks.csv" });

    // A closed dialog does nothing; a failing export says why.
    await user.click(screen.getByTestId("content-export-csv"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|save")).toHaveLength(3));
    await waitFor(() => expect(screen.getByTestId("content-export-csv")).toBeEnabled());
    expect(backend.callsOf("content_export_csv")).toHaveLength(1);

    backend.saveAnswers.push("/tmp/x.pdf");
    backend.failNext("content_export_pdf", { code: "internal", field: null, message: "disk full" });
    await user.click(screen.getByTestId("content-export-pdf"));
    expect(await screen.findByTestId("content-export-error")).toHaveTextContent("Disk full");
  });
});

describe("content tab: library", () => {
  function stocked() {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const hook = backend.addLibraryItem(zoe.id, makeItem("hooks", 1), { topic: "sleep", tags: ["evergreen"] });
    const caption = backend.addLibraryItem(zoe.id, makeItem("captions", 2), { favourite: true });
    const used = backend.addLibraryItem(zoe.id, makeItem("hooks", 3), { used_on: "2026-11-01" });
    return { backend, zoe, hook, caption, used };
  }

  it("explains the library when it is empty", async () => {
    const backend = agency();
    await openLibrary(backend);
    const empty = screen.getByTestId("library-empty");
    expect(empty).toHaveTextContent("Save to library");
    expect(empty).toHaveTextContent("not suggested again");
    expect(screen.getByTestId("library-export-pdf")).toBeDisabled();
    expect(screen.getByTestId("library-export-pdf")).toHaveAttribute("title", expect.stringContaining("Choose a kind"));
  });

  it("filters with the right queries", async () => {
    const { backend, zoe } = stocked();
    const { user } = await openLibrary(backend);
    expect(backend.lastCall("content_list")?.args).toEqual({
      key: zoe.id,
      query: { kind: null, search: null, favourites_only: false, include_used: false, tag: null },
    });
    expect(screen.getAllByTestId("library-item")).toHaveLength(2);

    await user.selectOptions(screen.getByTestId("library-kind"), "hooks");
    await waitFor(() => expect(lastQuery(backend).kind).toBe("hooks"));
    await waitFor(() => expect(screen.getAllByTestId("library-item")).toHaveLength(1));

    await user.click(screen.getByTestId("library-show-used"));
    await waitFor(() => expect(lastQuery(backend).include_used).toBe(true));
    await waitFor(() => expect(screen.getAllByTestId("library-item")).toHaveLength(2));

    const calls = backend.callsOf("content_list").length;
    await user.type(screen.getByTestId("library-search"), "crunch");
    await waitFor(() => expect(lastQuery(backend).search).toBe("crunch"));
    // Debounced: not one call per key.
    expect(backend.callsOf("content_list").length - calls).toBeLessThan(3);

    await user.type(screen.getByTestId("library-tag"), "evergreen");
    await waitFor(() => expect(lastQuery(backend).tag).toBe("evergreen"));
    await waitFor(() => expect(screen.getAllByTestId("library-item")).toHaveLength(1));

    await user.click(screen.getByTestId("library-favourites"));
    await waitFor(() =>
      expect(lastQuery(backend)).toEqual({ kind: "hooks", search: "crunch", favourites_only: true, include_used: true, tag: "evergreen" }),
    );
    expect(await screen.findByTestId("library-empty")).toHaveTextContent("Nothing matches");
  });

  it("favourites, marks used and unmarks a row", async () => {
    const { backend, hook } = stocked();
    const { user } = await openLibrary(backend);
    const rowOf = () => screen.getAllByTestId("library-item").find((r) => r.dataset.id === hook.id)!;

    expect(within(rowOf()).getByTestId("library-favourite")).toHaveAttribute("aria-pressed", "false");
    await user.click(within(rowOf()).getByTestId("library-favourite"));
    await waitFor(() => expect(within(rowOf()).getByTestId("library-favourite")).toHaveAttribute("aria-pressed", "true"));
    expect(backend.lastCall("content_update")?.args).toEqual({
      id: hook.id,
      patch: { item: null, topic: null, tags: null, favourite: true },
    });

    await user.click(within(rowOf()).getByTestId("library-mark-used"));
    const usedOn = await within(rowOf()).findByTestId("library-used-on");
    const call = backend.lastCall("content_mark_used")!;
    expect(call.args).toMatchObject({ id: hook.id, used: true });
    expect(call.args.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(usedOn).toHaveTextContent("Used on");

    await user.click(within(rowOf()).getByTestId("library-unmark-used"));
    await waitFor(() => expect(within(rowOf()).queryByTestId("library-used-on")).not.toBeInTheDocument());
    expect(backend.lastCall("content_mark_used")?.args).toEqual({ id: hook.id, used: false, date: null });
    expect(within(rowOf()).getByTestId("library-mark-used")).toBeInTheDocument();
  });

  it("deletes a row after confirming", async () => {
    const { backend, hook } = stocked();
    const { user } = await openLibrary(backend);
    const rowOf = () => screen.queryAllByTestId("library-item").find((r) => r.dataset.id === hook.id);

    await user.click(within(rowOf()!).getByTestId("library-delete"));
    await user.click(screen.getByTestId("library-delete-cancel"));
    expect(backend.callsOf("content_delete")).toHaveLength(0);

    await user.click(within(rowOf()!).getByTestId("library-delete"));
    expect(screen.getByRole("dialog")).toHaveTextContent("Delete this hook?");
    await user.click(screen.getByTestId("library-delete-confirm"));
    await waitFor(() => expect(rowOf()).toBeUndefined());
    expect(backend.lastCall("content_delete")?.args).toEqual({ id: hook.id });
    expect(screen.getAllByTestId("library-item")).toHaveLength(1);
  });

  it("edits a saved item's text, topic and tags, showing field errors", async () => {
    const { backend, hook } = stocked();
    const { user } = await openLibrary(backend);
    const rowOf = () => screen.getAllByTestId("library-item").find((r) => r.dataset.id === hook.id)!;

    await user.click(within(rowOf()).getByTestId("library-edit"));
    const editor = screen.getByTestId("library-editor");
    expect(within(editor).getByTestId("library-editor-text")).toHaveValue("Hook 1: stop doing crunches");
    expect(within(editor).getByTestId("library-editor-tags")).toHaveValue("evergreen");

    await user.clear(within(editor).getByTestId("library-editor-text"));
    await user.click(within(editor).getByTestId("library-editor-save"));
    expect(within(editor).getByTestId("library-editor-error-text")).toHaveTextContent("Enter the text");
    expect(backend.callsOf("content_update")).toHaveLength(0);

    await user.type(within(editor).getByTestId("library-editor-text"), "Why your squats hurt");
    await user.selectOptions(within(editor).getByTestId("library-editor-formula"), "question");
    await user.clear(within(editor).getByTestId("library-editor-topic"));
    await user.type(within(editor).getByTestId("library-editor-topic"), "knees");
    await user.clear(within(editor).getByTestId("library-editor-tags"));
    await user.type(within(editor).getByTestId("library-editor-tags"), "Evergreen, launch, ");
    await user.click(within(editor).getByTestId("library-editor-save"));

    await waitFor(() => expect(screen.queryByTestId("library-editor")).not.toBeInTheDocument());
    expect(backend.lastCall("content_update")?.args).toEqual({
      id: hook.id,
      patch: {
        item: { type: "hook", text: "Why your squats hurt", formula: "question" },
        topic: "knees",
        tags: ["Evergreen", "launch"],
        favourite: null,
      },
    });
    expect(rowOf()).toHaveTextContent("Why your squats hurt");
    expect(within(rowOf()).getByTestId("library-tags")).toHaveTextContent("evergreenlaunch");
    expect(rowOf()).toHaveTextContent("knees");
  });

  it("shows the back end's field error in the editor", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const set = backend.addLibraryItem(zoe.id, makeItem("hashtags", 1));
    const { user } = await openLibrary(backend);
    await user.click(within(screen.getByTestId("library-item")).getByTestId("library-edit"));
    const editor = screen.getByTestId("library-editor");
    await user.clear(within(editor).getByTestId("library-editor-hashtags"));
    await user.type(within(editor).getByTestId("library-editor-hashtags"), "#one two");
    await user.click(within(editor).getByTestId("library-editor-save"));
    expect(await within(editor).findByTestId("library-editor-error-hashtags")).toHaveTextContent("3 to 5 hashtags");
    expect(backend.lastCall("content_update")?.args).toMatchObject({
      id: set.id,
      patch: { item: { type: "hashtags", tags: ["#one", "#two"], tiers: ["mid", "mid"] } },
    });
    expect(screen.getByTestId("library-editor")).toBeInTheDocument();
  });

  it("exports the shown items once a kind is chosen, and does nothing when the dialog is closed", async () => {
    const { backend, zoe, hook } = stocked();
    const { user } = await openLibrary(backend);
    expect(screen.getByTestId("library-export-pdf")).toBeDisabled();
    expect(screen.getByTestId("library-export-csv")).toBeDisabled();

    await user.selectOptions(screen.getByTestId("library-kind"), "hooks");
    await waitFor(() => expect(screen.getAllByTestId("library-item")).toHaveLength(1));
    expect(screen.getByTestId("library-export-pdf")).toBeEnabled();

    // Closed dialog: nothing is written.
    await user.click(screen.getByTestId("library-export-pdf"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|save")).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("library-export-pdf")).toBeEnabled());
    expect(backend.callsOf("content_export_pdf")).toHaveLength(0);
    expect(screen.queryByTestId("library-exported")).not.toBeInTheDocument();

    backend.saveAnswers.push("/tmp/hooks.pdf", "/tmp/hooks.csv");
    await user.click(screen.getByTestId("library-export-pdf"));
    expect(await screen.findByTestId("library-exported")).toHaveTextContent("/tmp/hooks.pdf");
    expect(backend.lastCall("content_export_pdf")?.args).toEqual({
      key: zoe.id,
      kind: "hooks",
      topic: null,
      items: [hook.item],
      path: "/tmp/hooks.pdf",
      openAfter: true,
    });
    fireEvent.click(screen.getByTestId("library-export-csv"));
    await waitFor(() => expect(screen.getByTestId("library-exported")).toHaveTextContent("/tmp/hooks.csv"));
    expect(backend.lastCall("content_export_csv")?.args).toEqual({ kind: "hooks", items: [hook.item], path: "/tmp/hooks.csv" });
  });
});
