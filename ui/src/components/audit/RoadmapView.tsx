import type { Roadmap } from "../../bindings";
import { AuditSection } from "./AuditSection";
import { formatDayRange, formatKpi } from "./auditFormat";

/** The 30-day plan: four weeks of numbered actions, then the KPIs to watch. */
export function RoadmapView({ roadmap }: { roadmap: Roadmap }) {
  return (
    <AuditSection
      title="30-day roadmap"
      subtitle="The actions in order of priority, week by week, from the findings above."
      testId="audit-roadmap"
    >
      <ol className="roadmap-weeks">
        {roadmap.weeks.map((w) => (
          <li key={w.week} className="roadmap-week" data-testid="audit-roadmap-week">
            <div className="roadmap-week-head">
              <span className="roadmap-week-number">Week {w.week}</span>
              <span className="roadmap-week-dates">{formatDayRange(w.start, w.end)}</span>
            </div>
            <h4 className="roadmap-focus selectable">{w.focus}</h4>
            <ol className="audit-numbered roadmap-actions selectable">
              {w.actions.map((a, i) => (
                <li key={i}>{a.text}</li>
              ))}
            </ol>
          </li>
        ))}
      </ol>

      {roadmap.kpis.length > 0 ? (
        <div className="roadmap-kpis">
          <h4 className="audit-minor-title">KPIs to watch</h4>
          <div className="table-wrap">
            <table className="data-table audit-table">
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col" className="num">
                    Now
                  </th>
                  <th scope="col" className="num">
                    Target in 30 days
                  </th>
                </tr>
              </thead>
              <tbody>
                {roadmap.kpis.map((k) => (
                  <tr key={k.name} data-testid="audit-kpi">
                    <td className="strong">{k.name}</td>
                    <td className="num">{formatKpi(k.baseline, k.unit)}</td>
                    <td className="num kpi-target">{formatKpi(k.target, k.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </AuditSection>
  );
}
