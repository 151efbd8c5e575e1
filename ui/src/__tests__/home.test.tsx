import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HomeOverview } from "../bindings";
import { HomePanel } from "../components/home/HomePanel";
import { FakeBackend } from "../test/fakeBackend";
import { renderApp, row, screen, waitFor, within } from "../test/render";

function agency(): FakeBackend {
  return new FakeBackend([
    { name: "Zoe Fitness", handle: "zoe.fit", niche: "Fitness coaching" },
    { name: "Alice Bakery", handle: "alice_bakes", niche: "Food" },
  ]);
}

function overview(backend: FakeBackend): HomeOverview {
  const zoe = backend.byHandle("zoe.fit")!;
  const alice = backend.byHandle("alice_bakes")!;
  return {
    today: "2026-11-26",
    active_clients: 2,
    clients: [
      {
        client_id: zoe.id,
        name: "Zoe Fitness",
        handle: "zoe.fit",
        reasons: [
          {
            kind: "reach_falling",
            severity: "high",
            message: "Reach per post fell 50 % (1,230 → 615) in the last 4 weeks.",
          },
          {
            kind: "replies_waiting",
            severity: "medium",
            message: "5 comments and DMs waiting for a reply, 2 likely leads.",
          },
        ],
      },
      {
        client_id: alice.id,
        name: "Alice Bakery",
        handle: "alice_bakes",
        reasons: [{ kind: "no_recent_import", severity: "medium", message: "No import for 41 days — ask for a fresh export." }],
      },
    ],
    due_today: [
      {
        client_id: alice.id,
        client_name: "Alice Bakery",
        plan_id: "plan-1",
        item_id: "d01-p1",
        date: "2026-11-26",
        time: "09:00",
        title: "Behind the ovens at 5 am",
        type: "reel",
      },
      {
        client_id: zoe.id,
        client_name: "Zoe Fitness",
        plan_id: "plan-2",
        item_id: "d01-s1",
        date: "2026-11-26",
        time: null,
        title: "Poll: morning or evening workouts?",
        type: "story",
      },
    ],
  };
}

function renderPanel(backend: FakeBackend, revision = 0) {
  backend.install();
  const onOpen = vi.fn();
  const user = userEvent.setup();
  const utils = render(<HomePanel revision={revision} onOpen={onOpen} />);
  return { ...utils, onOpen, user };
}

describe("home panel", () => {
  it("lists the clients that need attention with their reasons, and today's plan items", async () => {
    const backend = agency();
    backend.home = overview(backend);
    renderPanel(backend);

    const rows = await screen.findAllByTestId("home-attention-row");
    expect(rows.map((r) => within(r).getByText(/@/).textContent)).toEqual(["@zoe.fit", "@alice_bakes"]);
    const zoe = rows[0];
    expect(within(zoe).getByText("Zoe Fitness")).toBeInTheDocument();
    expect(zoe).toHaveTextContent("Reach per post fell 50 % (1,230 → 615) in the last 4 weeks.");
    expect(zoe).toHaveTextContent("5 comments and DMs waiting for a reply, 2 likely leads.");
    const severities = [...zoe.querySelectorAll("[data-severity]")].map((e) => e.getAttribute("data-severity"));
    expect(severities).toEqual(["high", "medium"]);
    expect(zoe.querySelector(".home-dot-high")).not.toBeNull();
    // The severity reads without colour too.
    expect(within(zoe).getByText(/Urgent/)).toHaveClass("visually-hidden");

    const due = screen.getAllByTestId("home-due-row");
    expect(due).toHaveLength(2);
    expect(due[0]).toHaveTextContent("09:00");
    expect(due[0]).toHaveTextContent("Behind the ovens at 5 am");
    expect(due[0]).toHaveTextContent("Alice Bakery · Reel");
    expect(due[1]).toHaveTextContent("—");
    expect(due[1]).toHaveTextContent("Zoe Fitness · Story");
  });

  it("opens the client of a clicked row, attention or due", async () => {
    const backend = agency();
    backend.home = overview(backend);
    const { onOpen, user } = renderPanel(backend);

    const rows = await screen.findAllByTestId("home-attention-row");
    await user.click(rows[1]);
    expect(onOpen).toHaveBeenLastCalledWith(backend.byHandle("alice_bakes")!.id);
    await user.click(screen.getAllByTestId("home-due-row")[1]);
    expect(onOpen).toHaveBeenLastCalledWith(backend.byHandle("zoe.fit")!.id);
  });

  it("says all is on track in one quiet line when nothing needs doing", async () => {
    renderPanel(agency());
    expect(await screen.findByTestId("home-panel")).toHaveTextContent("All clients are on track — nothing due today.");
    expect(screen.queryByTestId("home-attention-row")).not.toBeInTheDocument();
    expect(screen.queryByTestId("home-due-row")).not.toBeInTheDocument();
  });

  it("renders nothing without clients", async () => {
    const backend = new FakeBackend();
    const { container } = renderPanel(backend);
    await waitFor(() => expect(backend.callsOf("home_overview")).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId("home-loading")).not.toBeInTheDocument());
    expect(container).toBeEmptyDOMElement();
  });

  it("shows a failure inline with Try again, which loads again", async () => {
    const backend = agency();
    backend.failNext("home_overview", { code: "database", field: null, message: "the database is locked" });
    const { user } = renderPanel(backend);

    const panel = await screen.findByRole("alert");
    expect(panel).toHaveTextContent("Today’s overview could not be loaded. The database is locked");
    await user.click(within(panel).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("All clients are on track — nothing due today.")).toBeInTheDocument();
    expect(backend.callsOf("home_overview")).toHaveLength(2);
  });

  it("sits above the client list and opens the client page from a row", async () => {
    const backend = agency();
    backend.home = overview(backend);
    const { user } = await renderApp(backend);

    expect(row("zoe.fit")).toBeInTheDocument();
    const rows = await screen.findAllByTestId("home-attention-row");
    await user.click(rows[0]);
    expect(await screen.findByTestId("client-title")).toHaveTextContent("Zoe Fitness");
  });

  it("keeps a failure inside the panel, not in the app's error banner", async () => {
    const backend = agency();
    backend.failNext("home_overview", { code: "database", field: null, message: "the database is locked" });
    await renderApp(backend);

    const panel = await screen.findByTestId("home-panel");
    expect(within(panel).getByRole("button", { name: "Try again" })).toBeInTheDocument();
    expect(screen.queryByTestId("app-error")).not.toBeInTheDocument();
    expect(row("zoe.fit")).toBeInTheDocument();
  });
});
