import { useCallback, useEffect, useRef, useState } from "react";
import { aiCancel, toApiError } from "../api";
import type { AiEvent, ApiError } from "../bindings";
import { notifyFinished } from "../notify";

/** A streaming AI run in progress; `X` holds what the caller keeps with it (e.g. the request). */
export type AiRunning<I = never, X extends object = object> = X & {
  kind: "running";
  runId: string;
  /** Tokens received so far; `null` before the first text arrives (or offline). */
  tokens: number | null;
  /** Items finished so far, by index (holes while one is still streaming). */
  items: Array<I | undefined>;
  /** The provider is busy or its answer is being fixed. */
  notice: string | null;
  cancelling: boolean;
};

/** The state of a streaming AI run. `done` is only reached with `keepResult`. */
export type AiRun<T = never, I = never, X extends object = object> =
  | { kind: "idle" }
  | AiRunning<I, X>
  | { kind: "done"; result: T }
  | { kind: "failed"; error: ApiError };

/** Turns a streamed item into one to show, or `null` to ignore it. */
export type ParseItem<I> = (value: unknown) => I | null | undefined;

/** Applies one streamed event to a running run. Without `parseItem`, items are ignored. */
export function applyAiEvent<I, X extends object>(
  run: AiRunning<I, X>,
  event: AiEvent,
  parseItem?: ParseItem<I>,
): AiRunning<I, X> {
  switch (event.kind) {
    case "text":
      return { ...run, tokens: event.tokens, notice: null };
    case "item": {
      const item = parseItem?.(event.value);
      if (!item) return run;
      const items = [...run.items];
      items[event.index] = item;
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

type Options<T, X extends object> = {
  /** Gets the answer of a run that succeeded (and still counts), with what was kept with it. */
  onSuccess?: (result: T, extra: X) => void;
  /** Follows every settled run that still counts, after `onSuccess`. */
  onSettled?: () => void;
  /** End in `done` with the answer instead of going back to `idle`. */
  keepResult?: boolean;
  /** What to tell the user when a run ends while the window is in the background. */
  announce?: (result: T) => { title: string; body: string; clientId?: string };
};

type StartOptions<I, X extends object> = {
  parseItem?: ParseItem<I>;
} & (object extends X ? { extra?: X } : { extra: X });

/**
 * Runs one streaming AI command at a time under a fresh run id, applying its events, and cancels
 * on request (or on unmount, so nothing is charged for an answer nobody sees). A call is
 * `(runId, onEvent) => Promise<T>`; starting while one runs does nothing.
 */
export function useAiRun<T, I = never, X extends object = object>(options: Options<T, X> = {}) {
  const [run, setRun] = useState<AiRun<T, I, X>>({ kind: "idle" });
  // The run whose events and answer still count.
  const current = useRef<string | null>(null);
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });

  useEffect(
    () => () => {
      const runId = current.current;
      current.current = null;
      if (runId) void aiCancel(runId).catch(() => undefined);
    },
    [],
  );

  const start = useCallback(
    async (call: (runId: string, onEvent: (event: AiEvent) => void) => Promise<T>, how?: StartOptions<I, X>) => {
      if (current.current) return;
      const runId = crypto.randomUUID();
      current.current = runId;
      const extra = (how?.extra ?? {}) as X;
      const parseItem = how?.parseItem;
      setRun({ ...extra, kind: "running", runId, tokens: null, items: [], notice: null, cancelling: false });
      try {
        const result = await call(runId, (event) => {
          if (current.current !== runId) return;
          setRun((r) => (r.kind === "running" && r.runId === runId ? applyAiEvent(r, event, parseItem) : r));
        });
        if (current.current !== runId) return;
        current.current = null;
        setRun(opts.current.keepResult ? { kind: "done", result } : { kind: "idle" });
        const announce = opts.current.announce;
        if (announce) notifyFinished({ ...announce(result), tone: "success" }, true);
        opts.current.onSuccess?.(result, extra);
      } catch (err) {
        if (current.current !== runId) return;
        current.current = null;
        setRun({ kind: "failed", error: toApiError(err) });
      }
      opts.current.onSettled?.();
    },
    [],
  );

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

  const dismiss = useCallback(() => setRun((r) => (r.kind === "failed" ? { kind: "idle" } : r)), []);

  return { run, start, cancel, dismiss };
}
