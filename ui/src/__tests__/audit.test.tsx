import { fireEvent } from "@testing-library/react";
import { FakeReportsBackend } from "../test/fakeReports";
import { openClientAudit, openClientData, screen, waitFor, within } from "../test/render";

function agency() {
  return new FakeReportsBackend([
    { name: "Zoe Fitness", handle: "zoe.fit" },
    { name: "Alice Bakery", handle: "alice_bakes" },
  ]);
}

function withAi(backend: FakeReportsBackend) {
  backend.provider = { preset: "openai", base_url: "https://api.openai.com/v1", model: "gpt-4o-mini", extra_headers: [] };
  backend.keys.set("openai", "sk-abc1234");
  return backend;
}

describe("audit tab", () => {
  it("runs the first audit from the empty state and shows the report", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const { user } = await openClientAudit(backend, "zoe.fit");

    expect(screen.getByTestId("client-tab-audit")).toHaveAttribute("aria-selected", "true");
    const empty = screen.getByTestId("audit-empty");
    expect(empty).toHaveTextContent("No audit of Zoe Fitness yet");
    expect(empty).toHaveTextContent("The numbers never come from AI");
    expect(screen.getByTestId("audit-offline")).not.toBeChecked();
    expect(backend.lastCall("audit_history")?.args).toEqual({ key: zoe.id });

    await user.click(screen.getByTestId("audit-offline"));
    await user.click(screen.getByTestId("audit-run"));

    const cards = await screen.findByTestId("audit-score-cards");
    const call = backend.lastCall("audit_run")!;
    expect(call.args).toMatchObject({ key: zoe.id, offline: true });
    expect(call.args.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.queryByTestId("audit-empty")).not.toBeInTheDocument();

    // Score cards: rate with one decimal against the tier, score, risk as an estimate, sample.
    expect(within(cards).getByTestId("audit-score-er")).toHaveTextContent("3.4 %");
    expect(within(cards).getByTestId("audit-score-er")).toHaveTextContent("Median for 1K–5K followers: 4.0 %");
    expect(within(cards).getByTestId("audit-verdict")).toHaveTextContent("Below the median");
    expect(within(cards).getByTestId("audit-score-reach")).toHaveTextContent("6.2 %");
    expect(within(cards).getByTestId("audit-score-content")).toHaveTextContent("68/100");
    expect(within(cards).getByTestId("audit-score-risk")).toHaveTextContent("Medium · 38/100");
    expect(within(cards).getByTestId("audit-score-risk")).toHaveTextContent(/estimate/i);
    expect(within(cards).getByTestId("audit-score-posts")).toHaveTextContent("24");

    // The narrative, written offline.
    expect(screen.getByTestId("audit-narrative-source")).toHaveTextContent("Written offline");
    expect(screen.getByTestId("audit-summary").querySelectorAll("p")).toHaveLength(2);
    expect(screen.queryByTestId("audit-narrative-note")).not.toBeInTheDocument();

    // Findings, highest impact first, strengths marked.
    const findings = screen.getAllByTestId("audit-finding");
    expect(findings).toHaveLength(4);
    expect(findings[0]).toHaveTextContent("Posts use more than 5 hashtags");
    expect(within(findings[0]).getByTestId("audit-finding-severity")).toHaveTextContent("Critical");
    expect(findings[0]).toHaveTextContent("What to do");
    expect(findings[0]).toHaveTextContent("Keep at most 5 relevant hashtags per post");
    expect(findings[3]).toHaveAttribute("data-severity", "strength");
    expect(findings[3]).toHaveClass("is-strength");

    // The roadmap: four weeks with numbered actions, KPIs in their units.
    const weeks = screen.getAllByTestId("audit-roadmap-week");
    expect(weeks).toHaveLength(4);
    expect(weeks[0]).toHaveTextContent("Week 1");
    expect(weeks[0]).toHaveTextContent("Remove what holds reach back");
    expect(weeks[0].querySelectorAll("ol li")).toHaveLength(2);
    const kpis = screen.getAllByTestId("audit-kpi").map((r) => Array.from((r as HTMLTableRowElement).cells).map((c) => c.textContent));
    expect(kpis).toEqual([
      ["Engagement rate by followers", "3.4 %", "4.0 %"],
      ["Median reach per post", "1,950", "2,300"],
      ["Feed posts per week", "2.3 a week", "3.0 a week"],
      ["Posts within the 5-hashtag limit", "66.7 %", "100.0 %"],
    ]);

    // Content score parts, "n/a" where not assessed.
    const parts = screen.getAllByTestId("audit-score-part");
    expect(parts).toHaveLength(5);
    expect(parts[0]).toHaveTextContent("Consistency");
    expect(parts[0]).toHaveTextContent("30 %");
    expect(parts[4]).toHaveTextContent("n/a");

    // Engagement charts, not assessed, history; no changes on a first audit.
    expect(screen.getAllByTestId("audit-rate-point")).toHaveLength(23);
    expect(screen.getByTestId("audit-chart-periods")).toHaveTextContent("18 % lower than the 30 days before");
    expect(within(screen.getByTestId("audit-not-assessed")).getAllByTestId("audit-not-assessed-item")).toHaveLength(2);
    expect(screen.queryByTestId("audit-changes")).not.toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId("audit-history")).getAllByTestId("audit-history-row")).toHaveLength(1));
  });

  it("streams the AI summary's progress, then says which model wrote it", async () => {
    const backend = withAi(agency());
    backend.auditEvents = [
      { kind: "text", chars: 120, tokens: 31 },
      { kind: "text", chars: 260, tokens: 64 },
    ];
    let release = () => {};
    backend.auditGate = new Promise<void>((r) => (release = r));
    const { user } = await openClientAudit(backend, "zoe.fit");

    await user.click(screen.getByTestId("audit-run"));
    await waitFor(() => expect(screen.getByTestId("audit-running")).toHaveTextContent("Writing the summary… 64 tokens"));
    expect(screen.getByTestId("audit-run")).toBeDisabled();
    expect(backend.lastCall("audit_run")?.args).toMatchObject({ offline: false });

    release();
    expect(await screen.findByTestId("audit-narrative-source")).toHaveTextContent("Written by gpt-4o-mini");
    expect(screen.queryByTestId("audit-running")).not.toBeInTheDocument();
  });

  it("cancels a running audit with the same run id and saves nothing", async () => {
    const backend = withAi(agency());
    backend.auditEvents = [{ kind: "text", chars: 40, tokens: 12 }];
    backend.auditGate = new Promise<void>(() => {});
    const { user } = await openClientAudit(backend, "zoe.fit");

    await user.click(screen.getByTestId("audit-run"));
    await waitFor(() => expect(screen.getByTestId("audit-running")).toHaveTextContent("12 tokens"));
    await user.click(screen.getByTestId("audit-cancel"));

    const message = await screen.findByTestId("audit-run-error");
    expect(message).toHaveTextContent("Cancelled — no audit was saved.");
    expect(message).toHaveAttribute("data-code", "cancelled");
    expect(backend.lastCall("ai_cancel")?.args).toEqual({ runId: backend.lastCall("audit_run")?.args.runId });
    expect(backend.audits).toHaveLength(0);
    expect(screen.getByTestId("audit-empty")).toBeInTheDocument();
    expect(screen.getByTestId("audit-run")).toBeEnabled();
    expect(screen.queryByTestId("audit-running")).not.toBeInTheDocument();
  });

  it("shows why a run failed", async () => {
    const backend = agency();
    backend.failNext("audit_run", { code: "database", field: null, message: "database is locked" });
    const { user } = await openClientAudit(backend, "zoe.fit");
    await user.click(screen.getByTestId("audit-run"));
    const error = await screen.findByTestId("audit-run-error");
    expect(error).toHaveTextContent("Database is locked");
    expect(error).toHaveAttribute("role", "alert");
  });

  it("says when AI was asked for but the summary was written offline", async () => {
    const backend = agency();
    const { user } = await openClientAudit(backend, "zoe.fit");
    await user.click(screen.getByTestId("audit-run"));
    expect(await screen.findByTestId("audit-narrative-note")).toHaveTextContent("no AI provider is set up");
    expect(screen.getByTestId("audit-narrative-source")).toHaveTextContent("Written offline");
  });

  it("opens the newest stored audit and exports it as a PDF where the user chose", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const doc = backend.addAudit(zoe.id);
    const path = "/Users/me/Documents/zoe.fit-audit-2026-11-26.pdf";
    backend.saveAnswers.push(path);
    const { user } = await openClientAudit(backend, "zoe.fit");

    expect(backend.lastCall("audit_get")?.args).toEqual({ id: doc.id });
    expect(screen.getByTestId("audit-header")).toHaveTextContent("Audit of");
    expect(screen.getByTestId("audit-open-after")).toBeChecked();

    await user.click(screen.getByTestId("audit-open-after"));
    await user.click(screen.getByTestId("audit-export"));

    const saved = await screen.findByTestId("audit-exported");
    expect(saved).toHaveTextContent(`Saved to ${path}`);
    const dialog = backend.lastCall("plugin:dialog|save")!;
    expect(dialog.args.options).toMatchObject({
      defaultPath: "zoe.fit-audit-2026-11-26.pdf",
      filters: [{ name: "PDF", extensions: ["pdf"] }],
    });
    expect(backend.lastCall("audit_export_pdf")?.args).toEqual({ id: doc.id, path, openAfter: false });
  });

  it("exports with Open after export on by default, and shows an export error", async () => {
    const backend = agency();
    const doc = backend.addAudit(backend.byHandle("zoe.fit")!.id);
    backend.saveAnswers.push("/tmp/a.pdf", "/tmp/b.pdf");
    const { user } = await openClientAudit(backend, "zoe.fit");

    await user.click(screen.getByTestId("audit-export"));
    await screen.findByTestId("audit-exported");
    expect(backend.lastCall("audit_export_pdf")?.args).toEqual({ id: doc.id, path: "/tmp/a.pdf", openAfter: true });

    backend.failNext("audit_export_pdf", {
      code: "invalid_input",
      field: "logo",
      message: "the agency logo cannot be used (bad PNG); choose another PNG or JPEG in Settings → Branding",
    });
    await user.click(screen.getByTestId("audit-export"));
    const error = await screen.findByTestId("audit-export-error");
    expect(error).toHaveTextContent("The agency logo cannot be used");
    expect(screen.queryByTestId("audit-exported")).not.toBeInTheDocument();
  });

  it("does nothing when the save dialog is closed", async () => {
    const backend = agency();
    backend.addAudit(backend.byHandle("zoe.fit")!.id);
    const { user } = await openClientAudit(backend, "zoe.fit");

    await user.click(screen.getByTestId("audit-export"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|save")).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("audit-export")).toBeEnabled());
    expect(backend.callsOf("audit_export_pdf")).toHaveLength(0);
    expect(screen.queryByTestId("audit-exported")).not.toBeInTheDocument();
    expect(screen.queryByTestId("audit-export-error")).not.toBeInTheDocument();
  });

  it("loads an earlier audit from the history", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const older = backend.addAudit(zoe.id, {
      created_at: "2026-10-20T09:00:00.000Z",
      content_score: { score: 54, parts: [] },
      engagement_rate: 0.0291,
    });
    const newer = backend.addAudit(zoe.id);
    const { user } = await openClientAudit(backend, "zoe.fit");

    expect(screen.getByTestId("audit-report")).toHaveAttribute("data-id", newer.id);
    const rows = within(screen.getByTestId("audit-history")).getAllByTestId("audit-history-row");
    expect(rows.map((r) => r.getAttribute("data-id"))).toEqual([newer.id, older.id]);
    expect(rows[0]).toHaveAttribute("aria-current", "true");
    expect(rows[1]).toHaveTextContent("54");
    expect(rows[1]).toHaveTextContent("2.9 %");
    expect(rows[1]).toHaveTextContent("Medium · 38");

    await user.click(rows[1]);

    await waitFor(() => expect(screen.getByTestId("audit-report")).toHaveAttribute("data-id", older.id));
    expect(backend.lastCall("audit_get")?.args).toEqual({ id: older.id });
    expect(screen.getByTestId("audit-score-content")).toHaveTextContent("54/100");
    expect(screen.getByTestId("audit-older")).toHaveTextContent("Earlier audit");
    expect(within(screen.getByTestId("audit-history")).getAllByTestId("audit-history-row")[1]).toHaveAttribute(
      "aria-current",
      "true",
    );
  });

  it("shows what changed since the previous audit", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.addAudit(zoe.id, { created_at: "2026-10-20T09:00:00.000Z" });
    const base = backend.addAudit(zoe.id);
    backend.audits = backend.audits.filter((a) => a.id !== base.id);
    backend.nextAudit = {
      engagement_rate: 0.0413,
      content_score: { ...base.content_score, score: 74 },
      shadowban_risk: { ...base.shadowban_risk, score: 12, level: "low" },
      followers: 2290,
      findings: base.findings.filter((f) => f.key !== "hashtags_over_limit"),
    };
    const { user } = await openClientAudit(backend, "zoe.fit");

    await user.click(screen.getByTestId("audit-run"));

    const card = await screen.findByTestId("audit-changes");
    const change = (key: string) => within(card).getAllByTestId("audit-change").find((c) => c.dataset.key === key)!;
    expect(change("engagement_rate")).toHaveTextContent("Engagement rate3.4 % → 4.1 %");
    expect(change("engagement_rate")).toHaveAttribute("data-direction", "up");
    expect(change("engagement_rate")).toHaveClass("is-better");
    // Risk went down: lower is better.
    expect(change("risk_score")).toHaveTextContent("38 → 12");
    expect(change("risk_score")).toHaveAttribute("data-direction", "down");
    expect(change("risk_score")).toHaveClass("is-better");
    expect(change("followers")).toHaveTextContent("2,340 → 2,290");
    expect(change("followers")).toHaveClass("is-worse");
    expect(change("engagement_rate_by_reach")).toHaveAttribute("data-direction", "same");
    expect(within(card).getAllByTestId("audit-resolved-finding").map((f) => f.textContent)).toEqual([
      "Posts use more than 5 hashtags",
    ]);
    expect(within(card).queryByTestId("audit-new-finding")).not.toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId("audit-history")).getAllByTestId("audit-history-row")).toHaveLength(2));
  });

  it("lists the risk signals with their status, and opens one to explain it", async () => {
    const backend = agency();
    backend.addAudit(backend.byHandle("zoe.fit")!.id);
    const { user } = await openClientAudit(backend, "zoe.fit");

    const signals = screen.getAllByTestId("audit-signal");
    expect(signals).toHaveLength(8);
    const byKey = (key: string) => signals.find((s) => s.dataset.key === key)!;
    expect(byKey("hashtags_over_limit")).toHaveAttribute("data-status", "flagged");
    expect(byKey("hashtags_over_limit")).toHaveTextContent("3 of 9 posts");
    expect(byKey("hashtags_over_limit")).toHaveTextContent("any post since 19 Dec 2025");
    expect(byKey("hashtags_over_limit")).toHaveTextContent("Flagged");
    expect(byKey("reach_drop")).toHaveAttribute("data-status", "ok");
    expect(byKey("follower_spike")).toHaveAttribute("data-status", "unmeasured");
    expect(byKey("follower_spike")).toHaveTextContent("Not measured");
    expect(screen.queryByTestId("audit-signal-detail")).not.toBeInTheDocument();

    await user.click(byKey("hashtags_over_limit"));
    const detail = screen.getByTestId("audit-signal-detail");
    expect(detail).toHaveTextContent("Instagram allows at most 5 hashtags per post");
    expect(detail).toHaveTextContent("Seen in 3 posts.");
    expect(within(byKey("hashtags_over_limit")).getByRole("button")).toHaveAttribute("aria-expanded", "true");

    await user.click(byKey("hashtags_over_limit"));
    expect(screen.queryByTestId("audit-signal-detail")).not.toBeInTheDocument();

    const note = screen.getByTestId("audit-risk-note");
    expect(note).toHaveTextContent("estimate");
    expect(note).toHaveTextContent("Account Status");
  });

  it("draws the best times as a 7 × 24 heatmap with tooltips and the top slots", async () => {
    const backend = agency();
    backend.addAudit(backend.byHandle("zoe.fit")!.id);
    await openClientAudit(backend, "zoe.fit");

    const map = screen.getByTestId("audit-heatmap");
    expect(within(map).getAllByTestId("audit-heatmap-row")).toHaveLength(7);
    const cells = within(map).getAllByTestId("audit-heatmap-cell");
    expect(cells).toHaveLength(168);
    const best = cells.find((c) => c.dataset.weekday === "0" && c.dataset.hour === "18")!;
    expect(best).toHaveAttribute("title", "Mon 18:00 — 5.2 % over 3 posts");
    expect(best).not.toHaveClass("is-empty");
    const empty = cells.find((c) => c.dataset.weekday === "0" && c.dataset.hour === "3")!;
    expect(empty).toHaveClass("is-empty");
    expect(empty).toHaveAttribute("title", "Mon 03:00 — no posts");
    expect(cells.filter((c) => !c.classList.contains("is-empty"))).toHaveLength(7);
    expect(screen.getByTestId("audit-best-times")).toHaveTextContent("from 24 posts");
    expect(screen.getAllByTestId("audit-top-slot").map((s) => s.textContent)).toEqual([
      "1Monday 18:005.2 % over 3 posts",
      "2Wednesday 12:004.7 % over 4 posts",
      "3Thursday 19:004.4 % over 2 posts",
    ]);
  });

  it("does not load audits until the tab is opened, and keeps a run going across tabs", async () => {
    const backend = agency();
    backend.auditGate = new Promise<void>(() => {});
    const { user } = await openClientData(backend, "zoe.fit");
    expect(backend.callsOf("audit_history")).toHaveLength(0);
    await user.click(screen.getByTestId("client-tab-audit"));
    await screen.findByTestId("audit-empty");
    await user.click(screen.getByTestId("audit-run"));
    await screen.findByTestId("audit-running");

    await user.click(screen.getByTestId("client-tab-data"));
    expect(screen.getByTestId("audit-tab")).not.toBeVisible();
    await user.click(screen.getByTestId("client-tab-audit"));
    expect(screen.getByTestId("audit-running")).toBeVisible();
    expect(backend.callsOf("audit_history")).toHaveLength(1);

    // Arrow keys reach the audit tab too (Content, Plan and Replies come after it, then back to Data).
    fireEvent.keyDown(screen.getByTestId("client-tab-audit"), { key: "ArrowRight" });
    expect(screen.getByTestId("client-tab-content")).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(screen.getByTestId("client-tab-content"), { key: "ArrowRight" });
    expect(screen.getByTestId("client-tab-plan")).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(screen.getByTestId("client-tab-plan"), { key: "ArrowRight" });
    expect(screen.getByTestId("client-tab-replies")).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(screen.getByTestId("client-tab-replies"), { key: "ArrowRight" });
    expect(screen.getByTestId("client-tab-data")).toHaveAttribute("aria-selected", "true");
  });
});
