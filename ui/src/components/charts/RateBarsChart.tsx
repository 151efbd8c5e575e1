import type { ReactNode } from "react";
import { ChartFrame } from "./ChartFrame";

const ROW = 36;
const M = { top: 6, bottom: 6, label: 112, value: 150 };
const fixedOne = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export type RateBar = {
  key: string;
  label: string;
  /** A fraction; `null` when it could not be measured. */
  value: number | null;
  /** After the value, e.g. "12 posts". */
  detail: string;
  color: string;
};

type Props = {
  title: string;
  subtitle?: ReactNode;
  testId: string;
  rows: readonly RateBar[];
  note?: ReactNode;
};

function percent(fraction: number): string {
  return `${fixedOne.format(fraction * 100)} %`;
}

/** Rates as horizontal bars on one scale, each with its value and a detail. */
export function RateBarsChart({ title, subtitle, testId, rows, note }: Props) {
  const height = M.top + M.bottom + ROW * Math.max(rows.length, 1);
  const measured = rows.some((r) => r.value !== null);
  return (
    <ChartFrame
      title={title}
      subtitle={subtitle}
      testId={testId}
      height={height}
      label={`${title}: ${rows.map((r) => `${r.label} ${r.value === null ? "not measured" : percent(r.value)}`).join(", ")}`}
      note={note}
      empty={<span>Not enough posts with insights yet.</span>}
    >
      {!measured
        ? null
        : (width) => {
            const x0 = M.label;
            const x1 = Math.max(x0 + 20, width - M.value);
            const max = Math.max(...rows.map((r) => r.value ?? 0), 0.0001);
            return rows.map((r, i) => {
              const top = M.top + i * ROW;
              const w = r.value !== null && r.value > 0 ? Math.max(2, ((x1 - x0) * r.value) / max) : 0;
              return (
                <g key={r.key} data-testid={`${testId}-row`} data-key={r.key}>
                  <text className="chart-row-label" x={0} y={top + ROW / 2} dy="0.32em">
                    {r.label}
                  </text>
                  <rect className="chart-track" x={x0} y={top + 9} width={x1 - x0} height={ROW - 18} rx={4} />
                  <rect className="chart-hbar" x={x0} y={top + 9} width={w} height={ROW - 18} rx={4} style={{ fill: r.color }}>
                    <title>{`${r.label}: ${r.value === null ? "not measured" : percent(r.value)} · ${r.detail}`}</title>
                  </rect>
                  <text className="chart-row-value" x={x1 + 10} y={top + ROW / 2} dy="0.32em">
                    <tspan className="chart-row-strong">{r.value === null ? "—" : percent(r.value)}</tspan>
                    <tspan>{` · ${r.detail}`}</tspan>
                  </text>
                </g>
              );
            });
          }}
    </ChartFrame>
  );
}
