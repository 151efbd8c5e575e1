import { useCallback } from "react";
import { repliesRedraft } from "../api";
import type { Redrafted } from "../bindings";
import { useAiRun, type AiRun } from "./useAiRun";

/** New drafts for one queued message. */
export type RedraftRun = AiRun<Redrafted>;

/**
 * Redrafts one message of the reply queue (by AI when set up and not `offline`), streaming the
 * run's progress, and cancels on request or when the card goes away. `onDone` gets the message
 * with its new drafts.
 */
export function useRedraftRun(onDone: (redrafted: Redrafted) => void) {
  const { run, start: startRun, cancel, dismiss } = useAiRun<Redrafted>({ onSuccess: onDone });
  const start = useCallback(
    (id: string, offline: boolean) =>
      startRun((runId, onEvent) => repliesRedraft(id, { offline, seed: null }, runId, onEvent)),
    [startRun],
  );
  return { run, start, cancel, dismiss };
}
