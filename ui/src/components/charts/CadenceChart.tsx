import type { WeekCount } from "../../bindings";
import { formatDay, formatDecimal, parseDay, plural } from "../../format";
import { ChartFrame } from "./ChartFrame";
import { DAY_MS, linear, niceTicks, timeTicks, type TimeTick } from "./scale";
import { XAxis } from "./XAxis";
import { YAxis } from "./YAxis";

const HEIGHT = 200;
const M = { top: 12, right: 16, bottom: 28, left: 36 };
const WEEK_MS = 7 * DAY_MS;
/** Bars never get wider than this, so a few weeks don't fill the card with one slab. */
const MAX_BAR = 44;
const weekLabel = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/** Posts per week (stories excluded), every week from the first post to the last. */
export function CadenceChart({ weeks }: { weeks: readonly WeekCount[] }) {
  const data = weeks
    .map((w) => ({ w, t: parseDay(w.week_start)?.getTime() ?? Number.NaN }))
    .filter((d) => !Number.isNaN(d.t));
  const total = data.reduce((sum, d) => sum + d.w.posts, 0);
  const average = data.length > 0 ? total / data.length : 0;

  return (
    <ChartFrame
      title="Posting cadence"
      subtitle={
        data.length > 0
          ? `${formatDecimal(average)} ${average === 1 ? "post" : "posts"} a week on average over ${plural(data.length, "week")}`
          : "Posts per week"
      }
      testId="chart-cadence"
      height={HEIGHT}
      label={`Posts per week over ${data.length} weeks`}
      empty={<span>No posts to chart yet.</span>}
    >
      {data.length === 0
        ? null
        : (width) => {
            const x0 = M.left;
            const x1 = Math.max(x0 + 10, width - M.right);
            const y0 = HEIGHT - M.bottom;
            const first = data[0].t;
            const end = data[data.length - 1].t + WEEK_MS;
            const x = linear(first, end, x0, x1);
            const band = (x1 - x0) / data.length;
            const gap = band >= 6 ? Math.max(band * 0.28, band - MAX_BAR) : band >= 3 ? 1 : 0;
            const maxPosts = Math.max(...data.map((d) => d.w.posts), 1);
            const yTicks = niceTicks(0, maxPosts, Math.min(4, maxPosts), true);
            const y = linear(0, yTicks[yTicks.length - 1], y0, M.top);
            const maxTicks = (x1 - x0) / 80;
            // Few weeks: label each bar with its Monday; many: round dates along the axis.
            const xTicks: TimeTick[] =
              data.length <= maxTicks
                ? data.map((d) => ({ t: d.t + WEEK_MS / 2, label: weekLabel.format(d.t) }))
                : timeTicks(first, end, maxTicks, true);

            return (
              <>
                <YAxis ticks={yTicks} y={y} x0={x0} x1={x1} format={(v) => String(v)} />
                <XAxis ticks={xTicks} x={x} y={y0} x0={x0} x1={x1} />
                <g>
                  {data.map(({ w, t }) => {
                    const h = w.posts > 0 ? Math.max(1.5, y0 - y(w.posts)) : 1;
                    return (
                      <rect
                        key={w.week_start}
                        className={w.posts > 0 ? "chart-bar" : "chart-bar chart-bar-empty"}
                        data-testid="cadence-bar"
                        x={x(t) + gap / 2}
                        y={y0 - h}
                        width={Math.max(0.5, band - gap)}
                        height={h}
                        rx={band - gap >= 6 ? 2 : 0}
                      >
                        <title>{`Week of ${formatDay(w.week_start)}: ${plural(w.posts, "post")}`}</title>
                      </rect>
                    );
                  })}
                </g>
                {data.length > 1 && average > 0 ? (
                  <g className="chart-average">
                    <line x1={x0} x2={x1} y1={y(average)} y2={y(average)} />
                    <title>{`Average: ${formatDecimal(average)} posts a week`}</title>
                  </g>
                ) : null}
              </>
            );
          }}
    </ChartFrame>
  );
}
