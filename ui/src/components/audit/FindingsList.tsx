import type { Finding, Severity } from "../../bindings";
import { plural } from "../../format";
import { AuditSection } from "./AuditSection";
import { SEVERITY_LABEL } from "./auditFormat";

const SEVERITY_TONE: Record<Severity, string> = {
  critical: "tone-danger",
  major: "tone-warning",
  minor: "tone-info",
  strength: "tone-good",
};

/** The findings that matter most, highest impact first; strengths in green. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  return (
    <AuditSection
      title="Findings"
      subtitle="What matters most for this account, the biggest expected effect first."
      testId="audit-findings"
    >
      {findings.length === 0 ? (
        <p className="audit-none">Nothing stood out: there is too little data, or nothing needs fixing.</p>
      ) : (
        <ol className="finding-list">
          {findings.map((f) => (
            <li
              key={f.key}
              className={f.severity === "strength" ? "finding is-strength" : `finding is-${f.severity}`}
              data-testid="audit-finding"
              data-severity={f.severity}
            >
              <div className="finding-head">
                <span className={`chip ${SEVERITY_TONE[f.severity]}`} data-testid="audit-finding-severity">
                  {SEVERITY_LABEL[f.severity]}
                </span>
                <h4 className="finding-title selectable">{f.title}</h4>
                {f.posts.length > 0 ? <span className="finding-posts">{plural(f.posts.length, "post")}</span> : null}
              </div>
              {f.evidence.length > 0 ? (
                <ul className="finding-evidence selectable">
                  {f.evidence.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              ) : null}
              {f.recommendation ? (
                <div className="finding-todo">
                  <span className="finding-todo-label">What to do</span>
                  <p className="selectable">{f.recommendation}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </AuditSection>
  );
}
