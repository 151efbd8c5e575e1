import { useEffect, useId, useState } from "react";
import type { PlanItem } from "../../bindings";
import { AlertIcon, CloseIcon } from "../Icons";
import { formatLongDay, formatWeekdayShort, TYPE_MARK, typeLabel } from "./planFormat";

type Props = {
  item: PlanItem;
  /** The plan's days, the choices to move to. */
  dates: string[];
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onDone: (done: boolean) => void;
  onMove: (date: string) => void;
};

/** The side panel of one item: everything to produce it, done, and moving it to another day. */
export function ItemDetail({ item, dates, busy, error, onClose, onDone, onMove }: Props) {
  const id = useId();
  const [target, setTarget] = useState(item.date);
  // A new item, or this one moved: the choice starts at its day again.
  useEffect(() => setTarget(item.date), [item.id, item.date]);

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
            {item.time_source === "default" ? (
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
