import type { ContentRun } from "../../hooks/useContentRun";
import { formatCount } from "../../format";
import { AlertIcon, CloseIcon, InfoIcon } from "../Icons";
import { KIND_LABEL } from "./contentFormat";

type Props = {
  run: ContentRun;
  onCancel: () => void;
  onDismiss: () => void;
};

function progressText(run: Extract<ContentRun, { kind: "running" }>): string {
  if (run.cancelling) return "Cancelling…";
  const what = KIND_LABEL[run.request.kind].toLowerCase();
  const done = run.items.filter(Boolean).length;
  if (run.tokens !== null) {
    const items = done > 0 ? ` · ${done} of ${run.request.count} ready` : "";
    return `Writing ${what}… ${formatCount(run.tokens)} tokens${items}`;
  }
  return run.request.offline ? `Drafting ${what} offline…` : `Drafting ${what}…`;
}

/** A running draft (with Cancel), or why the last run stopped. */
export function ContentRunStatus({ run, onCancel, onDismiss }: Props) {
  if (run.kind === "running") {
    return (
      <div className="audit-running" data-testid="content-running" aria-busy="true">
        <span className="spinner audit-running-spinner" aria-hidden="true" />
        <span className="audit-running-text" role="status">
          {progressText(run)}
        </span>
        {run.notice ? (
          <span className="audit-running-notice" data-testid="content-running-notice">
            {run.notice}
          </span>
        ) : null}
        <button
          type="button"
          className="btn btn-sm audit-running-cancel"
          data-testid="content-cancel"
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
        data-testid="content-run-error"
        data-code={run.error.code}
      >
        {cancelled ? <InfoIcon size={15} /> : <AlertIcon size={15} />}
        <p className="selectable">{cancelled ? "Cancelled — nothing was drafted." : run.error.message}</p>
        <button type="button" className="icon-btn" aria-label="Dismiss" onClick={onDismiss}>
          <CloseIcon size={13} />
        </button>
      </div>
    );
  }
  return null;
}
