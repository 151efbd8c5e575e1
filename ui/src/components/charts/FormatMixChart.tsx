import type { FormatShare } from "../../bindings";
import { formatCount, formatDecimal, plural } from "../../format";
import { KIND_LABEL, kindColor } from "../../kinds";
import { ChartFrame } from "./ChartFrame";

const ROW = 36;
const M = { top: 6, bottom: 6, label: 78, value: 150 };

/** Posts per format as horizontal bars, with each format's share and average engagement. */
export function FormatMixChart({ mix }: { mix: readonly FormatShare[] }) {
  const total = mix.reduce((sum, m) => sum + m.posts, 0);
  const height = M.top + M.bottom + ROW * Math.max(mix.length, 1);
  const best = mix
    .filter((m) => m.avg_engagement !== null && m.kind !== "story")
    .sort((a, b) => (b.avg_engagement ?? 0) - (a.avg_engagement ?? 0))[0];

  return (
    <ChartFrame
      title="Format mix"
      subtitle={
        best && total > 0
          ? `${KIND_LABEL[best.kind]}s get the most engagement: ${formatCount(best.avg_engagement)} on average`
          : "Posts per format, with average engagement"
      }
      testId="chart-format-mix"
      height={height}
      label={`Posts per format: ${mix.map((m) => `${KIND_LABEL[m.kind]} ${m.posts}`).join(", ")}`}
      empty={<span>No posts yet.</span>}
    >
      {total === 0
        ? null
        : (width) => {
            const x0 = M.label;
            const x1 = Math.max(x0 + 20, width - M.value);
            const max = Math.max(...mix.map((m) => m.posts), 1);
            return mix.map((m, i) => {
              const top = M.top + i * ROW;
              const w = m.posts > 0 ? Math.max(2, ((x1 - x0) * m.posts) / max) : 0;
              const share = (m.posts * 100) / total;
              const avg = m.avg_engagement !== null ? ` · avg ${formatCount(m.avg_engagement)}` : "";
              return (
                <g key={m.kind} data-testid="format-row" data-kind={m.kind}>
                  <text className="chart-row-label" x={0} y={top + ROW / 2} dy="0.32em">
                    {KIND_LABEL[m.kind]}
                  </text>
                  <rect className="chart-track" x={x0} y={top + 9} width={x1 - x0} height={ROW - 18} rx={4} />
                  <rect
                    className="chart-hbar"
                    data-testid="format-bar"
                    x={x0}
                    y={top + 9}
                    width={w}
                    height={ROW - 18}
                    rx={4}
                    style={{ fill: kindColor(m.kind) }}
                  >
                    <title>
                      {`${KIND_LABEL[m.kind]}: ${plural(m.posts, "post")} (${formatDecimal(share)}%)` +
                        (m.avg_engagement !== null
                          ? `, ${formatCount(m.avg_engagement)} average engagement`
                          : ", no insights")}
                    </title>
                  </rect>
                  <text className="chart-row-value" x={x1 + 10} y={top + ROW / 2} dy="0.32em">
                    <tspan className="chart-row-strong">{formatCount(m.posts)}</tspan>
                    <tspan>{` · ${formatDecimal(share)}%${avg}`}</tspan>
                  </text>
                </g>
              );
            });
          }}
    </ChartFrame>
  );
}
