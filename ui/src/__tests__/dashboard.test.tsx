import { FakeBackend } from "../test/fakeBackend";
import { openClientData, screen, within } from "../test/render";
import { exportOf, makePosts } from "../test/sampleData";

function agency() {
  return new FakeBackend([
    { name: "Zoe Fitness", handle: "zoe.fit" },
    { name: "Alice Bakery", handle: "alice_bakes" },
  ]);
}

const day = (d: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(d));

describe("client dashboard", () => {
  it("shows headline numbers, the four charts, top posts and the import history", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.record(zoe.id, exportOf("zoe.fit", 12));
    backend.record(zoe.id, { source: "business_suite_csv", posts: makePosts(3, { prefix: "p" }) }, ["content.csv"]);
    await openClientData(backend, "zoe.fit");

    const dash = screen.getByTestId("client-dashboard");
    expect(backend.lastCall("client_dashboard")?.args).toEqual({ key: zoe.id });
    expect(screen.queryByTestId("dashboard-empty")).not.toBeInTheDocument();
    // With data, the import card is slimmer: the guide folds away, manual entry stays at hand.
    expect(screen.getByTestId("import-card")).toHaveClass("is-compact");
    expect(screen.getByTestId("manual-open")).toBeVisible();
    expect(screen.getByText("Meta Business Suite CSV")).not.toBeVisible();

    expect(screen.getByTestId("dashboard-stat-posts")).toHaveTextContent("12");
    expect(screen.getByTestId("dashboard-stat-insights")).toHaveTextContent("12");
    expect(screen.getByTestId("dashboard-stat-followers")).toHaveTextContent(/^1,350$/);
    expect(dash).toHaveTextContent(`on ${day("2025-02-20")}`);
    // Every two days from Mon 6 Jan 2025: the twelfth post is on 28 Jan.
    const range = screen.getByTestId("dashboard-stat-range").textContent!;
    expect(range).toContain(new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date("2025-01-06T18:00:00Z")));
    expect(range).toContain(new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date("2025-01-28T18:00:00Z")));

    // Engagement: the ten posts that are not stories, coloured by kind, with a legend.
    const engagement = screen.getByTestId("chart-engagement");
    const points = within(engagement).getAllByTestId("engagement-point");
    expect(points).toHaveLength(10);
    expect(points.filter((p) => p.getAttribute("data-kind") === "reel")).toHaveLength(5);
    expect(points.some((p) => p.getAttribute("data-kind") === "story")).toBe(false);
    expect(within(engagement).getAllByTestId("engagement-legend-item").map((l) => l.textContent)).toEqual([
      "Image",
      "Carousel",
      "Reel",
    ]);
    // Hover titles carry the numbers; the newest post (an image) has 103 + 11·11 = 224.
    expect(points[points.length - 1].querySelector("title")?.textContent).toMatch(/Image · 224 engagement/);
    expect(engagement.querySelector("svg")).toHaveAttribute("viewBox");
    expect(engagement.querySelector("svg")).toHaveAttribute("width", "100%");
    expect(within(engagement).getAllByText(/\d/).length).toBeGreaterThan(2); // axis labels

    // Cadence: four weeks, Monday 6 Jan to Monday 27 Jan, stories (posts 4 and 9) left out.
    const bars = within(screen.getByTestId("chart-cadence")).getAllByTestId("cadence-bar");
    expect(bars).toHaveLength(4);
    expect(bars[0].querySelector("title")?.textContent).toBe(`Week of ${day("2025-01-06")}: 4 posts`);
    expect(bars.map((b) => b.querySelector("title")?.textContent?.replace(/.*: /, ""))).toEqual([
      "4 posts",
      "2 posts",
      "3 posts",
      "1 post",
    ]);

    // Format mix: one bar per format, with its count.
    const mix = screen.getByTestId("chart-format-mix");
    expect(within(mix).getAllByTestId("format-bar")).toHaveLength(4);
    const reelRow = within(mix).getAllByTestId("format-row").find((r) => r.getAttribute("data-kind") === "reel")!;
    expect(reelRow.querySelector(".chart-row-value")).toHaveTextContent("5 · 41.7% · avg 160");

    // Followers: both snapshots, no single-snapshot note.
    const followers = screen.getByTestId("chart-followers");
    expect(within(followers).getAllByTestId("follower-point")).toHaveLength(2);
    expect(within(followers).queryByTestId("followers-note")).not.toBeInTheDocument();
    expect(followers).toHaveTextContent("+150 since");

    // Top posts: ten rows, best first.
    const rows = within(screen.getByTestId("top-posts")).getAllByTestId("top-post-row");
    expect(rows).toHaveLength(10);
    expect(rows[0]).toHaveTextContent("Post number 11");
    expect(rows[0]).toHaveTextContent("Image");
    expect(rows[0]).toHaveTextContent("224");
    expect(rows[0]).toHaveTextContent("1,011 / —");

    // Import history: newest first.
    const imports = within(screen.getByTestId("import-history")).getAllByTestId("import-row");
    expect(imports).toHaveLength(2);
    expect(imports[0]).toHaveTextContent("Business Suite CSV");
    expect(imports[0]).toHaveTextContent("content.csv");
    expect(imports[1]).toHaveTextContent("Instagram export");
    expect(imports[1]).toHaveTextContent("instagram-export.zip");
    expect(imports[1]).toHaveTextContent("1 warning");
  });

  it("shows an empty state pointing at the import card when there are no posts", async () => {
    const { user } = await openClientData(agency(), "alice_bakes");
    // The client page opens on its Data tab, ready to import.
    expect(screen.getByTestId("client-tab-data")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("import-path")).toBeVisible();
    expect(screen.getByTestId("client-goals")).not.toBeVisible();
    const empty = screen.getByTestId("dashboard-empty");
    expect(empty).toHaveTextContent(/import/i);
    expect(screen.queryByTestId("chart-engagement")).not.toBeInTheDocument();
    expect(screen.queryByTestId("top-posts")).not.toBeInTheDocument();
    expect(screen.queryByTestId("import-history")).not.toBeInTheDocument();
    expect(screen.getByTestId("import-card")).toBeVisible();
    expect(screen.getByTestId("manual-open")).toBeVisible();

    // The profile tab has the details.
    await user.click(screen.getByTestId("client-tab-profile"));
    expect(screen.getByTestId("client-tab-profile")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("client-goals")).toBeVisible();
    expect(screen.getByTestId("client-dashboard")).not.toBeVisible();
    // Arrow keys move between the tabs.
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByTestId("client-tab-data")).toHaveFocus();
    expect(screen.getByTestId("client-dashboard")).toBeVisible();
  });

  it("explains a single follower snapshot", async () => {
    const backend = agency();
    const alice = backend.byHandle("alice_bakes")!;
    backend.record(alice.id, { source: "manual", follower_snapshots: [{ date: "2025-03-01", followers: 870 }] }, []);
    await openClientData(backend, "alice_bakes");

    expect(screen.getByTestId("dashboard-empty")).toBeInTheDocument();
    const followers = screen.getByTestId("chart-followers");
    expect(within(followers).getAllByTestId("follower-point")).toHaveLength(1);
    expect(within(followers).getByTestId("followers-note")).toHaveTextContent(
      `One snapshot so far: 870 followers on ${day("2025-03-01")}`,
    );
    expect(within(screen.getByTestId("import-history")).getAllByTestId("import-row")[0]).toHaveTextContent("Manual entry");
  });

  it("draws one point and one bar for a single post", async () => {
    const backend = agency();
    const alice = backend.byHandle("alice_bakes")!;
    backend.record(alice.id, { posts: makePosts(1) });
    await openClientData(backend, "alice_bakes");

    expect(within(screen.getByTestId("chart-engagement")).getAllByTestId("engagement-point")).toHaveLength(1);
    expect(within(screen.getByTestId("chart-cadence")).getAllByTestId("cadence-bar")).toHaveLength(1);
    const points = screen.getByTestId("chart-engagement").querySelectorAll("circle");
    for (const c of points) {
      expect(Number(c.getAttribute("cx"))).not.toBeNaN();
      expect(Number(c.getAttribute("cy"))).not.toBeNaN();
    }
    expect(within(screen.getByTestId("chart-followers")).queryByTestId("follower-point")).not.toBeInTheDocument();
    expect(screen.getByTestId("chart-followers")).toHaveTextContent("No follower counts yet");
  });

  it("handles well over a thousand posts", async () => {
    const backend = agency();
    const zoe = backend.byHandle("zoe.fit")!;
    backend.record(zoe.id, { posts: makePosts(1500, { everyDays: 1 }) });
    await openClientData(backend, "zoe.fit");

    expect(screen.getByTestId("dashboard-stat-posts")).toHaveTextContent("1,500");
    const points = within(screen.getByTestId("chart-engagement")).getAllByTestId("engagement-point");
    expect(points).toHaveLength(1200);
    for (const p of points.slice(0, 50)) expect(Number(p.getAttribute("cx"))).toBeGreaterThan(0);
    const weeks = Math.round((1499 + 1) / 7) + 1; // 1,500 days from a Monday, rounded up to whole weeks
    expect(within(screen.getByTestId("chart-cadence")).getAllByTestId("cadence-bar").length).toBe(weeks);
    expect(within(screen.getByTestId("top-posts")).getAllByTestId("top-post-row")).toHaveLength(10);
    // With this many points a rolling average replaces the line through every point.
    expect(screen.getByTestId("chart-engagement").querySelector(".chart-trend")).not.toBeNull();
  });
});
