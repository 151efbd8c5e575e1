import { useEffect, useState, type RefObject } from "react";
import { getClient, listClients, listTags } from "../api";
import type { ApiError, ArchivedFilter, Client } from "../bindings";
import { DEFAULT_FILTERS, toQuery, type ListFilters } from "../filters";
import { shortcutLabel } from "../format";
import { useDebouncedValue } from "../hooks/useDebouncedValue";
import { ClientRow } from "./ClientRow";
import { ClientsEmpty, ClientsNoMatch } from "./EmptyStates";
import { HomePanel } from "./home/HomePanel";
import { PlusIcon, SearchIcon } from "./Icons";
import { SegmentedControl, type Segment } from "./SegmentedControl";
import "./ClientList.css";

export const SEARCH_DEBOUNCE_MS = 150;

const ARCHIVE_SEGMENTS: readonly Segment<ArchivedFilter>[] = [
  { value: "active", label: "Active", testId: "archived-filter-active" },
  { value: "archived", label: "Archived", testId: "archived-filter-archived" },
  { value: "all", label: "All", testId: "archived-filter-all" },
];

type Props = {
  filters: ListFilters;
  onFiltersChange: (filters: ListFilters) => void;
  /** Bumped after any change to the clients, to load the list again. */
  revision: number;
  /** A client to draw attention to (just created). */
  highlightId: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen: (client: Client) => void;
  onNew: () => void;
  onError: (error: ApiError) => void;
  /** Called after each successful load. */
  onLoaded: () => void;
};

/** What was found for the current filters; `archivedOnly` counts clients hidden as archived. */
type Loaded = { rows: Client[]; archivedOnly: number; archived: ArchivedFilter };

