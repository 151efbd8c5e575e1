import { scoreTone } from "./repliesFormat";

/** The lead score as a small meter and its number. */
export function LeadScore({ score }: { score: number }) {
  const value = Math.max(0, Math.min(100, Math.round(score)));
  return (
    <span
      className={`reply-score is-${scoreTone(value)}`}
      data-testid="reply-lead-score"
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-label="Lead score"
      title="Lead score: how likely this message leads to a sale (0–100)"
    >
      <span className="reply-score-bar" aria-hidden="true">
        <span style={{ width: `${value}%` }} />
      </span>
      <span className="reply-score-value">{value}</span>
    </span>
  );
}
