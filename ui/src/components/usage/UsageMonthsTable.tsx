import type { UsageTotals } from "../../bindings";
import { formatCount, formatMonth } from "../../format";
import { TotalCost } from "./UsageCost";

/** Totals per month, the newest first. */
export function UsageMonthsTable({ months }: { months: readonly UsageTotals[] }) {
  return (
    <section className="usage-section" aria-labelledby="usage-months-title">
      <h2 id="usage-months-title" className="usage-section-title">
        By month
      </h2>
      <div className="table-wrap">
        <table className="data-table" data-testid="usage-months">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">Calls</th>
              <th scope="col" className="num">Failed</th>
              <th scope="col" className="num">Prompt tokens</th>
              <th scope="col" className="num">Completion tokens</th>
              <th scope="col" className="num">Estimated cost</th>
              <th scope="col" className="num">Credits</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month} data-testid="usage-month-row" data-month={m.month}>
                <td className="nowrap strong">{formatMonth(m.month)}</td>
                <td className="num">{formatCount(m.calls)}</td>
                <td className="num">{m.failed_calls > 0 ? formatCount(m.failed_calls) : <span className="muted">0</span>}</td>
                <td className="num">{formatCount(m.prompt_tokens)}</td>
                <td className="num">{formatCount(m.completion_tokens)}</td>
                <td className="num">
                  <TotalCost micro={m.cost_micro_usd} unpriced={m.unpriced_calls} />
                </td>
                <td className="num strong">{formatCount(m.credits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
