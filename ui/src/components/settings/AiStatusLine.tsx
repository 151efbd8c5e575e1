import type { AiStatus } from "../../bindings";
import { LockIcon } from "../Icons";

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether AI drafting is on, with which provider and model, or why not. */
export function AiStatusLine({ status }: { status: AiStatus }) {
  const ready = status.offline_reason === null && status.provider !== null;
  return (
    <div className={ready ? "ai-status is-ready" : "ai-status is-offline"} role="status" data-testid="ai-status">
      <span className="ai-status-dot" aria-hidden="true" />
      <p className="ai-status-text selectable" data-testid="ai-status-text">
        {ready && status.provider
          ? `Ready — ${status.provider_label ?? status.provider.preset} · ${status.provider.model}`
          : sentence(status.offline_reason ?? "AI drafting is off")}
      </p>
      {status.local ? (
        <span className="ai-status-local" data-testid="ai-status-local">
          <LockIcon size={13} />
          Local — client data stays on this machine
        </span>
      ) : null}
    </div>
  );
}
