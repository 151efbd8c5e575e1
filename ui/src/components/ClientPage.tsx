import { useEffect, useState, type KeyboardEvent } from "react";
import { archiveClient, deleteClient, getClient, unarchiveClient } from "../api";
import type { ApiError, Client, ClientExport } from "../bindings";
import { formatDateTime, plural } from "../format";
import { AuditTab } from "./audit/AuditTab";
import { ContentTab } from "./content/ContentTab";
import { PlanTab } from "./plan/PlanTab";
import { RepliesTab } from "./replies/RepliesTab";
import { Avatar } from "./Avatar";
import { ClientData } from "./ClientData";
import { ClientExportButton } from "./ClientExportButton";
import { ConfirmDeleteDialog } from "./ConfirmDeleteDialog";
import { ArchiveIcon, ArrowLeftIcon, PencilIcon, RestoreIcon, TrashIcon } from "./Icons";
import { TagChips } from "./TagChips";
import "./ClientPage.css";

type Tab = "profile" | "data" | "audit" | "content" | "plan" | "replies";
// Data first: importing and the dashboard are what a client page is opened for most.
const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: "data", label: "Data" },
  { value: "profile", label: "Profile" },
  { value: "audit", label: "Audit" },
  { value: "content", label: "Content" },
  { value: "plan", label: "Plan" },
  { value: "replies", label: "Replies" },
];

type Props = {
  clientId: string;
  /** Bumped after an edit, to load the client again. */
  revision: number;
  onBack: () => void;
  onEdit: (client: Client) => void;
  /** After archive or unarchive. */
  onChanged: (client: Client) => void;
  onDeleted: (client: Client) => void;
  onError: (error: ApiError) => void;
};

