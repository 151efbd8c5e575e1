// The workspace's commands: licence, updates, backup and export, the first-run setup, help and
// the home panel. Every function rejects with an ApiError (see ipc.ts).
import { Channel } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import type {
  BackupManifest,
  ClientExport,
  HelpArticle,
  HelpArticleSummary,
  HelpHit,
  HomeOverview,
  KeyProgress,
  LicenseStatus,
  Onboarding,
  OnboardingStep,
  UpdateChannel,
  UpdateEvent,
  UpdateInfo,
  UpdateSettings,
} from "./bindings";
import { asSentence, call, onAppEvent, toApiError } from "./ipc";
import { withExtension } from "./savePath";

// --- The licence ---

/** Where the licence stands, decided offline (trial, active, grace, read-only). */
export const licenseStatus = (): Promise<LicenseStatus> => call("license_status");

/** The purchase key as typed so far: incomplete, valid (ready to activate) or already wrong. */
export const licenseCheckKey = (input: string): Promise<KeyProgress> => call("license_check_key", { input });

/** This computer's host name, suggested as its name at the licence server. */
export const licenseDefaultMachineName = (): Promise<string> => call("license_default_machine_name");

/** The key of an activation link that opened the app (once), or `null`. */
export const licenseTakeLink = (): Promise<string | null> => call("license_take_link");

/** Activates this computer; a refusal names `key` or `machine_name` when one of them is wrong. */
export const licenseActivate = (key: string, machineName: string | null): Promise<LicenseStatus> =>
  call("license_activate", { key, machineName });

/** Asks the licence server for a fresh licence file now. */
export const licenseRefresh = (): Promise<LicenseStatus> => call("license_refresh");

/** Frees this computer's seat and removes the licence here (back to the trial or read-only). */
export const licenseDeactivate = (): Promise<LicenseStatus> => call("license_deactivate");

/** Opens the billing portal in the browser; answers its link. */
export const licenseOpenPortal = (): Promise<string> => call("license_open_portal");

/** Sets (or with `null`, resets) the licence server; answers the one in force. */
export const licenseSetServer = (url: string | null): Promise<string> => call("license_set_server", { url });


/** The background licence check's result (at start, then hourly). */
export const onLicenseChanged = (handler: (status: LicenseStatus) => void): (() => void) =>
  onAppEvent("license-changed", handler);

/** The key of an activation link opened while the app runs. */
export const onLicenseLink = (handler: (key: string) => void): (() => void) => onAppEvent("license-link", handler);

// --- Updates ---

/** The update channel, the running version and where the app looks for updates. */
export const updateSettings = (): Promise<UpdateSettings> => call("update_settings");

export const updateSetChannel = (channel: UpdateChannel): Promise<UpdateSettings> =>
  call("update_set_channel", { channel });

/** Asks for a newer release on the channel; `null` when this version is the newest. */
export const updateCheck = (): Promise<UpdateInfo | null> => call("update_check");

/**
 * Downloads the release found by the last check (progress to `onEvent`), verifies its signature,
 * installs it and restarts the app. Rejects (and changes nothing) when any step fails.
 */
export function updateInstall(onEvent: (event: UpdateEvent) => void): Promise<null> {
  const channel = new Channel<UpdateEvent>();
  channel.onmessage = onEvent;
  return call("update_install", { onEvent: channel });
}

/** A newer release found by the background check (at start, then every few hours). */
export const onUpdateAvailable = (handler: (info: UpdateInfo) => void): (() => void) =>
  onAppEvent("update-available", handler);

// --- Backup ---

/** Writes a backup of the whole workspace (never secrets) to `path`. */
export const backupCreate = (path: string): Promise<BackupManifest> => call("backup_create", { path });

/** The native save dialog for a workspace backup; `null` when the user closes it. */
export async function pickBackupSavePath(defaultPath: string): Promise<string | null> {
  try {
    return await save({
      title: "Back up the workspace",
      defaultPath,
      filters: [{ name: "InstaGrowth OS backup", extensions: ["igbackup"] }],
    });
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** What a backup file holds, without restoring it. */
export const backupInspect = (path: string): Promise<BackupManifest> => call("backup_inspect", { path });

/** Restores a backup into this workspace (refused when it has clients); the app reopens it. */
export const backupRestore = (path: string): Promise<BackupManifest> => call("backup_restore", { path });

/** The native open dialog for a workspace backup; `null` when the user closes it. */
export async function pickBackupFile(): Promise<string | null> {
  try {
    const picked = await open({
      title: "Restore a workspace backup",
      multiple: false,
      directory: false,
      filters: [{ name: "InstaGrowth OS backup", extensions: ["igbackup"] }],
    });
    return typeof picked === "string" ? picked : null;
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** Writes everything stored about one client to a zip at `path`. */
export const clientExport = (clientId: string, path: string): Promise<ClientExport> =>
  call("client_export", { clientId, path });

/** The native save dialog for a client's data export; `null` when the user closes it. */
export async function pickZipSavePath(defaultPath: string, title: string): Promise<string | null> {
  try {
    return withExtension(await save({ title, defaultPath, filters: [{ name: "Zip archive", extensions: ["zip"] }] }), "zip");
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** Where a report named `fileName` is saved when the user has not chosen a folder. */
export const reportsDefaultPath = (fileName: string): Promise<string> => call("reports_default_path", { fileName });

// --- First-run setup ---

/** Where the first-run setup stands (a workspace that already had clients counts as set up). */
export const onboardingStatus = (): Promise<Onboarding> => call("onboarding_status");

/** Marks a setup step done (with the first client, once made) and moves to the next. */
export const onboardingComplete = (step: OnboardingStep, clientId: string | null = null): Promise<Onboarding> =>
  call("onboarding_complete", { step, clientId });

/** Shows another step of the setup (back, or forward over one already done). */
export const onboardingGoTo = (step: OnboardingStep): Promise<Onboarding> => call("onboarding_go_to", { step });

/** Puts the setup aside; it can be resumed from Help. */
export const onboardingSkip = (): Promise<Onboarding> => call("onboarding_skip");

/** Opens the setup again where it was left (or from the start once finished). */
export const onboardingResume = (): Promise<Onboarding> => call("onboarding_resume");

// --- Help centre ---

/** Help articles matching `query`, best first (none for an empty query). */
export const helpSearch = (query: string): Promise<HelpHit[]> => call("help_search", { query });

/** Every help article, grouped by category in the help centre's order. */
export const helpList = (): Promise<HelpArticleSummary[]> => call("help_list");

/** One help article, rendered (`not_found` for an unknown id). */
export const helpArticle = (id: string): Promise<HelpArticle> => call("help_article", { id });

/** Opens an article's https:// link in the browser. */
export const helpOpenLink = (url: string): Promise<void> => call("help_open_link", { url });

// --- Home ---

/** Which clients need attention today and the plan items due today, across clients. */
export const homeOverview = (): Promise<HomeOverview> => call("home_overview");
