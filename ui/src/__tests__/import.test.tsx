import { FakeBackend } from "../test/fakeBackend";
import { openClientData, screen, waitFor, within } from "../test/render";
import { exportOf, makePosts } from "../test/sampleData";

const ZIP = "/home/me/Downloads/instagram-zoe.fit-2025-03-01.zip";

function agency() {
  return new FakeBackend([
    { name: "Zoe Fitness", handle: "zoe.fit" },
    { name: "Alice Bakery", handle: "alice_bakes" },
  ]);
}

describe("import", () => {
  it("imports a typed path, showing progress, then the summary and a fresh dashboard", async () => {
    const backend = agency().addFile(ZIP, exportOf("zoe.fit", 12));
    const zoe = backend.byHandle("zoe.fit")!;
    let release = () => {};
    backend.holdImport(new Promise<void>((r) => (release = r)));
    const { user } = await openClientData(backend, "zoe.fit");
    expect(screen.getByTestId("dashboard-empty")).toBeInTheDocument();
    expect(screen.getByTestId("import-path-go")).toBeDisabled();

    await user.type(screen.getByTestId("import-path"), `"${ZIP}"`);
    await user.click(screen.getByTestId("import-path-go"));

    // 12 posts + 2 snapshots + 4 threads = 18 items over 3 files.
    await waitFor(() => expect(screen.getByTestId("import-progress")).toHaveTextContent("Reading… 3 files, 18 items"));
    expect(screen.getByTestId("import-cancel")).toBeEnabled();
    expect(screen.getByTestId("import-path")).toBeDisabled();
    expect(screen.getByTestId("import-dropzone")).toHaveTextContent("instagram-zoe.fit-2025-03-01.zip");
    expect(screen.queryByTestId("import-summary")).not.toBeInTheDocument();
    // The quotes a file manager adds are gone.
    expect(backend.lastCall("import_run")?.args).toMatchObject({ key: zoe.id, paths: [ZIP], force: false });

    release();

    const summary = await screen.findByTestId("import-summary");
    expect(summary).toHaveTextContent("Imported from Instagram export");
    expect(within(summary).getByTestId("summary-added")).toHaveTextContent("12");
    expect(within(summary).getByTestId("summary-updated")).toHaveTextContent("0");
    expect(within(summary).getByTestId("summary-insights")).toHaveTextContent("12");
    expect(within(summary).getByTestId("summary-threads")).toHaveTextContent("4");
    expect(within(summary).getByTestId("summary-snapshots")).toHaveTextContent("2");
    expect(within(summary).getByTestId("summary-skipped")).toHaveTextContent("2");
    expect(within(summary).getByTestId("summary-kind-reel")).toHaveTextContent("Reel 5");
    expect(within(summary).getByTestId("summary-kind-story")).toHaveTextContent("Story 2");
    expect(within(summary).queryByTestId("summary-kind-carousel")).toHaveTextContent("Carousel 2");
    expect(within(summary).getByTestId("summary-range")).toHaveTextContent("2025");
    expect(within(summary).getAllByTestId("summary-warning").map((w) => w.textContent)).toEqual([
      "stories.json: 2 stories without a date were skipped",
    ]);
    expect(screen.queryByTestId("import-progress")).not.toBeInTheDocument();
    expect(screen.getByTestId("import-path")).toHaveValue("");

    // The dashboard was loaded again and shows the posts.
    await waitFor(() => expect(screen.getByTestId("dashboard-stat-posts")).toHaveTextContent("12"));
    expect(screen.queryByTestId("dashboard-empty")).not.toBeInTheDocument();
    expect(within(screen.getByTestId("import-history")).getAllByTestId("import-row")).toHaveLength(1);
    expect(backend.callsOf("client_dashboard").length).toBeGreaterThanOrEqual(2);
  });

  it("says so when the same data comes in again", async () => {
    const backend = agency().addFile(ZIP, exportOf("zoe.fit", 5));
    backend.record(backend.byHandle("zoe.fit")!.id, exportOf("zoe.fit", 5));
    const { user } = await openClientData(backend, "zoe.fit");
    await user.type(screen.getByTestId("import-path"), ZIP);
    await user.click(screen.getByTestId("import-path-go"));
    const summary = await screen.findByTestId("import-summary");
    expect(within(summary).getByTestId("summary-added")).toHaveTextContent("0");
    expect(within(summary).getByTestId("summary-nothing-new")).toBeInTheDocument();
  });

  it("folds many warnings into a disclosure", async () => {
    const warnings = Array.from({ length: 7 }, (_, i) => `posts_${i}.json: a post without media was skipped`);
    const backend = agency().addFile(ZIP, { ...exportOf("zoe.fit", 3), warnings });
    const { user } = await openClientData(backend, "zoe.fit");
    await user.type(screen.getByTestId("import-path"), ZIP);
    await user.click(screen.getByTestId("import-path-go"));

    const box = await screen.findByTestId("summary-warnings");
    const details = box.querySelector("details")!;
    expect(details).not.toHaveAttribute("open");
    expect(details.querySelector("summary")).toHaveTextContent("7 warnings");
    expect(within(box).getAllByTestId("summary-warning")).toHaveLength(7);
  });

  it("cancels a running import: nothing is saved", async () => {
    const backend = agency().addFile(ZIP, exportOf("zoe.fit", 12));
    backend.holdImport(new Promise<void>(() => {}));
    const { user } = await openClientData(backend, "zoe.fit");

    await user.type(screen.getByTestId("import-path"), ZIP);
    await user.click(screen.getByTestId("import-path-go"));
    await waitFor(() => expect(screen.getByTestId("import-progress")).toHaveTextContent("3 files"));

    await user.click(screen.getByTestId("import-cancel"));

    expect(await screen.findByTestId("import-cancelled")).toHaveTextContent("cancelled, nothing saved");
    expect(backend.callsOf("import_cancel")).toHaveLength(1);
    expect(screen.queryByTestId("import-progress")).not.toBeInTheDocument();
    expect(screen.queryByTestId("import-summary")).not.toBeInTheDocument();
    expect(screen.queryByTestId("app-error")).not.toBeInTheDocument();
    expect(backend.posts).toHaveLength(0);
    expect(backend.batches).toHaveLength(0);
    expect(screen.getByTestId("dashboard-empty")).toBeInTheDocument();
    // Ready for another go.
    expect(screen.getByTestId("import-path")).toBeEnabled();
  });

  it("asks before importing another account's export and retries with force", async () => {
    const backend = agency().addFile(ZIP, exportOf("zoe.fitness.old", 4));
    const { user } = await openClientData(backend, "zoe.fit");

    await user.type(screen.getByTestId("import-path"), ZIP);
    await user.click(screen.getByTestId("import-path-go"));

    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Import anyway?");
    expect(screen.getByTestId("import-mismatch-message")).toHaveTextContent(
      "This export belongs to @zoe.fitness.old, not @zoe.fit; nothing was imported.",
    );
    expect(dialog).not.toHaveTextContent("--force");
    // The dialog focuses its safe choice in an effect after it opens: wait for it (asserting at
    // once failed once in CI under load, with the focus still on the Import button just clicked).
    await waitFor(() => expect(screen.getByTestId("import-force-cancel")).toHaveFocus());
    expect(backend.posts).toHaveLength(0);

    await user.click(screen.getByTestId("import-force"));

    expect(await screen.findByTestId("import-summary")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    const runs = backend.callsOf("import_run");
    expect(runs).toHaveLength(2);
    expect(runs[0].args).toMatchObject({ paths: [ZIP], force: false });
    expect(runs[1].args).toMatchObject({ paths: [ZIP], force: true });
    expect(backend.posts).toHaveLength(4);
  });

  it("does nothing when the mismatch is not confirmed", async () => {
    const backend = agency().addFile(ZIP, exportOf("someone_else", 4));
    const { user } = await openClientData(backend, "zoe.fit");
    await user.type(screen.getByTestId("import-path"), ZIP);
    await user.click(screen.getByTestId("import-path-go"));
    await user.click(await screen.findByTestId("import-force-cancel"));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(backend.callsOf("import_run")).toHaveLength(1);
    expect(backend.posts).toHaveLength(0);
    expect(screen.queryByTestId("import-summary")).not.toBeInTheDocument();
  });

  it("shows why a file can't be imported in the card", async () => {
    const html = "/home/me/Downloads/instagram-html.zip";
    const message =
      "this is the HTML version of the Instagram data download; request it again in Accounts Center → Your information and permissions → Download your information, choosing the JSON format";
    const backend = agency().addFile(html, { error: { code: "invalid_import", field: null, message } });
    const { user } = await openClientData(backend, "zoe.fit");

    await user.type(screen.getByTestId("import-path"), html);
    await user.click(screen.getByTestId("import-path-go"));

    const error = await screen.findByTestId("import-error");
    expect(error).toHaveTextContent("This file can't be imported");
    expect(error).toHaveTextContent("This is the HTML version of the Instagram data download");
    expect(error).toHaveTextContent("choosing the JSON format");
    expect(screen.queryByTestId("import-summary")).not.toBeInTheDocument();
    // Typed path stays for a correction.
    expect(screen.getByTestId("import-path")).toHaveValue(html);

    await user.click(within(error).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("import-error")).not.toBeInTheDocument();
  });

  it("shows a missing path and a CSV without needed columns in the card", async () => {
    const csv = "/tmp/content.csv";
    const backend = agency().addFile(csv, {
      error: {
        code: "invalid_import",
        field: null,
        message: "the CSV has no Publish time column; export it again from Meta Business Suite → Insights → Content",
      },
    });
    const { user } = await openClientData(backend, "zoe.fit");

    await user.type(screen.getByTestId("import-path"), "/nope/export.zip");
    await user.click(screen.getByTestId("import-path-go"));
    expect(await screen.findByTestId("import-error")).toHaveTextContent("/nope/export.zip does not exist");

    await user.clear(screen.getByTestId("import-path"));
    await user.type(screen.getByTestId("import-path"), csv);
    await user.click(screen.getByTestId("import-path-go"));
    await waitFor(() => expect(screen.getByTestId("import-error")).toHaveTextContent("The CSV has no Publish time column"));
  });

  it("imports files chosen in the native file dialog", async () => {
    const parts = ["/dl/instagram-zoe.fit-part1.zip", "/dl/instagram-zoe.fit-part2.zip"];
    const backend = agency()
      .addFile(parts[0], { ...exportOf("zoe.fit", 3), follower_snapshots: [], warnings: [], skipped: 0 })
      .addFile(parts[1], { posts: makePosts(2, { prefix: "q", start: "2025-02-03T10:00:00Z" }), files: 1 });
    backend.dialogAnswers.push(parts);
    const { user } = await openClientData(backend, "zoe.fit");

    await user.click(screen.getByTestId("import-choose-files"));

    const summary = await screen.findByTestId("import-summary");
    expect(within(summary).getByTestId("summary-added")).toHaveTextContent("5");
    const open = backend.lastCall("plugin:dialog|open")!.args.options as Record<string, unknown>;
    expect(open).toMatchObject({ multiple: true, directory: false });
    expect(JSON.stringify(open.filters)).toContain("zip");
    expect(JSON.stringify(open.filters)).toContain("csv");
    expect(backend.lastCall("import_run")?.args).toMatchObject({ paths: parts, force: false });
    await waitFor(() =>
      expect(within(screen.getByTestId("import-history")).getByTestId("import-row")).toHaveTextContent(
        "instagram-zoe.fit-part1.zip, instagram-zoe.fit-part2.zip",
      ),
    );
  });

  it("imports a folder chosen in the native dialog and does nothing when the dialog is closed", async () => {
    const folder = "/dl/instagram-zoe.fit-2025";
    const backend = agency().addFile(folder, exportOf("zoe.fit", 2));
    backend.dialogAnswers.push(null, folder);
    const { user } = await openClientData(backend, "zoe.fit");

    await user.click(screen.getByTestId("import-choose-folder"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|open")).toHaveLength(1));
    expect(backend.callsOf("import_run")).toHaveLength(0);

    await user.click(screen.getByTestId("import-choose-folder"));
    await screen.findByTestId("import-summary");
    expect(backend.lastCall("plugin:dialog|open")!.args.options).toMatchObject({ directory: true });
    expect(backend.lastCall("import_run")?.args).toMatchObject({ paths: [folder] });
  });
});
