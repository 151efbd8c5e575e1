import { useCallback } from "react";
import { repliesAdd } from "../api";
import type { AddOutcome, AddRequest } from "../bindings";
import { plural } from "../format";
import { useAiRun, type AiRun } from "./useAiRun";

/** A running triage keeps what was asked for (the progress line names the source). */
export type RepliesRun = AiRun<AddOutcome, never, { request: AddRequest }>;

/**
 * Adds messages to a client's reply queue, triaging and drafting them (streaming an AI run's
 * progress), and cancels on request (or when the tab goes away, so nothing is charged for drafts
 * nobody sees). `onDone` gets the outcome and what was asked for.
 */
export function useRepliesRun(onDone: (outcome: AddOutcome, request: AddRequest) => void) {
  const { run, start: startRun, cancel, dismiss } = useAiRun<AddOutcome, never, { request: AddRequest }>({
    onSuccess: (outcome, { request }) => onDone(outcome, request),
    announce: (outcome) => ({
      title: "Replies drafted",
      body: `${plural(outcome.counts.added, "new message")} triaged and drafted.`,
    }),
  });
  const start = useCallback(
    (client: string, request: AddRequest) =>
      startRun((runId, onEvent) => repliesAdd(client, request, runId, onEvent), { extra: { request } }),
    [startRun],
  );
  return { run, start, cancel, dismiss };
}
