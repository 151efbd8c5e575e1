import type { CSSProperties } from "react";
import type { BestTimes } from "../../bindings";
import { plural } from "../../format";
import { AuditSection } from "./AuditSection";
import { formatBestTime, formatHour, WEEKDAY_LONG, WEEKDAY_SHORT } from "./auditFormat";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Mean engagement by weekday and hour: a 7 × 24 grid, darker where posts did better. */
export function BestTimesHeatmap({ times }: { times: BestTimes }) {
  const values = times.cells.flat().filter((v): v is number => v !== null);
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 0;
  const heat = (v: number) => (max > min ? 0.18 + (0.82 * (v - min)) / (max - min) : 0.6);

  return (
    <AuditSection
      title="Best times to post"
      subtitle={`Mean ${times.measure} by weekday and hour (${times.time_zone}), from ${plural(times.sample_size, "post")}.`}
      testId="audit-best-times"
    >
      {times.sample_size === 0 ? (
        <p className="audit-none">No posts with engagement yet: the best times appear after an import with insights.</p>
      ) : (
        <div className="heatmap-card">
          <div className="heatmap-scroll">
            <div className="heatmap" data-testid="audit-heatmap" role="table" aria-label={`Mean ${times.measure} by weekday and hour`}>
              <div className="heatmap-row heatmap-hours" role="row">
                <span className="heatmap-corner" role="columnheader" aria-label="Weekday" />
                {HOURS.map((h) => (
                  <span key={h} className="heatmap-hour" role="columnheader" aria-label={formatHour(h)}>
                    {h % 3 === 0 ? String(h).padStart(2, "0") : ""}
                  </span>
                ))}
              </div>
              {WEEKDAY_SHORT.map((day, d) => (
                <div key={day} className="heatmap-row" role="row" data-testid="audit-heatmap-row">
                  <span className="heatmap-day" role="rowheader" aria-label={WEEKDAY_LONG[d]}>
                    {day}
                  </span>
                  {HOURS.map((h) => {
                    const v = times.cells[d]?.[h] ?? null;
                    const n = times.counts[d]?.[h] ?? 0;
                    const title =
                      v === null
                        ? `${day} ${formatHour(h)} — no posts`
                        : `${day} ${formatHour(h)} — ${formatBestTime(v, times.measure)} over ${plural(n, "post")}`;
                    return (
                      <span
                        key={h}
                        role="cell"
                        className={v === null ? "heatmap-cell is-empty" : "heatmap-cell"}
                        data-testid="audit-heatmap-cell"
                        data-weekday={d}
                        data-hour={h}
                        title={title}
                        aria-label={title}
                        style={v === null ? undefined : ({ "--heat": heat(v).toFixed(3) } as CSSProperties)}
                      />
                    );
                  })}
                </div>
              ))}
            </div>
          </div>
          <div className="heatmap-foot">
            <span className="heatmap-scale" aria-hidden="true">
              <span>Lower</span>
              <span className="heatmap-scale-bar" />
              <span>Higher</span>
            </span>
            <span className="heatmap-empty-key">
              <span className="heatmap-cell is-empty" aria-hidden="true" />
              No posts
            </span>
          </div>
          {times.top.length > 0 ? (
            <div className="heatmap-top">
              <h4 className="audit-subheading">Best slots</h4>
              <ol className="top-slots">
                {times.top.map((s, i) => (
                  <li key={`${s.weekday}-${s.hour}`} className="top-slot" data-testid="audit-top-slot">
                    <span className="top-slot-rank">{i + 1}</span>
                    <span className="top-slot-when">
                      {WEEKDAY_LONG[s.weekday] ?? s.weekday} {formatHour(s.hour)}
                    </span>
                    <span className="top-slot-value">
                      {formatBestTime(s.rate, times.measure)} over {plural(s.posts, "post")}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </div>
      )}
    </AuditSection>
  );
}
