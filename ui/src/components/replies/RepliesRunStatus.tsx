import type { RepliesRun } from "../../hooks/useRepliesRun";
import { formatCount, plural } from "../../format";
import { AiRunStatus } from "../AiRunStatus";
import { countLines } from "./repliesFormat";

type Props = {
  run: RepliesRun;
  onCancel: () => void;
  onDismiss: () => void;
};

function progressText(run: RepliesRun): string {
  if (run.kind !== "running") return "";
  if (run.cancelling) return "Cancelling…";
  if (run.tokens !== null) return `Writing replies… ${formatCount(run.tokens)} tokens`;
  const source = run.request.source;
  const what =
    source.kind === "pasted"
      ? plural(countLines(source.text), "message")
      : source.kind === "csv_file"
        ? "the CSV’s messages"
        : "the DMs awaiting a reply";
  return run.request.offline ? `Triaging and drafting ${what} offline…` : `Triaging and drafting ${what}…`;
}

/** A running triage (with Cancel), or why the last run stopped. */
export function RepliesRunStatus({ run, onCancel, onDismiss }: Props) {
  return (
    <AiRunStatus
      run={run}
      progress={progressText(run)}
      testId="replies"
      cancelledText="Cancelled — nothing was added to the queue."
      onCancel={onCancel}
      onDismiss={onDismiss}
    />
  );
}
