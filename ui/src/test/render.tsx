import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import { FakeBackend } from "./fakeBackend";

/** Renders the whole app on `backend` and waits for its first load. */
export async function renderApp(backend: FakeBackend = new FakeBackend()) {
  backend.install();
  const user = userEvent.setup();
  const utils = render(<App />);
  await waitFor(() => expect(document.body.dataset.ready).toBe("true"));
  return { ...utils, user, backend };
}

/** The handles of the rows on screen, in order. */
export function rowHandles(): string[] {
  return screen.queryAllByTestId("client-row").map((r) => r.getAttribute("data-handle") ?? "");
}

export function row(handle: string): HTMLElement {
  const found = screen.queryAllByTestId("client-row").find((r) => r.getAttribute("data-handle") === handle);
  if (!found) throw new Error(`no row for @${handle}; rows: ${rowHandles().join(", ")}`);
  return found;
}

export { screen, waitFor, within };

/** Renders the app, opens @handle (on its Data tab, the default) and waits for the dashboard. */
export async function openClientData(backend: FakeBackend, handle: string) {
  const utils = await renderApp(backend);
  await utils.user.click(row(handle));
  await screen.findByTestId("client-title");
  await screen.findByTestId("client-dashboard");
  return utils;
}

/** Renders the app and opens Settings, waiting for the AI status. */
export async function openSettings(backend: FakeBackend) {
  const utils = await renderApp(backend);
  await utils.user.click(screen.getByTestId("nav-settings"));
  await screen.findByTestId("ai-status");
  return utils;
}

/** Renders the app and opens AI usage, waiting for the page to load. */
export async function openUsage(backend: FakeBackend) {
  const utils = await renderApp(backend);
  await utils.user.click(screen.getByTestId("nav-usage"));
  await screen.findByTestId("usage-credits");
  return utils;
}

/** Renders the app, opens @handle's Audit tab and waits for it to load (empty or an audit). */
export async function openClientAudit(backend: FakeBackend, handle: string) {
  const utils = await renderApp(backend);
  await utils.user.click(row(handle));
  await screen.findByTestId("client-title");
  await utils.user.click(screen.getByTestId("client-tab-audit"));
  await waitFor(() =>
    expect(screen.queryByTestId("audit-empty") ?? screen.queryByTestId("audit-header")).toBeInTheDocument(),
  );
  return utils;
}
