import { useId } from "react";
import type { UsageTotals } from "../../bindings";
import { formatCount, formatMonth } from "../../format";
import { TotalCost } from "./UsageCost";

type Props = {
  rows: readonly UsageTotals[];
  /** The months to choose from, the newest first. */
  months: readonly string[];
  month: string;
  /** The credit month (`YYYY-MM`): titled "This month". */
  currentMonth: string;
  loading: boolean;
  onMonth: (month: string) => void;
};

/** A month's totals per client. */
export function UsageClientsTable({ rows, months, month, currentMonth, loading, onMonth }: Props) {
  const id = useId();
  return (
    <section className="usage-section" aria-labelledby={`${id}-title`}>
      <div className="usage-section-head">
        <h2 id={`${id}-title`} className="usage-section-title">
          {month === currentMonth ? "This month by client" : `${formatMonth(month)} by client`}
        </h2>
        <label htmlFor={`${id}-month`} className="visually-hidden">
          Month
        </label>
        <select
          id={`${id}-month`}
          className="select usage-month-select"
          data-testid="usage-month-select"
          value={month}
          onChange={(e) => onMonth(e.target.value)}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {formatMonth(m)}
            </option>
          ))}
        </select>
      </div>
      <div className="table-wrap" aria-busy={loading}>
        <table className="data-table" data-testid="usage-clients">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col" className="num">Calls</th>
              <th scope="col" className="num">Failed</th>
              <th scope="col" className="num">Prompt tokens</th>
              <th scope="col" className="num">Completion tokens</th>
              <th scope="col" className="num">Estimated cost</th>
              <th scope="col" className="num">Credits</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted usage-none">
                  No AI calls in {formatMonth(month)}.
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.client_id ?? "none"} data-testid="usage-client-row" data-client={r.client_id ?? ""}>
                  <td>{r.client_name ?? <span className="muted">{r.client_id ? "Deleted client" : "No client"}</span>}</td>
                  <td className="num">{formatCount(r.calls)}</td>
                  <td className="num">{r.failed_calls > 0 ? formatCount(r.failed_calls) : <span className="muted">0</span>}</td>
                  <td className="num">{formatCount(r.prompt_tokens)}</td>
                  <td className="num">{formatCount(r.completion_tokens)}</td>
                  <td className="num">
                    <TotalCost micro={r.cost_micro_usd} unpriced={r.unpriced_calls} />
                  </td>
                  <td className="num strong">{formatCount(r.credits)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
