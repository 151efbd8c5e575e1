import { useEffect, useMemo, useState } from "react";
import { contentDelete, contentList, contentMarkUsed, contentUpdate, toApiError } from "../../api";
import type { ApiError, Client, LibraryItem } from "../../bindings";
import { todayDay } from "../../format";
import { useDebouncedValue } from "../../hooks/useDebouncedValue";
import { SEARCH_DEBOUNCE_MS } from "../ClientList";
import { Dialog } from "../Dialog";
import { BookmarkIcon } from "../Icons";
import { ExportButtons } from "./ExportButtons";
import { ItemEditor } from "./ItemEditor";
import { KIND_LABEL, KIND_SINGULAR, mainText } from "./contentFormat";
import { DEFAULT_LIBRARY_FILTERS, hasFilters, LibraryFilters, toContentQuery, type LibraryFilterValues } from "./LibraryFilters";
import { LibraryRow } from "./LibraryRow";
import { LoadFailed } from "../LoadFailed";

type Props = {
  client: Client;
  /** Bumped after an item was saved from a draft, to load the list again. */
  revision: number;
  onError: (error: ApiError) => void;
};

/** The client's saved content: filter, favourite, mark used, edit, delete and export. */
export function LibraryView({ client, revision, onError }: Props) {
  const [filters, setFilters] = useState<LibraryFilterValues>(DEFAULT_LIBRARY_FILTERS);
  const search = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  const tag = useDebouncedValue(filters.tag, SEARCH_DEBOUNCE_MS);
  const query = useMemo(() => toContentQuery(filters, search, tag), [filters.kind, filters.favourites, filters.showUsed, search, tag]);
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [editing, setEditing] = useState<LibraryItem | null>(null);
  const [deleting, setDeleting] = useState<LibraryItem | null>(null);
  const [knownTags, setKnownTags] = useState<string[]>([]);

  useEffect(() => {
    let stale = false;
    contentList(client.id, query).then(
      (rows) => {
        if (stale) return;
        setItems(rows);
        setFailed(null);
        setKnownTags((known) => [...new Set([...known, ...rows.flatMap((r) => r.tags)])].sort());
      },
      (err) => {
        if (stale) return;
        setItems(null);
        setFailed(toApiError(err).message);
      },
    );
    return () => {
      stale = true;
    };
  }, [client.id, query, revision, retries]);

  const replace = (entry: LibraryItem) => setItems((rows) => rows?.map((r) => (r.id === entry.id ? entry : r)) ?? rows);

  async function act(entry: LibraryItem, action: () => Promise<LibraryItem>) {
    if (busyId) return;
    setBusyId(entry.id);
    try {
      replace(await action());
    } catch (err) {
      onError(toApiError(err));
    } finally {
      setBusyId(null);
    }
  }

  async function remove(entry: LibraryItem) {
    setBusyId(entry.id);
    try {
      await contentDelete(entry.id);
      setItems((rows) => rows?.filter((r) => r.id !== entry.id) ?? rows);
      setDeleting(null);
    } catch (err) {
      setDeleting(null);
      onError(toApiError(err));
    } finally {
      setBusyId(null);
    }
  }

  const kind = filters.kind === "" ? null : filters.kind;
  const shown = items ?? [];

  let body;
  if (failed !== null) {
    body = (
      <LoadFailed what="The library" reason={failed} testId="library-failed" onRetry={() => setRetries((n) => n + 1)} />
    );
  } else if (items === null) {
    body = <div className="audit-loading library-loading" aria-busy="true" aria-label="Loading the library" />;
  } else if (items.length === 0) {
    body = hasFilters(filters) ? (
      <div className="content-empty" data-testid="library-empty" data-filtered="true">
        <div>
          <p className="content-empty-title">Nothing matches these filters</p>
          <p className="content-empty-text">
            {filters.showUsed ? "" : "Used items are hidden; tick “Show used” to see them too. "}
            <button type="button" className="link-btn" onClick={() => setFilters(DEFAULT_LIBRARY_FILTERS)}>
              Clear filters
            </button>
          </p>
        </div>
      </div>
    ) : (
      <div className="content-empty" data-testid="library-empty">
        <span className="audit-empty-icon" aria-hidden="true">
          <BookmarkIcon size={20} />
        </span>
        <div>
          <p className="content-empty-title">No saved content{filters.showUsed ? "" : " to use"} yet</p>
          <p className="content-empty-text">
            Drafts you save with “Save to library” land here, ready to copy, tag and export. Mark an item used once it
            is posted: used items are hidden here and are not suggested again in new drafts.
          </p>
        </div>
      </div>
    );
  } else {
    body = (
      <ul className="library-list" aria-label="Saved content">
        {items.map((entry) => (
          <li key={entry.id}>
            <LibraryRow
              entry={entry}
              busy={busyId === entry.id}
              onFavourite={() =>
                void act(entry, () =>
                  contentUpdate(entry.id, { item: null, topic: null, tags: null, favourite: !entry.favourite }),
                )
              }
              onUsed={(used) => void act(entry, () => contentMarkUsed(entry.id, used, used ? todayDay() : null))}
              onEdit={() => setEditing(entry)}
              onDelete={() => setDeleting(entry)}
            />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="content-library" data-testid="content-library" aria-label="Content library">
      <LibraryFilters values={filters} onChange={setFilters} knownTags={knownTags} />
      <div className="library-bar">
        <p className="library-count" aria-live="polite">
          {items === null
            ? "\u00a0"
            : `${shown.length} ${shown.length === 1 ? "item" : "items"}${kind ? ` · ${KIND_LABEL[kind].toLowerCase()}` : ""}`}
        </p>
        <ExportButtons
          clientId={client.id}
          handle={client.handle}
          kind={kind}
          topic={null}
          items={shown.map((e) => e.item)}
          testIdPrefix="library"
          disabledReason={kind === null ? "Choose a kind to export: a content pack holds one kind" : null}
        />
      </div>
      {body}

      {editing ? (
        <ItemEditor
          entry={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            replace(saved);
            setEditing(null);
          }}
        />
      ) : null}

      {deleting ? (
        <Dialog
          title={`Delete this ${KIND_SINGULAR[deleting.kind]}?`}
          onClose={busyId ? () => undefined : () => setDeleting(null)}
          description={
            <p>
              “<span className="selectable">{truncate(mainText(deleting.item), 120)}</span>” is removed from the library.
              This can’t be undone.
            </p>
          }
        >
          <div className="dialog-actions">
            <button
              type="button"
              className="btn"
              data-testid="library-delete-cancel"
              data-autofocus
              disabled={busyId !== null}
              onClick={() => setDeleting(null)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="library-delete-confirm"
              disabled={busyId !== null}
              onClick={() => void remove(deleting)}
            >
              {busyId ? <span className="spinner" aria-hidden="true" /> : null}
              Delete
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
