import { FakeBackend } from "../test/fakeBackend";
import { renderApp, row, rowHandles, screen, waitFor, within } from "../test/render";

function agency() {
  return new FakeBackend([
    {
      name: "Zoe Fitness",
      handle: "zoe.fit",
      niche: "Fitness coaching",
      goals: "Grow to 50k",
      audience: "Busy parents",
      brand_voice: "Upbeat",
      tags: ["fitness", "retainer"],
      notes: "Posts on Mondays",
    },
    { name: "Alice Bakery", handle: "alice_bakes" },
  ]);
}

async function openZoe() {
  const utils = await renderApp(agency());
  await utils.user.click(row("zoe.fit"));
  await screen.findByTestId("client-title");
  return utils;
}

describe("client page", () => {
  it("shows everything about the client", async () => {
    const { backend } = await openZoe();
    const page = screen.getByTestId("client-page");
    const zoe = backend.byHandle("zoe.fit")!;

    expect(screen.getByTestId("client-title")).toHaveTextContent("Zoe Fitness");
    expect(screen.getByTestId("client-handle")).toHaveTextContent("@zoe.fit");
    for (const text of ["Grow to 50k", "Busy parents", "Upbeat", "Posts on Mondays", "fitness", "retainer"]) {
      expect(within(page).getByText(text)).toBeInTheDocument();
    }
    expect(screen.getByTestId("client-niche")).toHaveTextContent("Fitness coaching");
    expect(screen.getByTestId("client-status")).toHaveTextContent("Active");
    const created = screen.getByTestId("client-created");
    expect(created).toHaveAttribute("datetime", zoe.created_at);
    expect(created.textContent).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(zoe.created_at)),
    );
    expect(backend.lastCall("clients_get")?.args).toEqual({ key: zoe.id });
  });

  it("goes back to the list", async () => {
    const { user } = await openZoe();
    await user.click(screen.getByTestId("client-back"));
    expect(screen.queryByTestId("client-page")).not.toBeInTheDocument();
    expect(rowHandles()).toEqual(["alice_bakes", "zoe.fit"]);
  });

  it("archives and unarchives", async () => {
    const { user, backend } = await openZoe();
    const id = backend.byHandle("zoe.fit")!.id;
    expect(screen.queryByTestId("client-unarchive")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("client-archive"));

    await screen.findByTestId("client-unarchive");
    expect(screen.queryByTestId("client-archive")).not.toBeInTheDocument();
    expect(screen.getByTestId("client-archived-badge")).toHaveTextContent("Archived");
    expect(screen.getByTestId("client-status")).toHaveTextContent("Archived");
    expect(backend.callsOf("clients_archive")[0].args).toEqual({ key: id });
    expect(backend.byHandle("zoe.fit")!.archived).toBe(true);

    // Archived clients leave the active list and appear under Archived.
    await user.click(screen.getByTestId("client-back"));
    await waitFor(() => expect(rowHandles()).toEqual(["alice_bakes"]));
    await user.click(screen.getByTestId("archived-filter-archived"));
    await waitFor(() => expect(rowHandles()).toEqual(["zoe.fit"]));

    await user.click(row("zoe.fit"));
    await user.click(await screen.findByTestId("client-unarchive"));

    await screen.findByTestId("client-archive");
    expect(screen.queryByTestId("client-archived-badge")).not.toBeInTheDocument();
    expect(backend.callsOf("clients_unarchive")[0].args).toEqual({ key: id });
    expect(backend.byHandle("zoe.fit")!.archived).toBe(false);
  });

  it("asks before deleting and keeps the client on Cancel", async () => {
    const { user, backend } = await openZoe();
    await user.click(screen.getByTestId("client-delete"));

    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveTextContent("Zoe Fitness");
    expect(dialog).toHaveTextContent(/all of its data/);
    expect(screen.getByTestId("confirm-cancel")).toHaveFocus();

    await user.click(screen.getByTestId("confirm-cancel"));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("client-delete")).toHaveFocus();
    expect(screen.getByTestId("client-title")).toHaveTextContent("Zoe Fitness");
    expect(backend.callsOf("clients_delete")).toHaveLength(0);
    expect(backend.byHandle("zoe.fit")).toBeDefined();
  });

  it("cancels the delete with Escape", async () => {
    const { user, backend } = await openZoe();
    await user.click(screen.getByTestId("client-delete"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(backend.callsOf("clients_delete")).toHaveLength(0);
  });

  it("deletes on confirmation and returns to the list without it", async () => {
    const { user, backend } = await openZoe();
    const id = backend.byHandle("zoe.fit")!.id;
    await user.click(screen.getByTestId("client-delete"));
    await user.click(screen.getByTestId("confirm-delete"));

    await waitFor(() => expect(screen.queryByTestId("client-page")).not.toBeInTheDocument());
    expect(backend.callsOf("clients_delete")[0].args).toEqual({ key: id });
    await waitFor(() => expect(rowHandles()).toEqual(["alice_bakes"]));
    expect(backend.byHandle("zoe.fit")).toBeUndefined();
  });

  it("reports a failed archive in the error banner and keeps the client as it was", async () => {
    const { user, backend } = await openZoe();
    backend.failNext("clients_archive", { code: "database", field: null, message: "database is locked" });

    await user.click(screen.getByTestId("client-archive"));

    expect(await screen.findByTestId("app-error")).toHaveTextContent("Database is locked");
    expect(screen.getByTestId("client-archive")).toBeEnabled();
    expect(screen.queryByTestId("client-archived-badge")).not.toBeInTheDocument();
  });
});
