// The only module that talks to the Rust back end. Every function rejects with an ApiError.
import { Channel, invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { writeText } from "@tauri-apps/plugin-clipboard-manager";
import { open, save } from "@tauri-apps/plugin-dialog";
import type {
  Onboarding,
  OnboardingStep,
  AddOutcome,
  AddRequest,
  AiEvent,
  AiStatus,
  ApiError,
  AppInfo,
  AuditDocument,
  AuditSummary,
  BackupManifest,
  BrandRules,
  Branding,
  Client,
  ClientDashboard,
  ClientExport,
  ClientPatch,
  ClientQuery,
  ConnectionTest,
  ContentDraft,
  ContentQuery,
  ContentRequest,
  ErrorCode,
  FileExport,
  ImportOutcome,
  KeyProgress,
  LicenseStatus,
  Item,
  Kind,
  LibraryItem,
  LibraryPatch,
  ManualEntry,
  ModelPrice,
  NewClient,
  NewPlan,
  PlanItemPatch,
  PdfExport,
  PresetInfo,
  Progress,
  ProviderSettings,
  RedraftRequest,
  Redrafted,
  ReplyItem,
  ReplyQuery,
  SampleResult,
  SavedReply,
  SavedReplyInput,
  StoredPlan,
  UpdateChannel,
  UpdateEvent,
  UpdateInfo,
  UpdateSettings,
  UsageReport,
  UsageTotals,
} from "./bindings";
import type { HelpArticle, HelpArticleSummary, HelpHit } from "./bindings";

// A Record over the generated union: adding a code in Rust without listing it here fails the
// type check.
const ERROR_CODES: Record<ErrorCode, true> = {
  invalid_input: true,
  duplicate_handle: true,
  not_found: true,
  schema_too_new: true,
  data_dir: true,
  database: true,
  invalid_import: true,
  handle_mismatch: true,
  cancelled: true,
  keychain_unavailable: true,
  ai_not_configured: true,
  ai_missing_key: true,
  ai_bad_key: true,
  ai_no_access: true,
  ai_unknown_model: true,
  ai_quota_exhausted: true,
  ai_rate_limited: true,
  ai_unreachable: true,
  ai_timeout: true,
  ai_context_too_long: true,
  ai_provider_error: true,
  ai_invalid_answer: true,
  ai_credits_spent: true,
  license_invalid_key: true,
  license_refused: true,
  license_server_unreachable: true,
  license_tampered: true,
  license_read_only: true,
  license_not_activated: true,
  plan_limit: true,
  update_unreachable: true,
  update_signature: true,
  update_failed: true,
  busy: true,
  internal: true,
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** Turns whatever a rejected call produced into an ApiError a component can show. */
export function toApiError(err: unknown): ApiError {
  if (typeof err === "object" && err !== null) {
    const e = err as Record<string, unknown>;
    if (isErrorCode(e.code) && typeof e.message === "string") {
      return {
        code: e.code,
        message: e.message,
        field: typeof e.field === "string" && e.field !== "" ? e.field : null,
      };
    }
    if (err instanceof Error) {
      return { code: "internal", message: err.message || String(err), field: null };
    }
  }
  return { code: "internal", message: String(err), field: null };
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    isErrorCode((value as ApiError).code) &&
    typeof (value as ApiError).message === "string"
  );
}

/** Back-end messages are written to follow "error: " in a terminal; on screen they start a sentence. */
function asSentence(e: ApiError): ApiError {
  const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
  return { ...e, message };
}

const licenseRefusalHandlers = new Set<() => void>();

/**
 * Calls `handler` whenever any command is refused for the licence's sake (read-only, a plan
 * limit), wherever the refusal is shown: the banner then says where the licence stands now.
 */
export function onLicenseRefusal(handler: () => void): () => void {
  licenseRefusalHandlers.add(handler);
  return () => licenseRefusalHandlers.delete(handler);
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (err) {
    const e = asSentence(toApiError(err));
    if (e.code === "license_read_only" || e.code === "plan_limit") licenseRefusalHandlers.forEach((h) => h());
    throw e;
  }
}

export const appInfo = (): Promise<AppInfo> => call("app_info");

export const listClients = (query: ClientQuery): Promise<Client[]> =>
  call("clients_list", { query });

export const listTags = (): Promise<string[]> => call("clients_tags");

export const getClient = (key: string): Promise<Client> => call("clients_get", { key });

export const createClient = (input: NewClient): Promise<Client> =>
  call("clients_create", { input });

export const updateClient = (key: string, patch: ClientPatch): Promise<Client> =>
  call("clients_update", { key, patch });

export const archiveClient = (key: string): Promise<Client> => call("clients_archive", { key });

export const unarchiveClient = (key: string): Promise<Client> =>
  call("clients_unarchive", { key });

export const deleteClient = (key: string): Promise<Client> => call("clients_delete", { key });

export const clientDashboard = (key: string): Promise<ClientDashboard> =>
  call("client_dashboard", { key });

/**
 * Imports `paths` (one folder, one or more zips of one export, or one CSV) for the client.
 * `force` imports an export of another account after the user confirmed a `handle_mismatch`.
 * Rejects with `cancelled` after `cancelImport`; nothing is saved then.
 */
export function runImport(
  key: string,
  paths: string[],
  force: boolean,
  onProgress: (progress: Progress) => void,
): Promise<ImportOutcome> {
  const channel = new Channel<Progress>();
  channel.onmessage = onProgress;
  return call("import_run", { key, paths, force, onProgress: channel });
}

/** Stops the running import; `runImport` then rejects with `cancelled`. */
export const cancelImport = (): Promise<null> => call("import_cancel");

export const saveManual = (key: string, entry: ManualEntry): Promise<ImportOutcome> =>
  call("manual_save", { key, entry });

// ---- AI provider, key, credits, usage and prices ----

export const aiPresets = (): Promise<PresetInfo[]> => call("ai_presets");

export const aiStatus = (): Promise<AiStatus> => call("ai_status");

/** Saves the provider (checked by the back end; a bad setting rejects with its `field`). */
export const aiConfigure = (settings: ProviderSettings): Promise<AiStatus> =>
  call("ai_configure", { settings });

/** Offline drafts only: forgets the provider. */
export const aiDisable = (): Promise<AiStatus> => call("ai_disable");

/** Stores the key in the OS keychain; it is never read back (the status shows a hint). */
export const aiSetKey = (key: string): Promise<AiStatus> => call("ai_set_key", { key });

export const aiRemoveKey = (): Promise<AiStatus> => call("ai_remove_key");

/** The models the provider offers, for settings that may not be saved yet (`model` may be ""). */
export const aiListModels = (settings: ProviderSettings): Promise<string[]> =>
  call("ai_list_models", { settings });

/** A tiny request to the saved provider. */
export const aiTestConnection = (): Promise<ConnectionTest> => call("ai_test_connection");

export const aiSetAllowance = (credits: number): Promise<AiStatus> =>
  call("ai_set_allowance", { credits });

/** Usage of the whole workspace (`client` null) or of one client. */
export const aiUsage = (client: string | null): Promise<UsageReport> => call("ai_usage", { client });

/** Totals per client for `month` (`YYYY-MM`). */
export const aiUsageByClient = (month: string): Promise<UsageTotals[]> =>
  call("ai_usage_by_client", { month });

export const aiPrices = (): Promise<ModelPrice[]> => call("ai_prices");

/** Adds or replaces the price of `price.model`; answers the whole table. */
export const aiSetPrice = (price: ModelPrice): Promise<ModelPrice[]> => call("ai_set_price", { price });

export const aiDeletePrice = (model: string): Promise<ModelPrice[]> => call("ai_delete_price", { model });

/**
 * Three sample hooks from the provider for `client` (or a generic one), streamed to `onEvent`.
 * Rejects with `cancelled` after `aiCancel(runId)`; nothing is charged then.
 */
export function aiSample(
  runId: string,
  client: string | null,
  onEvent: (event: AiEvent) => void,
): Promise<SampleResult> {
  const channel = new Channel<AiEvent>();
  channel.onmessage = onEvent;
  return call("ai_sample", { runId, client, onEvent: channel });
}

/** Stops the AI run `runId`. */
export const aiCancel = (runId: string): Promise<null> => call("ai_cancel", { runId });

const IMPORT_FILTERS = [
  { name: "Instagram export or Business Suite CSV", extensions: ["zip", "csv"] },
  { name: "Instagram export (.zip)", extensions: ["zip"] },
  { name: "Meta Business Suite CSV", extensions: ["csv"] },
];

/** The native file picker for export zips or a CSV; `[]` when the user closes it. */
export async function pickImportFiles(): Promise<string[]> {
  try {
    const picked = await open({
      title: "Choose an Instagram export or a Business Suite CSV",
      multiple: true,
      directory: false,
      filters: IMPORT_FILTERS,
    });
    return picked ?? [];
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** The native folder picker, for an export that was already unpacked; `null` when closed. */
export async function pickImportFolder(): Promise<string | null> {
  try {
    return await open({ title: "Choose the unpacked Instagram export folder", directory: true, multiple: false });
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

// ---- Audits ----

/**
 * Runs a new audit of the client `key` and stores it. The numbers are computed by the app; with a
 * provider set up (and `offline` false) AI writes the summary, streaming to `onEvent`. Rejects
 * with `cancelled` after `aiCancel(runId)`; nothing is saved then.
 */
export function auditRun(
  key: string,
  offline: boolean,
  runId: string,
  onEvent: (event: AiEvent) => void,
): Promise<AuditDocument> {
  const channel = new Channel<AiEvent>();
  channel.onmessage = onEvent;
  return call("audit_run", { key, offline, runId, onEvent: channel });
}

/** The client's audits, newest first. */
export const auditHistory = (key: string): Promise<AuditSummary[]> => call("audit_history", { key });

export const auditGet = (id: string): Promise<AuditDocument> => call("audit_get", { id });

/** Writes the audit's branded PDF to `path`; `openAfter` opens it in the default viewer. */
export const auditExportPdf = (id: string, path: string, openAfter: boolean): Promise<PdfExport> =>
  call("audit_export_pdf", { id, path, openAfter });

/** The native save dialog for a PDF, suggesting `defaultPath`; `null` when the user closes it. */
export async function pickPdfSavePath(defaultPath: string, title = "Export the audit as PDF"): Promise<string | null> {
  try {
    return await save({ title, defaultPath, filters: [{ name: "PDF", extensions: ["pdf"] }] });
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** The native save dialog for a CSV, suggesting `defaultPath`; `null` when the user closes it. */
export async function pickCsvSavePath(defaultPath: string, title = "Export as CSV"): Promise<string | null> {
  try {
    return await save({ title, defaultPath, filters: [{ name: "CSV", extensions: ["csv"] }] });
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** The native save dialog for a calendar file (.ics), suggesting `defaultPath`; `null` when closed. */
export async function pickIcsSavePath(defaultPath: string, title = "Export as a calendar file"): Promise<string | null> {
  try {
    return await save({ title, defaultPath, filters: [{ name: "Calendar (iCalendar)", extensions: ["ics"] }] });
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

// ---- Content drafts and the content library ----

/**
 * Drafts content for the client `key`: offline from the niche library, or by AI when a provider
 * is set up (and `request.offline` is false). Finished AI items stream to `onEvent` as `item`
 * events. Rejects with `cancelled` after `aiCancel(runId)`.
 */
export function contentGenerate(
  key: string,
  request: ContentRequest,
  runId: string,
  onEvent: (event: AiEvent) => void,
): Promise<ContentDraft> {
  const channel = new Channel<AiEvent>();
  channel.onmessage = onEvent;
  return call("content_generate", { key, request, runId, onEvent: channel });
}

/** Stores one drafted item in the client's library; `source` is `offline`, `ai` or `manual`. */
export const contentSave = (key: string, item: Item, source: string, topic: string): Promise<LibraryItem> =>
  call("content_save", { key, item, source, topic });

export const contentList = (key: string, query: ContentQuery): Promise<LibraryItem[]> =>
  call("content_list", { key, query });

/** Changes what `patch` sets (a bad item rejects with field `item` or `tags`). */
export const contentUpdate = (id: string, patch: LibraryPatch): Promise<LibraryItem> =>
  call("content_update", { id, patch });

/** Marks the item used on `date` (`YYYY-MM-DD`), or not used with `used` false. */
export const contentMarkUsed = (id: string, used: boolean, date: string | null): Promise<LibraryItem> =>
  call("content_mark_used", { id, used, date });

export const contentDelete = (id: string): Promise<null> => call("content_delete", { id });

/** Writes `items` (all of `kind`) as the branded content-pack PDF; `openAfter` opens it. */
export const contentExportPdf = (
  key: string,
  kind: Kind,
  topic: string | null,
  items: Item[],
  path: string,
  openAfter: boolean,
): Promise<FileExport> => call("content_export_pdf", { key, kind, topic, items, path, openAfter });

/** Writes `items` (all of `kind`) as a CSV. */
export const contentExportCsv = (kind: Kind, items: Item[], path: string): Promise<FileExport> =>
  call("content_export_csv", { kind, items, path });

// ---- Branding of reports ----

export const brandingGet = (): Promise<Branding> => call("branding_get");

/** Saves the branding (checked by the back end; a bad value rejects with its `field`). */
export const brandingSet = (branding: Branding): Promise<Branding> => call("branding_set", { branding });

/** Stores the PNG or JPEG at `path` as the logo (a bad file rejects with field `logo`). */
export const brandingSetLogo = (path: string): Promise<Branding> => call("branding_set_logo", { path });

export const brandingRemoveLogo = (): Promise<Branding> => call("branding_remove_logo");

/** The stored logo as a `data:` URL for previews; `null` without one. */
export const brandingLogo = (): Promise<string | null> => call("branding_logo");

/** The native file picker for a PNG or JPEG logo; `null` when the user closes it. */
export async function pickLogoFile(): Promise<string | null> {
  try {
    return await open({
      title: "Choose the agency logo",
      multiple: false,
      directory: false,
      filters: [{ name: "Image (PNG or JPEG)", extensions: ["png", "jpg", "jpeg"] }],
    });
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

// ---- Content plans (the posting calendar) ----

/** Plans a calendar for the client `key`; the new plan becomes the active one. */
export function planCreate(
  key: string,
  request: NewPlan,
  runId: string,
  onEvent: (event: AiEvent) => void,
): Promise<StoredPlan> {
  const channel = new Channel<AiEvent>();
  channel.onmessage = onEvent;
  return call("plan_create", { key, request, runId, onEvent: channel });
}

/** The client's plans, the active one first. */
export const planList = (key: string): Promise<StoredPlan[]> => call("plan_list", { key });

export const planActivate = (id: string): Promise<StoredPlan> => call("plan_activate", { id });

export const planDelete = (id: string): Promise<null> => call("plan_delete", { id });

/** Moves one item to `date` (`YYYY-MM-DD`, a day of the plan; otherwise rejects with field `date`). */
export const planMoveItem = (id: string, itemId: string, date: string): Promise<StoredPlan> =>
  call("plan_move_item", { id, itemId, date });

export const planSetDone = (id: string, itemId: string, done: boolean): Promise<StoredPlan> =>
  call("plan_set_done", { id, itemId, done });

/**
 * Edits one item: only the fields given change (an edited time becomes a "manual" time;
 * `content_item_id: ""` removes the link). Refusals name `time`, `topic`, `hashtags` or
 * `content_item_id`.
 */
export const updatePlanItem = (id: string, itemId: string, patch: Partial<PlanItemPatch>): Promise<StoredPlan> =>
  call("plan_update_item", { id, itemId, patch });

export type PlanExportFormat = "pdf" | "ics" | "csv";

/** Writes the plan as a branded PDF, a calendar file or a CSV; `openAfter` opens it. */
export const planExport = (id: string, format: PlanExportFormat, path: string, openAfter: boolean): Promise<FileExport> =>
  call("plan_export", { id, format, path, openAfter });

// ---- The reply assistant (comments and DMs: triage and drafts; nothing is ever sent) ----

/**
 * Adds messages to the client's reply queue: pasted, from a CSV file or the imported DM threads
 * awaiting a reply. Each is triaged and drafted, by AI when a provider is set up (and
 * `request.offline` is false), streaming to `onEvent`. Rejects with `cancelled` after
 * `aiCancel(runId)`; nothing is added then.
 */
export function repliesAdd(
  key: string,
  request: AddRequest,
  runId: string,
  onEvent: (event: AiEvent) => void,
): Promise<AddOutcome> {
  const channel = new Channel<AiEvent>();
  channel.onmessage = onEvent;
  return call("replies_add", { key, request, runId, onEvent: channel });
}

/** The client's queue: waiting messages by priority, handled ones last when included. */
export const repliesList = (key: string, query: ReplyQuery): Promise<ReplyItem[]> =>
  call("replies_list", { key, query });

/** Marks a message handled (replied to from Instagram), or back to waiting. */
export const repliesSetHandled = (id: string, handled: boolean): Promise<ReplyItem> =>
  call("replies_set_handled", { id, handled });

export const repliesDelete = (id: string): Promise<null> => call("replies_delete", { id });

/** Removes the client's handled messages; answers how many went. */
export const repliesClearHandled = (key: string): Promise<number> => call("replies_clear_handled", { key });

/** New drafts for one message (AI when set up and not `offline`), streaming to `onEvent`. */
export function repliesRedraft(
  id: string,
  request: RedraftRequest,
  runId: string,
  onEvent: (event: AiEvent) => void,
): Promise<Redrafted> {
  const channel = new Channel<AiEvent>();
  channel.onmessage = onEvent;
  return call("replies_redraft", { id, request, runId, onEvent: channel });
}

export const repliesRulesGet = (key: string): Promise<BrandRules> => call("replies_rules_get", { key });

/**
 * Saves the client's rules for drafts (a bad value rejects with its `field`: `avoid_words`,
 * `sign_off` or `booking_link`); waiting offline drafts are redrafted under them.
 */
export const repliesRulesSet = (key: string, rules: BrandRules): Promise<BrandRules> =>
  call("replies_rules_set", { key, rules });

/** The saved replies offered for the client: its own and the agency-wide ones. */
export const repliesSavedList = (key: string): Promise<SavedReply[]> => call("replies_saved_list", { key });

/** Adds (no `id`) or changes a saved reply; refusals name `name` or `body`. */
export const repliesSavedSave = (input: SavedReplyInput): Promise<SavedReply> =>
  call("replies_saved_save", { input });

export const repliesSavedDelete = (id: string): Promise<null> => call("replies_saved_delete", { id });

/** The saved reply `savedId` filled in for the queued message `messageId`. */
export const repliesSavedRender = (messageId: string, savedId: string): Promise<string> =>
  call("replies_saved_render", { messageId, savedId });

/** Writes the client's leads (lead score ≥ `minScore`) as a CSV; `openAfter` opens it. */
export const repliesExportLeads = (key: string, minScore: number, path: string, openAfter: boolean): Promise<FileExport> =>
  call("replies_export_leads", { key, minScore, path, openAfter });

/** The native file picker for a CSV of comments or DMs; `null` when the user closes it. */
export async function pickRepliesCsvFile(): Promise<string | null> {
  try {
    return await open({
      title: "Choose a CSV of comments or messages",
      multiple: false,
      directory: false,
      filters: [{ name: "CSV or TSV", extensions: ["csv", "tsv"] }],
    });
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** Puts `text` on the system clipboard (through the Tauri clipboard plugin). */
export async function copyText(text: string): Promise<void> {
  try {
    await writeText(text);
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

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

/**
 * Calls `handler` with each payload of the app event `name` until the returned function is
 * called. Outside Tauri (tests without events) it does nothing.
 */
function onAppEvent<T>(name: string, handler: (payload: T) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  try {
    listen<T>(name, (e) => handler(e.payload)).then(
      (unlisten) => {
        if (stopped) unlisten();
        else stop = unlisten;
      },
      () => undefined,
    );
  } catch {
    // Not running inside Tauri.
  }
  return () => {
    stopped = true;
    stop?.();
  };
}

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
    return await save({ title, defaultPath, filters: [{ name: "Zip archive", extensions: ["zip"] }] });
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
export const homeOverview = (): Promise<import("./bindings").HomeOverview> => call("home_overview");
