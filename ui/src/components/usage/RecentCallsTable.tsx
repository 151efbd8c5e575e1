import type { UsageRecord } from "../../bindings";
import { formatCount, formatDateTime } from "../../format";
import { formatTokens } from "../../money";
import { CallCost } from "./UsageCost";

const FEATURE_LABEL: Record<string, string> = {
  sample: "Sample hooks",
  connection_test: "Connection test",
};

function clientOf(r: UsageRecord) {
  if (r.client_name) return r.client_name;
  return <span className="muted">{r.client_id ? "Deleted client" : "No client"}</span>;
}

/** The latest calls, the newest first. */
export function RecentCallsTable({ calls }: { calls: readonly UsageRecord[] }) {
  return (
    <section className="usage-section" aria-labelledby="usage-recent-title">
      <h2 id="usage-recent-title" className="usage-section-title">
        Recent calls
      </h2>
      <div className="table-wrap">
        <table className="data-table" data-testid="usage-recent">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Client</th>
              <th scope="col">Feature</th>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                <span title="Prompt / completion tokens; ≈ marks estimates where the provider sent no counts">
                  Tokens in / out
                </span>
              </th>
              <th scope="col" className="num">Cost</th>
              <th scope="col" className="num">Latency</th>
              <th scope="col" className="num">Attempts</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((r) => {
              const ok = r.outcome === "ok";
              return (
                <tr key={r.id} data-testid="usage-call-row" data-outcome={r.outcome}>
                  <td className="nowrap">
                    <time dateTime={r.at}>{formatDateTime(r.at)}</time>
                  </td>
                  <td>{clientOf(r)}</td>
                  <td className="nowrap">{FEATURE_LABEL[r.feature] ?? r.feature}</td>
                  <td className="usage-model selectable" title={`${r.provider} · ${r.model}`}>
                    {r.model}
                  </td>
                  <td className="num" data-testid="usage-call-tokens">
                    {formatTokens(r.prompt_tokens, r.tokens_estimated)} / {formatTokens(r.completion_tokens, r.tokens_estimated)}
                  </td>
                  <td className="num" data-testid="usage-call-cost">
                    <CallCost micro={r.cost_micro_usd} priced={r.priced} ok={ok} />
                  </td>
                  <td className="num">{formatCount(r.latency_ms)} ms</td>
                  <td className="num">{formatCount(r.attempts)}</td>
                  <td>
                    <span className={ok ? "chip chip-ok" : "chip chip-error"} data-testid="usage-call-outcome">
                      {r.outcome}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
