import type { AuditRun } from "../../hooks/useAuditRun";
import { formatCount } from "../../format";
import { AiRunStatus } from "../AiRunStatus";

type Props = {
  run: AuditRun;
  /** Whether AI may write the summary (not "Offline narrative"). */
  withAi: boolean;
  onCancel: () => void;
  onDismiss: () => void;
};

function progressText(run: AuditRun, withAi: boolean): string {
  if (run.kind !== "running") return "";
  if (run.cancelling) return "Cancelling…";
  if (run.tokens !== null) return `Writing the summary… ${formatCount(run.tokens)} tokens`;
  return withAi ? "Measuring the account and writing the summary…" : "Measuring the account…";
}

/** A running audit (with Cancel), or why the last run stopped. */
export function AuditRunStatus({ run, withAi, onCancel, onDismiss }: Props) {
  return (
    <AiRunStatus
      run={run}
      progress={progressText(run, withAi)}
      testId="audit"
      cancelledText="Cancelled — no audit was saved."
      onCancel={onCancel}
      onDismiss={onDismiss}
    />
  );
}
