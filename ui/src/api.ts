// The only module that talks to the Rust back end. Every function rejects with an ApiError.
import { Channel, invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import type {
  ApiError,
  AppInfo,
  Client,
  ClientDashboard,
  ClientPatch,
  ClientQuery,
  ErrorCode,
  ImportOutcome,
  ManualEntry,
  NewClient,
  Progress,
} from "./bindings";

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

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (err) {
    throw asSentence(toApiError(err));
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
