import { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import * as api from "../api";
import type { AddRequest, BrandRules, ReplyQuery } from "../bindings";
import { FakeRepliesBackend } from "../test/fakeReplies";
import { renderApp, row, screen, waitFor, within } from "../test/render";

function agency() {
  return new FakeRepliesBackend([
    { name: "Zoe Fitness", handle: "zoe.fit", niche: "fitness" },
    { name: "Alice Bakery", handle: "alice_bakes" },
  ]);
}

function withAi(backend: FakeRepliesBackend) {
  backend.provider = { preset: "openai", base_url: "https://api.openai.com/v1", model: "gpt-4o-mini", extra_headers: [] };
  backend.keys.set("openai", "sk-abc1234");
  return backend;
}

/** Four messages; by priority: Anna (purchase, urgent, 55), maria.fit (pricing, 45), praise (0), spam (0). */
const PASTED = [
  "maria.fit: How much is the 12-week program?",
  "Love this routine!!",
  "Anna Berg: I want to book a session today, sign me up",
  "spambot99: follow back for free followers",
].join("\n");

/** Renders the app and opens @handle's Replies tab, waiting for the queue to load. */
async function openReplies(backend: FakeRepliesBackend, handle = "zoe.fit") {
  const utils = await renderApp(backend);
  await utils.user.click(row(handle));
  await screen.findByTestId("client-title");
  await utils.user.click(screen.getByTestId("client-tab-replies"));
  await waitFor(() =>
    expect(
      screen.queryByTestId("replies-empty") ?? screen.queryByTestId("replies-queue") ?? screen.queryByTestId("replies-all-done"),
    ).toBeInTheDocument(),
  );
  return utils;
}

/** Pastes `text` and triages it, offline unless told, waiting for the summary. */
async function triage(user: Awaited<ReturnType<typeof openReplies>>["user"], text: string, offline = true) {
  await user.click(screen.getByTestId("replies-paste"));
  await user.paste(text);
  if (offline && !(screen.getByTestId("replies-offline") as HTMLInputElement).checked) {
    await user.click(screen.getByTestId("replies-offline"));
  }
  await user.click(screen.getByTestId("replies-triage"));
  return screen.findByTestId("replies-summary");
}

const cards = () => screen.queryAllByTestId("reply-card");
const card = (author: string) => {
  const found = cards().find((c) => within(c).getByTestId("reply-author").textContent === author);
  if (!found) throw new Error(`no card by ${author}; cards: ${cards().map((c) => within(c).getByTestId("reply-author").textContent).join(", ")}`);
  return found;
};
const authors = () => cards().map((c) => within(c).getByTestId("reply-author").textContent);
const lastAdd = (b: FakeRepliesBackend) => b.lastCall("replies_add")?.args.request as AddRequest;

describe("replies tab: adding and triage", () => {
  it("is the last tab, mounted when first opened, says nothing is ever sent and explains the empty queue", async () => {
    const backend = agency();
    const { user } = await renderApp(backend);
    await user.click(row("zoe.fit"));
    await screen.findByTestId("client-title");
    const tabs = screen.getAllByRole("tab");
    expect(tabs[tabs.length - 1]).toHaveAttribute("data-testid", "client-tab-replies");
    expect(tabs[tabs.length - 1]).toHaveTextContent("Replies");
    expect(tabs[tabs.length - 2]).toHaveAttribute("data-testid", "client-tab-plan");
    expect(screen.queryByTestId("replies-tab")).not.toBeInTheDocument();
    expect(backend.callsOf("replies_list")).toHaveLength(0);

    await user.click(screen.getByTestId("client-tab-replies"));
    const empty = await screen.findByTestId("replies-empty");
    expect(empty).toHaveTextContent("No messages to answer for Zoe Fitness");
    expect(empty).toHaveTextContent("Paste comments or DMs");
    expect(empty).toHaveTextContent("import a CSV");
    expect(empty).toHaveTextContent("load the DMs awaiting a reply");
    expect(screen.getByTestId("replies-never-sent")).toHaveTextContent(
      "Drafts only — InstaGrowth never sends anything. Copy a reply and send it from Instagram.",
    );
    expect(screen.getByTestId("replies-paste")).toHaveAttribute("placeholder", expect.stringContaining("username: text"));
    expect(screen.queryByTestId("replies-add-toggle")).not.toBeInTheDocument();
    expect(backend.lastCall("replies_list")?.args).toEqual({
      key: backend.byHandle("zoe.fit")!.id,
      query: { intent: null, include_handled: true, min_lead_score: null } satisfies ReplyQuery,
    });

    await user.click(screen.getByTestId("client-tab-data"));
    expect(screen.getByTestId("replies-tab")).not.toBeVisible();
  });

  it("triages pasted messages into cards in priority order with their badges and lead score", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const { user } = await openReplies(backend);
    await user.click(screen.getByTestId("replies-channel-comment"));
    const summary = await triage(user, PASTED);

    expect(summary).toHaveTextContent("4 new — drafted offline");
    const call = backend.lastCall("replies_add")!;
    expect(call.args).toMatchObject({
      key: zoe.id,
      request: { source: { kind: "pasted", text: PASTED, channel: "comment" }, offline: true },
    });
    expect(call.args.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getByTestId("replies-paste")).toHaveValue("");

    await waitFor(() => expect(cards()).toHaveLength(4));
    expect(authors()).toEqual(["Anna Berg", "@maria.fit", "Someone", "@spambot99"]);
    expect(cards().map((c) => c.dataset.intent)).toEqual(["purchase", "pricing", "praise", "spam"]);
    expect(cards().map((c) => c.dataset.leadScore)).toEqual(["55", "45", "0", "0"]);

    const anna = card("Anna Berg");
    expect(within(anna).getByTestId("reply-intent")).toHaveTextContent("Purchase / lead");
    expect(within(anna).getByTestId("reply-channel")).toHaveTextContent("Comment");
    expect(within(anna).getByTestId("reply-language")).toHaveTextContent("EN");
    expect(within(anna).getByTestId("reply-urgent")).toHaveTextContent("Urgent");
    expect(within(anna).getByTestId("reply-lead-score")).toHaveTextContent("55");
    expect(within(anna).getByTestId("reply-lead-score")).toHaveAttribute("aria-valuenow", "55");
    const reasons = within(anna).getAllByTestId("reply-reason");
    expect(reasons.map((r) => r.textContent)).toEqual(["Wants to buy or book“book”+45", "Wants it soon“today”+10"]);
    expect(within(anna).getAllByTestId("reply-draft")).toHaveLength(2);
    expect(within(anna).getAllByTestId("reply-draft")[0]).toHaveValue(
      "Hi Anna, so glad you want to join! I'll send you the details. Check your DMs!",
    );

    const maria = card("@maria.fit");
    expect(within(maria).getByTestId("reply-intent")).toHaveTextContent("Pricing");
    expect(within(maria).getByTestId("reply-sentiment")).toHaveTextContent("Neutral");
    expect(within(maria).queryByTestId("reply-urgent")).not.toBeInTheDocument();
    expect(within(card("Someone")).getByTestId("reply-intent")).toHaveTextContent("Praise");
    expect(within(card("Someone")).getByTestId("reply-sentiment")).toHaveTextContent("Positive");
    expect(within(card("Someone")).queryByTestId("reply-reasons")).not.toBeInTheDocument();

    // The add panel can fold away now that the queue has messages.
    // The form folds away so the queue is in view; one click brings it back.
    expect(screen.getByTestId("replies-paste")).not.toBeVisible();
    await user.click(screen.getByTestId("replies-add-toggle"));
    expect(screen.getByTestId("replies-paste")).toBeVisible();
    await user.click(screen.getByTestId("replies-add-toggle"));
    expect(screen.getByTestId("replies-paste")).not.toBeVisible();
  });

  it("shows that spam needs no reply", async () => {
    const backend = agency();
    const { user } = await openReplies(backend);
    await triage(user, "spambot99: follow back for free followers");
    await waitFor(() => expect(cards()).toHaveLength(1));
    const spam = card("@spambot99");
    expect(spam).toHaveAttribute("data-intent", "spam");
    expect(within(spam).getByTestId("reply-intent")).toHaveTextContent("Spam / bot");
    expect(within(spam).getByTestId("reply-no-reply")).toHaveTextContent("No reply needed — hide or report it in Instagram.");
    expect(within(spam).queryAllByTestId("reply-draft")).toHaveLength(0);
  });

  it("counts messages already in the queue, submits with Ctrl+Enter and refuses an empty paste", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.addReply(zoe.id, "maria.fit: How much is the 12-week program?");
    const { user } = await openReplies(backend);
    expect(cards()).toHaveLength(1);

    await user.click(screen.getByTestId("replies-triage"));
    expect(screen.getByTestId("replies-paste-error")).toHaveTextContent("Paste at least one comment or message");
    expect(backend.callsOf("replies_add")).toHaveLength(0);

    await user.click(screen.getByTestId("replies-offline"));
    await user.click(screen.getByTestId("replies-paste"));
    await user.paste("maria.fit: How much is the 12-week program?\nkai: Do you ship to Spain?");
    expect(screen.queryByTestId("replies-paste-error")).not.toBeInTheDocument();
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(await screen.findByTestId("replies-summary")).toHaveTextContent("1 new, 1 already in the queue — drafted offline");
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(backend.callsOf("replies_add")).toHaveLength(1);
  });

  it("says why drafts were written offline, and names the model when AI drafted", async () => {
    const backend = agency();
    const { user } = await openReplies(backend);
    const summary = await triage(user, "kai: Do you ship to Spain?", false);
    expect(summary).toHaveTextContent("1 new — drafted offline");
    expect(screen.getByTestId("replies-note")).toHaveTextContent("no AI provider is set up");
    expect(lastAdd(backend).offline).toBe(false);

    withAi(backend);
    await user.click(screen.getByTestId("replies-paste"));
    await user.paste("lena: Is the program good for beginners?");
    await user.click(screen.getByTestId("replies-triage"));
    await waitFor(() => expect(screen.getByTestId("replies-summary")).toHaveTextContent("1 new — drafted by gpt-4o-mini"));
    expect(screen.queryByTestId("replies-note")).not.toBeInTheDocument();
  });

  it("streams an AI run's progress and cancels it with the same run id", async () => {
    const backend = withAi(agency());
    backend.repliesGate = new Promise<void>(() => {});
    const { user } = await openReplies(backend);
    await user.click(screen.getByTestId("replies-paste"));
    await user.paste(PASTED);
    await user.click(screen.getByTestId("replies-triage"));

    await waitFor(() => expect(screen.getByTestId("replies-running")).toHaveTextContent("Writing replies… 30 tokens"));
    expect(screen.getByTestId("replies-triage")).toBeDisabled();
    await user.click(screen.getByTestId("replies-cancel"));

    const message = await screen.findByTestId("replies-run-error");
    expect(message).toHaveAttribute("data-code", "cancelled");
    expect(message).toHaveTextContent("Cancelled — nothing was added to the queue.");
    expect(backend.lastCall("ai_cancel")?.args).toEqual({ runId: backend.lastCall("replies_add")?.args.runId });
    expect(cards()).toHaveLength(0);
    expect(screen.getByTestId("replies-paste")).toHaveValue(PASTED);
    expect(screen.getByTestId("replies-triage")).toBeEnabled();
  });

  it("imports a CSV through the open dialog and loads the DMs awaiting a reply", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.replyCsv.set("/tmp/comments.csv", "maria.fit: How much is the 12-week program?\nkai: Love it!!");
    backend.dialogAnswers.push("/tmp/comments.csv");
    const { user } = await openReplies(backend);

    await user.click(screen.getByTestId("replies-channel-dm"));
    await user.click(screen.getByTestId("replies-import-csv"));
    expect(await screen.findByTestId("replies-summary")).toHaveTextContent("2 new — drafted offline");
    expect(backend.lastCall("plugin:dialog|open")?.args.options).toMatchObject({
      multiple: false,
      directory: false,
      filters: [{ name: "CSV or TSV", extensions: ["csv", "tsv"] }],
    });
    expect(lastAdd(backend)).toEqual({ source: { kind: "csv_file", path: "/tmp/comments.csv", channel: "dm" }, offline: false });
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(within(card("@maria.fit")).getByTestId("reply-channel")).toHaveTextContent("DM");

    // No threads awaiting a reply: the back end says what to do.
    await user.click(screen.getByTestId("replies-load-dms"));
    expect(await screen.findByTestId("replies-run-error")).toHaveTextContent("No imported DM thread is awaiting a reply");
    expect(lastAdd(backend)).toEqual({ source: { kind: "awaiting_dms" }, offline: false });

    backend.awaitingDms.set(zoe.id, ["Tom Hill: Hi! Can I still join the January group?"]);
    await user.click(screen.getByTestId("replies-load-dms"));
    await waitFor(() => expect(screen.getByTestId("replies-summary")).toHaveTextContent("1 new — drafted offline"));
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(within(card("Tom Hill")).getByTestId("reply-channel")).toHaveTextContent("DM");
  });
});

