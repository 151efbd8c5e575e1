import { fireEvent } from "@testing-library/react";
import { FakeBackend } from "../test/fakeBackend";
import { renderApp, row, rowHandles, screen, waitFor, within } from "../test/render";

const field = (name: string) => screen.getByTestId(`field-${name}`);

function oneClient() {
  return new FakeBackend([{ name: "Alice Bakery", handle: "alice_bakes", tags: ["food"] }]);
}

describe("client form", () => {
  it("creates a client from every field and shows it in the list", async () => {
    const { user, backend } = await renderApp(oneClient());

    await user.click(screen.getByTestId("new-client"));
    const form = screen.getByTestId("client-form");
    expect(field("name")).toHaveFocus();
    expect(within(form).getByText("@")).toBeInTheDocument();

    await user.type(field("name"), "Bob's Barbers");
    await user.type(field("handle"), "@Bob.Cuts");
    await user.type(field("niche"), "Grooming");
    await user.type(field("goals"), "10k followers");
    await user.type(field("audience"), "Men 20-40");
    await user.type(field("brand_voice"), "Friendly");
    await user.type(field("tags"), "Local, retainer, ");
    await user.type(field("notes"), "Prefers email");
    expect(within(form).getByText("local")).toHaveClass("chip");
    await user.click(screen.getByTestId("form-save"));

    await waitFor(() => expect(screen.queryByTestId("client-form")).not.toBeInTheDocument());
    expect(backend.callsOf("clients_create")[0].args).toEqual({
      input: {
        name: "Bob's Barbers",
        handle: "bob.cuts",
        niche: "Grooming",
        goals: "10k followers",
        audience: "Men 20-40",
        brand_voice: "Friendly",
        tags: ["local", "retainer"],
        notes: "Prefers email",
      },
    });
    await waitFor(() => expect(rowHandles()).toEqual(["alice_bakes", "bob.cuts"]));
    expect(within(row("bob.cuts")).getByText("Bob's Barbers")).toBeInTheDocument();
    expect(screen.queryByTestId("app-error")).not.toBeInTheDocument();
  });

  it("clears a search that would hide the new client", async () => {
    const { user } = await renderApp(oneClient());
    await user.type(screen.getByTestId("client-search"), "alice");
    await user.click(screen.getByTestId("new-client"));
    await user.type(field("name"), "Carol");
    await user.type(field("handle"), "carol");
    await user.click(screen.getByTestId("form-save"));

    await waitFor(() => expect(rowHandles()).toContain("carol"));
    expect(screen.getByTestId("client-search")).toHaveValue("");
  });

  it("shows the back end's error under the field it names and changes nothing else", async () => {
    const { user, backend } = await renderApp(oneClient());
    await user.click(screen.getByTestId("new-client"));
    await user.type(field("name"), "Copycat");
    await user.type(field("handle"), "Alice_Bakes");
    await user.click(screen.getByTestId("form-save"));

    const error = await screen.findByTestId("error-handle");
    expect(error).toHaveTextContent("@alice_bakes is already a client");
    expect(field("handle")).toHaveAttribute("aria-invalid", "true");
    expect(field("handle")).toHaveFocus();
    // The form stays open with what was typed; nothing else reports an error.
    expect(field("name")).toHaveValue("Copycat");
    expect(screen.queryByTestId("error-name")).not.toBeInTheDocument();
    expect(screen.queryByTestId("form-error")).not.toBeInTheDocument();
    expect(screen.queryByTestId("app-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("form-save")).toBeEnabled();
    expect(backend.clients).toHaveLength(1);
    expect(rowHandles()).toEqual(["alice_bakes"]);

    // Editing the field clears the server's complaint.
    await user.type(field("handle"), "2");
    expect(screen.queryByTestId("error-handle")).not.toBeInTheDocument();
  });

  it("shows an error with a field it does not have above the form", async () => {
    const { user, backend } = await renderApp(oneClient());
    backend.failNext("clients_create", { code: "database", field: null, message: "the disk is full" });
    await user.click(screen.getByTestId("new-client"));
    await user.type(field("name"), "Dan");
    await user.type(field("handle"), "dan");
    await user.click(screen.getByTestId("form-save"));

    expect(await screen.findByTestId("form-error")).toHaveTextContent("The disk is full");
    expect(screen.getByTestId("client-form")).toBeInTheDocument();
    expect(screen.queryByTestId("error-name")).not.toBeInTheDocument();
    expect(screen.queryByTestId("error-handle")).not.toBeInTheDocument();
  });

  it("checks the handle while typing and does not send a bad one", async () => {
    const { user, backend } = await renderApp(oneClient());
    await user.click(screen.getByTestId("new-client"));
    await user.type(field("name"), "Eve");

    await user.type(field("handle"), "eve smith");
    expect(screen.getByTestId("error-handle")).toHaveTextContent(/letters, digits, periods and underscores/);

    await user.clear(field("handle"));
    await user.type(field("handle"), "eve.");
    expect(screen.getByTestId("error-handle")).toHaveTextContent(/start or end with a period/);

    await user.clear(field("handle"));
    await user.type(field("handle"), "a".repeat(31));
    expect(screen.getByTestId("error-handle")).toHaveTextContent(/at most 30/);

    await user.click(screen.getByTestId("form-save"));
    expect(backend.callsOf("clients_create")).toHaveLength(0);
    expect(field("handle")).toHaveFocus();

    await user.clear(field("handle"));
    await user.type(field("handle"), "eve.smith");
    expect(screen.queryByTestId("error-handle")).not.toBeInTheDocument();
  });

  it("requires a name and a handle", async () => {
    const { user, backend } = await renderApp(oneClient());
    await user.click(screen.getByTestId("new-client"));
    // Nothing is flagged before the user has done anything.
    expect(screen.queryByTestId("error-name")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("form-save"));

    expect(screen.getByTestId("error-name")).toHaveTextContent("Name is required.");
    expect(screen.getByTestId("error-handle")).toHaveTextContent("Instagram handle is required.");
    expect(field("name")).toHaveFocus();
    expect(backend.callsOf("clients_create")).toHaveLength(0);

    await user.type(field("name"), "F");
    expect(screen.queryByTestId("error-name")).not.toBeInTheDocument();
  });

  it("disables Save while saving", async () => {
    const { user, backend } = await renderApp(oneClient());
    let release = () => {};
    backend.holdUntil("clients_create", new Promise<void>((r) => (release = r)));
    await user.click(screen.getByTestId("new-client"));
    await user.type(field("name"), "Gus");
    await user.type(field("handle"), "gus");
    await user.click(screen.getByTestId("form-save"));

    await waitFor(() => expect(screen.getByTestId("form-save")).toBeDisabled());
    await user.click(screen.getByTestId("form-save"));
    release();

    await waitFor(() => expect(screen.queryByTestId("client-form")).not.toBeInTheDocument());
    expect(backend.callsOf("clients_create")).toHaveLength(1);
  });

  it("cancels with Escape and with the Cancel button without saving", async () => {
    const { user, backend } = await renderApp(oneClient());
    await user.click(screen.getByTestId("new-client"));
    await user.type(field("name"), "Hal");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("client-form")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("new-client"));
    expect(field("name")).toHaveValue("");
    await user.click(screen.getByTestId("form-cancel"));
    expect(screen.queryByTestId("client-form")).not.toBeInTheDocument();
    expect(backend.callsOf("clients_create")).toHaveLength(0);
  });

  it("opens on Ctrl+N from anywhere, including the search box and a client page", async () => {
    const { user } = await renderApp(oneClient());
    await user.click(screen.getByTestId("client-search"));
    await user.keyboard("{Control>}n{/Control}");
    expect(screen.getByTestId("client-form")).toBeInTheDocument();
    expect(field("name")).toHaveFocus();
    await user.keyboard("{Escape}");

    await user.click(row("alice_bakes"));
    await screen.findByTestId("client-title");
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    expect(screen.getByTestId("client-form")).toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "New client" })).toBeInTheDocument();
  });

  it("edits a client, sending only what changed", async () => {
    const { user, backend } = await renderApp(oneClient());
    await user.click(row("alice_bakes"));
    await user.click(await screen.findByTestId("client-edit"));

    expect(field("name")).toHaveValue("Alice Bakery");
    expect(field("handle")).toHaveValue("alice_bakes");
    expect(field("tags")).toHaveValue("food");
    await user.clear(field("name"));
    await user.type(field("name"), "Alice's Bakery");
    await user.type(field("tags"), ", sweets");
    await user.click(screen.getByTestId("form-save"));

    await waitFor(() => expect(screen.getByTestId("client-title")).toHaveTextContent("Alice's Bakery"));
    const id = backend.byHandle("alice_bakes")!.id;
    expect(backend.callsOf("clients_update")[0].args).toEqual({
      key: id,
      patch: { name: "Alice's Bakery", tags: ["food", "sweets"] },
    });
    expect(within(screen.getByTestId("client-tags")).getByText("sweets")).toBeInTheDocument();
  });
});
