import type { AuditSummary } from "../../bindings";
import { formatCount, formatDateTime } from "../../format";
import { AuditSection } from "./AuditSection";
import { formatPercent, riskLabel } from "./auditFormat";

type Props = {
  audits: readonly AuditSummary[];
  /** The audit on screen. */
  currentId: string;
  /** The audit being opened, if any. */
  openingId: string | null;
  onOpen: (id: string) => void;
};

/** Every audit of the client, newest first; a row opens that audit. */
export function AuditHistory({ audits, currentId, openingId, onOpen }: Props) {
  return (
    <AuditSection
      title="Audit history"
      subtitle={audits.length === 1 ? "The first audit of this client." : "Open an earlier audit to see or export it again."}
      testId="audit-history-section"
    >
      <div className="table-wrap">
        <table className="data-table audit-table history-table" data-testid="audit-history">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Content score
              </th>
              <th scope="col">Risk</th>
              <th scope="col" className="num">
                Engagement rate
              </th>
              <th scope="col" className="num">
                Posts
              </th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {audits.map((a, i) => {
              const current = a.id === currentId;
              return (
                <tr
                  key={a.id}
                  className={current ? "history-row is-current" : "history-row"}
                  data-testid="audit-history-row"
                  data-id={a.id}
                  aria-current={current ? "true" : undefined}
                  onClick={() => {
                    if (!current) onOpen(a.id);
                  }}
                >
                  <td className="nowrap">
                    <button type="button" className="history-open" disabled={openingId !== null && openingId !== a.id}>
                      <time dateTime={a.created_at}>{formatDateTime(a.created_at)}</time>
                    </button>
                    {i === 0 ? <span className="chip history-latest">Latest</span> : null}
                    {openingId === a.id ? <span className="spinner history-spinner" aria-label="Opening" /> : null}
                  </td>
                  <td className="num">{formatCount(a.content_score)}</td>
                  <td className="nowrap">
                    <span className={`risk-dot risk-${a.risk_level}`} aria-hidden="true" />
                    {riskLabel(a.risk_level)} · {formatCount(a.risk_score)}
                  </td>
                  <td className="num">{formatPercent(a.engagement_rate)}</td>
                  <td className="num">{formatCount(a.posts_analysed)}</td>
                  <td className="muted">{a.narrative_source === "ai" ? "AI" : "Offline"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </AuditSection>
  );
}
