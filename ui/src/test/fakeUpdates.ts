// The update commands of the fake back end: a channel, a release the fake server offers per
// channel, and an install that streams progress or fails as a test says.
import type { ApiError, UpdateChannel, UpdateInfo, UpdateSettings } from "../bindings";
import { sendToChannel } from "./fakeBackend";

export class FakeUpdates {
  channel: UpdateChannel = "stable";
  currentVersion = "0.1.0";
  /** What each channel offers (beta users see stable releases too, as the licence server does). */
  releases: Partial<Record<UpdateChannel, UpdateInfo>> = {};
  /** What the next install fails with (after the download), if anything. */
  installFailure: ApiError | null = null;
  installed: string | null = null;
  private pending: UpdateInfo | null = null;

  answer(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "update_settings":
        return this.settings();
      case "update_set_channel":
        this.channel = args.channel as UpdateChannel;
        return this.settings();
      case "update_check":
        this.pending = this.releases[this.channel] ?? (this.channel === "beta" ? this.releases.stable : undefined) ?? null;
        return this.pending;
      case "update_install":
        return this.install(args.onEvent);
      default:
        throw `command ${cmd} not found`;
    }
  }

  private settings(): UpdateSettings {
    return {
      channel: this.channel,
      current_version: this.currentVersion,
      endpoint: `https://licenses.instagrowth.app/v1/updates/${this.channel}/{{target}}/{{arch}}/{{current_version}}`,
    };
  }

  private async install(channel: unknown): Promise<null> {
    const update = this.pending;
    this.pending = null;
    if (!update) throw { code: "update_failed", message: "No update is waiting to be installed: check for updates first", field: null };
    const total = 4_194_304;
    sendToChannel(channel, 0, { event: "started", total });
    sendToChannel(channel, 1, { event: "progress", downloaded: total / 2, total });
    await new Promise((r) => setTimeout(r, 10));
    sendToChannel(channel, 2, { event: "progress", downloaded: total, total });
    const failure = this.installFailure;
    this.installFailure = null;
    if (failure) throw failure;
    sendToChannel(channel, 3, { event: "installing" });
    this.installed = update.version;
    sendToChannel(channel, 4, { event: "installed", version: update.version });
    return null;
  }
}
