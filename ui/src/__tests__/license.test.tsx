import { activeStatus, trialStatus } from "../test/fakeLicense";
import { FakeBackend } from "../test/fakeBackend";
import { renderApp, screen, waitFor, within } from "../test/render";

const KEY = "IGOS-7KQ3M-2B9XD-4RTV8-WJ6H5";

async function openLicense(backend = new FakeBackend()) {
  const utils = await renderApp(backend);
  await utils.user.click(screen.getByTestId("nav-license"));
  await screen.findByTestId("license-summary");
  return utils;
}

describe("licence", () => {
  it("shows the trial on every page, and activates with a key checked as it is typed", async () => {
    const backend = new FakeBackend();
    backend.license.status = trialStatus(12);
    const { user } = await renderApp(backend);

    const banner = await screen.findByTestId("license-banner");
    expect(banner).toHaveAttribute("data-state", "trial");
    expect(banner).toHaveTextContent("Trial: 12 days left");
    await user.click(within(banner).getByTestId("license-banner-open"));

    expect(await screen.findByTestId("license-page")).toBeInTheDocument();
    expect(screen.getByTestId("nav-license")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("license-plan")).toHaveTextContent("Trial");
    expect(screen.getByTestId("license-state")).toHaveTextContent("Trial");
    expect(screen.getByTestId("license-term")).toHaveTextContent("12 days left");
    expect(screen.getByTestId("license-clients")).toHaveTextContent("Up to 3 active clients");
    expect(screen.queryByTestId("license-deactivate")).not.toBeInTheDocument();

    const input = screen.getByTestId("license-key-input");
    const check = screen.getByTestId("license-key-check");
    const activate = screen.getByTestId("license-activate");
    await waitFor(() => expect(screen.getByTestId("license-machine-name")).toHaveValue("studio-mac"));
    expect(activate).toBeDisabled();

    await user.type(input, "igos-7kq3m 2b");
    await waitFor(() => expect(check).toHaveTextContent("7 of 20 characters"));
    expect(check).toHaveAttribute("data-state", "incomplete");
    await user.type(input, "!");
    await waitFor(() => expect(check).toHaveAttribute("data-state", "invalid"));
    expect(check).toHaveTextContent("“!” never appears in a purchase key");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(activate).toBeDisabled();

    await user.clear(input);
    await user.type(input, "IGOS-7KQ3M-2B9XD-4RTV8-WJ6H6");
    await waitFor(() => expect(check).toHaveTextContent("The key has a typo"));
    await user.clear(input);
    await user.type(input, KEY);
    await waitFor(() => expect(check).toHaveAttribute("data-state", "valid"));
    expect(activate).toBeEnabled();

    await user.clear(screen.getByTestId("license-machine-name"));
    await user.type(screen.getByTestId("license-machine-name"), "Ana's laptop");
    await user.click(activate);

    await waitFor(() => expect(screen.getByTestId("license-state")).toHaveTextContent("Active"));
    expect(backend.lastCall("license_activate")?.args).toEqual({ key: KEY, machineName: "Ana's laptop" });
    expect(screen.getByTestId("license-plan")).toHaveTextContent("Pro");
    expect(screen.getByTestId("license-seats")).toHaveTextContent("1 of 2 in use");
    expect(screen.getByTestId("license-machine")).toHaveTextContent("Ana's laptop");
    expect(screen.getByTestId("license-key-prefix")).toHaveTextContent("IGOS-7KQ3M-…");
    expect(screen.getByTestId("license-notice")).toHaveTextContent("Activated: Pro");
    expect(screen.queryByTestId("activation-form")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("nav-clients"));
    await screen.findByTestId("new-client");
    expect(screen.queryByTestId("license-banner")).not.toBeInTheDocument();
  });

  it("shows the server's refusal of an activation under the form and stays in the trial", async () => {
    const backend = new FakeBackend();
    backend.license.serverFailure = {
      code: "license_refused",
      message: "The licence server refused: all 1 seats of this licence are in use: deactivate a machine first (TOO_MANY_MACHINES)",
      field: null,
    };
    const { user } = await openLicense(backend);
    await user.type(screen.getByTestId("license-key-input"), KEY);
    await waitFor(() => expect(screen.getByTestId("license-activate")).toBeEnabled());
    await user.click(screen.getByTestId("license-activate"));
    const error = await screen.findByTestId("license-activate-error");
    expect(error).toHaveTextContent("all 1 seats of this licence are in use");
    expect(error).toHaveAttribute("data-code", "license_refused");
    expect(screen.getByTestId("license-state")).toHaveTextContent("Trial");
  });

  it("checks now, opens the billing portal and deactivates this computer after confirming", async () => {
    const backend = new FakeBackend();
    backend.license.status = activeStatus(KEY, "Studio iMac");
    const { user } = await openLicense(backend);
    expect(screen.queryByTestId("license-banner")).not.toBeInTheDocument();
    expect(screen.queryByTestId("activation-form")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("license-refresh"));
    await waitFor(() => expect(screen.getByTestId("license-notice")).toHaveTextContent("Checked with the licence server"));

    await user.click(screen.getByTestId("license-portal"));
    await waitFor(() => expect(screen.getByTestId("license-notice")).toHaveTextContent("billing portal opened"));
    expect(backend.license.portalOpened).toBe(1);

    backend.license.serverFailure = {
      code: "license_server_unreachable",
      message: "The licence server https://licenses.instagrowth.app could not be reached",
      field: null,
    };
    await user.click(screen.getByTestId("license-refresh"));
    await waitFor(() => expect(screen.getByTestId("license-notice")).toHaveAttribute("data-tone", "error"));
    expect(screen.getByTestId("license-notice")).toHaveTextContent("could not be reached");

    await user.click(screen.getByTestId("license-deactivate"));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Studio iMac");
    await user.click(within(dialog).getByTestId("deactivate-cancel"));
    expect(backend.callsOf("license_deactivate")).toHaveLength(0);

    await user.click(screen.getByTestId("license-deactivate"));
    await user.click(within(await screen.findByRole("dialog")).getByTestId("deactivate-confirm"));
    await waitFor(() => expect(screen.getByTestId("license-state")).toHaveTextContent("Trial"));
    expect(screen.getByTestId("activation-form")).toBeInTheDocument();
    expect(screen.queryByTestId("license-banner")).not.toBeInTheDocument(); // the page says it all
    await user.click(screen.getByTestId("nav-clients"));
    expect(await screen.findByTestId("license-banner")).toHaveAttribute("data-state", "trial");
  });

  it("opens the licence page with the key of an activation link filled in", async () => {
    const backend = new FakeBackend();
    backend.license.pendingLink = KEY;
    await renderApp(backend);
    expect(await screen.findByTestId("license-page")).toBeInTheDocument();
    expect(screen.getByTestId("license-key-input")).toHaveValue(KEY);
    await waitFor(() => expect(screen.getByTestId("license-key-check")).toHaveAttribute("data-state", "valid"));
  });

  it("says read-only with the reason, and reloads the licence when a command is refused for it", async () => {
    const backend = new FakeBackend([{ name: "Bloom Studio", handle: "bloomstudio" }]);
    backend.license.status = {
      ...activeStatus(KEY, "Studio iMac"),
      state: "grace",
      code: "GRACE_PERIOD",
      reason: "The licence could not be checked online since 10 Dec 2026: connect to the internet before 17 Dec 2026, or InstaGrowth OS becomes read-only then.",
    };
    const { user } = await renderApp(backend);
    const banner = await screen.findByTestId("license-banner");
    expect(banner).toHaveAttribute("data-state", "grace");
    expect(banner).toHaveTextContent("connect to the internet before 17 Dec 2026");

    backend.license.status = {
      ...backend.license.status,
      state: "read_only",
      code: "REVOKED",
      reason: "This licence was revoked and cannot be used again (REVOKED). Everything made so far stays viewable and exportable.",
    };
    backend.failNext("clients_create", {
      code: "license_read_only",
      message: "The licence is read-only: nothing new can be made",
      field: null,
    });
    await user.click(screen.getByTestId("new-client"));
    await user.type(screen.getByTestId("field-name"), "Nova");
    await user.type(screen.getByTestId("field-handle"), "nova");
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("form-error")).toHaveTextContent("read-only");
    await waitFor(() => expect(screen.getByTestId("license-banner")).toHaveAttribute("data-state", "read_only"));
    expect(screen.getByTestId("license-banner")).toHaveTextContent("Read-only. This licence was revoked");
    expect(screen.getByTestId("license-banner")).toHaveTextContent("viewable and exportable");
  });

  it("refuses a licence server address that is not https and shows why", async () => {
    const { user, backend } = await openLicense();
    const input = screen.getByTestId("license-server-input");
    await user.clear(input);
    await user.type(input, "http://licenses.example.com");
    await user.click(screen.getByTestId("license-server-save"));
    expect(await screen.findByTestId("license-server-error")).toHaveTextContent("use an https:// address");
    await user.clear(input);
    await user.type(input, "https://licenses.example.com");
    await user.click(screen.getByTestId("license-server-save"));
    await waitFor(() => expect(backend.license.serverUrl).toBe("https://licenses.example.com"));
    expect(screen.queryByTestId("license-server-error")).not.toBeInTheDocument();
  });
});
