import { useEffect, useState } from "react";
import {
  pickRepliesCsvFile,
  repliesClearHandled,
  repliesDelete,
  repliesList,
  repliesSavedList,
  repliesSetHandled,
  toApiError,
} from "../../api";
import type { AddOutcome, AddRequest, ApiError, Client, Intent, ReplyItem, SavedReply } from "../../bindings";
import { plural } from "../../format";
import { useRepliesRun } from "../../hooks/useRepliesRun";
import { Dialog } from "../Dialog";
import { AlertIcon, CheckCircleIcon, CloseIcon, InfoIcon, LockIcon, RefreshIcon, SettingsIcon } from "../Icons";
import { SegmentedControl, type Segment } from "../SegmentedControl";
import { AddMessages, DEFAULT_ADD_VALUES, type AddValues } from "./AddMessages";
import { LeadsView } from "./LeadsView";
import { QueueFilters, DEFAULT_QUEUE_FILTERS, type QueueFilterValues } from "./QueueFilters";
import { RepliesAllDone, RepliesEmpty, RepliesNoMatch } from "./RepliesEmpty";
import { RepliesRunStatus } from "./RepliesRunStatus";
import { ReplyCard } from "./ReplyCard";
import { ReplySettingsDialog } from "./ReplySettingsDialog";
import { authorLabel, INTENT_LABEL, INTENTS, isLead, outcomeSummary, truncate } from "./repliesFormat";
import "../ClientList.css";
import "../ClientDashboard.css";
import "../audit/Audit.css";
import "../content/content.css";
import "./replies.css";
import { HelpLink } from "../help/HelpLink";
import { LoadFailed } from "../LoadFailed";

type View = "queue" | "leads";

const VIEWS: readonly Segment<View>[] = [
  { value: "queue", label: "Queue", testId: "replies-queue-tab" },
  { value: "leads", label: "Leads", testId: "replies-leads-tab" },
];

/** Everything, handled messages included: the filters, counts and leads are worked out here. */
const QUERY = { intent: null, include_handled: true, min_lead_score: null };

type Props = {
  client: Client;
  onError: (error: ApiError) => void;
};

/**
 * The reply assistant: comments and DMs triaged with a lead score and 2–3 drafts each, to copy
 * into Instagram. Nothing is ever sent from here.
 */
