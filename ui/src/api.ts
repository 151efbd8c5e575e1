// The Rust back end's commands for clients, imports, AI, audits, content, plans and replies (the
// workspace's own are in apiWorkspace.ts, re-exported here). Every function rejects with an
// ApiError (see ipc.ts, the only module that calls invoke).
import { Channel } from "@tauri-apps/api/core";
import { writeText } from "@tauri-apps/plugin-clipboard-manager";
import { open, save } from "@tauri-apps/plugin-dialog";
import { withExtension } from "./savePath";
import type {
  AddOutcome,
  AddRequest,
  AiEvent,
  AiStatus,
  AppInfo,
  AuditDocument,
  AuditSummary,
  BrandRules,
  Branding,
  Client,
  ClientDashboard,
  ClientPatch,
  ClientQuery,
  ConnectionTest,
  ContentDraft,
  ContentQuery,
  ContentRequest,
  FileExport,
  ImportOutcome,
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
  UsageReport,
  UsageTotals,
} from "./bindings";
import { asSentence, call, toApiError } from "./ipc";

export { isApiError, onLicenseRefusal, toApiError } from "./ipc";
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
    return withExtension(await save({ title, defaultPath, filters: [{ name: "PDF", extensions: ["pdf"] }] }), "pdf");
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** The native save dialog for a CSV, suggesting `defaultPath`; `null` when the user closes it. */
export async function pickCsvSavePath(defaultPath: string, title = "Export as CSV"): Promise<string | null> {
  try {
    return withExtension(await save({ title, defaultPath, filters: [{ name: "CSV", extensions: ["csv"] }] }), "csv");
  } catch (err) {
    throw asSentence(toApiError(err));
  }
}

/** The native save dialog for a calendar file (.ics), suggesting `defaultPath`; `null` when closed. */
export async function pickIcsSavePath(defaultPath: string, title = "Export as a calendar file"): Promise<string | null> {
  try {
    return withExtension(
      await save({ title, defaultPath, filters: [{ name: "Calendar (iCalendar)", extensions: ["ics"] }] }),
      "ics",
    );
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

export * from "./apiWorkspace";
