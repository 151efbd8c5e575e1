import { useCallback, useEffect, useRef, useState } from "react";
import { aiCancel, aiSample, toApiError } from "../api";
import type { AiEvent, ApiError, SampleHook, SampleResult } from "../bindings";

export type SampleRun =
  | { kind: "idle" }
  | {
      kind: "running";
      runId: string;
      /** Tokens received so far; `null` before the first text arrives. */
      tokens: number | null;
      /** Hooks finished so far, by index (holes while one is still streaming). */
      items: Array<SampleHook | undefined>;
      /** The provider is busy or the answer is being fixed. */
      notice: string | null;
      cancelling: boolean;
    }
  | { kind: "done"; result: SampleResult }
  | { kind: "failed"; error: ApiError };

function isHook(value: unknown): value is SampleHook {
  const v = value as SampleHook | null;
  return typeof v === "object" && v !== null && typeof v.text === "string" && typeof v.formula === "string";
}

type Running = Extract<SampleRun, { kind: "running" }>;

/** Applies one streamed event to a running sample. */
export function applyEvent(run: Running, event: AiEvent): Running {
  switch (event.kind) {
    case "text":
      return { ...run, tokens: event.tokens, notice: null };
    case "item": {
      if (!isHook(event.value)) return run;
      const items = [...run.items];
      items[event.index] = { text: event.value.text, formula: event.value.formula };
      return { ...run, items };
    }
    case "retrying": {
      const seconds = Math.max(1, Math.round(event.wait_ms / 1000));
      // The answer starts over after the wait.
      return { ...run, tokens: null, items: [], notice: `Provider busy — retrying in ${seconds} s` };
    }
    case "repairing":
      return { ...run, tokens: null, items: [], notice: "Fixing an unusable answer…" };
  }
}

/**
 * Runs "Try it": streams the sample hooks, cancels on request (or when the page goes away, so
 * nothing is charged for a result nobody sees). `onFinished` follows every settled run.
 */
export function useSampleRun(onFinished: () => void) {
  const [run, setRun] = useState<SampleRun>({ kind: "idle" });
  // The run whose events and answer still count.
  const current = useRef<string | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  useEffect(
    () => () => {
      const runId = current.current;
      current.current = null;
      if (runId) void aiCancel(runId).catch(() => undefined);
    },
    [],
  );

  const start = useCallback(async (client: string | null) => {
    if (current.current) return;
    const runId = crypto.randomUUID();
    current.current = runId;
    setRun({ kind: "running", runId, tokens: null, items: [], notice: null, cancelling: false });
    try {
      const result = await aiSample(runId, client, (event) => {
        if (current.current !== runId) return;
        setRun((r) => (r.kind === "running" && r.runId === runId ? applyEvent(r, event) : r));
      });
      if (current.current !== runId) return;
      setRun({ kind: "done", result });
    } catch (err) {
      if (current.current !== runId) return;
      setRun({ kind: "failed", error: toApiError(err) });
    }
    current.current = null;
    finished.current();
  }, []);

  const cancel = useCallback(async () => {
    const runId = current.current;
    if (!runId) return;
    setRun((r) => (r.kind === "running" ? { ...r, cancelling: true } : r));
    try {
      await aiCancel(runId);
    } catch (err) {
      setRun((r) => (r.kind === "running" ? { ...r, cancelling: false, notice: toApiError(err).message } : r));
    }
  }, []);

  return { run, start, cancel };
}
