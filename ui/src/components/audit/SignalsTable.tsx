import { Fragment, useState } from "react";
import type { Risk, Signal } from "../../bindings";
import { formatCount, plural } from "../../format";
import { ChevronRightIcon, InfoIcon } from "../Icons";
import { AuditSection } from "./AuditSection";
import { RISK_LABEL } from "./auditFormat";
import { HelpLink } from "../help/HelpLink";

type Status = "flagged" | "ok" | "unmeasured";

function statusOf(s: Signal): Status {
  if (s.value === null) return "unmeasured";
  return s.triggered ? "flagged" : "ok";
}

const STATUS_LABEL: Record<Status, string> = { flagged: "Flagged", ok: "OK", unmeasured: "Not measured" };
const STATUS_TONE: Record<Status, string> = { flagged: "tone-warning", ok: "tone-good", unmeasured: "tone-muted" };

/** The signals behind the reach-restriction estimate; a row opens its explanation. */
export function SignalsTable({ risk }: { risk: Risk }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const flagged = risk.signals.filter((s) => s.triggered).length;

  function toggle(key: string) {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  return (
    <AuditSection
      title="Reach-restriction signals"
      subtitle={`Estimated risk ${RISK_LABEL[risk.level].toLowerCase()}, ${formatCount(risk.score)} of 100 · ${
        flagged === 0 ? "no signal flagged" : `${plural(flagged, "signal")} flagged`
      }`}
      testId="audit-signals"
      aside={<HelpLink article="shadowban-risk">What this means</HelpLink>}
    >
      <div className="table-wrap">
        <table className="data-table audit-table signals-table">
          <thead>
            <tr>
              <th scope="col">Signal</th>
              <th scope="col">Measured</th>
              <th scope="col">Threshold</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {risk.signals.map((s) => {
              const status = statusOf(s);
              const expanded = open.has(s.key);
              const detailId = `signal-detail-${s.key}`;
              return (
                <Fragment key={s.key}>
                  <tr
                    className={expanded ? "signal-row is-open" : "signal-row"}
                    data-testid="audit-signal"
                    data-key={s.key}
                    data-status={status}
                    onClick={() => toggle(s.key)}
                  >
                    <td className="strong">
                      <button
                        type="button"
                        className="signal-toggle"
                        aria-expanded={expanded}
                        aria-controls={detailId}
                      >
                        <ChevronRightIcon size={13} className="signal-chevron" />
                        {s.name}
                      </button>
                    </td>
                    <td className={status === "unmeasured" ? "muted" : "nowrap"}>{s.value_text}</td>
                    <td className="audit-threshold">{s.threshold_text}</td>
                    <td className="num">{formatCount(s.weight)}</td>
                    <td>
                      <span className={`chip ${STATUS_TONE[status]}`}>{STATUS_LABEL[status]}</span>
                    </td>
                  </tr>
                  {expanded ? (
                    <tr className="signal-detail-row" id={detailId}>
                      <td colSpan={5}>
                        <div className="signal-detail" data-testid="audit-signal-detail">
                          <p className="selectable">{s.explanation}</p>
                          <p className="signal-posts">
                            {s.posts.length > 0
                              ? `Seen in ${plural(s.posts.length, "post")}.`
                              : status === "unmeasured"
                                ? "Could not be measured from the imported data."
                                : "No post shows it."}
                          </p>
                        </div>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="audit-note" data-testid="audit-risk-note">
        <InfoIcon size={14} />
        <span className="selectable">{risk.note}</span>
      </p>
    </AuditSection>
  );
}
