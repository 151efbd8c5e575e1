import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { UpdateBanner } from "../components/updates/UpdateBanner";
import { FakeAiBackend as FakeBackend } from "../test/fakeAi";
import { openSettings, screen, waitFor, within } from "../test/render";

const BETA = {
  version: "0.2.0-beta.1",
  current_version: "0.1.0",
  notes: "Beta: the dashboard home.\n- Faster imports",
  pub_date: "2026-11-20T09:00:00Z",
};

describe("updates", () => {
  it("checks on the chosen channel and installs the update with its progress", async () => {
    const backend = new FakeBackend();
    backend.updates.releases.beta = BETA;
    const { user } = await openSettings(backend);

    const card = await screen.findByTestId("updates");
    await waitFor(() => expect(within(card).getByTestId("updates-version")).toHaveTextContent("0.1.0"));
    expect(within(card).getByTestId("updates-channel")).toHaveValue("stable");

    await user.click(within(card).getByTestId("updates-check"));
    expect(await within(card).findByTestId("updates-result")).toHaveTextContent(
      "You have the newest version on the stable channel",
    );

    await user.selectOptions(within(card).getByTestId("updates-channel"), "beta");
    await waitFor(() => expect(backend.updates.channel).toBe("beta"));
    expect(backend.lastCall("update_set_channel")?.args).toEqual({ channel: "beta" });
    expect(within(card).queryByTestId("updates-result")).not.toBeInTheDocument();

    await user.click(within(card).getByTestId("updates-check"));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("InstaGrowth OS 0.2.0-beta.1 is available");
    expect(dialog).toHaveTextContent("You have 0.1.0.");
    expect(within(dialog).getByTestId("update-notes")).toHaveTextContent("Beta: the dashboard home.");

    await user.click(within(dialog).getByTestId("update-install"));
    await waitFor(() => expect(within(dialog).getByTestId("update-progress")).toHaveTextContent("Installing and restarting"));
    expect(backend.updates.installed).toBe("0.2.0-beta.1");
    expect(within(dialog).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    expect(within(dialog).getByTestId("update-install")).toBeDisabled();
  });

  it("shows a refused signature plainly and installs nothing", async () => {
    const backend = new FakeBackend();
    backend.updates.releases.stable = { ...BETA, version: "0.1.1", notes: null };
    backend.updates.installFailure = {
      code: "update_signature",
      message: "The update's signature does not match this app's key; it was not installed",
      field: null,
    };
    const { user } = await openSettings(backend);
    await user.click(await screen.findByTestId("updates-check"));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByTestId("update-notes")).toHaveTextContent("No release notes were given.");
    await user.click(within(dialog).getByTestId("update-install"));
    const error = await within(dialog).findByTestId("update-error");
    expect(error).toHaveAttribute("data-code", "update_signature");
    expect(error).toHaveTextContent("it was not installed");
    expect(backend.updates.installed).toBeNull();
    await user.click(within(dialog).getByTestId("update-later"));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("says when the update server cannot be reached", async () => {
    const backend = new FakeBackend();
    const { user } = await openSettings(backend);
    backend.failNext("update_check", {
      code: "update_unreachable",
      message: "the update server could not be reached or gave no usable answer; nothing changed",
      field: null,
    });
    await user.click(await screen.findByTestId("updates-check"));
    expect(await screen.findByTestId("updates-error")).toHaveTextContent("The update server could not be reached");
  });

  it("announces an update found in the background until opened or put off", async () => {
    const onOpen = vi.fn();
    const onDismiss = vi.fn();
    const user = userEvent.setup();
    render(<UpdateBanner update={BETA} onOpen={onOpen} onDismiss={onDismiss} />);
    expect(screen.getByTestId("update-banner")).toHaveTextContent("InstaGrowth OS 0.2.0-beta.1 is available.");
    await user.click(screen.getByTestId("update-banner-open"));
    await user.click(screen.getByTestId("update-banner-dismiss"));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
