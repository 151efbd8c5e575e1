// The one module that calls Tauri's `invoke`: errors become ApiErrors, a licence refusal tells
// the banner, app events are listened to. `api.ts` and `apiWorkspace.ts` wrap the commands.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { ApiError, ErrorCode } from "./bindings";

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
  license_outdated: true,
  workspace_in_use: true,
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
export function asSentence(e: ApiError): ApiError {
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

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (err) {
    const e = asSentence(toApiError(err));
    if (e.code === "license_read_only" || e.code === "plan_limit") licenseRefusalHandlers.forEach((h) => h());
    throw e;
  }
}


/**
 * Calls `handler` with each payload of the app event `name` until the returned function is
 * called. Outside Tauri (tests without events) it does nothing.
 */
export function onAppEvent<T>(name: string, handler: (payload: T) => void): () => void {
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