export function ClientList(props: Props) {
  const { filters, onFiltersChange, revision, highlightId, searchRef, onError, onLoaded } = props;
  const search = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  /** Why the last load failed, while it stays failed. */
  const [failed, setFailed] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);
  const [tags, setTags] = useState<string[]>([]);

  useEffect(() => {
    let stale = false;
    const query = toQuery(search, filters.tag, filters.archived);
    (async () => {
      const rows = await listClients(query);
      let archivedOnly = 0;
      // An empty default view may still hide archived clients: tell "none yet" from "none active".
      if (rows.length === 0 && query.search === null && query.tag === null && query.archived === "active") {
        archivedOnly = (await listClients({ search: null, tag: null, archived: "archived" })).length;
      }
      if (stale) return;
      setLoaded({ rows, archivedOnly, archived: query.archived });
      setFailed(null);
      onLoaded();
    })().catch((err: ApiError) => {
      if (stale) return;
      // Rows from another query would be misleading: say the list could not be loaded.
      setLoaded(null);
      setFailed(err.message);
      onError(err);
    });
    return () => {
      stale = true;
    };
    // The callbacks are not inputs to the query: only these reload.
  }, [search, filters.tag, filters.archived, revision, retries]);

  useEffect(() => {
    let stale = false;
    listTags().then(
      (t) => !stale && setTags(t),
      (err: ApiError) => !stale && onError(err),
    );
    return () => {
      stale = true;
    };
  }, [revision]);

  useEffect(() => {
    if (!highlightId) return;
    document
      .querySelector(`[data-client-id="${CSS.escape(highlightId)}"]`)
      ?.scrollIntoView?.({ block: "nearest" });
  }, [highlightId, loaded]);

  const set = (patch: Partial<ListFilters>) => onFiltersChange({ ...filters, ...patch });
  const tagOptions = filters.tag !== "" && !tags.includes(filters.tag) ? [...tags, filters.tag] : tags;
  const rows = loaded?.rows ?? [];
  const searchOrTag = filters.search.trim() !== "" || filters.tag !== "";

  let body;
  if (failed !== null) {
    body = (
      <div className="empty-state" data-testid="clients-failed">
        <h2 className="empty-state-title">Clients could not be loaded</h2>
        <p className="empty-state-text selectable">{failed}</p>
        <button type="button" className="btn" onClick={() => setRetries((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  } else if (loaded === null) {
    body = <div className="client-list-loading" aria-busy="true" />;
  } else if (rows.length > 0) {
    body = (
      <ul className="client-rows" aria-label="Clients">
        {rows.map((c) => (
          <li key={c.id}>
            <ClientRow client={c} highlighted={c.id === highlightId} onOpen={props.onOpen} />
          </li>
        ))}
      </ul>
    );
  } else if (!searchOrTag && filters.archived === "active" && loaded.archivedOnly > 0) {
    body = (
      <ClientsNoMatch
        title="No active clients"
        text={`All ${loaded.archivedOnly} ${loaded.archivedOnly === 1 ? "client is" : "clients are"} archived.`}
        actionLabel="Show archived"
        onAction={() => set({ archived: "archived" })}
      />
    );
  } else if (!searchOrTag && filters.archived === "archived") {
    body = (
      <ClientsNoMatch
        title="No archived clients"
        text="Archiving a client hides it from the active list and keeps all of its data."
        actionLabel="Show active"
        onAction={() => set({ archived: "active" })}
      />
    );
  } else if (!searchOrTag) {
    body = <ClientsEmpty onNew={props.onNew} />;
  } else {
    body = (
      <ClientsNoMatch
        title="No clients match"
        text={describeFilters(filters)}
        actionLabel="Clear filters"
        onAction={() => onFiltersChange(DEFAULT_FILTERS)}
      />
    );
  }

  return (
    <section className="client-list" aria-labelledby="clients-heading">
      <header className="page-header">
        <div>
          <h1 id="clients-heading" className="page-title">
            Clients
          </h1>
          <p className="page-subtitle" aria-live="polite">
            {loaded === null ? "\u00a0" : countLabel(rows.length, loaded.archived)}
          </p>
        </div>
        <button type="button" className="btn btn-primary" data-testid="new-client" onClick={props.onNew}>
          <PlusIcon size={15} />
          New client
          <kbd aria-hidden="true">{shortcutLabel("N")}</kbd>
        </button>
      </header>

      <HomePanel
        revision={revision}
        onOpen={(id) => {
          const shown = rows.find((c) => c.id === id);
          if (shown) props.onOpen(shown);
          else getClient(id).then(props.onOpen, onError);
        }}
      />

      <div className="client-toolbar">
        <label className="search-field">
          <span className="visually-hidden">Search clients</span>
          <SearchIcon size={15} className="search-icon" />
          <input
            ref={searchRef}
            type="search"
            className="input search-input"
            placeholder="Search name or @handle"
            data-testid="client-search"
            value={filters.search}
            onChange={(e) => set({ search: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Escape" && filters.search !== "") {
                e.preventDefault();
                set({ search: "" });
              }
            }}
            spellCheck={false}
            autoComplete="off"
          />
          <kbd className="search-kbd" aria-hidden="true">
            {shortcutLabel("K")}
          </kbd>
        </label>

        <label className="tag-field">
          <span className="visually-hidden">Filter by tag</span>
          <select
            className="select"
            data-testid="tag-filter"
            value={filters.tag}
            onChange={(e) => set({ tag: e.target.value })}
          >
            <option value="">All tags</option>
            {tagOptions.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>

        <SegmentedControl
          label="Show clients"
          segments={ARCHIVE_SEGMENTS}
          value={filters.archived}
          onChange={(archived) => set({ archived })}
        />
      </div>

      <div className="client-list-body">{body}</div>
    </section>
  );
}

function countLabel(n: number, archived: ArchivedFilter): string {
  const noun = n === 1 ? "client" : "clients";
  if (archived === "active") return `${n} active ${noun}`;
  if (archived === "archived") return `${n} archived ${noun}`;
  return `${n} ${noun}`;
}

function describeFilters(f: ListFilters): string {
  const parts: string[] = [];
  if (f.search.trim() !== "") parts.push(`“${f.search.trim()}”`);
  if (f.tag !== "") parts.push(`tag ${f.tag}`);
  const scope = f.archived === "archived" ? "archived clients" : f.archived === "all" ? "clients" : "active clients";
  return `No ${scope} found for ${parts.join(" and ")}. Try a different search or clear the filters.`;
}