export function RepliesTab({ client, onError }: Props) {
  const [view, setView] = useState<View>("queue");
  const [items, setItems] = useState<ReplyItem[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [saved, setSaved] = useState<SavedReply[]>([]);
  const [values, setValues] = useState<AddValues>(DEFAULT_ADD_VALUES);
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [summary, setSummary] = useState<AddOutcome | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  const [filters, setFilters] = useState<QueueFilterValues>(DEFAULT_QUEUE_FILTERS);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ReplyItem | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const { run, start, cancel, dismiss } = useRepliesRun((outcome: AddOutcome, request: AddRequest) => {
    setSummary(outcome);
    if (request.source.kind === "pasted") setValues((v) => ({ ...v, text: "" }));
    // The queue is what matters now: fold the form away (one click brings it back).
    if (outcome.items.length > 0) setCollapsed(true);
    setReload((n) => n + 1);
  });
  const running = run.kind === "running";

  useEffect(() => {
    let stale = false;
    repliesList(client.id, QUERY).then(
      (list) => {
        if (stale) return;
        setItems(list);
        setFailed(null);
      },
      (err) => {
        if (stale) return;
        setFailed(toApiError(err).message);
      },
    );
    return () => {
      stale = true;
    };
  }, [client.id, reload]);

  useEffect(() => {
    let stale = false;
    repliesSavedList(client.id).then(
      (list) => !stale && setSaved(list),
      (err) => !stale && onError(toApiError(err)),
    );
    return () => {
      stale = true;
    };
    // Once per client; the settings dialog keeps the list up to date after.
  }, [client.id]);

  function begin(request: AddRequest) {
    setSummary(null);
    setNotice(null);
    setActionError(null);
    void start(client.id, request);
  }

  function triage() {
    if (running) return;
    if (values.text.trim() === "") {
      setPasteError("Paste at least one comment or message: one per line, or username: text.");
      return;
    }
    setPasteError(null);
    begin({ source: { kind: "pasted", text: values.text, channel: values.channel }, offline: values.offline });
  }

  async function importCsv() {
    if (running) return;
    try {
      const path = await pickRepliesCsvFile();
      // The dialog was closed: nothing to do.
      if (path === null) return;
      setPasteError(null);
      begin({ source: { kind: "csv_file", path, channel: values.channel }, offline: values.offline });
    } catch (err) {
      onError(toApiError(err));
    }
  }

  function loadDms() {
    if (running) return;
    setPasteError(null);
    begin({ source: { kind: "awaiting_dms" }, offline: values.offline });
  }

  const replace = (item: ReplyItem) => setItems((list) => list?.map((x) => (x.id === item.id ? item : x)) ?? list);

  async function setHandled(item: ReplyItem, handled: boolean) {
    if (busyId) return;
    setBusyId(item.id);
    setActionError(null);
    try {
      replace(await repliesSetHandled(item.id, handled));
    } catch (err) {
      setActionError(toApiError(err).message);
    } finally {
      setBusyId(null);
    }
  }

  async function remove(item: ReplyItem) {
    setBusyId(item.id);
    setActionError(null);
    try {
      await repliesDelete(item.id);
      setItems((list) => list?.filter((x) => x.id !== item.id) ?? list);
    } catch (err) {
      setActionError(toApiError(err).message);
    } finally {
      setDeleting(null);
      setBusyId(null);
    }
  }

  async function clearHandled() {
    if (clearing) return;
    setClearing(true);
    setActionError(null);
    try {
      const n = await repliesClearHandled(client.id);
      setItems((list) => list?.filter((x) => x.handled_at === null) ?? list);
      setNotice(`Removed ${plural(n, "handled message")}.`);
    } catch (err) {
      setActionError(toApiError(err).message);
    } finally {
      setClearing(false);
    }
  }

  const all = items ?? [];
  const inView = all.filter((x) => filters.showHandled || x.handled_at === null);
  const counts = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
  for (const x of inView) counts[x.triage.intent] += 1;
  const shown = filters.intent === "" ? inView : inView.filter((x) => x.triage.intent === filters.intent);
  const handledCount = all.filter((x) => x.handled_at !== null).length;
  const waiting = all.length - handledCount;
  const leads = all.filter(isLead);

  let queue;
  if (failed !== null && items === null) {
    queue = (
      <LoadFailed what="The queue" reason={failed} testId="replies-failed" onRetry={() => setReload((n) => n + 1)} />
    );
  } else if (items === null) {
    queue = <div className="audit-loading replies-loading-box" aria-busy="true" aria-label="Loading the queue" />;
  } else if (all.length === 0) {
    queue = <RepliesEmpty clientName={client.name} onLoadDms={loadDms} disabled={running} />;
  } else if (inView.length === 0) {
    queue = <RepliesAllDone onShowHandled={() => setFilters((f) => ({ ...f, showHandled: true }))} />;
  } else if (shown.length === 0 && filters.intent !== "") {
    queue = <RepliesNoMatch label={INTENT_LABEL[filters.intent]} onClear={() => setFilters((f) => ({ ...f, intent: "" }))} />;
  } else {
    queue = (
      <ol className="replies-queue" aria-label="Messages, most important first" data-testid="replies-queue">
        {shown.map((item) => (
          <li key={item.id}>
            <ReplyCard
              item={item}
              saved={saved}
              offline={values.offline}
              busy={busyId === item.id}
              onHandled={(handled) => void setHandled(item, handled)}
              onDelete={() => setDeleting(item)}
              onRedrafted={replace}
              onManageSaved={() => setSettingsOpen(true)}
            />
          </li>
        ))}
      </ol>
    );
  }

  return (
    <div className="replies-tab" data-testid="replies-tab">
      <p className="replies-never-sent" data-testid="replies-never-sent">
        <LockIcon size={14} />
        <span>
          Drafts only — InstaGrowth never sends anything. Copy a reply and send it from Instagram.
        </span>
        <HelpLink article="reply-assistant">How it works</HelpLink>
      </p>

      <div className="replies-tab-bar">
        <SegmentedControl label="Replies view" segments={VIEWS} value={view} onChange={setView} />
        <p className="content-tab-hint">
          {items === null
            ? "\u00a0"
            : view === "queue"
              ? `${plural(waiting, "message")} waiting${handledCount > 0 ? ` · ${handledCount} handled` : ""}`
              : "Messages that look like business, handled ones included."}
        </p>
        <button
          type="button"
          className="btn btn-sm replies-settings-btn"
          data-testid="replies-settings"
          onClick={() => setSettingsOpen(true)}
        >
          <SettingsIcon size={14} />
          Reply settings
        </button>
      </div>

      <div className="replies-view" hidden={view !== "queue"}>
        <AddMessages
          values={values}
          onChange={(next) => {
            setValues(next);
            if (next.text !== values.text) setPasteError(null);
          }}
          onTriage={triage}
          onImportCsv={() => void importCsv()}
          onLoadDms={loadDms}
          running={running}
          error={pasteError}
          collapsible={all.length > 0}
          collapsed={collapsed}
          onToggle={() => setCollapsed((c) => !c)}
        />
        <RepliesRunStatus run={run} onCancel={() => void cancel()} onDismiss={dismiss} />

        {summary ? (
          <div className="replies-summary-wrap">
            <div className="audit-export-outcome replies-summary" role="status" data-testid="replies-summary">
              <CheckCircleIcon size={15} />
              <p>{outcomeSummary(summary)}</p>
              <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setSummary(null)}>
                <CloseIcon size={13} />
              </button>
            </div>
            {summary.notes.length > 0 ? (
              <ul className="content-notes">
                {summary.notes.map((note, i) => (
                  <li key={i} className="content-note" data-testid="replies-note">
                    <InfoIcon size={14} />
                    <span className="selectable">{note}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        {notice ? (
          <div className="audit-run-message" role="status" data-testid="replies-notice">
            <InfoIcon size={15} />
            <p>{notice}</p>
            <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setNotice(null)}>
              <CloseIcon size={13} />
            </button>
          </div>
        ) : null}
        {failed !== null && items !== null ? (
          <div className="audit-run-message is-error" role="alert" data-testid="replies-reload-error">
            <AlertIcon size={15} />
            <p className="selectable">The queue could not be reloaded: {failed}</p>
            <button type="button" className="btn btn-sm" onClick={() => setReload((n) => n + 1)}>
              <RefreshIcon size={13} />
              Try again
            </button>
          </div>
        ) : null}
        {actionError ? (
          <div className="audit-run-message is-error" role="alert" data-testid="replies-error">
            <AlertIcon size={15} />
            <p className="selectable">{actionError}</p>
            <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setActionError(null)}>
              <CloseIcon size={13} />
            </button>
          </div>
        ) : null}

        {all.length > 0 ? (
          <QueueFilters
            values={filters}
            onChange={setFilters}
            counts={counts}
            total={inView.length}
            handled={handledCount}
            clearing={clearing}
            onClearHandled={() => void clearHandled()}
          />
        ) : null}
        {queue}
      </div>

      <div className="replies-view" hidden={view !== "leads"}>
        {items === null ? null : <LeadsView client={client} leads={leads} />}
      </div>

      {settingsOpen ? (
        <ReplySettingsDialog
          client={client}
          saved={saved}
          onSavedChange={setSaved}
          onRulesSaved={() => setReload((n) => n + 1)}
          onClose={() => setSettingsOpen(false)}
        />
      ) : null}

      {deleting ? (
        <Dialog
          title="Delete this message?"
          onClose={busyId ? () => undefined : () => setDeleting(null)}
          description={
            <p>
              {authorLabel(deleting.author)}: “<span className="selectable">{truncate(deleting.text, 120)}</span>” is
              removed from the queue with its drafts. This can’t be undone.
            </p>
          }
        >
          <div className="dialog-actions">
            <button
              type="button"
              className="btn"
              data-testid="reply-delete-cancel"
              data-autofocus
              disabled={busyId !== null}
              onClick={() => setDeleting(null)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="reply-delete-confirm"
              disabled={busyId !== null}
              onClick={() => void remove(deleting)}
            >
              {busyId ? <span className="spinner" aria-hidden="true" /> : null}
              Delete
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
