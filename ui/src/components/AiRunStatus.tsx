import type { ApiError } from "../bindings";
import { AlertIcon, CloseIcon, InfoIcon } from "./Icons";

/** The parts of an AI run (see `hooks/useAiRun`) the status shows. */
export type AiRunStatusRun =
  | { kind: "idle" }
  | { kind: "done" }
  | { kind: "running"; notice: string | null; cancelling: boolean }
  | { kind: "failed"; error: ApiError };

type Props = {
  run: AiRunStatusRun;
  /** What the running line says (only read while running). */
  progress: string;
  /** Prefix of the test ids: `<id>-running`, `<id>-running-notice`, `<id>-cancel`, `<id>-run-error`. */
  testId: string;
  /** Shown when the last run was cancelled. */
  cancelledText: string;
  onCancel: () => void;
  onDismiss: () => void;
};

/** A running AI run (with Cancel), or why the last run stopped. */
export function AiRunStatus({ run, progress, testId, cancelledText, onCancel, onDismiss }: Props) {
  if (run.kind === "running") {
    return (
      <div className="audit-running" data-testid={`${testId}-running`} aria-busy="true">
        <span className="spinner audit-running-spinner" aria-hidden="true" />
        <span className="audit-running-text" role="status">
          {progress}
        </span>
        {run.notice ? (
          <span className="audit-running-notice" data-testid={`${testId}-running-notice`}>
            {run.notice}
          </span>
        ) : null}
        <button
          type="button"
          className="btn btn-sm audit-running-cancel"
          data-testid={`${testId}-cancel`}
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
        data-testid={`${testId}-run-error`}
        data-code={run.error.code}
      >
        {cancelled ? <InfoIcon size={15} /> : <AlertIcon size={15} />}
        <p className="selectable">{cancelled ? cancelledText : run.error.message}</p>
        <button type="button" className="icon-btn" aria-label="Dismiss" onClick={onDismiss}>
          <CloseIcon size={13} />
        </button>
      </div>
    );
  }
  return null;
}
