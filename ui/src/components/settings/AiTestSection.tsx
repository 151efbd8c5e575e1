import { useState } from "react";
import { aiTestConnection, toApiError } from "../../api";
import type { AiStatus, ConnectionTest } from "../../bindings";
import { formatCount } from "../../format";
import { AlertIcon, CheckCircleIcon } from "../Icons";

type Test = { kind: "idle" } | { kind: "running" } | { kind: "ok"; result: ConnectionTest } | { kind: "failed"; message: string };

/** One tiny request to the saved provider, to check the URL, key and model together. */
export function AiTestSection({ status }: { status: AiStatus }) {
  const [test, setTest] = useState<Test>({ kind: "idle" });
  const running = test.kind === "running";

  async function run() {
    setTest({ kind: "running" });
    try {
      setTest({ kind: "ok", result: await aiTestConnection() });
    } catch (err) {
      setTest({ kind: "failed", message: toApiError(err).message });
    }
  }

  return (
    <div className="settings-subsection test-row" aria-busy={running}>
      <button
        type="button"
        className="btn"
        data-testid="ai-test"
        disabled={running || status.provider === null}
        onClick={() => void run()}
      >
        {running ? <span className="spinner" aria-hidden="true" data-testid="ai-test-spinner" /> : null}
        {running ? "Testing…" : "Test connection"}
      </button>
      <div className="test-outcome" aria-live="polite">
        {test.kind === "idle" ? (
          <span className="settings-note">
            {status.provider ? "Sends one tiny request with the saved settings." : "Save a provider to test it."}
          </span>
        ) : null}
        {test.kind === "running" ? <span className="settings-note">Asking the provider…</span> : null}
        {test.kind === "ok" ? (
          <span className="test-ok" data-testid="ai-test-result">
            <CheckCircleIcon size={14} />
            <span>
              Connected — <strong className="selectable">{test.result.model}</strong> answered in{" "}
              {formatCount(test.result.latency_ms)} ms
            </span>
          </span>
        ) : null}
      </div>
      {test.kind === "failed" ? (
        <div className="form-error settings-inline-error" role="alert" data-testid="ai-test-error">
          <AlertIcon size={15} />
          <span className="selectable">{test.message}</span>
        </div>
      ) : null}
    </div>
  );
}
