import type { AuditDocument } from "../../bindings";
import { AlertIcon, SparkleIcon } from "../Icons";
import { paragraphs } from "./auditFormat";
import { AuditSection } from "./AuditSection";

/** The executive summary, who wrote it, and the priorities in order. */
export function AuditNarrative({ doc }: { doc: AuditDocument }) {
  const n = doc.narrative;
  const byAi = n.source === "ai";
  return (
    <AuditSection
      title="Summary"
      testId="audit-narrative"
      aside={
        <span className={byAi ? "chip chip-ai" : "chip"} data-testid="audit-narrative-source">
          {byAi ? <SparkleIcon size={11} /> : null}
          {byAi ? `Written by ${n.model ?? "the AI provider"}` : "Written offline"}
        </span>
      }
    >
      <div className="audit-narrative">
        <div className="audit-summary selectable" data-testid="audit-summary">
          {paragraphs(n.summary).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        {n.recommendations.length > 0 ? (
          <div className="audit-priorities">
            <h4 className="audit-subheading">Priorities</h4>
            <ol className="audit-numbered selectable">
              {n.recommendations.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ol>
          </div>
        ) : null}
        {doc.narrative_note ? (
          <p className="audit-narrative-note" data-testid="audit-narrative-note">
            <AlertIcon size={14} />
            <span className="selectable">{doc.narrative_note}</span>
          </p>
        ) : null}
        {byAi ? (
          <p className="audit-narrative-fine">Every number in the summary comes from the measurements below, not from AI.</p>
        ) : null}
      </div>
    </AuditSection>
  );
}
