import type { AuditDocument, PeriodStat } from "../../bindings";
import { formatCount, plural } from "../../format";
import { isPostKind, KIND_LABEL, kindColor } from "../../kinds";
import { RateBarsChart } from "../charts/RateBarsChart";
import { RateChart } from "../charts/RateChart";
import "../charts/Charts.css";
import { formatPercent } from "./auditFormat";
import { AuditSection } from "./AuditSection";

function formatName(format: string): string {
  return isPostKind(format) ? `${KIND_LABEL[format]}s` : format.charAt(0).toUpperCase() + format.slice(1);
}

/** "Median reach per post: 1,950, against 2,150 the 30 days before." */
function reachNote(last: PeriodStat, previous: PeriodStat): string | undefined {
  if (last.median_reach === null) return undefined;
  const before = previous.median_reach !== null ? `, against ${formatCount(previous.median_reach)} the 30 days before` : "";
  return `Median reach per post: ${formatCount(last.median_reach)}${before}.`;
}

/** "18 % lower than the 30 days before" from a relative change (−0.18). */
function changeText(change: number | null): string {
  if (change === null) return "Not enough posts in both periods to compare";
  const size = Math.round(Math.abs(change) * 100);
  if (size === 0) return "About the same as the 30 days before";
  return `${size} % ${change < 0 ? "lower" : "higher"} than the 30 days before`;
}

/** Engagement over time, by format, and the last 30 days against the 30 before. */
export function EngagementCharts({ doc }: { doc: AuditDocument }) {
  const e = doc.engagement;
  const b = doc.tier_benchmark;
  return (
    <AuditSection
      title="Engagement"
      subtitle={
        doc.engagement_rate_by_reach !== null
          ? `${formatPercent(doc.engagement_rate)} by followers · ${formatPercent(doc.engagement_rate_by_reach)} by reach, on average per post`
          : `${formatPercent(doc.engagement_rate)} by followers, on average per post`
      }
      testId="audit-engagement"
    >
      <div className="chart-grid">
        <RateChart
          timeline={e.timeline}
          reference={b ? { value: b.median, label: `Median for ${b.tier} followers` } : null}
        />
        <RateBarsChart
          title="Engagement rate by format"
          subtitle="Which formats this audience answers most"
          testId="audit-chart-formats"
          rows={e.by_format.map((f) => ({
            key: f.format,
            label: formatName(f.format),
            value: f.engagement_rate,
            detail: plural(f.posts, "post"),
            color: isPostKind(f.format) ? kindColor(f.format) : "var(--accent)",
          }))}
        />
        <RateBarsChart
          title="Last 30 days"
          subtitle={changeText(e.change)}
          testId="audit-chart-periods"
          note={reachNote(e.last_30_days, e.previous_30_days)}
          rows={[
            {
              key: "last_30_days",
              label: "Last 30 days",
              value: e.last_30_days.engagement_rate,
              detail: plural(e.last_30_days.posts, "post"),
              color: "var(--accent)",
            },
            {
              key: "previous_30_days",
              label: "30 days before",
              value: e.previous_30_days.engagement_rate,
              detail: plural(e.previous_30_days.posts, "post"),
              color: "var(--chart-line)",
            },
          ]}
        />
      </div>
    </AuditSection>
  );
}
