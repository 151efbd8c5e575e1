import { useEffect, useState } from "react";
import { clientDashboard } from "../api";
import type { ApiError, Client, ClientDashboard as Dashboard, ImportOutcome } from "../bindings";
import { ClientDashboard } from "./ClientDashboard";
import { ImportCard } from "./ImportCard";
import { ImportSummary } from "./ImportSummary";
import { ManualEntryDialog } from "./ManualEntryDialog";
import "./ClientData.css";
import { LoadFailed } from "./LoadFailed";

type Props = {
  client: Client;
  onError: (error: ApiError) => void;
  /** Files are being dragged over the window: show this section. */
  onDragEnter: () => void;
};

/** The client's data: importing it, typing it in, and the dashboard drawn from it. */
export function ClientData({ client, onError, onDragEnter }: Props) {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [failed, setFailed] = useState(false);
  const [revision, setRevision] = useState(0);
  const [summary, setSummary] = useState<ImportOutcome | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const reload = () => setRevision((r) => r + 1);

  useEffect(() => {
    let stale = false;
    clientDashboard(client.id).then(
      (d) => {
        if (stale) return;
        setDashboard(d);
        setFailed(false);
      },
      (err: ApiError) => {
        if (stale) return;
        setFailed(true);
        onError(err);
      },
    );
    return () => {
      stale = true;
    };
    // Reload after each import or save, not when a callback changes.
  }, [client.id, revision]);

  function saved(outcome: ImportOutcome) {
    setSummary(outcome);
    reload();
  }

  return (
    <div className="client-data" data-testid="client-data">
      <ImportCard
        client={client}
        onStart={() => setSummary(null)}
        onImported={saved}
        onManual={() => setManualOpen(true)}
        onDragEnter={onDragEnter}
        compact={dashboard !== null && dashboard.total_posts > 0}
      />

      {summary ? <ImportSummary outcome={summary} onDismiss={() => setSummary(null)} /> : null}

      {dashboard ? (
        <ClientDashboard dashboard={dashboard} />
      ) : failed ? (
        <LoadFailed what="The dashboard" testId="dashboard-failed" onRetry={reload} />
      ) : (
        <div className="client-data-loading" aria-busy="true" aria-label="Loading the dashboard" />
      )}

      {manualOpen ? (
        <ManualEntryDialog
          client={client}
          onCancel={() => setManualOpen(false)}
          onSaved={(outcome) => {
            setManualOpen(false);
            saved(outcome);
          }}
        />
      ) : null}
    </div>
  );
}
