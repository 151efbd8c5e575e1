import type { AiStatus } from "../bindings";
import { formatCount } from "../format";
import "./CreditMeter.css";

/** "12 of 500 AI credits used this month · renews on 2026-12-01" over a thin bar. */
export function CreditMeter({ status, testId }: { status: AiStatus; testId?: string }) {
  const { credits_used: used, credits_allowance: allowance } = status;
  const spent = used >= allowance;
  const share = allowance > 0 ? Math.min(1, used / allowance) : 1;
  const level = spent ? "is-spent" : share >= 0.8 ? "is-high" : "";
  return (
    <div className={`credit-meter ${level}`} data-testid={testId}>
      <p className="credit-line" data-testid="credit-line">
        <strong>{formatCount(used)}</strong> of {formatCount(allowance)} AI credits used this month
        <span className="credit-sep" aria-hidden="true">
          {" · "}
        </span>
        <span className="credit-renew">
          renews on <time dateTime={status.credits_renew_on}>{status.credits_renew_on}</time>
        </span>
      </p>
      <div
        className="credit-bar"
        role="progressbar"
        aria-label="AI credits used this month"
        aria-valuemin={0}
        aria-valuemax={allowance}
        aria-valuenow={Math.min(used, allowance)}
      >
        <span className="credit-bar-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      {spent ? (
        <p className="credit-spent" data-testid="credits-spent">
          The credits are used up: drafts are written offline until they renew.
        </p>
      ) : null}
    </div>
  );
}
