import { useCallback } from "react";
import { auditRun } from "../api";
import { formatPercent } from "../components/audit/auditFormat";
import type { AuditDocument } from "../bindings";
import { useAiRun, type AiRun } from "./useAiRun";

/** A running audit streams only the AI summary's tokens (no items). */
export type AuditRun = AiRun<AuditDocument>;

/**
 * Runs a new audit of a client, streaming the AI summary's progress, and cancels on request (or
 * when the tab goes away, so nothing is charged for an audit nobody sees). `onDone` gets the
 * stored audit.
 */
export function useAuditRun(onDone: (doc: AuditDocument) => void) {
  const { run, start: startRun, cancel, dismiss } = useAiRun<AuditDocument>({
    onSuccess: onDone,
    announce: (doc) => ({
      title: "Audit finished",
      body: `${doc.client_name}: content score ${doc.content_score.score}/100, engagement ${formatPercent(doc.engagement_rate)}.`,
      clientId: doc.client_id,
    }),
  });
  const start = useCallback(
    (client: string, offline: boolean) =>
      startRun((runId, onEvent) => auditRun(client, offline, runId, onEvent)),
    [startRun],
  );
  return { run, start, cancel, dismiss };
}
