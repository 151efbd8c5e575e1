import { useState } from "react";
import { clientExport, pickZipSavePath, toApiError } from "../api";
import type { ApiError, Client, ClientExport } from "../bindings";
import { todayDay } from "../format";
import { DownloadIcon } from "./Icons";

type Props = {
  client: Client;
  disabled?: boolean;
  onDone: (done: ClientExport) => void;
  onError: (error: ApiError) => void;
};

/** "Export data…": everything stored about the client in one zip (for the client, or to erase). */
export function ClientExportButton({ client, disabled, onDone, onError }: Props) {
  const [busy, setBusy] = useState(false);

  async function exportData() {
    try {
      const path = await pickZipSavePath(
        `${client.handle}-data-${todayDay()}.zip`,
        `Export everything stored about ${client.name}`,
      );
      if (!path) return;
      setBusy(true);
      onDone(await clientExport(client.id, path));
    } catch (err) {
      onError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className="btn"
      data-testid="client-export"
      disabled={disabled || busy}
      title="All of this client's data — profile, posts, imports, audits, plans, drafts and replies — as JSON in a zip"
      onClick={() => void exportData()}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : <DownloadIcon size={14} />}
      Export data…
    </button>
  );
}
