import type { AuditChanges, MetricChange } from "../../bindings";
import { formatDate } from "../../format";
import { ArrowDownIcon, ArrowUpIcon } from "../Icons";
import { formatMetric } from "./auditFormat";

type Direction = "up" | "down" | "same" | "unknown";

function directionOf(m: MetricChange): Direction {
  if (m.before === null || m.after === null) return "unknown";
  // Compare what is shown: percentages to a tenth of a point, the rest to whole numbers.
  const round = (v: number) => (m.unit === "percent" ? Math.round(v * 1000) : Math.round(v));
  const a = round(m.before);
  const b = round(m.after);
  return b > a ? "up" : b < a ? "down" : "same";
}

function toneOf(m: MetricChange, d: Direction): string {
  if (d === "up") return m.higher_is_better ? "is-better" : "is-worse";
  if (d === "down") return m.higher_is_better ? "is-worse" : "is-better";
  return "is-same";
}

/** What moved since the client's previous audit: the headline numbers and the findings. */
export function AuditChangesCard({ changes }: { changes: AuditChanges }) {
  return (
    <section className="changes-card" data-testid="audit-changes" aria-labelledby="audit-changes-title">
      <header className="changes-head">
        <h3 id="audit-changes-title" className="audit-section-title">
          Since the last audit
        </h3>
        <span className="changes-since">
          <time dateTime={changes.previous_created_at}>{formatDate(changes.previous_created_at)}</time>
        </span>
      </header>
      <ul className="changes-metrics">
        {changes.metrics.map((m) => {
          const d = directionOf(m);
          const better = toneOf(m, d);
          return (
            <li key={m.key} className={`change ${better}`} data-testid="audit-change" data-key={m.key} data-direction={d}>
              <span className="change-name">{m.name}</span>
              <span className="change-values">
                <span className="change-before">{formatMetric(m.before, m.unit)}</span>
                <span className="change-arrow">{" → "}</span>
                <span className="change-after">{formatMetric(m.after, m.unit)}</span>
                {d === "up" ? (
                  <ArrowUpIcon size={13} className="change-icon" />
                ) : d === "down" ? (
                  <ArrowDownIcon size={13} className="change-icon" />
                ) : (
                  <span className="change-icon" />
                )}
                <span className="visually-hidden">{d === "up" ? " (up)" : d === "down" ? " (down)" : ""}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {changes.resolved_findings.length > 0 || changes.new_findings.length > 0 ? (
        <div className="changes-findings">
          {changes.resolved_findings.length > 0 ? (
            <div>
              <h4 className="audit-subheading">Resolved</h4>
              <ul className="changes-list">
                {changes.resolved_findings.map((t) => (
                  <li key={t} className="changes-resolved" data-testid="audit-resolved-finding">
                    {t}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {changes.new_findings.length > 0 ? (
            <div>
              <h4 className="audit-subheading">New</h4>
              <ul className="changes-list">
                {changes.new_findings.map((t) => (
                  <li key={t} className="changes-new" data-testid="audit-new-finding">
                    {t}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
