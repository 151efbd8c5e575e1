import { useCallback } from "react";
import { aiSample } from "../api";
import type { SampleHook, SampleResult } from "../bindings";
import { useAiRun, type AiRun } from "./useAiRun";

/** A sample streams its hooks, and keeps the result when done. */
export type SampleRun = AiRun<SampleResult, SampleHook>;

function toHook(value: unknown): SampleHook | null {
  const v = value as SampleHook | null;
  const ok = typeof v === "object" && v !== null && typeof v.text === "string" && typeof v.formula === "string";
  return ok ? { text: v.text, formula: v.formula } : null;
}

/**
 * Runs "Try it": streams the sample hooks, cancels on request (or when the page goes away, so
 * nothing is charged for a result nobody sees). `onFinished` follows every settled run.
 */
export function useSampleRun(onFinished: () => void) {
  const { run, start: startRun, cancel } = useAiRun<SampleResult, SampleHook>({
    keepResult: true,
    onSettled: onFinished,
  });
  const start = useCallback(
    (client: string | null) =>
      startRun((runId, onEvent) => aiSample(runId, client, onEvent), { parseItem: toHook }),
    [startRun],
  );
  return { run, start, cancel };
}
