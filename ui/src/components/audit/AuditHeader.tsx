import { useState } from "react";
import type { AuditDocument } from "../../bindings";
import { formatCount, formatDateTime, formatDecimal } from "../../format";
import { AlertIcon, CheckCircleIcon, CloseIcon } from "../Icons";
import { AuditRunControls } from "./AuditRunControls";
import { formatDayRange } from "./auditFormat";
import { ExportPdfButton, type ExportOutcome } from "./ExportPdfButton";
import { HelpLink } from "../help/HelpLink";

type Props = {
  doc: AuditDocument;
  offline: boolean;
  onOffline: (offline: boolean) => void;
  onRun: () => void;
  running: boolean;
  /** The newest audit is on screen (not an older one from the history). */
  latest: boolean;
};

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatDecimal(bytes / (1024 * 1024))} MB` : `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The audit's date and scope, "Run new audit" and "Export PDF" with where the PDF went. */
export function AuditHeader({ doc, offline, onOffline, onRun, running, latest }: Props) {
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const scope = [
    doc.followers !== null ? `${formatCount(doc.followers)} followers` : null,
    `${formatCount(doc.posts_analysed)} ${doc.posts_analysed === 1 ? "post" : "posts"} analysed`,
    doc.window ? formatDayRange(doc.window[0], doc.window[1]) : null,
    `times in ${doc.time_zone}`,
  ].filter(Boolean);

  return (
    <header className="audit-header" data-testid="audit-header">
      <div className="audit-header-row">
        <div className="audit-heading">
          <div className="audit-title-row">
            <h2 className="audit-title">
              Audit of <time dateTime={doc.created_at} data-testid="audit-date">{formatDateTime(doc.created_at)}</time>
            </h2>
            <HelpLink article="audit-scores">How scores are computed</HelpLink>
            {latest ? null : (
              <span className="badge badge-older" data-testid="audit-older">
                Earlier audit
              </span>
            )}
          </div>
          <p className="audit-scope">{scope.join(" · ")}</p>
        </div>
        <div className="audit-actions">
          <AuditRunControls
            label="Run new audit"
            offline={offline}
            onOffline={onOffline}
            onRun={onRun}
            running={running}
          />
          <span className="audit-actions-sep" aria-hidden="true" />
          <ExportPdfButton doc={doc} onStart={() => setOutcome(null)} onOutcome={setOutcome} />
        </div>
      </div>

      {outcome?.kind === "saved" ? (
        <div className="audit-export-outcome" role="status" data-testid="audit-exported">
          <CheckCircleIcon size={15} />
          <p>
            Saved to <span className="audit-path selectable">{outcome.export.path}</span>
            <span className="audit-export-size"> · {sizeOf(outcome.export.bytes)}</span>
          </p>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setOutcome(null)}>
            <CloseIcon size={13} />
          </button>
        </div>
      ) : outcome?.kind === "failed" ? (
        <div className="audit-export-outcome is-error" role="alert" data-testid="audit-export-error">
          <AlertIcon size={15} />
          <p className="selectable">{outcome.message}</p>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setOutcome(null)}>
            <CloseIcon size={13} />
          </button>
        </div>
      ) : null}
    </header>
  );
}