describe("replies tab: the queue", () => {
  /** Zoe with the four pasted messages already in the queue. */
  function queued() {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    for (const line of PASTED.split("\n")) backend.addReply(zoe.id, line);
    return { backend, zoe };
  }

  it("copies a draft through the clipboard plugin, the edited text when it was edited", async () => {
    const { backend } = queued();
    const { user } = await openReplies(backend);
    const maria = card("@maria.fit");
    const [first, second] = within(maria).getAllByTestId("reply-draft");
    const copies = within(maria).getAllByTestId("copy-draft");

    await user.click(copies[1]);
    await waitFor(() => expect(copies[1]).toHaveTextContent("Copied"));
    expect(backend.lastCall("plugin:clipboard-manager|write_text")?.args).toMatchObject({ text: (second as HTMLTextAreaElement).value });
    expect(copies[0]).toHaveTextContent("Copy");

    await user.clear(first);
    await user.type(first, "Hi Maria! It is 99 a month — details in your DMs.");
    expect(within(maria).getByTestId("reply-draft-reset")).toBeInTheDocument();
    await user.click(copies[0]);
    await waitFor(() => expect(copies[0]).toHaveTextContent("Copied"));
    expect(backend.clipboard).toBe("Hi Maria! It is 99 a month — details in your DMs.");
    // Edits stay on screen only.
    expect(backend.callsOf("replies_add")).toHaveLength(0);
    await waitFor(() => expect(copies[0]).toHaveTextContent(/^Copy$/), { timeout: 3000 });

    await user.click(within(maria).getByTestId("reply-draft-reset"));
    expect(first).toHaveValue("Hi @maria.fit, thanks for asking about prices! Here is how it works. Check your DMs!");

    backend.failNext("plugin:clipboard-manager|write_text", { code: "internal", field: null, message: "no clipboard" });
    await user.click(copies[0]);
    await waitFor(() => expect(copies[0]).toHaveTextContent("Copy failed"));
  });

  it("hides handled messages until “Show handled”, and clears them", async () => {
    const { backend } = queued();
    const { user } = await openReplies(backend);
    expect(screen.getByTestId("replies-clear-handled")).toBeDisabled();

    await user.click(within(card("@maria.fit")).getByTestId("reply-handled"));
    await waitFor(() => expect(authors()).toEqual(["Anna Berg", "Someone", "@spambot99"]));
    expect(backend.lastCall("replies_set_handled")?.args).toEqual({ id: "reply-1", handled: true });

    await user.click(screen.getByTestId("replies-show-handled"));
    expect(authors()).toContain("@maria.fit");
    const maria = card("@maria.fit");
    expect(maria).toHaveAttribute("data-handled", "true");
    expect(within(maria).getByTestId("reply-handled")).toHaveAttribute("aria-pressed", "true");
    expect(within(maria).getByTestId("reply-handled-chip")).toHaveTextContent("Handled");

    // Back to waiting, and handled again.
    await user.click(within(maria).getByTestId("reply-handled"));
    await waitFor(() => expect(card("@maria.fit")).toHaveAttribute("data-handled", "false"));
    expect(backend.lastCall("replies_set_handled")?.args).toEqual({ id: "reply-1", handled: false });
    await user.click(within(card("@maria.fit")).getByTestId("reply-handled"));
    await waitFor(() => expect(card("@maria.fit")).toHaveAttribute("data-handled", "true"));

    expect(screen.getByTestId("replies-clear-handled")).toHaveTextContent("Clear handled (1)");
    await user.click(screen.getByTestId("replies-clear-handled"));
    expect(await screen.findByTestId("replies-notice")).toHaveTextContent("Removed 1 handled message.");
    expect(authors()).toEqual(["Anna Berg", "Someone", "@spambot99"]);
    expect(backend.replies.some((r) => r.author === "maria.fit")).toBe(false);
  });

  it("says so when every message is handled", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.addReply(zoe.id, "kai: Love it!!", { handled_at: "2026-11-25T10:00:00.000Z" });
    const { user } = await openReplies(backend);
    expect(await screen.findByTestId("replies-all-done")).toHaveTextContent("All caught up");
    await user.click(screen.getByTestId("replies-all-done-show"));
    expect(authors()).toEqual(["@kai"]);
  });

  it("narrows the queue by intent, with counts", async () => {
    const { backend } = queued();
    const { user } = await openReplies(backend);
    const filter = screen.getByTestId("replies-intent-filter");
    const options = within(filter).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual([
      "All intents (4)",
      "Purchase / lead (1)",
      "Pricing (1)",
      "Support (0)",
      "Praise (1)",
      "Complaint (0)",
      "Collab request (0)",
      "Spam / bot (1)",
      "Other (0)",
    ]);

    await user.selectOptions(filter, "pricing");
    expect(authors()).toEqual(["@maria.fit"]);
    await user.selectOptions(filter, "complaint");
    expect(cards()).toHaveLength(0);
    expect(screen.getByTestId("replies-no-match")).toHaveTextContent("No “Complaint” messages");
    await user.click(screen.getByTestId("replies-clear-filter"));
    expect(cards()).toHaveLength(4);
  });

  it("redrafts a message's drafts, offline when asked", async () => {
    const { backend } = queued();
    const { user } = await openReplies(backend);
    await user.click(screen.getByTestId("replies-offline"));
    const maria = card("@maria.fit");
    const before = within(maria).getAllByTestId("reply-draft").map((d) => (d as HTMLTextAreaElement).value);
    await user.click(within(maria).getByTestId("reply-redraft"));
    await waitFor(() =>
      expect((within(card("@maria.fit")).getAllByTestId("reply-draft")[0] as HTMLTextAreaElement).value).toContain("(take 2)"),
    );
    const call = backend.lastCall("replies_redraft")!;
    expect(call.args).toMatchObject({ id: "reply-1", request: { offline: true, seed: null } });
    expect(call.args.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(within(card("@maria.fit")).getAllByTestId("reply-draft").map((d) => (d as HTMLTextAreaElement).value)).not.toEqual(before);
  });

  it("deletes a message after confirming", async () => {
    const { backend } = queued();
    const { user } = await openReplies(backend);
    await user.click(within(card("Someone")).getByTestId("reply-delete"));
    await user.click(screen.getByTestId("reply-delete-cancel"));
    expect(cards()).toHaveLength(4);
    await user.click(within(card("Someone")).getByTestId("reply-delete"));
    await user.click(screen.getByTestId("reply-delete-confirm"));
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(backend.lastCall("replies_delete")?.args).toEqual({ id: "reply-2" });
  });
});

