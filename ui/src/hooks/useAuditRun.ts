import { useCallback, useEffect, useRef, useState } from "react";
import { aiCancel, auditRun, toApiError } from "../api";
import type { AiEvent, ApiError, AuditDocument } from "../bindings";

export type AuditRun =
  | { kind: "idle" }
  | {
      kind: "running";
      runId: string;
      /** Tokens of the AI summary received so far; `null` before any (or offline). */
      tokens: number | null;
      /** The provider is busy or its answer is being fixed. */
      notice: string | null;
      cancelling: boolean;
    }
  | { kind: "failed"; error: ApiError };

type Running = Extract<AuditRun, { kind: "running" }>;

/** Applies one streamed event of the AI summary to a running audit. */
export function applyAuditEvent(run: Running, event: AiEvent): Running {
  switch (event.kind) {
    case "text":
      return { ...run, tokens: event.tokens, notice: null };
    case "item":
      return run;
    case "retrying": {
      const seconds = Math.max(1, Math.round(event.wait_ms / 1000));
      return { ...run, tokens: null, notice: `Provider busy — retrying in ${seconds} s` };
    }
    case "repairing":
      return { ...run, tokens: null, notice: "Fixing an unusable answer…" };
  }
}

/**
 * Runs a new audit of a client, streaming the AI summary's progress, and cancels on request (or
 * when the tab goes away, so nothing is charged for an audit nobody sees). `onDone` gets the
 * stored audit.
 */
export function useAuditRun(onDone: (doc: AuditDocument) => void) {
  const [run, setRun] = useState<AuditRun>({ kind: "idle" });
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

  const start = useCallback(async (client: string, offline: boolean) => {
    if (current.current) return;
    const runId = crypto.randomUUID();
    current.current = runId;
    setRun({ kind: "running", runId, tokens: null, notice: null, cancelling: false });
    try {
      const doc = await auditRun(client, offline, runId, (event) => {
        if (current.current !== runId) return;
        setRun((r) => (r.kind === "running" && r.runId === runId ? applyAuditEvent(r, event) : r));
      });
      if (current.current !== runId) return;
      current.current = null;
      setRun({ kind: "idle" });
      done.current(doc);
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
