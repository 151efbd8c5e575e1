import type { LeadReason } from "../../bindings";

type Props = { score: number; reasons: LeadReason[] };

function points(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** Why the lead score is what it is: one line folded, each signal with its evidence unfolded. */
export function LeadReasons({ score, reasons }: Props) {
  return (
    <details className="reply-reasons" data-testid="reply-reasons">
      <summary>
        <span className="reply-reasons-title">Lead score {score}</span>
        <span className="reply-reasons-line">{reasons.map((r) => r.label).join(" · ")}</span>
      </summary>
      <ul className="reply-reasons-list">
        {reasons.map((r, i) => (
          <li key={`${r.signal}-${i}`} data-testid="reply-reason" data-signal={r.signal}>
            <span className="reply-reason-label">{r.label}</span>
            {r.evidence ? <span className="reply-reason-evidence selectable">“{r.evidence}”</span> : null}
            <span className="reply-reason-points">{points(r.points)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
