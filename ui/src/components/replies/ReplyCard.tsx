import { useState } from "react";
import { repliesSavedRender, toApiError } from "../../api";
import type { ReplyItem, SavedReply } from "../../bindings";
import { formatCount, formatDate, formatDateTime } from "../../format";
import { useRedraftRun, type RedraftRun } from "../../hooks/useRedraftRun";
import { AiRunStatus } from "../AiRunStatus";
import { AiBadge } from "../content/AiBadge";
import { CheckIcon, InfoIcon, RefreshIcon, TrashIcon } from "../Icons";
import { DraftBox } from "./DraftBox";
import { LeadReasons } from "./LeadReasons";
import { LeadScore } from "./LeadScore";
import { SavedRepliesMenu } from "./SavedRepliesMenu";
import {
  authorLabel,
  CHANNEL_LABEL,
  formatReceived,
  INTENT_LABEL,
  INTENT_TONE,
  languageLabel,
  SENTIMENT_LABEL,
  SENTIMENT_TONE,
  truncate,
} from "./repliesFormat";

type Props = {
  item: ReplyItem;
  saved: SavedReply[];
  /** Redraft offline even when an AI provider is set up. */
  offline: boolean;
  /** Marking handled or deleting this message is waiting for the back end. */
  busy: boolean;
  onHandled: (handled: boolean) => void;
  onDelete: () => void;
  /** The message came back with new drafts. */
  onRedrafted: (item: ReplyItem) => void;
  onManageSaved: () => void;
};

/** A saved reply filled in for this message, shown as one more draft. */
type Extra = { key: number; style: string; original: string; text: string };

let nextExtra = 1;

function redraftProgress(run: RedraftRun): string {
  if (run.kind !== "running") return "";
  if (run.cancelling) return "Cancelling…";
  return run.tokens !== null ? `Writing new drafts… ${formatCount(run.tokens)} tokens` : "Writing new drafts…";
}

