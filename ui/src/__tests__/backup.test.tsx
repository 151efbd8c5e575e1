import { vi } from "vitest";
import { reloadApp } from "../appReload";
import type { BackupManifest } from "../bindings";
import { FakeReportsBackend } from "../test/fakeReports";
import { openSettings, screen, waitFor, within } from "../test/render";

vi.mock("../appReload", () => ({ reloadApp: vi.fn() }));

const MANIFEST: BackupManifest = {
  format: 1,
  app_version: "0.1.0",
  schema_version: 20261126000008,
  created_at: "2026-11-26T14:00:00Z",
  counts: {
    clients: 4,
    posts: 312,
    follower_snapshots: 40,
    audits: 6,
    plans: 3,
    content_items: 25,
    reply_messages: 18,
    settings: 12,
  },
};

class BackupBackend extends FakeReportsBackend {
  backupFailure: { code: "invalid_input"; message: string; field: string } | null = null;
  restoreFailure: { code: "invalid_input"; message: string; field: null } | null = null;

  protected override other(cmd: string, args: Record<string, unknown>): unknown {
    if (cmd === "backup_create") {
      if (this.backupFailure) throw this.backupFailure;
      return MANIFEST;
    }
    if (cmd === "backup_inspect") return MANIFEST;
    if (cmd === "backup_restore") {
      if (this.restoreFailure) throw this.restoreFailure;
      return MANIFEST;
    }
    return super.other(cmd, args);
  }
}

describe("settings: backup", () => {
  it("backs the workspace up to the file chosen and says what is in it", async () => {
    const backend = new BackupBackend();
    backend.saveAnswers.push(null, "/home/ana/agency.igbackup");
    const { user } = await openSettings(backend);
    const card = screen.getByTestId("backup");

    // Closing the dialog does nothing.
    await user.click(within(card).getByTestId("backup-create"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|save")).toHaveLength(1));
    expect(backend.callsOf("backup_create")).toHaveLength(0);
    expect(backend.lastCall("plugin:dialog|save")?.args.options).toMatchObject({
      filters: [{ name: "InstaGrowth OS backup", extensions: ["igbackup"] }],
    });

    await user.click(within(card).getByTestId("backup-create"));
    expect(await within(card).findByTestId("backup-done")).toHaveTextContent(
      "Saved /home/ana/agency.igbackup: 4 clients, 312 posts, 6 audits, 3 plans.",
    );
    expect(backend.lastCall("backup_create")?.args).toEqual({ path: "/home/ana/agency.igbackup" });
  });

  it("shows why a backup could not be written", async () => {
    const backend = new BackupBackend();
    backend.saveAnswers.push("/nowhere/agency.igbackup");
    backend.backupFailure = { code: "invalid_input", message: "the folder /nowhere does not exist", field: "path" };
    const { user } = await openSettings(backend);
    await user.click(within(screen.getByTestId("backup")).getByTestId("backup-create"));
    expect(await screen.findByTestId("backup-error")).toHaveTextContent("The folder /nowhere does not exist");
    expect(screen.queryByTestId("backup-done")).not.toBeInTheDocument();
  });

  it("restores a backup after saying what it holds, then starts the app over", async () => {
    vi.mocked(reloadApp).mockClear();
    const backend = new BackupBackend();
    backend.dialogAnswers.push("/media/usb/agency.igbackup");
    const { user } = await openSettings(backend);
    await user.click(within(screen.getByTestId("backup")).getByTestId("backup-restore"));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("/media/usb/agency.igbackup");
    expect(dialog).toHaveTextContent("4 clients, 312 posts, 6 audits, 3 plans");
    expect(backend.callsOf("backup_restore")).toHaveLength(0);
    await user.click(screen.getByTestId("backup-restore-confirm"));
    await waitFor(() => expect(reloadApp).toHaveBeenCalledTimes(1));
    expect(backend.lastCall("backup_restore")?.args).toEqual({ path: "/media/usb/agency.igbackup" });
  });

  it("a refused restore changes nothing and says why", async () => {
    vi.mocked(reloadApp).mockClear();
    const backend = new BackupBackend();
    backend.dialogAnswers.push("/media/usb/agency.igbackup");
    backend.restoreFailure = {
      code: "invalid_input",
      message: "this workspace already has 2 client(s), and a restore would replace them",
      field: null,
    };
    const { user } = await openSettings(backend);
    await user.click(within(screen.getByTestId("backup")).getByTestId("backup-restore"));
    await user.click(await screen.findByTestId("backup-restore-confirm"));
    expect(await screen.findByTestId("backup-error")).toHaveTextContent("already has 2 client(s)");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(reloadApp).not.toHaveBeenCalled();
  });
});
