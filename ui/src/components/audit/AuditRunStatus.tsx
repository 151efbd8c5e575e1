import type { AuditRun } from "../../hooks/useAuditRun";
import { formatCount } from "../../format";
import { AlertIcon, CloseIcon, InfoIcon } from "../Icons";

type Props = {
  run: AuditRun;
  /** Whether AI may write the summary (not "Offline narrative"). */
  withAi: boolean;
  onCancel: () => void;
  onDismiss: () => void;
};

function progressText(run: Extract<AuditRun, { kind: "running" }>, withAi: boolean): string {
  if (run.cancelling) return "Cancelling…";
  if (run.tokens !== null) return `Writing the summary… ${formatCount(run.tokens)} tokens`;
  return withAi ? "Measuring the account and writing the summary…" : "Measuring the account…";
}

/** A running audit (with Cancel), or why the last run stopped. */
export function AuditRunStatus({ run, withAi, onCancel, onDismiss }: Props) {
  if (run.kind === "running") {
    return (
      <div className="audit-running" data-testid="audit-running" aria-busy="true">
        <span className="spinner audit-running-spinner" aria-hidden="true" />
        <span className="audit-running-text" role="status">
          {progressText(run, withAi)}
        </span>
        {run.notice ? (
          <span className="audit-running-notice" data-testid="audit-running-notice">
            {run.notice}
          </span>
        ) : null}
        <button
          type="button"
          className="btn btn-sm audit-running-cancel"
          data-testid="audit-cancel"
          disabled={run.cancelling}
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    );
  }
  if (run.kind === "failed") {
    const cancelled = run.error.code === "cancelled";
    return (
      <div
        className={cancelled ? "audit-run-message" : "audit-run-message is-error"}
        role={cancelled ? "status" : "alert"}
        data-testid="audit-run-error"
        data-code={run.error.code}
      >
        {cancelled ? <InfoIcon size={15} /> : <AlertIcon size={15} />}
        <p className="selectable">{cancelled ? "Cancelled — no audit was saved." : run.error.message}</p>
        <button type="button" className="icon-btn" aria-label="Dismiss" onClick={onDismiss}>
          <CloseIcon size={13} />
        </button>
      </div>
    );
  }
  return null;
}
