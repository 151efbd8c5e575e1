import type { ContentRun } from "../../hooks/useContentRun";
import { formatCount } from "../../format";
import { AiRunStatus } from "../AiRunStatus";
import { KIND_LABEL } from "./contentFormat";

type Props = {
  run: ContentRun;
  onCancel: () => void;
  onDismiss: () => void;
};

function progressText(run: ContentRun): string {
  if (run.kind !== "running") return "";
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
  return (
    <AiRunStatus
      run={run}
      progress={progressText(run)}
      testId="content"
      cancelledText="Cancelled — nothing was drafted."
      onCancel={onCancel}
      onDismiss={onDismiss}
    />
  );
}
