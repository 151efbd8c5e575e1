import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import { FakeBackend } from "../test/fakeBackend";
import { renderApp, screen, waitFor, within } from "../test/render";

describe("app shell", () => {
  it("shows the product, the Clients section and the version, then marks itself ready", async () => {
    const backend = new FakeBackend();
    backend.version = "1.4.2";
    await renderApp(backend);

    expect(screen.getByText("InstaGrowth OS")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main" });
    // One working section and nothing else.
    expect(within(nav).getAllByRole("button")).toHaveLength(1);
    expect(screen.getByTestId("nav-clients")).toHaveTextContent("Clients");
    expect(screen.getByTestId("app-version")).toHaveTextContent("1.4.2");
    expect(document.body.dataset.ready).toBe("true");
  });

  it("is not ready while the client list has not loaded", async () => {
    const backend = new FakeBackend().install();
    let release = () => {};
    backend.holdUntil("clients_list", new Promise<void>((r) => (release = r)));
    render(<App />);

    await waitFor(() => expect(screen.getByTestId("app-version")).toHaveTextContent("0.1.0"));
    expect(document.body.dataset.ready).toBeUndefined();
    release();
    await waitFor(() => expect(document.body.dataset.ready).toBe("true"));
  });

  it("shows a failed command's message in a dismissible banner", async () => {
    const backend = new FakeBackend().install();
    backend.failNext("clients_list", {
      code: "schema_too_new",
      field: null,
      message: "the database was written by a newer InstaGrowth OS",
    });
    const user = userEvent.setup();
    render(<App />);

    const banner = await screen.findByTestId("app-error");
    expect(banner).toHaveTextContent("The database was written by a newer InstaGrowth OS");
    expect(banner).toHaveAttribute("role", "alert");
    expect(document.body.dataset.ready).toBeUndefined();

    await screen.findByTestId("app-version");
    expect(screen.getByTestId("clients-failed")).toBeInTheDocument();
    expect(screen.queryByTestId("clients-empty")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Dismiss error" }));
    expect(screen.queryByTestId("app-error")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("clients-empty")).toBeInTheDocument();
    expect(document.body.dataset.ready).toBe("true");
  });

  it("shows a rejection that is not an ApiError too", async () => {
    const backend = new FakeBackend().install();
    backend.failNext("app_info", "command app_info not found" as never);
    render(<App />);
    expect(await screen.findByTestId("app-error")).toHaveTextContent("Command app_info not found");
    expect(screen.getByTestId("app-version")).toHaveTextContent("—");
  });

  it("returns to the list from a client page through the sidebar", async () => {
    const { user } = await renderApp(new FakeBackend([{ name: "Ivy", handle: "ivy" }]));
    await user.click(screen.getByTestId("client-row"));
    await screen.findByTestId("client-page");
    expect(screen.getByTestId("nav-clients")).toHaveAttribute("aria-current", "page");

    await user.click(screen.getByTestId("nav-clients"));
    expect(screen.queryByTestId("client-page")).not.toBeInTheDocument();
    expect(screen.getByTestId("client-search")).toBeInTheDocument();
  });
});