/** One queued comment or DM: who, what, its triage and lead score, and the drafts to copy. */
export function ReplyCard({ item, saved, offline, busy, onHandled, onDelete, onRedrafted, onManageSaved }: Props) {
  const t = item.triage;
  // Edits are local to the screen and belong to the drafts they were made on.
  const draftsKey = item.drafts.map((d) => d.text).join("\u0001");
  const [edits, setEdits] = useState<{ key: string; texts: Record<number, string> }>({ key: draftsKey, texts: {} });
  const texts = edits.key === draftsKey ? edits.texts : {};
  const [extras, setExtras] = useState<Extra[]>([]);
  const [rendering, setRendering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { run, start, cancel, dismiss } = useRedraftRun((r) => {
    setNote(r.note);
    onRedrafted(r.item);
  });
  const redrafting = run.kind === "running";
  const handled = item.handled_at !== null;

  function edit(index: number, text: string | null) {
    const next = { ...texts };
    if (text === null) delete next[index];
    else next[index] = text;
    setEdits({ key: draftsKey, texts: next });
  }

  async function render(s: SavedReply) {
    if (rendering) return;
    setRendering(true);
    setError(null);
    try {
      const text = await repliesSavedRender(item.id, s.id);
      setExtras((list) => [...list, { key: nextExtra++, style: s.name, original: text, text }]);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setRendering(false);
    }
  }

  function redraft() {
    setError(null);
    setNote(null);
    void start(item.id, offline);
  }

  const classes = ["reply-card", handled ? "is-handled" : "", redrafting ? "is-busy" : "", t.urgency === "high" ? "is-urgent" : ""];
  return (
    <article
      className={classes.filter(Boolean).join(" ")}
      data-testid="reply-card"
      data-id={item.id}
      data-intent={t.intent}
      data-lead-score={t.lead_score}
      data-handled={handled}
      aria-label={`${authorLabel(item.author)}: ${truncate(item.text, 60)}`}
      aria-busy={redrafting || undefined}
    >
      <header className="reply-card-head">
        <span className="reply-author selectable" data-testid="reply-author">
          {authorLabel(item.author)}
        </span>
        <span className="chip reply-channel" data-testid="reply-channel">
          {CHANNEL_LABEL[item.channel]}
        </span>
        {item.received_at ? (
          <time className="reply-time" dateTime={item.received_at} title={formatDateTime(item.received_at)} data-testid="reply-time">
            {formatReceived(item.received_at)}
          </time>
        ) : null}
        {handled ? (
          <span className="chip tone-good reply-handled-chip" data-testid="reply-handled-chip">
            <CheckIcon size={11} />
            Handled {formatDate(item.handled_at!)}
          </span>
        ) : null}
        <LeadScore score={t.lead_score} />
      </header>

      <p className="reply-text selectable" data-testid="reply-text">
        {item.text}
      </p>
      {item.post ? (
        <p className="reply-post selectable" title={item.post}>
          On “{truncate(item.post, 80)}”
        </p>
      ) : null}

      <div className="reply-badges">
        <span
          className={`chip ${INTENT_TONE[t.intent]}`}
          data-testid="reply-intent"
          title={t.intent_evidence.length > 0 ? `Because of: ${t.intent_evidence.join(", ")}` : undefined}
        >
          {INTENT_LABEL[t.intent]}
        </span>
        <span className={`chip ${SENTIMENT_TONE[t.sentiment]}`} data-testid="reply-sentiment" title="Sentiment">
          {SENTIMENT_LABEL[t.sentiment]}
        </span>
        <span className="chip tone-muted" data-testid="reply-language" title="Language">
          {languageLabel(t.language)}
        </span>
        {t.urgency === "high" ? (
          <span className="chip tone-danger" data-testid="reply-urgent">
            Urgent
          </span>
        ) : null}
        {item.drafted_by === "ai" ? <AiBadge /> : null}
      </div>

      {t.lead_reasons.length > 0 ? <LeadReasons score={t.lead_score} reasons={t.lead_reasons} /> : null}

      <div className="reply-drafts" aria-label="Reply drafts">
        {item.drafts.length === 0 ? (
          <p className="reply-no-reply" data-testid="reply-no-reply">
            <InfoIcon size={14} />
            No reply needed — hide or report it in Instagram.
          </p>
        ) : (
          item.drafts.map((d, i) => (
            <DraftBox
              key={`${draftsKey}-${i}`}
              style={d.style}
              text={texts[i] ?? d.text}
              edited={texts[i] !== undefined && texts[i] !== d.text}
              onChange={(text) => edit(i, text)}
              onReset={() => edit(i, null)}
            />
          ))
        )}
        {extras.map((x) => (
          <DraftBox
            key={`saved-${x.key}`}
            style={x.style}
            text={x.text}
            saved
            edited={x.text !== x.original}
            onChange={(text) => setExtras((list) => list.map((e) => (e.key === x.key ? { ...e, text } : e)))}
            onReset={() => setExtras((list) => list.map((e) => (e.key === x.key ? { ...e, text: e.original } : e)))}
            onRemove={() => setExtras((list) => list.filter((e) => e.key !== x.key))}
          />
        ))}
      </div>

      <AiRunStatus
        run={run}
        progress={redraftProgress(run)}
        testId="reply-redraft"
        cancelledText="Cancelled — the drafts are unchanged."
        onCancel={() => void cancel()}
        onDismiss={dismiss}
      />
      {note ? (
        <p className="reply-card-note" data-testid="reply-redraft-note">
          <InfoIcon size={13} />
          <span className="selectable">{note}</span>
        </p>
      ) : null}
      {error ? (
        <p className="content-card-error" role="alert" data-testid="reply-error">
          {error}
        </p>
      ) : null}

      <div className="reply-card-actions">
        <button
          type="button"
          className={handled ? "btn btn-sm reply-handled is-on" : "btn btn-sm reply-handled"}
          data-testid="reply-handled"
          aria-pressed={handled}
          disabled={busy || redrafting}
          title={handled ? "Put it back in the queue" : "You replied in Instagram: take it out of the queue"}
          onClick={() => onHandled(!handled)}
        >
          <CheckIcon size={13} />
          {handled ? "Handled" : "Mark handled"}
        </button>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          data-testid="reply-redraft"
          disabled={busy || redrafting}
          title={offline ? "Write other drafts offline" : "Write other drafts (by AI when it is set up)"}
          onClick={redraft}
        >
          <RefreshIcon size={13} />
          Redraft
        </button>
        <SavedRepliesMenu
          saved={saved}
          intent={t.intent}
          disabled={busy || rendering}
          onPick={(s) => void render(s)}
          onManage={onManageSaved}
        />
        <button
          type="button"
          className="btn btn-sm btn-danger-ghost reply-delete"
          data-testid="reply-delete"
          disabled={busy || redrafting}
          onClick={onDelete}
        >
          <TrashIcon size={13} />
          Delete
        </button>
      </div>
    </article>
  );
}
