import { useState } from "react";
import { auditExportPdf, pickPdfSavePath, reportsDefaultPath, toApiError } from "../../api";
import type { AuditDocument, Client, PdfExport } from "../../bindings";
import { useAuditRun } from "../../hooks/useAuditRun";
import { AuditRunControls } from "../audit/AuditRunControls";
import { AuditRunStatus } from "../audit/AuditRunStatus";
import { AuditScoreCards } from "../audit/AuditScoreCards";
import { pdfFileName } from "../audit/auditFormat";
import { HelpLink } from "../help/HelpLink";
import { AlertIcon, CheckCircleIcon, DownloadIcon } from "../Icons";
import { StepFrame } from "./StepFrame";
import "../audit/Audit.css";

type Props = {
  client: Client;
  onBack: () => void;
  /** The setup is done: open the client's page. */
  onFinish: () => void;
  busy: boolean;
};

/** Step 6: the first audit, then its branded PDF saved (to Documents unless the user picks a place). */
export function AuditStep({ client, onBack, onFinish, busy }: Props) {
  const [doc, setDoc] = useState<AuditDocument | null>(null);
  const [offline, setOffline] = useState(false);
  const [openAfter, setOpenAfter] = useState(true);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<PdfExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { run, start, cancel, dismiss } = useAuditRun((d) => {
    setDoc(d);
    setSaved(null);
  });
  const running = run.kind === "running";

  async function savePdf(choose: boolean) {
    if (!doc || saving) return;
    setError(null);
    setSaving(true);
    try {
      const name = pdfFileName(doc.client_handle, doc.created_at);
      const path = choose ? await pickPdfSavePath(name) : await reportsDefaultPath(name);
      if (path === null) return;
      setSaved(await auditExportPdf(doc.id, path, openAfter));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <StepFrame
      title="The first audit"
      lead={
        <>
          Engagement against accounts of the same size, a content score, recommendation-risk signals and a 30-day
          roadmap — every number computed here from {client.name}'s data.{" "}
          <HelpLink article="audit-scores">How it is computed</HelpLink>
        </>
      }
      onBack={onBack}
      actions={
        doc ? (
          <button
            type="button"
            className={saved ? "btn btn-primary" : "btn"}
            data-testid="wizard-finish"
            disabled={busy || saving}
            onClick={onFinish}
          >
            {saved ? `Open ${client.name}` : "Finish without the PDF"}
          </button>
        ) : null
      }
    >
      {doc ? (
        <>
          <AuditScoreCards doc={doc} />
          <div className="wizard-card wizard-pdf">
            <h2 className="wizard-card-title">The report for {client.name}</h2>
            {saved ? (
              <p className="wizard-done selectable" role="status" data-testid="wizard-pdf-saved">
                <CheckCircleIcon size={15} /> Saved {saved.path}
              </p>
            ) : (
              <p className="wizard-note">A branded PDF with every finding explained, ready to send.</p>
            )}
            <div className="wizard-pdf-actions">
              <button
                type="button"
                className={saved ? "btn" : "btn btn-primary"}
                data-testid="wizard-save-pdf"
                disabled={saving}
                onClick={() => void savePdf(false)}
              >
                {saving ? <span className="spinner" aria-hidden="true" /> : <DownloadIcon size={14} />}
                Save PDF to Documents
              </button>
              <button type="button" className="btn" disabled={saving} onClick={() => void savePdf(true)}>
                Choose where…
              </button>
              <label className="check">
                <input
                  type="checkbox"
                  data-testid="wizard-open-after"
                  checked={openAfter}
                  onChange={(e) => setOpenAfter(e.target.checked)}
                />
                <span>Open after saving</span>
              </label>
            </div>
            {error ? (
              <div className="form-error" role="alert" data-testid="wizard-pdf-error">
                <AlertIcon size={15} />
                <span className="selectable">{error}</span>
              </div>
            ) : null}
          </div>
        </>
      ) : (
        <div className="wizard-card">
          <AuditRunControls
            label="Run the first audit"
            offline={offline}
            onOffline={setOffline}
            onRun={() => start(client.id, offline)}
            running={running}
            primary
          />
        </div>
      )}
      <AuditRunStatus run={run} withAi={!offline} onCancel={cancel} onDismiss={dismiss} />
    </StepFrame>
  );
}
