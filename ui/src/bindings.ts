// Generated from the Rust types by `cargo test -p instagrowth-api bindings`.
// Do not edit: change the Rust type and run it with UPDATE_BINDINGS=1.

export type Client = { 
/**
 * UUID v4.
 */
id: string, name: string, 
/**
 * Instagram username, lower-case, without the leading `@`.
 */
handle: string, niche: string, goals: string, audience: string, brand_voice: string, 
/**
 * Sorted, unique.
 */
tags: Array<string>, notes: string, 
/**
 * RFC 3339, UTC.
 */
created_at: string, 
/**
 * RFC 3339, UTC.
 */
updated_at: string, 
/**
 * RFC 3339, UTC; `null` while the client is active.
 */
archived_at: string | null, archived: boolean, };

export type NewClient = { name: string, 
/**
 * With or without the leading `@`; any case.
 */
handle: string, niche: string, goals: string, audience: string, brand_voice: string, tags: Array<string>, notes: string, };

export type ClientPatch = { name?: string | null, handle?: string | null, niche?: string | null, goals?: string | null, audience?: string | null, brand_voice?: string | null, tags?: Array<string> | null, notes?: string | null, };

export type ClientQuery = { 
/**
 * Matches anywhere in the name or handle, case-insensitively; a leading `@` is ignored.
 */
search?: string | null, 
/**
 * Only clients carrying this tag.
 */
tag?: string | null, archived: ArchivedFilter, };

export type ArchivedFilter = "active" | "archived" | "all";

export type ErrorCode = "invalid_input" | "duplicate_handle" | "not_found" | "schema_too_new" | "data_dir" | "database" | "internal";

export type ApiError = { code: ErrorCode, 
/**
 * One line a user can act on.
 */
message: string, 
/**
 * The form field the error belongs to, for inline validation.
 */
field: string | null, };

export type AppInfo = { version: string, 
/**
 * The workspace folder in use; `null` when none could be resolved.
 */
data_dir: string | null, 
/**
 * The newest database schema this version knows.
 */
schema_version: number, };
