import { useCallback, useEffect, useRef, useState } from "react";
import { aiCancel, contentGenerate, toApiError } from "../api";
import type { AiEvent, ApiError, ContentDraft, ContentRequest, Item } from "../bindings";
import { streamedItem } from "../components/content/contentFormat";

export type ContentRun =
  | { kind: "idle" }
  | {
      kind: "running";
      runId: string;
      request: ContentRequest;
      /** Tokens received so far; `null` before the first text arrives (or offline). */
      tokens: number | null;
      /** Items finished so far, by index (holes while one is still streaming). */
      items: Array<Item | undefined>;
      /** The provider is busy or its answer is being fixed. */
      notice: string | null;
      cancelling: boolean;
    }
  | { kind: "failed"; error: ApiError };

type Running = Extract<ContentRun, { kind: "running" }>;

/** Applies one streamed event to a running draft. */
export function applyContentEvent(run: Running, event: AiEvent): Running {
  switch (event.kind) {
    case "text":
      return { ...run, tokens: event.tokens, notice: null };
    case "item": {
      const item = streamedItem(run.request.kind, event.value);
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

/**
 * Drafts content for a client, streaming AI items as they finish, and cancels on request (or when
 * the tab goes away, so nothing is charged for a draft nobody sees). `onDone` gets the draft and
 * what was asked for.
 */
export function useContentRun(onDone: (draft: ContentDraft, request: ContentRequest) => void) {
  const [run, setRun] = useState<ContentRun>({ kind: "idle" });
  // The run whose events and answer still count.
  const current = useRef<string | null>(null);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });

  useEffect(
    () => () => {
      const runId = current.current;
      current.current = null;
      if (runId) void aiCancel(runId).catch(() => undefined);
    },
    [],
  );

  const start = useCallback(async (client: string, request: ContentRequest) => {
    if (current.current) return;
    const runId = crypto.randomUUID();
    current.current = runId;
    setRun({ kind: "running", runId, request, tokens: null, items: [], notice: null, cancelling: false });
    try {
      const draft = await contentGenerate(client, request, runId, (event) => {
        if (current.current !== runId) return;
        setRun((r) => (r.kind === "running" && r.runId === runId ? applyContentEvent(r, event) : r));
      });
      if (current.current !== runId) return;
      current.current = null;
      setRun({ kind: "idle" });
      done.current(draft, request);
    } catch (err) {
      if (current.current !== runId) return;
      current.current = null;
      setRun({ kind: "failed", error: toApiError(err) });
    }
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

  const dismiss = useCallback(() => setRun((r) => (r.kind === "failed" ? { kind: "idle" } : r)), []);

  return { run, start, cancel, dismiss };
}
