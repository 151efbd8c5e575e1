import type { TimeTick } from "./scale";

type Props = {
  ticks: readonly TimeTick[];
  x: (t: number) => number;
  /** The baseline's height; labels go under it. */
  y: number;
  x0: number;
  x1: number;
};

/** The baseline with date labels under it; labels that would leave the drawing are dropped. */
export function XAxis({ ticks, x, y, x0, x1 }: Props) {
  return (
    <g className="chart-x-axis" aria-hidden="true">
      <line className="chart-axis-line" x1={x0} x2={x1} y1={y} y2={y} />
      {ticks
        .filter((t) => x(t.t) >= x0 - 0.5 && x(t.t) <= x1 + 0.5)
        .map((t) => {
          const px = x(t.t);
          // Keep the first and last labels inside the drawing.
          const anchor = px - x0 < 24 ? "start" : x1 - px < 24 ? "end" : "middle";
          return (
            <g key={t.t}>
              <line className="chart-axis-line" x1={px} x2={px} y1={y} y2={y + 4} />
              <text className="chart-tick" x={px} y={y + 16} textAnchor={anchor}>
                {t.label}
              </text>
            </g>
          );
        })}
    </g>
  );
}
