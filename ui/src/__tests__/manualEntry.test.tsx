import { fireEvent } from "@testing-library/react";
import { latestDay, parseCount } from "../manualEntry";
import { FakeBackend } from "../test/fakeBackend";
import { openClientData, screen, waitFor, within } from "../test/render";

function agency() {
  return new FakeBackend([{ name: "Alice Bakery", handle: "alice_bakes" }]);
}

/** Date and time inputs take their value in one go, as a browser's picker sets it. */
function setValue(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function openManual() {
  const backend = agency();
  const utils = await openClientData(backend, "alice_bakes");
  await utils.user.click(screen.getByTestId("manual-open"));
  expect(screen.getByRole("dialog")).toHaveTextContent("Enter data for Alice Bakery");
  return { ...utils, backend, alice: backend.byHandle("alice_bakes")! };
}

describe("manual entry", () => {
  it("saves a snapshot and posts, closes, shows the summary and refreshes the dashboard", async () => {
    const { user, backend, alice } = await openManual();
    expect(screen.getByTestId("manual-followers")).toHaveFocus();

    setValue("manual-date", "2025-03-01");
    await user.type(screen.getByTestId("manual-followers"), "12,400");
    await user.type(screen.getByTestId("manual-following"), "310");

    setValue("manual-post-0-date", "2025-02-10");
    setValue("manual-post-0-time", "18:30");
    await user.selectOptions(screen.getByTestId("manual-post-0-kind"), "reel");
    await user.type(screen.getByTestId("manual-post-0-likes"), "340");
    await user.type(screen.getByTestId("manual-post-0-comments"), "12");
    await user.type(screen.getByTestId("manual-post-0-saves"), "25");
    await user.type(screen.getByTestId("manual-post-0-views"), "1.2k");
    await user.type(screen.getByTestId("manual-post-0-caption"), "Sourdough at dawn #bread");

    await user.click(screen.getByTestId("manual-add-post"));
    // The new row takes the previous row's format and gets the focus.
    expect(screen.getByTestId("manual-post-1-kind")).toHaveValue("reel");
    await waitFor(() => expect(screen.getByTestId("manual-post-1-date")).toHaveFocus());
    setValue("manual-post-1-date", "2025-02-12");
    await user.selectOptions(screen.getByTestId("manual-post-1-kind"), "carousel");
    await user.type(screen.getByTestId("manual-post-1-likes"), "90");

    // A third row left blank is not sent.
    await user.click(screen.getByTestId("manual-add-post"));
    expect(screen.getAllByTestId("manual-post-row")).toHaveLength(3);

    await user.click(screen.getByTestId("manual-save"));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.lastCall("manual_save")?.args).toEqual({
      key: alice.id,
      entry: {
        snapshot: { date: "2025-03-01", followers: 12400, following: 310 },
        posts: [
          {
            date: "2025-02-10",
            time: "18:30",
            kind: "reel",
            caption: "Sourdough at dawn #bread",
            likes: 340,
            comments: 12,
            saves: 25,
            shares: null,
            reach: null,
            views: 1200,
          },
          {
            date: "2025-02-12",
            time: null,
            kind: "carousel",
            caption: "",
            likes: 90,
            comments: null,
            saves: null,
            shares: null,
            reach: null,
            views: null,
          },
        ],
      },
    });

    const summary = await screen.findByTestId("import-summary");
    expect(summary).toHaveTextContent("Manual entry saved");
    expect(within(summary).getByTestId("summary-added")).toHaveTextContent("2");
    expect(within(summary).getByTestId("summary-snapshots")).toHaveTextContent("1");
    expect(within(summary).getByTestId("summary-kind-reel")).toHaveTextContent("Reel 1");
    expect(within(summary).queryByTestId("summary-threads")).not.toBeInTheDocument();

    await waitFor(() => expect(screen.getByTestId("dashboard-stat-posts")).toHaveTextContent("2"));
    expect(screen.getByTestId("dashboard-stat-followers")).toHaveTextContent("12,400");
    expect(within(screen.getByTestId("import-history")).getByTestId("import-row")).toHaveTextContent("Manual entry");
    expect(within(screen.getByTestId("chart-followers")).getByTestId("followers-note")).toHaveTextContent("One snapshot so far");
  });

  it("shows the back end's error next to the input it names", async () => {
    const { user, backend } = await openManual();
    setValue("manual-post-0-date", "2099-01-01");
    await user.type(screen.getByTestId("manual-post-0-likes"), "5");

    await user.click(screen.getByTestId("manual-save"));

    const error = await screen.findByTestId("manual-error-posts-0-date");
    expect(error).toHaveTextContent("2099-01-01 is in the future");
    const input = screen.getByTestId("manual-post-0-date");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAttribute("aria-describedby", error.id);
    expect(input).toHaveFocus();
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(backend.posts).toHaveLength(0);

    // Fixing the field clears its error.
    setValue("manual-post-0-date", "2025-01-20");
    expect(screen.queryByTestId("manual-error-posts-0-date")).not.toBeInTheDocument();
  });

  it("maps a post's index over blank rows back to the row on screen", async () => {
    const { user, backend } = await openManual();
    // Row 0 stays blank and is not sent, so the back end's posts.0 is row 1 on screen.
    await user.click(screen.getByTestId("manual-add-post"));
    setValue("manual-post-1-date", "2025-01-20");
    await user.type(screen.getByTestId("manual-post-1-likes"), "7");
    backend.failNext("manual_save", { code: "invalid_input", field: "posts.0.likes", message: "a count cannot be negative" });

    await user.click(screen.getByTestId("manual-save"));

    expect(await screen.findByTestId("manual-error-posts-1-likes")).toHaveTextContent("A count cannot be negative");
    expect(screen.getByTestId("manual-post-1-likes")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("manual-post-0-likes")).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByTestId("manual-error-posts-0-likes")).not.toBeInTheDocument();
  });

  it("puts a snapshot error under the follower count", async () => {
    const { user, backend } = await openManual();
    await user.type(screen.getByTestId("manual-followers"), "900");
    backend.failNext("manual_save", { code: "invalid_input", field: "snapshot.followers", message: "followers look wrong" });
    await user.click(screen.getByTestId("manual-save"));
    expect(await screen.findByTestId("manual-error-snapshot-followers")).toHaveTextContent("Followers look wrong");
    expect(screen.getByTestId("manual-followers")).toHaveAttribute("aria-invalid", "true");
  });

  it("checks numbers and dates before sending", async () => {
    const { user, backend } = await openManual();

    await user.click(screen.getByTestId("manual-save"));
    expect(screen.getByTestId("manual-form-error")).toHaveTextContent("Add a follower count or at least one post");

    await user.type(screen.getByTestId("manual-post-0-likes"), "lots");
    await user.type(screen.getByTestId("manual-following"), "-3");
    await user.click(screen.getByTestId("manual-save"));

    expect(screen.getByTestId("manual-error-posts-0-likes")).toHaveTextContent("Enter a whole number");
    expect(screen.getByTestId("manual-error-posts-0-date")).toHaveTextContent("Pick the date it was posted");
    expect(screen.getByTestId("manual-error-snapshot-followers")).toHaveTextContent("Enter the follower count");
    expect(screen.getByTestId("manual-error-snapshot-following")).toHaveTextContent("Can't be negative.");
    expect(screen.getByTestId("manual-followers")).toHaveFocus();
    expect(backend.callsOf("manual_save")).toHaveLength(0);
  });

  it("removes rows and cancels without saving", async () => {
    const { user, backend } = await openManual();
    await user.click(screen.getByTestId("manual-add-post"));
    await user.type(screen.getByTestId("manual-post-1-caption"), "second");
    await user.click(screen.getByTestId("manual-post-0-remove"));
    expect(screen.getAllByTestId("manual-post-row")).toHaveLength(1);
    expect(screen.getByTestId("manual-post-0-caption")).toHaveValue("second");

    await user.click(screen.getByTestId("manual-cancel"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("manual-open")).toHaveFocus();
    expect(backend.callsOf("manual_save")).toHaveLength(0);
  });
});

describe("parseCount", () => {
  it("reads counts as people type them", () => {
    expect(parseCount("")).toBeNull();
    expect(parseCount(" 1200 ")).toBe(1200);
    expect(parseCount("1,200")).toBe(1200);
    expect(parseCount("1 200")).toBe(1200);
    expect(parseCount("1.200")).toBe(1200);
    expect(parseCount("12.5k")).toBe(12500);
    expect(parseCount("1.2M")).toBe(1200000);
    expect(parseCount("-3")).toBeNaN();
    expect(parseCount("3.5")).toBeNaN();
    expect(parseCount("lots")).toBeNaN();
  });
});

describe("latestDay", () => {
  it("never passes today in UTC, which is the back end's limit", () => {
    for (const iso of ["2025-03-01T23:30:00Z", "2025-03-01T00:30:00Z", "2025-03-01T12:00:00Z"]) {
      const d = latestDay(new Date(iso));
      expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d <= iso.slice(0, 10)).toBe(true);
      expect(d >= "2025-02-28").toBe(true);
    }
  });
});
