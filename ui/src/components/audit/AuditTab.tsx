import { useEffect, useRef, useState } from "react";
import { auditGet, auditHistory, toApiError } from "../../api";
import type { ApiError, AuditDocument, AuditSummary, Client } from "../../bindings";
import { useAuditRun } from "../../hooks/useAuditRun";
import { AuditEmpty } from "./AuditEmpty";
import { AuditHeader } from "./AuditHeader";
import { AuditHistory } from "./AuditHistory";
import { AuditReport } from "./AuditReport";
import { AuditRunStatus } from "./AuditRunStatus";
import "../ClientDashboard.css";
import "./Audit.css";
import { LoadFailed } from "../LoadFailed";

type Props = {
  client: Client;
  onError: (error: ApiError) => void;
};

/** The history row of a fresh audit, until the stored list is loaded again. */
function summaryOf(doc: AuditDocument): AuditSummary {
  return {
    id: doc.id,
    client_id: doc.client_id,
    created_at: doc.created_at,
    narrative_source: doc.narrative.source,
    posts_analysed: doc.posts_analysed,
    followers: doc.followers,
    engagement_rate: doc.engagement_rate,
    engagement_rate_by_reach: doc.engagement_rate_by_reach,
    content_score: doc.content_score.score,
    risk_score: doc.shadowban_risk.score,
    risk_level: doc.shadowban_risk.level,
  };
}

/** The client's audit: run one, read the newest (or an earlier one), export it as a PDF. */
export function AuditTab({ client, onError }: Props) {
  const [history, setHistory] = useState<AuditSummary[] | null>(null);
  const [doc, setDoc] = useState<AuditDocument | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [opening, setOpening] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let stale = false;
    setFailed(false);
    (async () => {
      try {
        const list = await auditHistory(client.id);
        const newest = list.length > 0 ? await auditGet(list[0].id) : null;
        if (stale) return;
        setHistory(list);
        setDoc(newest);
      } catch (err) {
        if (stale) return;
        setFailed(true);
        onError(toApiError(err));
      }
    })();
    return () => {
      stale = true;
    };
    // Load once per client and attempt, not when the callback changes.
  }, [client.id, attempt]);

  const { run, start, cancel, dismiss } = useAuditRun((fresh) => {
    setDoc(fresh);
    setHistory((h) => [summaryOf(fresh), ...(h ?? []).filter((a) => a.id !== fresh.id)]);
    auditHistory(client.id).then(setHistory, () => undefined);
  });
  const running = run.kind === "running";

  async function open(id: string) {
    if (opening) return;
    setOpening(id);
    try {
      const next = await auditGet(id);
      setDoc(next);
      top.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
    } catch (err) {
      onError(toApiError(err));
    } finally {
      setOpening(null);
    }
  }

  const runAudit = () => void start(client.id, offline);
  const status = <AuditRunStatus run={run} withAi={!offline} onCancel={() => void cancel()} onDismiss={dismiss} />;

  return (
    <div className="audit-tab" data-testid="audit-tab" ref={top}>
      {history === null ? (
        failed ? (
          <LoadFailed what="The audits" testId="audit-failed" onRetry={() => setAttempt((n) => n + 1)} />
        ) : (
          <div className="audit-loading" aria-busy="true" aria-label="Loading the audit" />
        )
      ) : doc === null ? (
        <AuditEmpty
          clientName={client.name}
          offline={offline}
          onOffline={setOffline}
          onRun={runAudit}
          running={running}
          status={status}
        />
      ) : (
        <>
          <AuditHeader
            key={doc.id}
            doc={doc}
            offline={offline}
            onOffline={setOffline}
            onRun={runAudit}
            running={running}
            latest={history.length === 0 || history[0].id === doc.id}
          />
          {status}
          <AuditReport doc={doc} />
          {history.length > 0 ? (
            <AuditHistory audits={history} currentId={doc.id} openingId={opening} onOpen={(id) => void open(id)} />
          ) : null}
        </>
      )}
    </div>
  );
}
