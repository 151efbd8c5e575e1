import { fireEvent } from "@testing-library/react";
import { vi } from "vitest";
import type { StoredPlan } from "../bindings";
import { todayDay } from "../format";
import { makeItem } from "../test/fakeContent";
import { FakePlanBackend, FIXTURE_REQUEST } from "../test/fakePlans";
import { renderApp, row, screen, waitFor, within } from "../test/render";

function agency() {
  return new FakePlanBackend([
    { name: "Zoe Fitness", handle: "zoe.fit", niche: "fitness" },
    { name: "Alice Bakery", handle: "alice_bakes" },
  ]);
}

/** Zoe with the 14-day fixture plan (2–15 December 2026) as the active plan. */
function planned() {
  const backend = agency();
  const zoe = backend.byHandle("zoe.fit")!;
  const stored = backend.addPlan(zoe.id);
  return { backend, zoe, stored };
}

/** A morning before the fixture plan starts: the form's default start (tomorrow) is its first day. */
const DAY_BEFORE_THE_PLAN = new Date("2026-12-01T09:30:00Z");

/** Renders the app and opens @handle's Plan tab, waiting for it to load. */
async function openPlan(backend: FakePlanBackend, handle = "zoe.fit") {
  const utils = await renderApp(backend);
  await utils.user.click(row(handle));
  await screen.findByTestId("client-title");
  await utils.user.click(screen.getByTestId("client-tab-plan"));
  await waitFor(() =>
    expect(screen.queryByTestId("plan-empty") ?? screen.queryByTestId("plan-calendar")).toBeInTheDocument(),
  );
  return utils;
}

const day = (date: string) => {
  const found = screen.getAllByTestId("plan-day").find((d) => d.getAttribute("data-date") === date);
  if (!found) throw new Error(`no day cell for ${date}`);
  return found;
};
const chip = (id: string) => {
  const found = screen.queryAllByTestId("plan-item").find((c) => c.getAttribute("data-id") === id);
  if (!found) throw new Error(`no chip ${id}`);
  return found;
};
const dayOfChip = (id: string) => chip(id).closest("[data-testid='plan-day']")?.getAttribute("data-date");
const itemCount = (p: StoredPlan) => p.plan.days.reduce((n, d) => n + d.items.length, 0);

