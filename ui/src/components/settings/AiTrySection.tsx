import { useEffect, useId, useState } from "react";
import { listClients } from "../../api";
import type { Client } from "../../bindings";
import { formatCount } from "../../format";
import { useSampleRun } from "../../hooks/useSampleRun";
import { AlertIcon, InfoIcon, SparkleIcon } from "../Icons";
import { SampleHookList } from "./SampleHookList";
import { SettingsCard } from "./SettingsCard";

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Try it": three hooks written by the provider, streamed as they arrive. */
export function AiTrySection({ onFinished }: { onFinished: () => void }) {
  const id = useId();
  const [clients, setClients] = useState<Client[]>([]);
  const [client, setClient] = useState("");
  const { run, start, cancel } = useSampleRun(onFinished);
  const running = run.kind === "running";

  useEffect(() => {
    let stale = false;
    // Without the list the generic sample still works: a failure only hides the choice.
    listClients({ search: null, tag: null, archived: "active" }).then(
      (rows) => !stale && setClients(rows),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, []);

  return (
    <SettingsCard
      title="Try it"
      icon={<SparkleIcon size={16} />}
      testId="ai-try"
      description="Three Reel hooks from the saved provider, to see what it writes before relying on it. A successful sample uses one credit."
    >
      <div className="try-controls">
        <label htmlFor={`${id}-client`} className="visually-hidden">
          Client for the sample
        </label>
        <select
          id={`${id}-client`}
          className="select try-client"
          data-testid="ai-sample-client"
          value={client}
          disabled={running}
          onChange={(e) => setClient(e.target.value)}
        >
          <option value="">No client (generic)</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} (@{c.handle})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="ai-sample"
          disabled={running}
          onClick={() => void start(client || null)}
        >
          <SparkleIcon size={14} />
          Write 3 sample hooks
        </button>
      </div>

      {run.kind === "running" ? (
        <div className="try-live" aria-busy="true">
          <div className="try-live-head" role="status">
            <span className="spinner try-spinner" aria-hidden="true" />
            <span className="try-tokens" data-testid="ai-sample-tokens">
              {run.cancelling
                ? "Cancelling…"
                : run.tokens === null
                  ? "Waiting for the provider…"
                  : `Receiving… ${formatCount(run.tokens)} tokens`}
            </span>
            {run.notice ? (
              <span className="try-notice" data-testid="ai-sample-notice">
                {run.notice}
              </span>
            ) : null}
            <button
              type="button"
              className="btn btn-sm try-cancel"
              data-testid="ai-sample-cancel"
              disabled={run.cancelling}
              onClick={() => void cancel()}
            >
              Cancel
            </button>
          </div>
          <SampleHookList hooks={run.items} live />
        </div>
      ) : null}

      {run.kind === "done" && run.result.offline_reason ? (
        <div className="try-message try-message-offline" role="status" data-testid="ai-sample-offline">
          <span className="badge badge-offline">Offline</span>
          <p className="selectable">{sentence(run.result.offline_reason)}</p>
        </div>
      ) : null}

      {run.kind === "done" && run.result.hooks ? (
        <div className="try-result">
          <SampleHookList hooks={run.result.hooks} />
          <p className="try-meta" data-testid="ai-sample-meta">
            by <span className="selectable">{run.result.model ?? "the provider"}</span> in{" "}
            {formatCount(run.result.latency_ms)} ms
          </p>
        </div>
      ) : null}

      {run.kind === "failed" ? (
        run.error.code === "cancelled" ? (
          <div className="try-message" role="status" data-testid="ai-sample-error" data-code="cancelled">
            <InfoIcon size={15} />
            <p>Cancelled — nothing was charged.</p>
          </div>
        ) : (
          <div className="form-error settings-inline-error" role="alert" data-testid="ai-sample-error" data-code={run.error.code}>
            <AlertIcon size={15} />
            <span className="selectable">{run.error.message}</span>
          </div>
        )
      ) : null}
    </SettingsCard>
  );
}
