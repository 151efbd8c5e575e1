import { useEffect, useId, useState, type FormEvent } from "react";
import { contentList } from "../../api";
import type { ApiError, ItemType, Kind, LibraryItem, PlanItem, PlanItemPatch } from "../../bindings";
import { KIND_SINGULAR, mainText } from "../content/contentFormat";
import { parseHashtags } from "../content/ItemEditor";
import { AlertIcon, CloseIcon } from "../Icons";
import { formatLongDay, formatWeekdayShort, TYPE_MARK, typeLabel } from "./planFormat";

/** The library kinds an item of each type can be linked to: feed posts take any. */
const LINKABLE: Record<ItemType, readonly Kind[]> = {
  reel: ["reels", "hooks", "captions", "hashtags"],
  carousel: ["reels", "hooks", "captions", "hashtags"],
  image: ["reels", "hooks", "captions", "hashtags"],
  story: ["hooks", "captions"],
  engagement: [],
};

type EditField = "time" | "topic" | "hook" | "brief" | "hashtags";
type Draft = Record<EditField, string>;

function draftOf(item: PlanItem): Draft {
  return { time: item.time, topic: item.topic, hook: item.hook, brief: item.brief, hashtags: item.hashtags.join(" ") };
}

/** What the draft changes of the item, and nothing else. */
export function changedFields(item: PlanItem, d: Draft): Partial<PlanItemPatch> {
  const patch: Partial<PlanItemPatch> = {};
  if (d.time.trim() !== item.time) patch.time = d.time.trim();
  if (d.topic.trim() !== item.topic) patch.topic = d.topic.trim();
  if (d.hook.trim() !== item.hook) patch.hook = d.hook.trim();
  if (d.brief.trim() !== item.brief) patch.brief = d.brief.trim();
  const tags = parseHashtags(d.hashtags);
  if (tags.join(" ") !== item.hashtags.join(" ")) patch.hashtags = tags;
  return patch;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

type Props = {
  item: PlanItem;
  /** The plan's client: its library is what items link to. */
  clientId: string;
  /** The plan's days, the choices to move to. */
  dates: string[];
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onDone: (done: boolean) => void;
  onMove: (date: string) => void;
  /** Saves an edit or a link; answers the refusal, or null. */
  onUpdate: (patch: Partial<PlanItemPatch>) => Promise<ApiError | null>;
};

/** The side panel of one item: everything to produce it, done, and moving it to another day. */
export function ItemDetail({ item, clientId, dates, busy, error, onClose, onDone, onMove, onUpdate }: Props) {
  const id = useId();
  const [target, setTarget] = useState(item.date);
  // A new item, or this one moved: the choice starts at its day again.
  useEffect(() => setTarget(item.date), [item.id, item.date]);

  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const [errors, setErrors] = useState<Partial<Record<EditField | "content_item_id", string>>>({});
  const [linkChoice, setLinkChoice] = useState("");
  // Another item: out of editing, no errors, no link chosen.
  useEffect(() => {
    setEditing(false);
    setErrors({});
    setLinkChoice("");
  }, [item.id]);

  const [library, setLibrary] = useState<LibraryItem[] | null>(null);
  const [libraryFailed, setLibraryFailed] = useState(false);
  useEffect(() => {
    let stale = false;
    setLibraryFailed(false);
    contentList(clientId, { kind: null, search: null, favourites_only: false, include_used: true, tag: null }).then(
      (list) => !stale && setLibrary(list),
      () => !stale && setLibraryFailed(true),
    );
    return () => {
      stale = true;
    };
  }, [clientId]);

  function startEditing() {
    setDraft(draftOf(item));
    setErrors({});
    setEditing(true);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const patch = changedFields(item, draft);
    if (Object.keys(patch).length === 0) {
      setEditing(false);
      return;
    }
    setErrors({});
    const refused = await onUpdate(patch);
    if (refused === null) setEditing(false);
    else if (refused.field) setErrors({ [refused.field]: refused.message });
  }

  async function link(contentItemId: string) {
    if (busy) return;
    setErrors((e) => ({ ...e, content_item_id: undefined }));
    const refused = await onUpdate({ content_item_id: contentItemId });
    if (refused === null) setLinkChoice("");
    else if (refused.field === "content_item_id") setErrors((e) => ({ ...e, content_item_id: refused.message }));
  }

  const fieldError = (field: EditField | "content_item_id") =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error" data-testid={`error-${field}`}>
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: EditField) => (errors[field] ? `${id}-${field}-error` : undefined);
  const set = (field: EditField) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value }));

  const linked = item.content_item_id ? (library?.find((e) => e.id === item.content_item_id) ?? null) : null;
  const linkable = (library ?? []).filter((e) => LINKABLE[item.type].includes(e.kind));

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape") onClose();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <aside className={`plan-detail type-${item.type}`} data-testid="plan-item-detail" data-id={item.id} aria-labelledby={`${id}-title`}>
      <header className="plan-detail-head">
        <span className="plan-detail-type" data-testid="plan-item-detail-type">
          <span className="plan-chip-mark" aria-hidden="true">
            {TYPE_MARK[item.type]}
          </span>
          {typeLabel(item.type)}
        </span>
        <button type="button" className="icon-btn" data-testid="plan-item-close" aria-label="Close the details" onClick={onClose}>
          <CloseIcon size={14} />
        </button>
      </header>

      {editing ? (
        <form className="plan-edit-form" data-testid="plan-item-edit-form" onSubmit={(e) => void save(e)} noValidate>
          <h3 id={`${id}-title`} className="visually-hidden">
            Edit {item.topic}
          </h3>
          <div className="field">
            <label htmlFor={`${id}-time`} className="field-label">
              Time
            </label>
            <input
              id={`${id}-time`}
              type="time"
              className="input"
              data-testid="plan-item-edit-time"
              value={draft.time}
              aria-invalid={errors.time ? true : undefined}
              aria-describedby={describedBy("time")}
              onChange={set("time")}
            />
            {fieldError("time")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-topic`} className="field-label">
              Topic
            </label>
            <input
              id={`${id}-topic`}
              className="input"
              data-testid="plan-item-edit-topic"
              value={draft.topic}
              aria-invalid={errors.topic ? true : undefined}
              aria-describedby={describedBy("topic")}
              onChange={set("topic")}
            />
            {fieldError("topic")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-hook`} className="field-label">
              Hook
            </label>
            <input
              id={`${id}-hook`}
              className="input"
              data-testid="plan-item-edit-hook"
              value={draft.hook}
              aria-invalid={errors.hook ? true : undefined}
              aria-describedby={describedBy("hook")}
              onChange={set("hook")}
            />
            {fieldError("hook")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-brief`} className="field-label">
              {item.type === "story" || item.type === "engagement" ? "What to do" : "Caption brief"}
            </label>
            <textarea
              id={`${id}-brief`}
              className="input textarea"
              rows={4}
              data-testid="plan-item-edit-brief"
              value={draft.brief}
              aria-invalid={errors.brief ? true : undefined}
              aria-describedby={describedBy("brief")}
              onChange={set("brief")}
            />
            {fieldError("brief")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-hashtags`} className="field-label">
              Hashtags <span className="muted">(space-separated, at most 5)</span>
            </label>
            <input
              id={`${id}-hashtags`}
              className="input"
              data-testid="plan-item-edit-hashtags"
              value={draft.hashtags}
              aria-invalid={errors.hashtags ? true : undefined}
              aria-describedby={describedBy("hashtags")}
              onChange={set("hashtags")}
            />
            {fieldError("hashtags")}
          </div>
          <div className="plan-edit-actions">
            <button type="button" className="btn btn-sm" data-testid="plan-item-edit-cancel" disabled={busy} onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-sm btn-primary" data-testid="plan-item-edit-save" disabled={busy}>
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              Save
            </button>
          </div>
        </form>
      ) : (
        <>
        <h3 id={`${id}-title`} className="plan-detail-topic selectable" data-testid="plan-item-detail-topic">
          {item.topic}
        </h3>

        <dl className="plan-detail-meta">
          <div>
            <dt>Date</dt>
            <dd data-testid="plan-item-detail-date">{formatLongDay(item.date)}</dd>
          </div>
          <div>
            <dt>Time</dt>
            <dd data-testid="plan-item-detail-time">
              {item.time}
              {item.time_source === "manual" ? (
                <span className="chip tone-muted plan-manual-time" data-testid="plan-item-manual-time" title="Set by hand.">
                  manual time
                </span>
              ) : item.time_source === "default" ? (
                <span
                  className="chip tone-muted plan-default-time"
                  data-testid="plan-item-default-time"
                  title="No audit with best times yet: this is a default posting time."
                >
                  default time
                </span>
              ) : (
                <span className="plan-detail-source">from the audit’s best times</span>
              )}
            </dd>
          </div>
          {item.pillar ? (
            <div>
              <dt>Pillar</dt>
              <dd data-testid="plan-item-detail-pillar">{item.pillar}</dd>
            </div>
          ) : null}
        </dl>

        {item.hook ? (
          <section className="plan-detail-block">
            <h4 className="audit-subheading">Hook</h4>
            <p className="selectable" data-testid="plan-item-detail-hook">
              {item.hook}
            </p>
          </section>
        ) : null}

        {item.brief ? (
          <section className="plan-detail-block">
            <h4 className="audit-subheading">{item.type === "story" || item.type === "engagement" ? "What to do" : "Caption brief"}</h4>
            <p className="selectable plan-detail-brief" data-testid="plan-item-detail-brief">
              {item.brief}
            </p>
          </section>
        ) : null}

        {item.hashtags.length > 0 ? (
          <section className="plan-detail-block">
            <h4 className="audit-subheading">Hashtags</h4>
            <ul className="chip-list" data-testid="plan-item-detail-hashtags">
              {item.hashtags.map((tag) => (
                <li key={tag} className="chip selectable" data-testid="plan-item-hashtag">
                  {tag}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
          <div className="plan-edit-row">
            <button type="button" className="btn btn-sm" data-testid="plan-item-edit" disabled={busy} onClick={startEditing}>
              Edit
            </button>
          </div>
        </>
      )}

      <section className="plan-detail-block plan-detail-link" data-testid="plan-item-linked-content">
        <h4 className="audit-subheading">Linked content</h4>
        {item.content_item_id ? (
          <div className="plan-detail-linked">
            <p className="selectable" data-testid="plan-item-linked">
              {linked ? (
                <>
                  <span className="chip">{KIND_SINGULAR[linked.kind]}</span> {mainText(linked.item)}
                </>
              ) : library === null && !libraryFailed ? (
                <span className="muted">Loading…</span>
              ) : (
                <span className="muted">A library item that is no longer in the library.</span>
              )}
            </p>
            <button
              type="button"
              className="btn btn-sm"
              data-testid="plan-item-unlink"
              disabled={busy}
              onClick={() => void link("")}
            >
              Unlink
            </button>
          </div>
        ) : libraryFailed ? (
          <p className="muted">The content library could not be loaded.</p>
        ) : library === null ? (
          <p className="muted">
            <span className="spinner" aria-hidden="true" /> Loading the library…
          </p>
        ) : linkable.length === 0 ? (
          <p className="muted" data-testid="plan-item-link-empty">
            {LINKABLE[item.type].length === 0
              ? "Engagement tasks don’t take library content."
              : "No library items of a kind that fits. Save some from the Content tab."}
          </p>
        ) : (
          <div className="plan-detail-move-row">
            <select
              aria-label="Library item to link"
              className="select"
              data-testid="plan-item-link"
              value={linkChoice}
              disabled={busy}
              onChange={(e) => setLinkChoice(e.target.value)}
            >
              <option value="">Choose a library item…</option>
              {linkable.map((e) => (
                <option key={e.id} value={e.id}>
                  {KIND_SINGULAR[e.kind]}: {truncate(mainText(e.item), 60)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn-sm"
              data-testid="plan-item-link-go"
              disabled={busy || linkChoice === ""}
              onClick={() => void link(linkChoice)}
            >
              Link
            </button>
          </div>
        )}
        {fieldError("content_item_id")}
      </section>

      <div className="plan-detail-actions">
        <label className="check plan-detail-done">
          <input
            type="checkbox"
            data-testid="plan-item-done"
            checked={item.done}
            disabled={busy}
            onChange={(e) => onDone(e.target.checked)}
          />
          <span>Done</span>
        </label>

        <div className="plan-detail-move">
          <label htmlFor={`${id}-move`} className="field-label">
            Move to
          </label>
          <div className="plan-detail-move-row">
            <select
              id={`${id}-move`}
              className="select"
              data-testid="plan-item-move"
              value={target}
              disabled={busy}
              onChange={(e) => setTarget(e.target.value)}
            >
              {dates.map((d) => (
                <option key={d} value={d}>
                  {formatWeekdayShort(d)}
                  {d === item.date ? " (current)" : ""}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn-sm"
              data-testid="plan-item-move-go"
              disabled={busy || target === item.date}
              onClick={() => onMove(target)}
            >
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              Move
            </button>
          </div>
        </div>
      </div>

      {error ? (
        <div className="audit-run-message is-error" role="alert" data-testid="plan-item-error">
          <AlertIcon size={15} />
          <p className="selectable">{error}</p>
        </div>
      ) : null}
    </aside>
  );
}