/** A DataTransfer as jsdom lacks one: what is set is what is read back. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    data,
    dropEffect: "none",
    effectAllowed: "all",
    types: [] as string[],
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? "",
    clearData: () => data.clear(),
  };
}

describe("plan tab: creating", () => {
  it("comes after Content, is mounted when first opened, and offers the form with defaults", async () => {
    const backend = agency();
    const { user } = await renderApp(backend);
    await user.click(row("zoe.fit"));
    await screen.findByTestId("client-title");
    const tabs = screen.getAllByRole("tab").map((t) => t.getAttribute("data-testid"));
    expect(tabs.slice(tabs.indexOf("client-tab-content"))).toEqual(["client-tab-content", "client-tab-plan", "client-tab-replies"]);
    expect(screen.queryByTestId("plan-tab")).not.toBeInTheDocument();
    expect(backend.callsOf("plan_list")).toHaveLength(0);

    await user.click(screen.getByTestId("client-tab-plan"));
    const empty = await screen.findByTestId("plan-empty");
    expect(empty).toHaveTextContent("No plan for Zoe Fitness yet");
    const days = within(screen.getByTestId("plan-days")).getAllByRole("radio");
    expect(days.map((d) => d.getAttribute("value"))).toEqual(["7", "14", "30"]);
    expect(days[1]).toHaveAttribute("aria-checked", "true");
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect(screen.getByTestId("plan-start")).toHaveValue(todayDay(tomorrow));
    expect(screen.getByTestId("plan-goal")).toHaveValue("growth");
    expect(screen.getByTestId("plan-form-hint")).toHaveTextContent("latest audit’s best times");

    await user.selectOptions(screen.getByTestId("plan-goal"), "recovery");
    expect(screen.getByTestId("plan-form-hint")).toHaveTextContent("follows the roadmap of the latest audit");

    await user.click(screen.getByTestId("client-tab-data"));
    expect(screen.getByTestId("plan-tab")).not.toBeVisible();
  });

  it("creates a plan with the form's values and shows its calendar", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const { user } = await openPlan(backend);

    await user.click(within(screen.getByTestId("plan-days")).getByRole("radio", { name: "7 days" }));
    fireEvent.change(screen.getByTestId("plan-start"), { target: { value: "2026-12-02" } });
    await user.selectOptions(screen.getByTestId("plan-goal"), "engagement");
    await user.clear(screen.getByTestId("plan-posts"));
    await user.type(screen.getByTestId("plan-posts"), "3");
    await user.clear(screen.getByTestId("plan-stories"));
    await user.type(screen.getByTestId("plan-stories"), "0");
    await user.type(screen.getByTestId("plan-pillars"), "Recipes, Tips , Recipes,");
    await user.click(screen.getByTestId("plan-create"));

    await screen.findByTestId("plan-calendar");
    expect(backend.lastCall("plan_create")?.args).toMatchObject({
      key: zoe.id,
      request: {
        start: "2026-12-02",
        days: 7,
        goal: "engagement",
        posts_per_week: 3,
        stories_per_day: 0,
        pillars: ["Recipes", "Tips"],
        name: null,
      },
    });
    expect(screen.queryByTestId("plan-empty")).not.toBeInTheDocument();
    const inPlan = screen.getAllByTestId("plan-day").filter((d) => d.getAttribute("data-in-plan") === "true");
    expect(inPlan.map((d) => d.getAttribute("data-date"))).toEqual([
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
      "2026-12-07",
      "2026-12-08",
    ]);
    expect(screen.getByTestId("plan-select")).toHaveDisplayValue("7-day engagement plan from 2026-12-02 (active)");
    expect(screen.getAllByTestId("plan-item").some((c) => c.getAttribute("data-type") === "story")).toBe(false);
  });

  it("checks numbers before calling and shows the back end's field errors", async () => {
    const backend = agency();
    const { user } = await openPlan(backend);
    await user.clear(screen.getByTestId("plan-posts"));
    await user.type(screen.getByTestId("plan-posts"), "20");
    await user.clear(screen.getByTestId("plan-stories"));
    await user.type(screen.getByTestId("plan-stories"), "11");
    await user.click(screen.getByTestId("plan-create"));
    expect(screen.getByTestId("error-posts_per_week")).toHaveTextContent("1 to 14");
    expect(screen.getByTestId("error-stories_per_day")).toHaveTextContent("0 to 10");
    expect(backend.callsOf("plan_create")).toHaveLength(0);

    await user.clear(screen.getByTestId("plan-posts"));
    await user.type(screen.getByTestId("plan-posts"), "4");
    await user.clear(screen.getByTestId("plan-stories"));
    await user.type(screen.getByTestId("plan-stories"), "1");
    fireEvent.change(screen.getByTestId("plan-start"), { target: { value: "2026-01-01" } });
    await user.click(screen.getByTestId("plan-create"));
    expect(await screen.findByTestId("error-start")).toHaveTextContent("The plan can't start in the past");
    expect(screen.queryByTestId("error-posts_per_week")).not.toBeInTheDocument();
    expect(screen.getByTestId("plan-empty")).toBeInTheDocument();
  });
});

describe("plan tab: the calendar", () => {
  it("shows every day of the plan in the month view, with its items, notes, targets and progress", async () => {
    const { backend, stored } = planned();
    await openPlan(backend);

    // Monday 30 November to Sunday 20 December: three weeks, the days outside the plan greyed.
    const cells = screen.getAllByTestId("plan-day");
    expect(cells).toHaveLength(21);
    expect(cells[0]).toHaveAttribute("data-date", "2026-11-30");
    expect(cells[0]).toHaveClass("is-outside");
    const inPlan = cells.filter((c) => c.getAttribute("data-in-plan") === "true").map((c) => c.getAttribute("data-date"));
    expect(inPlan).toEqual(stored.plan.days.map((d) => d.date));
    expect(inPlan).toHaveLength(14);

    expect(screen.getAllByTestId("plan-item")).toHaveLength(itemCount(stored));
    for (const d of stored.plan.days) {
      const ids = within(day(d.date)).queryAllByTestId("plan-item").map((c) => c.getAttribute("data-id"));
      expect(ids).toEqual(d.items.map((i) => i.id));
    }
    const reel = chip("d00-p1");
    expect(reel).toHaveAttribute("data-type", "reel");
    expect(reel).toHaveTextContent("12:30");
    expect(reel).toHaveTextContent("Workouts: idea 1");
    expect(chip("d00-s1")).toHaveAttribute("data-type", "story");
    expect(chip("d00-e1")).toHaveAttribute("data-type", "engagement");
    expect(reel).toHaveAttribute("draggable", "true");

    expect(screen.getByTestId("plan-note")).toHaveTextContent("Posting times come from the audit");
    const targets = screen.getAllByTestId("plan-target");
    expect(targets).toHaveLength(2);
    expect(targets[0]).toHaveTextContent("Engagement rate");
    const weeks = screen.getAllByTestId("plan-week-progress");
    expect(weeks.map((w) => w.getAttribute("data-week"))).toEqual(["49", "50", "51"]);
    const first = stored.plan.days.filter((d) => d.date <= "2026-12-06").flatMap((d) => d.items).length;
    expect(within(weeks[0]).getByTestId("plan-week-progress-count")).toHaveTextContent(`0/${first}`);
    expect(screen.getByTestId("plan-progress-total")).toHaveTextContent(`0 of ${itemCount(stored)} done`);
  });

  it("opens an item's details on click, with the default-time label where it applies", async () => {
    const { backend } = planned();
    const { user } = await openPlan(backend);
    await user.click(chip("d00-p1"));
    const detail = screen.getByTestId("plan-item-detail");
    expect(within(detail).getByTestId("plan-item-detail-topic")).toHaveTextContent("Workouts: idea 1");
    expect(within(detail).getByTestId("plan-item-detail-type")).toHaveTextContent("Reel");
    expect(within(detail).getByTestId("plan-item-detail-date")).toHaveTextContent(/December 2/);
    expect(within(detail).getByTestId("plan-item-detail-time")).toHaveTextContent("12:30");
    expect(within(detail).queryByTestId("plan-item-default-time")).not.toBeInTheDocument();
    expect(within(detail).getByTestId("plan-item-detail-pillar")).toHaveTextContent("Workouts");
    expect(within(detail).getByTestId("plan-item-detail-hook")).toHaveTextContent("Hook 1: the mistake everyone makes");
    expect(within(detail).getByTestId("plan-item-detail-brief")).toHaveTextContent("three tips about workouts");
    expect(within(detail).getAllByTestId("plan-item-hashtag").map((h) => h.textContent)).toEqual([
      "#fitness",
      "#homeworkout",
      "#tip1",
    ]);
    expect(within(detail).getByTestId("plan-item-done")).not.toBeChecked();
    const options = within(within(detail).getByTestId("plan-item-move")).getAllByRole("option");
    expect(options.map((o) => o.getAttribute("value"))).toEqual(backend.plans[0].plan.days.map((d) => d.date));
    expect(within(detail).getByTestId("plan-item-move")).toHaveValue("2026-12-02");
    expect(within(detail).getByTestId("plan-item-move-go")).toBeDisabled();

    await user.click(chip("d00-s1"));
    expect(screen.getByTestId("plan-item-detail")).toHaveAttribute("data-id", "d00-s1");
    expect(screen.getByTestId("plan-item-default-time")).toHaveTextContent("default time");
    expect(screen.queryByTestId("plan-item-detail-hook")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("plan-item-close"));
    expect(screen.queryByTestId("plan-item-detail")).not.toBeInTheDocument();
  });

  it("ticks an item done through plan_set_done and counts it in the week's progress", async () => {
    const { backend, stored } = planned();
    const { user } = await openPlan(backend);
    await user.click(chip("d00-p1"));
    await user.click(screen.getByTestId("plan-item-done"));
    await waitFor(() => expect(chip("d00-p1")).toHaveAttribute("data-done", "true"));
    expect(backend.lastCall("plan_set_done")?.args).toEqual({ id: stored.id, itemId: "d00-p1", done: true });
    expect(chip("d00-p1")).toHaveClass("is-done");
    expect(screen.getByTestId("plan-item-done")).toBeChecked();
    expect(within(screen.getAllByTestId("plan-week-progress")[0]).getByTestId("plan-week-progress-count")).toHaveTextContent(/^1\//);

    await user.click(screen.getByTestId("plan-item-done"));
    await waitFor(() => expect(chip("d00-p1")).toHaveAttribute("data-done", "false"));
    expect(backend.lastCall("plan_set_done")?.args).toEqual({ id: stored.id, itemId: "d00-p1", done: false });
  });

  it("moves an item from the detail panel through plan_move_item", async () => {
    const { backend, stored } = planned();
    const { user } = await openPlan(backend);
    await user.click(chip("d00-p1"));
    await user.selectOptions(screen.getByTestId("plan-item-move"), "2026-12-04");
    await user.click(screen.getByTestId("plan-item-move-go"));
    await waitFor(() => expect(dayOfChip("d00-p1")).toBe("2026-12-04"));
    expect(backend.lastCall("plan_move_item")?.args).toEqual({ id: stored.id, itemId: "d00-p1", date: "2026-12-04" });
    expect(within(day("2026-12-02")).queryAllByTestId("plan-item").map((c) => c.getAttribute("data-id"))).not.toContain("d00-p1");
    // The panel follows the item to its new day.
    expect(screen.getByTestId("plan-item-detail-date")).toHaveTextContent(/December 4/);
    expect(screen.getByTestId("plan-item-move")).toHaveValue("2026-12-04");

    // A refusal is shown in the panel.
    backend.failNext("plan_move_item", { code: "invalid_input", field: "date", message: "2026-12-20 is not a day of the plan" });
    await user.selectOptions(screen.getByTestId("plan-item-move"), "2026-12-05");
    await user.click(screen.getByTestId("plan-item-move-go"));
    expect(await screen.findByTestId("plan-item-error")).toHaveTextContent("2026-12-20 is not a day of the plan");
    expect(dayOfChip("d00-p1")).toBe("2026-12-04");
  });

  it("moves an item dropped on another day, and ignores drops outside the plan", async () => {
    const { backend, stored } = planned();
    await openPlan(backend);
    const dt = dataTransfer();
    fireEvent.dragStart(chip("d01-p1"), { dataTransfer: dt });
    expect(dt.getData("text/plain")).toBe("d01-p1");
    fireEvent.dragOver(day("2026-11-30"), { dataTransfer: dt });
    fireEvent.drop(day("2026-11-30"), { dataTransfer: dt });
    expect(backend.callsOf("plan_move_item")).toHaveLength(0);

    fireEvent.dragStart(chip("d01-p1"), { dataTransfer: dt });
    fireEvent.dragEnter(day("2026-12-09"), { dataTransfer: dt });
    fireEvent.dragOver(day("2026-12-09"), { dataTransfer: dt });
    expect(day("2026-12-09")).toHaveClass("is-over");
    fireEvent.drop(day("2026-12-09"), { dataTransfer: dt });
    await waitFor(() => expect(dayOfChip("d01-p1")).toBe("2026-12-09"));
    expect(backend.lastCall("plan_move_item")?.args).toEqual({ id: stored.id, itemId: "d01-p1", date: "2026-12-09" });
    expect(day("2026-12-09")).not.toHaveClass("is-over");
  });

  it("opens the week view on the week holding today while the plan runs", async () => {
    vi.setSystemTime(new Date("2026-12-10T08:00:00Z"));
    const { backend } = planned();
    const { user } = await openPlan(backend);
    await user.click(screen.getByTestId("plan-view-week"));
    expect(screen.getAllByTestId("plan-day")[0]).toHaveAttribute("data-date", "2026-12-07");
    expect(screen.getByTestId("plan-calendar-title")).toHaveTextContent("Week 2 of 3");
  });

  it("opens the week view on the plan's first week once the plan is over", async () => {
    vi.setSystemTime(new Date("2027-03-01T08:00:00Z"));
    const { backend } = planned();
    const { user } = await openPlan(backend);
    await user.click(screen.getByTestId("plan-view-week"));
    expect(screen.getAllByTestId("plan-day")[0]).toHaveAttribute("data-date", "2026-11-30");
    expect(screen.getByTestId("plan-calendar-title")).toHaveTextContent("Week 1 of 3");
  });

  it("shows one week at a time in the week view, from the first week before the plan starts", async () => {
    vi.setSystemTime(new Date("2026-11-20T08:00:00Z"));
    const { backend } = planned();
    const { user } = await openPlan(backend);
    const dates = () => screen.getAllByTestId("plan-day").map((d) => d.getAttribute("data-date"));
    await user.click(screen.getByTestId("plan-view-week"));
    expect(screen.getByTestId("plan-view-week")).toHaveAttribute("aria-pressed", "true");
    expect(dates()).toHaveLength(7);
    expect(dates()[0]).toBe("2026-11-30");
    expect(screen.getByTestId("plan-calendar-title")).toHaveTextContent("Week 1 of 3");
    expect(screen.getByTestId("plan-week-prev")).toBeDisabled();

    await user.click(screen.getByTestId("plan-week-next"));
    expect(dates()).toEqual(["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"]);
    expect(within(day("2026-12-07")).getAllByTestId("plan-item").map((c) => c.getAttribute("data-id"))).toContain("d05-p1");
    await user.click(screen.getByTestId("plan-week-next"));
    expect(dates()[0]).toBe("2026-12-14");
    expect(screen.getByTestId("plan-week-next")).toBeDisabled();
    await user.click(screen.getByTestId("plan-week-prev"));
    expect(dates()[0]).toBe("2026-12-07");

    await user.click(screen.getByTestId("plan-view-month"));
    expect(dates()).toHaveLength(21);
  });
});

describe("plan tab: plans and exports", () => {
  it("exports the plan as PDF, calendar and CSV through the save dialog", async () => {
    const { backend, stored } = planned();
    backend.saveAnswers.push("/tmp/zoe-plan.pdf", "/tmp/zoe-plan.ics", "/tmp/zoe-plan.csv");
    const { user } = await openPlan(backend);

    expect(screen.getByTestId("plan-open-after")).toBeChecked();
    await user.click(screen.getByTestId("plan-export-pdf"));
    expect(await screen.findByTestId("plan-exported")).toHaveTextContent("Saved to /tmp/zoe-plan.pdf");
    expect(backend.lastCall("plugin:dialog|save")?.args.options).toMatchObject({
      defaultPath: "zoe.fit-plan-2026-12-02.pdf",
      filters: [{ name: "PDF", extensions: ["pdf"] }],
    });
    expect(backend.lastCall("plan_export")?.args).toEqual({ id: stored.id, format: "pdf", path: "/tmp/zoe-plan.pdf", openAfter: true });

    await user.click(screen.getByTestId("plan-open-after"));
    await user.click(screen.getByTestId("plan-export-ics"));
    await waitFor(() => expect(screen.getByTestId("plan-exported")).toHaveTextContent("Saved to /tmp/zoe-plan.ics"));
    expect(backend.lastCall("plugin:dialog|save")?.args.options).toMatchObject({
      defaultPath: "zoe.fit-plan-2026-12-02.ics",
      filters: [{ extensions: ["ics"] }],
    });
    expect(backend.lastCall("plan_export")?.args).toEqual({ id: stored.id, format: "ics", path: "/tmp/zoe-plan.ics", openAfter: false });

    await user.click(screen.getByTestId("plan-export-csv"));
    await waitFor(() => expect(screen.getByTestId("plan-exported")).toHaveTextContent("Saved to /tmp/zoe-plan.csv"));
    expect(backend.lastCall("plan_export")?.args).toMatchObject({ format: "csv", path: "/tmp/zoe-plan.csv" });

    // A closed dialog does nothing; a failing export says why.
    await user.click(screen.getByTestId("plan-export-csv"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|save")).toHaveLength(4));
    await waitFor(() => expect(screen.getByTestId("plan-export-csv")).toBeEnabled());
    expect(backend.callsOf("plan_export")).toHaveLength(3);

    backend.saveAnswers.push("/tmp/x.pdf");
    backend.failNext("plan_export", { code: "internal", field: null, message: "disk full" });
    await user.click(screen.getByTestId("plan-export-pdf"));
    expect(await screen.findByTestId("plan-export-error")).toHaveTextContent("Disk full");
  });

  it("switches the active plan with the picker through plan_activate", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    const older = backend.addPlan(zoe.id, { ...FIXTURE_REQUEST, name: "December push" });
    const newer = backend.addPlan(zoe.id, { ...FIXTURE_REQUEST, start: "2027-01-04", days: 7, name: "January reset" });
    const { user } = await openPlan(backend);

    const select = screen.getByTestId("plan-select");
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["January reset (active)", "December push"]);
    expect(select).toHaveValue(newer.id);
    expect(screen.getAllByTestId("plan-day")[0]).toHaveAttribute("data-date", "2027-01-04");

    await user.selectOptions(select, older.id);
    await waitFor(() => expect(screen.getAllByTestId("plan-day")[0]).toHaveAttribute("data-date", "2026-11-30"));
    expect(backend.lastCall("plan_activate")?.args).toEqual({ id: older.id });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["December push (active)", "January reset"]);
  });

  it("a plan being refined can be stopped: nothing is made and the form stays", async () => {
    vi.setSystemTime(DAY_BEFORE_THE_PLAN);
    const { backend } = planned();
    backend.planGate = new Promise<void>(() => {});
    const { user } = await openPlan(backend);
    await user.click(screen.getByTestId("plan-new"));
    await user.click(screen.getByTestId("plan-create"));
    expect(await screen.findByTestId("plan-create")).toHaveTextContent("Planning…");
    await user.click(screen.getByTestId("plan-create-cancel"));
    expect(await screen.findByTestId("plan-form-error")).toHaveTextContent("Cancelled — no plan was made.");
    expect(backend.lastCall("ai_cancel")?.args.runId).toBe(backend.lastCall("plan_create")?.args.runId);
    expect(screen.getByTestId("plan-create")).toBeEnabled();
    expect(screen.queryByTestId("plan-create-cancel")).not.toBeInTheDocument();
  });

  it("makes a new plan from the header and deletes plans after confirming", async () => {
    vi.setSystemTime(DAY_BEFORE_THE_PLAN);
    const { backend, stored } = planned();
    const { user } = await openPlan(backend);

    await user.click(screen.getByTestId("plan-new"));
    expect(screen.getByTestId("plan-form")).toBeInTheDocument();
    await user.click(screen.getByTestId("plan-form-cancel"));
    expect(screen.queryByTestId("plan-form")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("plan-new"));
    await user.type(screen.getByTestId("plan-name"), "Holiday sprint");
    await user.click(within(screen.getByTestId("plan-days")).getByRole("radio", { name: "30 days" }));
    await user.click(screen.getByTestId("plan-create"));
    await waitFor(() => expect(screen.getByTestId("plan-select")).toHaveDisplayValue("Holiday sprint (active)"));
    expect(backend.lastCall("plan_create")?.args.request).toMatchObject({ days: 30, name: "Holiday sprint" });
    expect(screen.queryByTestId("plan-form")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("plan-day").filter((d) => d.getAttribute("data-in-plan") === "true")).toHaveLength(30);

    await user.click(screen.getByTestId("plan-delete"));
    expect(screen.getByRole("dialog")).toHaveTextContent("Delete this plan?");
    await user.click(screen.getByTestId("plan-delete-cancel"));
    expect(backend.callsOf("plan_delete")).toHaveLength(0);

    await user.click(screen.getByTestId("plan-delete"));
    await user.click(screen.getByTestId("plan-delete-confirm"));
    await waitFor(() => expect(screen.getByTestId("plan-select")).toHaveValue(stored.id));
    expect(backend.callsOf("plan_delete")).toHaveLength(1);

    await user.click(screen.getByTestId("plan-delete"));
    await user.click(screen.getByTestId("plan-delete-confirm"));
    expect(await screen.findByTestId("plan-empty")).toBeInTheDocument();
    expect(backend.lastCall("plan_delete")?.args).toEqual({ id: stored.id });
  });
});

describe("plan tab: editing and linking items", () => {
  it("edits an item, sending only the changed fields, and shows it on the calendar", async () => {
    const { backend, stored } = planned();
    const { user } = await openPlan(backend);
    await user.click(chip("d00-p1"));
    await user.click(screen.getByTestId("plan-item-edit"));
    expect(screen.getByTestId("plan-item-edit-time")).toHaveAttribute("type", "time");
    expect(screen.getByTestId("plan-item-edit-time")).toHaveValue("12:30");
    expect(screen.getByTestId("plan-item-edit-brief").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("plan-item-edit-hashtags")).toHaveValue("#fitness #homeworkout #tip1");

    // Cancel leaves the item as it was.
    await user.type(screen.getByTestId("plan-item-edit-topic"), " (draft)");
    await user.click(screen.getByTestId("plan-item-edit-cancel"));
    expect(screen.queryByTestId("plan-item-edit-topic")).not.toBeInTheDocument();
    expect(backend.callsOf("plan_update_item")).toHaveLength(0);

    await user.click(screen.getByTestId("plan-item-edit"));
    expect(screen.getByTestId("plan-item-edit-topic")).toHaveValue("Workouts: idea 1");
    fireEvent.change(screen.getByTestId("plan-item-edit-time"), { target: { value: "07:15" } });
    await user.clear(screen.getByTestId("plan-item-edit-topic"));
    await user.type(screen.getByTestId("plan-item-edit-topic"), "Morning mobility");
    await user.click(screen.getByTestId("plan-item-edit-save"));

    await waitFor(() => expect(screen.queryByTestId("plan-item-edit-topic")).not.toBeInTheDocument());
    expect(backend.lastCall("plan_update_item")?.args).toEqual({
      id: stored.id,
      itemId: "d00-p1",
      patch: { time: "07:15", topic: "Morning mobility" },
    });
    expect(chip("d00-p1")).toHaveTextContent("07:15");
    expect(chip("d00-p1")).toHaveTextContent("Morning mobility");
    expect(screen.getByTestId("plan-item-detail-topic")).toHaveTextContent("Morning mobility");
    expect(screen.getByTestId("plan-item-manual-time")).toHaveTextContent("manual time");
    expect(screen.queryByTestId("plan-item-default-time")).not.toBeInTheDocument();

    // Saving with nothing changed doesn't call.
    await user.click(screen.getByTestId("plan-item-edit"));
    await user.click(screen.getByTestId("plan-item-edit-save"));
    expect(screen.queryByTestId("plan-item-edit-topic")).not.toBeInTheDocument();
    expect(backend.callsOf("plan_update_item")).toHaveLength(1);
  });

  it("shows the back end's field errors under the inputs and keeps editing", async () => {
    const { backend, stored } = planned();
    const { user } = await openPlan(backend);
    await user.click(chip("d00-p1"));
    await user.click(screen.getByTestId("plan-item-edit"));
    await user.type(screen.getByTestId("plan-item-edit-hashtags"), " #one #two #three");
    await user.click(screen.getByTestId("plan-item-edit-save"));

    expect(await screen.findByTestId("error-hashtags")).toHaveTextContent(/at most 5 hashtags/i);
    expect(screen.getByTestId("plan-item-edit-hashtags")).toHaveAttribute("aria-invalid", "true");
    expect(backend.lastCall("plan_update_item")?.args).toEqual({
      id: stored.id,
      itemId: "d00-p1",
      patch: { hashtags: ["#fitness", "#homeworkout", "#tip1", "#one", "#two", "#three"] },
    });
    expect(backend.plans[0].plan.days[0].items.find((i) => i.id === "d00-p1")?.hashtags).toHaveLength(3);
    expect(screen.queryByTestId("plan-item-error")).not.toBeInTheDocument();

    await user.clear(screen.getByTestId("plan-item-edit-hashtags"));
    await user.type(screen.getByTestId("plan-item-edit-hashtags"), "#fitness");
    await user.clear(screen.getByTestId("plan-item-edit-topic"));
    await user.click(screen.getByTestId("plan-item-edit-save"));
    expect(await screen.findByTestId("error-topic")).toHaveTextContent(/an item needs a topic/i);
    expect(screen.queryByTestId("error-hashtags")).not.toBeInTheDocument();
  });

  it("links a library item of a fitting kind and unlinks it", async () => {
    const { backend, zoe, stored } = planned();
    const reel = backend.addLibraryItem(zoe.id, makeItem("reels", 1));
    const hook = backend.addLibraryItem(zoe.id, makeItem("hooks", 2), { used_on: "2026-11-20" });
    backend.addLibraryItem(backend.byHandle("alice_bakes")!.id, makeItem("captions", 3));
    const { user } = await openPlan(backend);

    // A story takes hooks and captions only.
    await user.click(chip("d00-s1"));
    const storyOptions = within(await screen.findByTestId("plan-item-link")).getAllByRole("option");
    expect(storyOptions.map((o) => o.getAttribute("value"))).toEqual(["", hook.id]);

    // A feed post takes any kind, used ones too, and only the client's.
    await user.click(chip("d00-p1"));
    const options = within(await screen.findByTestId("plan-item-link")).getAllByRole("option");
    expect(options.map((o) => o.getAttribute("value"))).toEqual(["", hook.id, reel.id]);
    expect(options[2]).toHaveTextContent("reel idea: Reel 1: 3 stretches before bed");
    expect(screen.getByTestId("plan-item-link-go")).toBeDisabled();
    expect(backend.lastCall("content_list")?.args).toMatchObject({ key: zoe.id, query: { include_used: true } });

    await user.selectOptions(screen.getByTestId("plan-item-link"), reel.id);
    await user.click(screen.getByTestId("plan-item-link-go"));
    expect(await screen.findByTestId("plan-item-linked")).toHaveTextContent("Reel 1: 3 stretches before bed");
    expect(backend.lastCall("plan_update_item")?.args).toEqual({ id: stored.id, itemId: "d00-p1", patch: { content_item_id: reel.id } });
    expect(screen.queryByTestId("plan-item-link")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("plan-item-unlink"));
    expect(await screen.findByTestId("plan-item-link")).toBeInTheDocument();
    expect(backend.lastCall("plan_update_item")?.args).toEqual({ id: stored.id, itemId: "d00-p1", patch: { content_item_id: "" } });
    expect(backend.plans[0].plan.days[0].items.find((i) => i.id === "d00-p1")?.content_item_id).toBeNull();
    expect(screen.queryByTestId("plan-item-linked")).not.toBeInTheDocument();
  });
});
