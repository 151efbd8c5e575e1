import type { ImportOutcome } from "../bindings";
import { formatCount, formatDateRange, plural } from "../format";
import { KIND_LABEL, POST_KINDS, SOURCE_LABEL, isPostKind, kindColor } from "../kinds";
import { CheckCircleIcon, CloseIcon } from "./Icons";
import "./ImportSummary.css";

/** Up to this many warnings are listed open; more fold into a disclosure. */
const OPEN_WARNINGS = 3;

type Props = {
  outcome: ImportOutcome;
  onDismiss: () => void;
};

/** What an import or a manual save changed. */
export function ImportSummary({ outcome: o, onDismiss }: Props) {
  const manual = o.source === "manual";
  const kinds = POST_KINDS.map((k) => ({ kind: k, n: o.by_kind[k] ?? 0 })).filter((k) => k.n > 0);
  // Kinds the back end may add later still show, with their raw name.
  const others = Object.entries(o.by_kind).filter(([k, n]) => !isPostKind(k) && n > 0);
  const range = formatDateRange(o.first_post_at, o.last_post_at);
  const nothingNew =
    o.posts_added === 0 && o.posts_updated === 0 && o.follower_snapshots === 0 && o.dm_threads === 0;

  const warningItems = o.warnings.map((w, i) => (
    <li key={i} className="selectable" data-testid="summary-warning">
      {w}
    </li>
  ));

  return (
    <section className="import-summary" data-testid="import-summary" aria-labelledby="import-summary-title" role="status">
      <header className="import-summary-head">
        <span className="import-summary-icon" aria-hidden="true">
          <CheckCircleIcon size={18} />
        </span>
        <div className="import-summary-heading">
          <h3 id="import-summary-title" className="import-summary-title">
            {manual ? "Manual entry saved" : `Imported from ${SOURCE_LABEL[o.source]}`}
          </h3>
          <p className="import-summary-sub">
            {range ? (
              <>
                Posts from <span data-testid="summary-range">{range}</span>
              </>
            ) : (
              "No posts in this import."
            )}
            {nothingNew ? (
              <span className="import-summary-same" data-testid="summary-nothing-new">
                {" "}
                Nothing new: all of it was already here.
              </span>
            ) : null}
          </p>
        </div>
        <button type="button" className="icon-btn" aria-label="Dismiss summary" data-testid="import-summary-dismiss" onClick={onDismiss}>
          <CloseIcon size={14} />
        </button>
      </header>

      <dl className="summary-grid">
        <SummaryStat label="Posts added" value={o.posts_added} testId="summary-added" />
        <SummaryStat label="Posts updated" value={o.posts_updated} testId="summary-updated" />
        <SummaryStat label="With insights" value={o.with_insights} testId="summary-insights" />
        {manual ? null : <SummaryStat label="DM threads" value={o.dm_threads} testId="summary-threads" />}
        <SummaryStat label="Follower snapshots" value={o.follower_snapshots} testId="summary-snapshots" />
        {manual ? null : <SummaryStat label="Skipped" value={o.skipped} testId="summary-skipped" muted={o.skipped === 0} />}
      </dl>

      {kinds.length > 0 || others.length > 0 ? (
        <ul className="summary-kinds" aria-label="Added or updated posts by format">
          {kinds.map(({ kind, n }) => (
            <li key={kind} className="summary-kind" data-testid={`summary-kind-${kind}`}>
              <span className="kind-dot" style={{ background: kindColor(kind) }} aria-hidden="true" />
              {KIND_LABEL[kind]} <strong>{formatCount(n)}</strong>
            </li>
          ))}
          {others.map(([kind, n]) => (
            <li key={kind} className="summary-kind" data-testid={`summary-kind-${kind}`}>
              {kind} <strong>{formatCount(n)}</strong>
            </li>
          ))}
        </ul>
      ) : null}

      {o.warnings.length > 0 ? (
        <div className="summary-warnings" data-testid="summary-warnings">
          {o.warnings.length <= OPEN_WARNINGS ? (
            <>
              <p className="summary-warnings-title">{plural(o.warnings.length, "warning")}</p>
              <ul className="summary-warning-list">{warningItems}</ul>
            </>
          ) : (
            <details>
              <summary className="summary-warnings-title">
                {plural(o.warnings.length, "warning")}: things in the files that were not used
              </summary>
              <ul className="summary-warning-list">{warningItems}</ul>
            </details>
          )}
        </div>
      ) : null}
    </section>
  );
}

type StatProps = { label: string; value: number; testId: string; muted?: boolean };

function SummaryStat({ label, value, testId, muted }: StatProps) {
  return (
    <div className="summary-stat">
      <dt>{label}</dt>
      <dd data-testid={testId} className={muted ? "muted" : undefined}>
        {formatCount(value)}
      </dd>
    </div>
  );
}
