import type { StoredSnapshot } from "../../bindings";
import { formatCompact, formatCount, formatDay, parseDay } from "../../format";
import { SOURCE_LABEL } from "../../kinds";
import { ChartFrame } from "./ChartFrame";
import { DAY_MS, linear, niceTicks, timeTicks } from "./scale";
import { XAxis } from "./XAxis";
import { YAxis } from "./YAxis";

const HEIGHT = 200;
const M = { top: 12, right: 18, bottom: 28, left: 48 };

function snapshotTitle(s: StoredSnapshot): string {
  const following = s.following !== null ? `, following ${formatCount(s.following)}` : "";
  return `${formatDay(s.date)}: ${formatCount(s.followers)} followers${following} (${SOURCE_LABEL[s.source]})`;
}

/** Follower counts over time, from exports and manual snapshots. */
export function FollowersChart({ snapshots, wide }: { snapshots: readonly StoredSnapshot[]; wide?: boolean }) {
  const data = snapshots
    .filter((s) => s.followers !== null)
    .map((s) => ({ s, t: parseDay(s.date)?.getTime() ?? Number.NaN, v: s.followers ?? 0 }))
    .filter((d) => !Number.isNaN(d.t))
    .sort((a, b) => a.t - b.t);
  const first = data[0];
  const last = data[data.length - 1];
  const change = data.length > 1 ? last.v - first.v : null;

  let note: string | null = null;
  if (data.length === 1) {
    note =
      `One snapshot so far: ${formatCount(first.v)} followers on ${formatDay(first.s.date)}. ` +
      "Add another (manual entry or a newer export) to see the trend.";
  }

  return (
    <ChartFrame
      title="Followers"
      subtitle={
        change !== null
          ? `${change >= 0 ? "+" : "−"}${formatCount(Math.abs(change))} since ${formatDay(first.s.date)}`
          : "Follower count at each snapshot"
      }
      testId="chart-followers"
      wide={wide}
      height={HEIGHT}
      label={`Followers at ${data.length} snapshots`}
      note={note ? <span data-testid="followers-note">{note}</span> : null}
      empty={
        <span data-testid="followers-note">
          No follower counts yet. They come with an Instagram export or a manual snapshot.
        </span>
      }
    >
      {data.length === 0
        ? null
        : (width) => {
            const x0 = M.left;
            const x1 = Math.max(x0 + 10, width - M.right);
            const y0 = HEIGHT - M.bottom;
            let tMin = first.t;
            let tMax = last.t;
            if (tMax - tMin < DAY_MS) {
              tMin -= 3 * DAY_MS;
              tMax += 3 * DAY_MS;
            }
            const pad = (tMax - tMin) * 0.03;
            const x = linear(tMin - pad, tMax + pad, x0, x1);
            const values = data.map((d) => d.v);
            const yTicks = niceTicks(Math.min(...values), Math.max(...values), 4, true);
            const y = linear(yTicks[0], yTicks[yTicks.length - 1], y0, M.top);
            const xTicks = timeTicks(tMin - pad, tMax + pad, (x1 - x0) / 80, true);
            const line = data.map((d, i) => `${i === 0 ? "M" : "L"}${x(d.t).toFixed(1)},${y(d.v).toFixed(1)}`).join("");
            const area = data.length > 1 ? `${line}L${x(last.t).toFixed(1)},${y0}L${x(first.t).toFixed(1)},${y0}Z` : null;
            const r = data.length > 120 ? 2 : 3.5;
            return (
              <>
                <YAxis ticks={yTicks} y={y} x0={x0} x1={x1} format={formatCompact} />
                <XAxis ticks={xTicks} x={x} y={y0} x0={x0} x1={x1} />
                {area ? <path className="chart-area" d={area} /> : null}
                {data.length > 1 ? <path className="chart-followers-line" d={line} /> : null}
                <g>
                  {data.map((d, i) => (
                    <circle
                      key={`${d.s.date}-${d.s.source}-${i}`}
                      className="chart-follower-point"
                      data-testid="follower-point"
                      cx={x(d.t)}
                      cy={y(d.v)}
                      r={r}
                    >
                      <title>{snapshotTitle(d.s)}</title>
                    </circle>
                  ))}
                </g>
              </>
            );
          }}
    </ChartFrame>
  );
}
