type Props = {
  ticks: readonly number[];
  y: (v: number) => number;
  /** Left and right ends of the grid lines. */
  x0: number;
  x1: number;
  format: (v: number) => string;
};

/** Horizontal grid lines with their values on the left. */
export function YAxis({ ticks, y, x0, x1, format }: Props) {
  return (
    <g className="chart-y-axis" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t}>
          <line className="chart-grid-line" x1={x0} x2={x1} y1={y(t)} y2={y(t)} />
          <text className="chart-tick" x={x0 - 8} y={y(t)} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}