export function ClientPage({ clientId, revision, onBack, onEdit, onChanged, onDeleted, onError }: Props) {
  const [client, setClient] = useState<Client | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [exported, setExported] = useState<ClientExport | null>(null);
  const [tab, setTab] = useState<Tab>("data");
  // The audit, content, plan and replies tabs load when first opened, then stay mounted so a
  // running audit or draft keeps going and the calendar keeps its view; another client starts
  // afresh.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(new Set());
  useEffect(() => {
    setOpened((o) => (o.has(tab) ? o : new Set(o).add(tab)));
  }, [tab]);
  useEffect(() => setOpened(new Set()), [clientId]);
  const mounted = (t: Tab) => opened.has(t) || tab === t;

  useEffect(() => {
    let stale = false;
    setFailed(false);
    getClient(clientId).then(
      (c) => !stale && setClient(c),
      (err: ApiError) => {
        if (stale) return;
        setFailed(true);
        onError(err);
      },
    );
    return () => {
      stale = true;
    };
    // Reload when the client or its revision changes, not when a callback does.
  }, [clientId, revision]);

  async function toggleArchived(c: Client) {
    setBusy(true);
    try {
      const updated = await (c.archived ? unarchiveClient(c.id) : archiveClient(c.id));
      setClient(updated);
      onChanged(updated);
    } catch (err) {
      onError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  async function remove(c: Client) {
    try {
      const deleted = await deleteClient(c.id);
      setConfirming(false);
      onDeleted(deleted);
    } catch (err) {
      setConfirming(false);
      onError(err as ApiError);
    }
  }

  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const i = TABS.findIndex((t) => t.value === tab);
    const next = TABS[(i + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length].value;
    setTab(next);
    document.getElementById(`client-tab-${next}`)?.focus();
  }

  const back = (
    <button type="button" className="back-link" data-testid="client-back" onClick={onBack}>
      <ArrowLeftIcon size={14} />
      Clients
    </button>
  );

  if (client === null || client.id !== clientId) {
    return (
      <section className="client-page" data-testid="client-page" aria-busy={!failed}>
        {back}
        {failed ? <p className="client-page-missing">This client could not be loaded.</p> : null}
      </section>
    );
  }

  return (
    <section className="client-page" data-testid="client-page" aria-labelledby="client-title">
      {back}

      <header className="client-page-header">
        <Avatar name={client.name} seed={client.handle} large />
        <div className="client-page-heading">
          <div className="client-page-title-row">
            <h1 id="client-title" className="page-title selectable" data-testid="client-title">
              {client.name}
            </h1>
            {client.archived ? (
              <span className="badge badge-archived" data-testid="client-archived-badge">
                Archived
              </span>
            ) : null}
          </div>
          <p className="client-page-handle selectable">
            <span data-testid="client-handle">@{client.handle}</span>
            {client.niche ? <span className="client-page-niche"> · {client.niche}</span> : null}
          </p>
        </div>

        <div className="client-page-actions">
          <button type="button" className="btn" data-testid="client-edit" disabled={busy} onClick={() => onEdit(client)}>
            <PencilIcon size={14} />
            Edit
          </button>
          {client.archived ? (
            <button
              type="button"
              className="btn"
              data-testid="client-unarchive"
              disabled={busy}
              onClick={() => void toggleArchived(client)}
            >
              <RestoreIcon size={14} />
              Unarchive
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              data-testid="client-archive"
              disabled={busy}
              onClick={() => void toggleArchived(client)}
            >
              <ArchiveIcon size={14} />
              Archive
            </button>
          )}
          <ClientExportButton
            client={client}
            disabled={busy}
            onDone={(done) => setExported(done)}
            onError={onError}
          />
          <button
            type="button"
            className="btn btn-danger-ghost"
            data-testid="client-delete"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            <TrashIcon size={14} />
            Delete
          </button>
        </div>
      </header>

      {exported ? (
        <p className="client-page-notice selectable" role="status" data-testid="client-export-done">
          Exported to {exported.path}: {plural(exported.tables.reduce((n, [, rows]) => n + rows, 0), "record")} from{" "}
          {plural(exported.tables.length, "table")}.{" "}
          <button type="button" className="link-btn" onClick={() => setExported(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
      {client.archived ? (
        <p className="client-page-notice">
          Archived {client.archived_at ? formatDateTime(client.archived_at) : ""}. It is hidden from the
          active list; unarchive it to bring it back.
        </p>
      ) : null}

      <div className="client-tabs" role="tablist" aria-label="Client sections" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.value}
            type="button"
            role="tab"
            id={`client-tab-${t.value}`}
            className="client-tab"
            aria-selected={tab === t.value}
            aria-controls={`client-panel-${t.value}`}
            tabIndex={tab === t.value ? 0 : -1}
            data-testid={`client-tab-${t.value}`}
            onClick={() => setTab(t.value)}
          >
            {t.label}
          </button>
        ))}
      </div>

      {/* Kept mounted while hidden, so an import keeps its progress across tabs. */}
      <div
        role="tabpanel"
        id="client-panel-data"
        aria-labelledby="client-tab-data"
        className="client-panel"
        hidden={tab !== "data"}
      >
        <ClientData key={client.id} client={client} onError={onError} onDragEnter={() => setTab("data")} />
      </div>

      <div
        role="tabpanel"
        id="client-panel-profile"
        aria-labelledby="client-tab-profile"
        className="client-panel"
        hidden={tab !== "profile"}
      >
        <div className="client-page-grid">
          <div className="client-page-main">
            <Detail label="Goals" value={client.goals} testId="client-goals" />
            <Detail label="Audience" value={client.audience} testId="client-audience" />
            <Detail label="Brand voice" value={client.brand_voice} testId="client-brand-voice" />
            <Detail label="Notes" value={client.notes} testId="client-notes" />
          </div>

          <aside className="client-page-side" aria-label="Details">
            <dl className="meta-list">
              <div>
                <dt>Niche</dt>
                <dd data-testid="client-niche">{client.niche || <span className="muted">Not set</span>}</dd>
              </div>
              <div>
                <dt>Tags</dt>
                <dd data-testid="client-tags">
                  {client.tags.length > 0 ? <TagChips tags={client.tags} /> : <span className="muted">No tags</span>}
                </dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd data-testid="client-status">{client.archived ? "Archived" : "Active"}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>
                  <time dateTime={client.created_at} data-testid="client-created">
                    {formatDateTime(client.created_at)}
                  </time>
                </dd>
              </div>
              <div>
                <dt>Updated</dt>
                <dd>
                  <time dateTime={client.updated_at} data-testid="client-updated">
                    {formatDateTime(client.updated_at)}
                  </time>
                </dd>
              </div>
            </dl>
          </aside>
        </div>
      </div>

      <div
        role="tabpanel"
        id="client-panel-audit"
        aria-labelledby="client-tab-audit"
        className="client-panel"
        hidden={tab !== "audit"}
      >
        {mounted("audit") ? <AuditTab key={client.id} client={client} onError={onError} /> : null}
      </div>

      <div
        role="tabpanel"
        id="client-panel-content"
        aria-labelledby="client-tab-content"
        className="client-panel"
        hidden={tab !== "content"}
      >
        {mounted("content") ? <ContentTab key={client.id} client={client} onError={onError} /> : null}
      </div>

      <div
        role="tabpanel"
        id="client-panel-plan"
        aria-labelledby="client-tab-plan"
        className="client-panel"
        hidden={tab !== "plan"}
      >
        {mounted("plan") ? <PlanTab key={client.id} client={client} onError={onError} /> : null}
      </div>

      <div
        role="tabpanel"
        id="client-panel-replies"
        aria-labelledby="client-tab-replies"
        className="client-panel"
        hidden={tab !== "replies"}
      >
        {mounted("replies") ? <RepliesTab key={client.id} client={client} onError={onError} /> : null}
      </div>

      {confirming ? (
        <ConfirmDeleteDialog client={client} onCancel={() => setConfirming(false)} onConfirm={() => remove(client)} />
      ) : null}
    </section>
  );
}

function Detail({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <section className="detail">
      <h2 className="detail-label">{label}</h2>
      {value ? (
        <p className="detail-value selectable" data-testid={testId}>
          {value}
        </p>
      ) : (
        <p className="detail-value muted" data-testid={testId}>
          Nothing yet
        </p>
      )}
    </section>
  );
}
