// The only module that talks to the Rust back end. Every function rejects with an ApiError.
import { invoke } from "@tauri-apps/api/core";
import type {
  ApiError,
  AppInfo,
  Client,
  ClientPatch,
  ClientQuery,
  ErrorCode,
  NewClient,
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
