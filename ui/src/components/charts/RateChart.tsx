import type { CSSProperties } from "react";
import type { PostRate } from "../../bindings";
import { formatDay, formatDecimal, parseDay, plural } from "../../format";
import { isPostKind, KIND_LABEL, kindColor, POST_KINDS } from "../../kinds";
import { ChartFrame } from "./ChartFrame";
import { DAY_MS, linear, niceTicks, rollingMean, timeTicks } from "./scale";
import { XAxis } from "./XAxis";
import { YAxis } from "./YAxis";

const HEIGHT = 240;
const M = { top: 12, right: 16, bottom: 28, left: 48 };
const TREND_FROM = 8;

const fixedOne = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** An axis label: "4 %", "2.5 %". */
function tick(fraction: number): string {
  return `${formatDecimal(fraction * 100)} %`;
}

/** A measured rate: "4.0 %". */
function percent(fraction: number): string {
  return `${fixedOne.format(fraction * 100)} %`;
}

function formatLabel(format: string): string {
  return isPostKind(format) ? KIND_LABEL[format] : format.charAt(0).toUpperCase() + format.slice(1);
}

function colorOf(format: string): string {
  return isPostKind(format) ? kindColor(format) : "var(--accent)";
}

type Props = {
  /** One point per post, oldest first. */
  timeline: readonly PostRate[];
  /** A reference line (the tier's median rate), with its label. */
  reference?: { value: number; label: string } | null;
};

/** The engagement rate of each post over time, coloured by format, with the tier median. */
export function RateChart({ timeline, reference }: Props) {
  const data = timeline
    .map((p) => ({ p, t: parseDay(p.date)?.getTime() ?? Number.NaN, rate: p.engagement_rate }))
    .filter((d): d is { p: PostRate; t: number; rate: number } => !Number.isNaN(d.t) && d.rate !== null);
  const missing = timeline.length - data.length;
  const kinds = POST_KINDS.filter((k) => data.some((d) => d.p.format === k));
  const trend = data.length >= TREND_FROM ? Math.max(3, Math.min(15, Math.round(data.length / 8))) : null;

  const legend = (
    <>
      {kinds.map((k) => (
        <span key={k} className="legend-item">
          <span className="legend-dot" style={{ background: kindColor(k) }} aria-hidden="true" />
          {KIND_LABEL[k]}
        </span>
      ))}
      {trend ? (
        <span className="legend-item">
          <span className="legend-line" aria-hidden="true" />
          Average of {trend} posts
        </span>
      ) : null}
      {reference ? (
        <span className="legend-item">
          <span className="legend-line legend-line-dashed" aria-hidden="true" />
          {reference.label}
        </span>
      ) : null}
    </>
  );

  return (
    <ChartFrame
      title="Engagement rate per post"
      subtitle="Likes and comments of each feed post, as a share of followers"
      testId="audit-chart-timeline"
      height={HEIGHT}
      label={`Engagement rate of ${data.length} posts over time`}
      wide
      legend={data.length > 0 ? legend : null}
      note={missing > 0 ? `${plural(missing, "post")} without a rate (no insights or no follower count) ${missing === 1 ? "is" : "are"} left out.` : undefined}
      empty={<span>No post has an engagement rate yet: it needs likes and a follower count.</span>}
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
            const top = Math.max(...data.map((d) => d.rate), reference?.value ?? 0);
            const yTicks = niceTicks(0, top, 4);
            const y = linear(0, yTicks[yTicks.length - 1], y0, M.top);
            const xTicks = timeTicks(tMin - pad, tMax + pad, (x1 - x0) / 80, true);
            const r = data.length > 200 ? 2.5 : data.length > 60 ? 3 : 4;
            const values = trend ? rollingMean(data.map((d) => d.rate), trend) : data.map((d) => d.rate);
            const line =
              data.length > 1
                ? values.map((v, i) => `${i === 0 ? "M" : "L"}${x(data[i].t).toFixed(1)},${y(v).toFixed(1)}`).join("")
                : null;

            return (
              <>
                <YAxis ticks={yTicks} y={y} x0={x0} x1={x1} format={tick} />
                <XAxis ticks={xTicks} x={x} y={y0} x0={x0} x1={x1} />
                {reference ? (
                  <g className="chart-average" data-testid="audit-chart-reference">
                    <line x1={x0} x2={x1} y1={y(reference.value)} y2={y(reference.value)} />
                    <title>{`${reference.label}: ${percent(reference.value)}`}</title>
                  </g>
                ) : null}
                {line ? <path className={trend ? "chart-trend" : "chart-connector"} d={line} /> : null}
                <g>
                  {data.map(({ p, t, rate }) => (
                    <circle
                      key={p.post_id}
                      className="chart-point"
                      data-testid="audit-rate-point"
                      cx={x(t)}
                      cy={y(rate)}
                      r={r}
                      style={{ "--point-color": colorOf(p.format) } as CSSProperties}
                    >
                      <title>{`${formatDay(p.date)} · ${formatLabel(p.format)} · ${percent(rate)}`}</title>
                    </circle>
                  ))}
                </g>
              </>
            );
          }}
    </ChartFrame>
  );
}
