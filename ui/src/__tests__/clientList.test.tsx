import { fireEvent } from "@testing-library/react";
import { FakeBackend } from "../test/fakeBackend";
import { renderApp, row, rowHandles, screen, waitFor, within } from "../test/render";

function agency() {
  return new FakeBackend([
    { name: "Zoe Fitness", handle: "zoe.fit", niche: "Fitness coaching", tags: ["fitness", "retainer"] },
    { name: "Alice Bakery", handle: "alice_bakes", niche: "Food", tags: ["food"] },
    { name: "Old Client", handle: "old.client", tags: ["food"], archived: true },
  ]);
}

describe("client list", () => {
  it("renders active clients sorted by name with handle, niche and tags", async () => {
    await renderApp(agency());

    expect(rowHandles()).toEqual(["alice_bakes", "zoe.fit"]);
    const zoe = row("zoe.fit");
    expect(within(zoe).getByText("Zoe Fitness")).toBeInTheDocument();
    expect(within(zoe).getByText("@zoe.fit")).toBeInTheDocument();
    expect(within(zoe).getByText("Fitness coaching")).toBeInTheDocument();
    expect(within(zoe).getByText("fitness")).toHaveClass("chip");
    expect(within(zoe).getByText("retainer")).toHaveClass("chip");
    expect(within(zoe).queryByText("Archived")).not.toBeInTheDocument();
    expect(screen.queryByTestId("clients-empty")).not.toBeInTheDocument();
  });

  it("asks for active clients first, with no search or tag", async () => {
    const { backend } = await renderApp(agency());
    expect(backend.listQueries()[0]).toEqual({ search: null, tag: null, archived: "active" });
  });

  it("shows a friendly empty state with a working New client button when there are no clients", async () => {
    const { user } = await renderApp(new FakeBackend());

    const empty = screen.getByTestId("clients-empty");
    expect(empty).toHaveTextContent("No clients yet");
    expect(rowHandles()).toEqual([]);
    await user.click(within(empty).getByRole("button", { name: /new client/i }));
    expect(screen.getByTestId("client-form")).toBeInTheDocument();
  });

  it("debounces the search and sends it as the query", async () => {
    const { user, backend } = await renderApp(agency());
    const before = backend.callsOf("clients_list").length;

    await user.type(screen.getByTestId("client-search"), "ali");

    await waitFor(() => expect(rowHandles()).toEqual(["alice_bakes"]));
    const searches = backend.listQueries().slice(before);
    // Typed faster than the debounce: one query for the whole word, none per keystroke.
    expect(searches).toEqual([{ search: "ali", tag: null, archived: "active" }]);
  });

  it("finds a client by @handle", async () => {
    const { user } = await renderApp(agency());
    await user.type(screen.getByTestId("client-search"), "@zoe");
    await waitFor(() => expect(rowHandles()).toEqual(["zoe.fit"]));
  });

  it("filters by tag from the tags in use", async () => {
    const { user, backend } = await renderApp(agency());
    const select = screen.getByTestId("tag-filter");
    await waitFor(() =>
      expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
        "All tags",
        "fitness",
        "food",
        "retainer",
      ]),
    );
    expect(select).toHaveValue("");

    await user.selectOptions(select, "retainer");

    await waitFor(() => expect(rowHandles()).toEqual(["zoe.fit"]));
    expect(backend.lastQuery()).toEqual({ search: null, tag: "retainer", archived: "active" });
  });

  it("switches between active, archived and all clients", async () => {
    const { user, backend } = await renderApp(agency());
    expect(screen.getByTestId("archived-filter-active")).toHaveAttribute("aria-pressed", "true");

    await user.click(screen.getByTestId("archived-filter-archived"));
    await waitFor(() => expect(rowHandles()).toEqual(["old.client"]));
    expect(backend.lastQuery()).toEqual({ search: null, tag: null, archived: "archived" });
    expect(screen.getByTestId("archived-filter-archived")).toHaveAttribute("aria-pressed", "true");
    expect(within(row("old.client")).getByText("Archived")).toBeInTheDocument();

    await user.click(screen.getByTestId("archived-filter-all"));
    await waitFor(() => expect(rowHandles()).toEqual(["alice_bakes", "old.client", "zoe.fit"]));
    expect(backend.lastQuery()).toEqual({ search: null, tag: null, archived: "all" });

    await user.click(screen.getByTestId("archived-filter-active"));
    await waitFor(() => expect(rowHandles()).toEqual(["alice_bakes", "zoe.fit"]));
  });

  it("says when nothing matches and clears the filters on request", async () => {
    const { user } = await renderApp(agency());
    await user.selectOptions(screen.getByTestId("tag-filter"), "food");
    await user.type(screen.getByTestId("client-search"), "nobody");

    const noMatch = await screen.findByTestId("clients-no-match");
    expect(noMatch).toHaveTextContent("No clients match");
    expect(screen.queryByTestId("clients-empty")).not.toBeInTheDocument();

    await user.click(within(noMatch).getByRole("button", { name: "Clear filters" }));

    await waitFor(() => expect(rowHandles()).toEqual(["alice_bakes", "zoe.fit"]));
    expect(screen.getByTestId("client-search")).toHaveValue("");
    expect(screen.getByTestId("tag-filter")).toHaveValue("");
  });

  it("tells 'no active clients' apart from no clients at all", async () => {
    const { user } = await renderApp(new FakeBackend([{ name: "Gone", handle: "gone", archived: true }]));

    const noMatch = screen.getByTestId("clients-no-match");
    expect(noMatch).toHaveTextContent("No active clients");
    expect(screen.queryByTestId("clients-empty")).not.toBeInTheDocument();
    await user.click(within(noMatch).getByRole("button", { name: "Show archived" }));
    await waitFor(() => expect(rowHandles()).toEqual(["gone"]));
  });

  it("opens the client page when a row is clicked", async () => {
    const { user } = await renderApp(agency());
    await user.click(row("zoe.fit"));
    expect(await screen.findByTestId("client-title")).toHaveTextContent("Zoe Fitness");
  });

  it("focuses the search box on Ctrl+K, also from a client page", async () => {
    const { user } = await renderApp(agency());
    const search = screen.getByTestId("client-search");
    expect(search).not.toHaveFocus();

    await user.keyboard("{Control>}k{/Control}");
    expect(search).toHaveFocus();

    await user.click(row("alice_bakes"));
    await screen.findByTestId("client-title");
    await user.keyboard("{Control>}k{/Control}");
    await waitFor(() => expect(screen.getByTestId("client-search")).toHaveFocus());
  });

  it("focuses the search box on Cmd+K too", async () => {
    await renderApp(agency());
    fireEvent.keyDown(window, { key: "k", metaKey: true });
    expect(screen.getByTestId("client-search")).toHaveFocus();
  });
});
