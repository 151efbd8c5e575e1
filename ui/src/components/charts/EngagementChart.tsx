import type { CSSProperties } from "react";
import type { PostKind, PostPoint } from "../../bindings";
import { formatCompact, formatCount, formatDateTime, formatDecimal } from "../../format";
import { KIND_LABEL, POST_KINDS, kindColor } from "../../kinds";
import { ChartFrame } from "./ChartFrame";
import { DAY_MS, linear, niceTicks, rollingMean, timeTicks } from "./scale";
import { XAxis } from "./XAxis";
import { YAxis } from "./YAxis";

const HEIGHT = 260;
const M = { top: 12, right: 16, bottom: 28, left: 48 };
/** From this many posts on, a rolling average replaces the line through every point. */
const TREND_FROM = 8;

function trendWindow(n: number): number {
  return Math.max(3, Math.min(30, Math.round(n / 12)));
}

function pointTitle(p: PostPoint): string {
  const base = `${formatDateTime(p.published_at)} · ${KIND_LABEL[p.kind]}`;
  if (!p.has_metrics) return `${base} · no insights`;
  const rate = p.engagement_rate !== null ? ` (${formatDecimal(p.engagement_rate)}% of followers)` : "";
  return `${base} · ${formatCount(p.engagement)} engagement${rate}`;
}

/** Engagement (likes + comments + saves + shares) of each post over time, coloured by format. */
export function EngagementChart({ points }: { points: readonly PostPoint[] }) {
  const data = points
    .map((p) => ({ p, t: Date.parse(p.published_at) }))
    .filter((d) => !Number.isNaN(d.t))
    .sort((a, b) => a.t - b.t);
  const kinds = POST_KINDS.filter((k) => data.some((d) => d.p.kind === k));
  const anyUnmeasured = data.some((d) => !d.p.has_metrics);
  // Posts without insights sit at 0 but are unknown, not zero: lines leave them out.
  const measured = data.filter((d) => d.p.has_metrics);
  const trend = measured.length >= TREND_FROM ? trendWindow(measured.length) : null;

  const legend = (
    <>
      {kinds.map((k) => (
        <LegendItem key={k} kind={k} />
      ))}
      {trend ? (
        <span className="legend-item">
          <span className="legend-line" aria-hidden="true" />
          Average of {trend} posts
        </span>
      ) : null}
      {anyUnmeasured ? (
        <span className="legend-item">
          <span className="legend-dot legend-dot-hollow" aria-hidden="true" />
          No insights
        </span>
      ) : null}
    </>
  );

  return (
    <ChartFrame
      title="Engagement per post"
      subtitle="Likes, comments, saves and shares of each post (stories excluded)"
      testId="chart-engagement"
      height={HEIGHT}
      label={`Engagement of ${data.length} posts over time`}
      wide
      legend={data.length > 0 ? legend : null}
      empty={<span>No posts to chart yet.</span>}
    >
      {data.length === 0
        ? null
        : (width) => {
            const x0 = M.left;
            const x1 = Math.max(x0 + 10, width - M.right);
            const y0 = HEIGHT - M.bottom;
            let tMin = data[0].t;
            let tMax = data[data.length - 1].t;
            if (tMax - tMin < DAY_MS) {
              tMin -= 3 * DAY_MS;
              tMax += 3 * DAY_MS;
            }
            const pad = (tMax - tMin) * 0.02;
            const x = linear(tMin - pad, tMax + pad, x0, x1);
            const maxE = Math.max(...data.map((d) => d.p.engagement), 0);
            const yTicks = niceTicks(0, maxE, 4, true);
            const y = linear(0, yTicks[yTicks.length - 1], y0, M.top);
            const xTicks = timeTicks(tMin - pad, tMax + pad, (x1 - x0) / 80);
            const r = data.length > 400 ? 2.25 : data.length > 80 ? 3 : 4.5;

            let line: string | null = null;
            if (trend) {
              const means = rollingMean(
                measured.map((d) => d.p.engagement),
                trend,
              );
              line = means.map((m, i) => `${i === 0 ? "M" : "L"}${x(measured[i].t).toFixed(1)},${y(m).toFixed(1)}`).join("");
            } else if (measured.length > 1) {
              line = measured
                .map((d, i) => `${i === 0 ? "M" : "L"}${x(d.t).toFixed(1)},${y(d.p.engagement).toFixed(1)}`)
                .join("");
            }

            return (
              <>
                <YAxis ticks={yTicks} y={y} x0={x0} x1={x1} format={formatCompact} />
                <XAxis ticks={xTicks} x={x} y={y0} x0={x0} x1={x1} />
                {line ? <path className={trend ? "chart-trend" : "chart-connector"} d={line} /> : null}
                <g>
                  {data.map(({ p, t }) => (
                    <circle
                      key={p.id}
                      className={p.has_metrics ? "chart-point" : "chart-point chart-point-hollow"}
                      data-testid="engagement-point"
                      data-kind={p.kind}
                      cx={x(t)}
                      cy={y(p.engagement)}
                      r={r}
                      style={{ "--point-color": kindColor(p.kind) } as CSSProperties}
                    >
                      <title>{pointTitle(p)}</title>
                    </circle>
                  ))}
                </g>
              </>
            );
          }}
    </ChartFrame>
  );
}

function LegendItem({ kind }: { kind: PostKind }) {
  return (
    <span className="legend-item" data-testid="engagement-legend-item">
      <span className="legend-dot" style={{ background: kindColor(kind) }} aria-hidden="true" />
      {KIND_LABEL[kind]}
    </span>
  );
}
