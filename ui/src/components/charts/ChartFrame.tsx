import type { ReactNode } from "react";
import { useElementWidth } from "../../hooks/useElementWidth";
import "./Charts.css";

type Props = {
  title: string;
  subtitle?: ReactNode;
  testId: string;
  /** The drawing's height in CSS pixels; its width is the card's. */
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  /** Draws the chart's contents for the measured width; `null` draws no SVG (see `empty`). */
  children: ((width: number) => ReactNode) | null;
  /** Shown instead of the drawing when there is nothing to draw. */
  empty?: ReactNode;
  legend?: ReactNode;
  note?: ReactNode;
  wide?: boolean;
};

/** A chart card: title, an SVG that fills the card's width (viewBox in real pixels), legend and note. */
export function ChartFrame({ title, subtitle, testId, height, label, children, empty, legend, note, wide }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  return (
    <figure className={wide ? "chart-card chart-card-wide" : "chart-card"} data-testid={testId}>
      <figcaption className="chart-head">
        <h3 className="chart-title">{title}</h3>
        {subtitle ? <p className="chart-subtitle">{subtitle}</p> : null}
      </figcaption>
      <div ref={ref} className="chart-body">
        {children ? (
          <svg
            className="chart-svg"
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            height={height}
            preserveAspectRatio="xMidYMid meet"
            role="img"
            aria-label={label}
          >
            {children(width)}
          </svg>
        ) : (
          <div className="chart-empty" style={{ minHeight: height }}>
            {empty}
          </div>
        )}
      </div>
      {legend ? <div className="chart-legend">{legend}</div> : null}
      {note ? <p className="chart-note">{note}</p> : null}
    </figure>
  );
}
