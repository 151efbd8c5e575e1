import { useEffect, useId, useState } from "react";
import { aiUsage, aiUsageByClient, listClients } from "../../api";
import type { ApiError, Client, UsageReport, UsageTotals } from "../../bindings";
import { CreditMeter } from "../CreditMeter";
import { GaugeIcon } from "../Icons";
import { PriceTable } from "./PriceTable";
import { RecentCallsTable } from "./RecentCallsTable";
import { UsageClientsTable } from "./UsageClientsTable";
import { UsageMonthsTable } from "./UsageMonthsTable";
import "../ClientDashboard.css";
import "../ClientForm.css";
import "./Usage.css";
import { LoadFailed } from "../LoadFailed";

type Props = {
  onError: (error: ApiError) => void;
  onOpenSettings: () => void;
};

/** One month's totals per client, as chosen in the month select. */
type ByClient = { month: string; rows: UsageTotals[]; loading: boolean };

/** The months the per-client table offers: the credit month and every month with calls. */
function monthChoices(report: UsageReport): string[] {
  const months = new Set([report.status.month, ...report.months.map((m) => m.month)]);
  return [...months].sort().reverse();
}

function emptyText(report: UsageReport, clientName: string | undefined): string {
  if (report.status.provider === null) {
    return "Drafts are written offline until a provider is set up in Settings.";
  }
  if (clientName) return "Its drafts were written offline so far.";
  return "Calls show up here once AI writes a draft; try the provider in Settings.";
}

/** Calls to the AI provider: credits, totals per month and per client, the latest calls, prices. */
export function UsagePage({ onError, onOpenSettings }: Props) {
  const id = useId();
  const [client, setClient] = useState("");
  const [clients, setClients] = useState<Client[]>([]);
  const [report, setReport] = useState<UsageReport | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [byClient, setByClient] = useState<ByClient | null>(null);

  useEffect(() => {
    let stale = false;
    listClients({ search: null, tag: null, archived: "all" }).then(
      (rows) => !stale && setClients(rows),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, []);

  useEffect(() => {
    let stale = false;
    setFailed(false);
    aiUsage(client || null).then(
      (r) => {
        if (stale) return;
        setReport(r);
        setByClient({ month: r.status.month, rows: r.clients, loading: false });
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
    // Reload when the filter changes, not when the callback does.
  }, [client, attempt]);

  async function chooseMonth(month: string) {
    setByClient((b) => (b ? { ...b, month, loading: true } : b));
    try {
      const rows = await aiUsageByClient(month);
      setByClient((b) => (b && b.month === month ? { month, rows, loading: false } : b));
    } catch (err) {
      setByClient((b) => (b ? { ...b, loading: false } : b));
      onError(err as ApiError);
    }
  }

  const current = report && report.client_id === (client || null) ? report : null;
  const clientName = clients.find((c) => c.id === client)?.name;
  const empty = current !== null && current.recent.length === 0 && current.months.length === 0;

  return (
    <section className="usage-page" data-testid="usage-page" aria-labelledby="usage-title">
      <header className="page-header">
        <div>
          <h1 id="usage-title" className="page-title">
            AI usage
          </h1>
          <p className="page-subtitle">Calls to your AI provider, their tokens and estimated cost.</p>
        </div>
        <div className="usage-filter">
          <label htmlFor={`${id}-client`} className="usage-filter-label">
            Client
          </label>
          <select
            id={`${id}-client`}
            className="select"
            data-testid="usage-client"
            value={client}
            onChange={(e) => setClient(e.target.value)}
          >
            <option value="">All clients</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.archived ? " (archived)" : ""}
              </option>
            ))}
          </select>
        </div>
      </header>

      {report ? <CreditMeter status={report.status} testId="usage-credits" /> : null}

      {current === null ? (
        failed ? (
          <LoadFailed what="The usage" testId="usage-failed" onRetry={() => setAttempt((n) => n + 1)} />
        ) : (
          <div className="usage-loading" aria-busy="true" aria-label="Loading the usage" />
        )
      ) : empty ? (
        <div className="dashboard-empty usage-empty" data-testid="usage-empty">
          <div className="dashboard-empty-icon">
            <GaugeIcon size={20} />
          </div>
          <div>
            <p className="dashboard-empty-title">{clientName ? `No AI calls for ${clientName} yet.` : "No AI calls yet."}</p>{" "}
            <p className="dashboard-empty-text">{emptyText(current, clientName)}</p>
            {current.status.provider === null ? (
              <button type="button" className="btn btn-sm usage-empty-action" data-testid="usage-open-settings" onClick={onOpenSettings}>
                Open Settings
              </button>
            ) : null}
          </div>
        </div>
      ) : (
        <>
          {current.months.length > 0 ? <UsageMonthsTable months={current.months} /> : null}
          {current.client_id === null && byClient ? (
            <UsageClientsTable
              rows={byClient.rows}
              months={monthChoices(current)}
              month={byClient.month}
              currentMonth={current.status.month}
              loading={byClient.loading}
              onMonth={(m) => void chooseMonth(m)}
            />
          ) : null}
          {current.recent.length > 0 ? <RecentCallsTable calls={current.recent} /> : null}
        </>
      )}

      <PriceTable onError={onError} />
    </section>
  );
}
