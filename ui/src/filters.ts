import type { ArchivedFilter, Client, ClientQuery } from "./bindings";
import { normalizeHandle } from "./validation";

/** What the client list is filtered by; `search` is the raw text in the search box. */
export type ListFilters = { search: string; tag: string; archived: ArchivedFilter };

export const DEFAULT_FILTERS: ListFilters = { search: "", tag: "", archived: "active" };

export function toQuery(search: string, tag: string, archived: ArchivedFilter): ClientQuery {
  const s = search.trim();
  return { search: s === "" ? null : s, tag: tag === "" ? null : tag, archived };
}

export function hasFilters(f: ListFilters): boolean {
  return f.search.trim() !== "" || f.tag !== "" || f.archived !== DEFAULT_FILTERS.archived;
}

/** Whether the list, filtered by `f`, would show `client` (the back end's rules). */
export function matchesFilters(client: Client, f: ListFilters): boolean {
  const search = normalizeHandle(f.search);
  if (search !== "") {
    const inName = client.name.toLowerCase().includes(search);
    const inHandle = client.handle.includes(search);
    if (!inName && !inHandle) return false;
  }
  if (f.tag !== "" && !client.tags.includes(f.tag)) return false;
  if (f.archived === "active" && client.archived) return false;
  if (f.archived === "archived" && !client.archived) return false;
  return true;
}
