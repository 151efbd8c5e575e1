import type { NotAssessed } from "../../bindings";
import { AuditSection } from "./AuditSection";

/** What the data could not answer, and why: the limits of this audit. */
export function NotAssessedList({ items }: { items: readonly NotAssessed[] }) {
  return (
    <AuditSection
      title="Not assessed"
      subtitle="What this audit could not measure from the imported data, and why."
      testId="audit-not-assessed"
    >
      <ul className="not-assessed">
        {items.map((n) => (
          <li key={n.key} className="not-assessed-item" data-testid="audit-not-assessed-item">
            <span className="not-assessed-what">{n.what}</span>
            <span className="not-assessed-why selectable">{n.why}</span>
          </li>
        ))}
      </ul>
    </AuditSection>
  );
}
