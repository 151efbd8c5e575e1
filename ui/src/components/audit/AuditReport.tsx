import type { AuditDocument } from "../../bindings";
import { AuditChangesCard } from "./AuditChangesCard";
import { AuditNarrative } from "./AuditNarrative";
import { AuditScoreCards } from "./AuditScoreCards";
import { BestTimesHeatmap } from "./BestTimesHeatmap";
import { ContentScoreTable } from "./ContentScoreTable";
import { EngagementCharts } from "./EngagementCharts";
import { FindingsList } from "./FindingsList";
import { NotAssessedList } from "./NotAssessedList";
import { RoadmapView } from "./RoadmapView";
import { SignalsTable } from "./SignalsTable";

/** One audit on screen, in the order of the PDF: headline, summary, findings, the detail, the plan. */
export function AuditReport({ doc }: { doc: AuditDocument }) {
  return (
    <div className="audit-report" data-testid="audit-report" data-id={doc.id}>
      <AuditScoreCards doc={doc} />
      {doc.changes ? <AuditChangesCard changes={doc.changes} /> : null}
      <AuditNarrative doc={doc} />
      <FindingsList findings={doc.findings} />
      <EngagementCharts doc={doc} />
      <ContentScoreTable score={doc.content_score} />
      <SignalsTable risk={doc.shadowban_risk} />
      <BestTimesHeatmap times={doc.best_times} />
      <RoadmapView roadmap={doc.roadmap} />
      {doc.not_assessed.length > 0 ? <NotAssessedList items={doc.not_assessed} /> : null}
    </div>
  );
}