describe("replies tab: leads", () => {
  it("lists messages scoring 40 or more, handled ones too, and exports them as CSV", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    for (const line of PASTED.split("\n")) backend.addReply(zoe.id, line);
    backend.addReply(zoe.id, "lena: What does coaching cost? I want to buy", { handled_at: "2026-11-25T10:00:00.000Z" });
    backend.saveAnswers.push("/tmp/zoe-leads.csv");
    const { user } = await openReplies(backend);

    await user.click(screen.getByTestId("replies-leads-tab"));
    const rows = screen.getAllByTestId("leads-row");
    expect(rows.map((r) => r.dataset.leadScore)).toEqual(["55", "45", "90"]);
    expect(rows.every((r) => Number(r.dataset.leadScore) >= 40)).toBe(true);
    expect(rows[0]).toHaveTextContent("Anna Berg");
    expect(rows[0]).toHaveTextContent("Purchase / lead");
    expect(rows[0]).toHaveTextContent("Wants to buy or book, Wants it soon");
    expect(within(rows[0]).getByTestId("leads-status")).toHaveTextContent("Waiting");
    expect(within(rows[2]).getByTestId("leads-status")).toHaveTextContent("Handled");
    expect(screen.getAllByTestId("reply-card")[0]).not.toBeVisible();

    await user.click(screen.getByTestId("replies-export-leads"));
    expect(await screen.findByTestId("replies-exported")).toHaveTextContent("Saved to /tmp/zoe-leads.csv");
    expect(backend.lastCall("plugin:dialog|save")?.args.options).toMatchObject({
      defaultPath: "zoe.fit-leads.csv",
      filters: [{ name: "CSV", extensions: ["csv"] }],
    });
    expect(backend.lastCall("replies_export_leads")?.args).toEqual({
      key: zoe.id,
      minScore: 40,
      path: "/tmp/zoe-leads.csv",
      openAfter: false,
    });

    // A closed dialog does nothing.
    await user.click(screen.getByTestId("replies-export-leads"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|save")).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId("replies-export-leads")).toBeEnabled());
    expect(backend.callsOf("replies_export_leads")).toHaveLength(1);
  });

  it("says when there are no leads", async () => {
    const backend = agency();
    backend.addReply(backend.byHandle("zoe.fit")!.id, "kai: Love it!!");
    const { user } = await openReplies(backend);
    await user.click(screen.getByTestId("replies-leads-tab"));
    expect(screen.getByTestId("replies-leads-empty")).toHaveTextContent("No leads yet");
    expect(screen.getByTestId("replies-export-leads")).toBeDisabled();
  });
});

describe("replies tab: settings", () => {
  it("saves the brand rules, shows a field's refusal inline and reloads the redrafted queue", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.addReply(zoe.id, "maria.fit: How much is the 12-week program?");
    backend.rules.set(zoe.id, { avoid_words: ["cheap"], sign_off: "", emoji: "light", booking_link: "" });
    const { user } = await openReplies(backend);

    await user.click(screen.getByTestId("replies-settings"));
    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(within(dialog).getByTestId("rules-avoid")).toHaveValue("cheap"));
    expect(within(dialog).getByTestId("rules-emoji-light")).toHaveAttribute("aria-pressed", "true");

    await user.type(within(dialog).getByTestId("rules-avoid"), ", babe ,Cheap,");
    expect(within(within(dialog).getByTestId("rules-avoid-chips")).getAllByRole("listitem").map((l) => l.textContent)).toEqual([
      "cheap",
      "babe",
    ]);
    await user.type(within(dialog).getByTestId("rules-signoff"), "— Zoe {{brand}");
    await user.click(within(dialog).getByTestId("rules-save"));
    const error = await within(dialog).findByTestId("rules-error-sign_off");
    expect(error).toHaveTextContent("The sign-off is plain text; it cannot hold {variables}");
    expect(within(dialog).getByTestId("rules-signoff")).toHaveAttribute("aria-invalid", "true");

    await user.clear(within(dialog).getByTestId("rules-signoff"));
    expect(within(dialog).queryByTestId("rules-error-sign_off")).not.toBeInTheDocument();
    await user.type(within(dialog).getByTestId("rules-signoff"), "— Zoe");
    await user.click(within(dialog).getByTestId("rules-emoji-none"));
    await user.type(within(dialog).getByTestId("rules-link"), "https://cal.com/zoe");
    const lists = backend.callsOf("replies_list").length;
    await user.click(within(dialog).getByTestId("rules-save"));
    expect(await within(dialog).findByTestId("rules-saved")).toHaveTextContent("Saved");
    expect(backend.lastCall("replies_rules_set")?.args).toEqual({
      key: zoe.id,
      rules: { avoid_words: ["cheap", "babe"], sign_off: "— Zoe", emoji: "none", booking_link: "https://cal.com/zoe" },
    });
    expect(within(dialog).getByTestId("rules-avoid")).toHaveValue("cheap, babe");

    await user.click(within(dialog).getByTestId("replies-settings-close"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await waitFor(() => expect(backend.callsOf("replies_list").length).toBeGreaterThan(lists));
    await waitFor(() => expect(within(card("@maria.fit")).getAllByTestId("reply-draft")).toHaveLength(3));
    const drafts = within(card("@maria.fit")).getAllByTestId("reply-draft").map((d) => (d as HTMLTextAreaElement).value);
    expect(drafts.every((d) => d.endsWith("— Zoe"))).toBe(true);
    expect(drafts[2]).toContain("https://cal.com/zoe");
  });

  it("adds a saved reply, refusing an unknown variable, and fills it in for a message as an extra draft", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.rules.set(zoe.id, { avoid_words: [], sign_off: "— Zoe", emoji: "light", booking_link: "https://cal.com/zoe" });
    backend.addReply(zoe.id, "maria.fit: How much is the 12-week program?");
    backend.addSaved({ name: "Thanks", body: "Thank you {first_name}!" });
    const { user } = await openReplies(backend);

    await user.click(screen.getByTestId("replies-settings"));
    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(within(dialog).getAllByTestId("saved-row")).toHaveLength(1));
    expect(within(dialog).getByTestId("saved-row")).toHaveTextContent("Thanks");
    expect(within(dialog).getByTestId("saved-row")).toHaveTextContent("Every client");

    await user.click(within(dialog).getByTestId("saved-new"));
    expect(within(dialog).getByTestId("saved-variables")).toHaveTextContent(
      "{first_name} {username} {brand} {sign_off} {link} {post}",
    );
    await user.type(within(dialog).getByTestId("saved-name"), "Price enquiry");
    await user.selectOptions(within(dialog).getByTestId("saved-intent"), "pricing");
    const body = within(dialog).getByTestId("saved-body");
    await user.click(body);
    await user.paste("Hi {first_name}! Book a free call: {link} {signoff}");
    await user.click(within(dialog).getByTestId("saved-save"));
    expect(await within(dialog).findByTestId("saved-error-body")).toHaveTextContent("{signoff} is not a variable");

    await user.clear(body);
    await user.click(body);
    await user.paste("Hi {first_name}! Book a free call: {link} {sign_off}");
    await user.click(within(dialog).getByTestId("saved-save"));
    await waitFor(() => expect(within(dialog).getAllByTestId("saved-row")).toHaveLength(2));
    expect(backend.lastCall("replies_saved_save")?.args).toEqual({
      input: { id: null, client: zoe.id, name: "Price enquiry", body: "Hi {first_name}! Book a free call: {link} {sign_off}", intent: "pricing" },
    });
    await user.click(within(dialog).getByTestId("replies-settings-close"));

    const maria = card("@maria.fit");
    await user.click(within(maria).getByTestId("reply-saved-menu"));
    const options = within(maria).getAllByTestId("reply-saved-option");
    // The one for this intent first.
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining("Price enquiry"),
      expect.stringContaining("Thanks"),
    ]);
    await user.click(options[0]);
    await waitFor(() => expect(within(maria).getAllByTestId("reply-draft")).toHaveLength(4));
    const extra = within(maria).getAllByTestId("reply-draft")[3];
    expect(extra).toHaveValue("Hi @maria.fit! Book a free call: https://cal.com/zoe — Zoe");
    expect(backend.lastCall("replies_saved_render")?.args).toEqual({ messageId: "reply-1", savedId: "saved-2" });

    await user.click(within(maria).getAllByTestId("copy-draft")[3]);
    await waitFor(() => expect(backend.clipboard).toBe("Hi @maria.fit! Book a free call: https://cal.com/zoe — Zoe"));
  });

  it("edits and deletes saved replies", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const saved = backend.addSaved({ name: "Thanks", body: "Thank you {first_name}!", client_id: zoe.id });
    const { user } = await openReplies(backend);
    await user.click(screen.getByTestId("replies-settings"));
    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(within(dialog).getAllByTestId("saved-row")).toHaveLength(1));

    await user.click(within(dialog).getByTestId("saved-edit"));
    await user.clear(within(dialog).getByTestId("saved-name"));
    await user.click(within(dialog).getByTestId("saved-save"));
    expect(await within(dialog).findByTestId("saved-error-name")).toHaveTextContent("Give the saved reply a name");
    await user.type(within(dialog).getByTestId("saved-name"), "Big thanks");
    await user.click(within(dialog).getByTestId("saved-save"));
    await waitFor(() => expect(within(dialog).getByTestId("saved-row")).toHaveTextContent("Big thanks"));
    expect(backend.lastCall("replies_saved_save")?.args.input).toMatchObject({ id: saved.id, client: zoe.id, name: "Big thanks" });

    await user.click(within(dialog).getByTestId("saved-delete"));
    await user.click(within(dialog).getByTestId("saved-delete-confirm"));
    await waitFor(() => expect(within(dialog).getByTestId("saved-empty")).toBeInTheDocument());
    expect(backend.lastCall("replies_saved_delete")?.args).toEqual({ id: saved.id });
  });
});

