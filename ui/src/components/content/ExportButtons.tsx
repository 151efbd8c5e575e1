import { useState } from "react";
import { contentExportCsv, contentExportPdf, pickCsvSavePath, pickPdfSavePath, toApiError } from "../../api";
import type { FileExport, Item, Kind } from "../../bindings";
import { formatCount, formatDecimal, todayDay } from "../../format";
import { AlertIcon, CheckCircleIcon, CloseIcon, DownloadIcon, TableIcon } from "../Icons";
import { exportFileName, KIND_LABEL } from "./contentFormat";

export type ExportOutcome = { kind: "saved"; export: FileExport } | { kind: "failed"; message: string };

type Props = {
  clientId: string;
  handle: string;
  /** `null` when the items are of several kinds: a pack is one kind, so the buttons are disabled. */
  kind: Kind | null;
  topic: string | null;
  items: Item[];
  /** Test ids become `<prefix>-export-pdf`, `<prefix>-export-csv`, `<prefix>-open-after`, … */
  testIdPrefix: string;
  /** Why the buttons are disabled, when they are. */
  disabledReason?: string | null;
};

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatDecimal(bytes / (1024 * 1024))} MB`
    : `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** "Export PDF" (the branded content pack) and "Export CSV": the save dialog, then the file. */
export function ExportButtons({ clientId, handle, kind, topic, items, testIdPrefix, disabledReason }: Props) {
  const [openAfter, setOpenAfter] = useState(true);
  const [busy, setBusy] = useState<"pdf" | "csv" | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const reason = disabledReason ?? (kind === null ? "Choose a kind first: a content pack holds one kind" : items.length === 0 ? "Nothing to export" : null);
  const disabled = reason !== null || busy !== null;

  async function run(format: "pdf" | "csv") {
    if (busy || kind === null) return;
    setBusy(format);
    try {
      const day = todayDay();
      const label = KIND_LABEL[kind].toLowerCase();
      const path =
        format === "pdf"
          ? await pickPdfSavePath(exportFileName(handle, kind, day, "pdf"), `Export the ${label} as PDF`)
          : await pickCsvSavePath(exportFileName(handle, kind, day, "csv"), `Export the ${label} as CSV`);
      // The dialog was closed: nothing to do.
      if (path === null) return;
      setOutcome(null);
      const done =
        format === "pdf"
          ? await contentExportPdf(clientId, kind, topic, items, path, openAfter)
          : await contentExportCsv(kind, items, path);
      setOutcome({ kind: "saved", export: done });
    } catch (err) {
      setOutcome({ kind: "failed", message: toApiError(err).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="content-export-wrap">
      <div className="content-export" title={reason ?? undefined}>
        <label className="check">
          <input
            type="checkbox"
            data-testid={`${testIdPrefix}-open-after`}
            checked={openAfter}
            disabled={reason !== null}
            onChange={(e) => setOpenAfter(e.target.checked)}
          />
          <span>Open PDF after export</span>
        </label>
        <button
          type="button"
          className="btn btn-sm"
          data-testid={`${testIdPrefix}-export-pdf`}
          disabled={disabled}
          title={reason ?? "Export as a branded PDF content pack"}
          onClick={() => void run("pdf")}
        >
          {busy === "pdf" ? <span className="spinner" aria-hidden="true" /> : <DownloadIcon size={13} />}
          {busy === "pdf" ? "Exporting…" : "Export PDF"}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          data-testid={`${testIdPrefix}-export-csv`}
          disabled={disabled}
          title={reason ?? "Export as a spreadsheet (CSV)"}
          onClick={() => void run("csv")}
        >
          {busy === "csv" ? <span className="spinner" aria-hidden="true" /> : <TableIcon size={13} />}
          {busy === "csv" ? "Exporting…" : "Export CSV"}
        </button>
      </div>

      {outcome?.kind === "saved" ? (
        <div className="audit-export-outcome content-export-outcome" role="status" data-testid={`${testIdPrefix}-exported`}>
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
        <div className="audit-export-outcome content-export-outcome is-error" role="alert" data-testid={`${testIdPrefix}-export-error`}>
          <AlertIcon size={15} />
          <p className="selectable">{outcome.message}</p>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setOutcome(null)}>
            <CloseIcon size={13} />
          </button>
        </div>
      ) : null}
    </div>
  );
}