describe("replies api", () => {
  it("sends each command with the argument keys the back end expects", async () => {
    const seen: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return cmd.endsWith("_list") ? [] : {};
    });
    const request: AddRequest = { source: { kind: "pasted", text: "hi", channel: "dm" }, offline: true };
    const query: ReplyQuery = { intent: "pricing", include_handled: false, min_lead_score: 40 };
    const rules: BrandRules = { avoid_words: ["cheap"], sign_off: "— Zoe", emoji: "none", booking_link: "" };
    const input = { name: "Thanks", body: "Thank you {first_name}!", client: "c1", intent: null };

    await api.repliesAdd("c1", request, "run-1", () => {});
    await api.repliesList("c1", query);
    await api.repliesSetHandled("r1", true);
    await api.repliesDelete("r1");
    await api.repliesClearHandled("c1");
    await api.repliesRedraft("r1", { offline: false, seed: null }, "run-2", () => {});
    await api.repliesRulesGet("c1");
    await api.repliesRulesSet("c1", rules);
    await api.repliesSavedList("c1");
    await api.repliesSavedSave(input);
    await api.repliesSavedDelete("s1");
    await api.repliesSavedRender("r1", "s1");
    await api.repliesExportLeads("c1", 40, "/tmp/leads.csv", false);
    await api.copyText("Hi there");

    expect(seen).toEqual([
      ["replies_add", { key: "c1", request, runId: "run-1", onEvent: expect.any(Channel) }],
      ["replies_list", { key: "c1", query }],
      ["replies_set_handled", { id: "r1", handled: true }],
      ["replies_delete", { id: "r1" }],
      ["replies_clear_handled", { key: "c1" }],
      ["replies_redraft", { id: "r1", request: { offline: false, seed: null }, runId: "run-2", onEvent: expect.any(Channel) }],
      ["replies_rules_get", { key: "c1" }],
      ["replies_rules_set", { key: "c1", rules }],
      ["replies_saved_list", { key: "c1" }],
      ["replies_saved_save", { input }],
      ["replies_saved_delete", { id: "s1" }],
      ["replies_saved_render", { messageId: "r1", savedId: "s1" }],
      ["replies_export_leads", { key: "c1", minScore: 40, path: "/tmp/leads.csv", openAfter: false }],
      ["plugin:clipboard-manager|write_text", { text: "Hi there" }],
    ]);
  });

  it("rejects a failed copy with a message to show", async () => {
    mockIPC(() => {
      throw "clipboard unavailable";
    });
    await expect(api.copyText("x")).rejects.toEqual({ code: "internal", message: "Clipboard unavailable", field: null });
  });
});
