// The home panel above the client list: which clients need attention today (and why) and the
// plan items due today across clients. The rules live in `crates/api/src/home.rs`.
import { useEffect, useState } from "react";
import { homeOverview } from "../../api";
import type { ApiError, AttentionSeverity, ClientAttention, DueItem, HomeOverview } from "../../bindings";
import { Avatar } from "../Avatar";
import { LoadFailed } from "../LoadFailed";
import { TYPE_LABEL } from "../plan/planFormat";
import "./Home.css";

type Props = {
  /** Bumped after any change to the clients, to load the overview again. */
  revision: number;
  onOpen: (clientId: string) => void;
};

const SEVERITY_LABEL: Record<AttentionSeverity, string> = { high: "Urgent", medium: "Worth a look" };

export function HomePanel({ revision, onOpen }: Props) {
  const [overview, setOverview] = useState<HomeOverview | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);

  useEffect(() => {
    let stale = false;
    // A reload keeps what is shown until the new answer is in: no flash, no jump.
    homeOverview().then(
      (o) => {
        if (stale) return;
        setOverview(o);
        setFailed(null);
      },
      (err: ApiError) => {
        if (!stale) setFailed(err.message);
      },
    );
    return () => {
      stale = true;
    };
  }, [revision, retries]);

  if (failed !== null) {
    return (
      <div className="home-panel" data-testid="home-panel">
        <LoadFailed what="Today’s overview" reason={failed} testId="home-failed" onRetry={() => setRetries((n) => n + 1)} />
      </div>
    );
  }
  if (overview === null) {
    return <div className="home-panel home-skeleton" data-testid="home-loading" aria-busy="true" />;
  }
  // No clients: the list's own empty state explains the first step.
  if (overview.active_clients === 0) return null;
  if (overview.clients.length === 0 && overview.due_today.length === 0) {
    return (
      <p className="home-panel home-clear" data-testid="home-panel">
        All clients are on track — nothing due today.
      </p>
    );
  }

  return (
    <div className="home-panel home-cards" data-testid="home-panel">
      <section className="home-card" aria-labelledby="home-attention-title">
        <header className="home-card-header">
          <h2 id="home-attention-title" className="home-card-title">
            Needs attention
          </h2>
          <span className="home-count">{overview.clients.length}</span>
        </header>
        {overview.clients.length === 0 ? (
          <p className="home-card-empty">Every client is on track.</p>
        ) : (
          <ul className="home-rows">
            {overview.clients.map((c) => (
              <li key={c.client_id}>
                <AttentionRow client={c} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="home-card" aria-labelledby="home-due-title">
        <header className="home-card-header">
          <h2 id="home-due-title" className="home-card-title">
            Due today
          </h2>
          <span className="home-count">{overview.due_today.length}</span>
        </header>
        {overview.due_today.length === 0 ? (
          <p className="home-card-empty">Nothing from the plans today.</p>
        ) : (
          <ul className="home-rows">
            {overview.due_today.map((d) => (
              <li key={`${d.plan_id}:${d.item_id}`}>
                <DueRow item={d} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function AttentionRow({ client, onOpen }: { client: ClientAttention; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      className="home-row home-attention-row"
      data-testid="home-attention-row"
      data-client-id={client.client_id}
      onClick={() => onOpen(client.client_id)}
    >
      <Avatar name={client.name} seed={client.handle} />
      <span className="home-row-body">
        <span className="home-row-title">
          <span className="home-row-name">{client.name}</span>
          <span className="home-row-handle">@{client.handle}</span>
        </span>
        {client.reasons.map((r) => (
          <span key={r.kind} className="home-reason" data-kind={r.kind} data-severity={r.severity}>
            <span className={`home-dot home-dot-${r.severity}`} title={SEVERITY_LABEL[r.severity]} />
            <span className="visually-hidden">{SEVERITY_LABEL[r.severity]}: </span>
            {r.message}
          </span>
        ))}
      </span>
    </button>
  );
}

function DueRow({ item, onOpen }: { item: DueItem; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      className="home-row home-due-row"
      data-testid="home-due-row"
      data-client-id={item.client_id}
      onClick={() => onOpen(item.client_id)}
    >
      <span className="home-due-time">{item.time ?? "—"}</span>
      <span className="home-row-body">
        <span className="home-row-name home-due-title">{item.title}</span>
        <span className="home-row-handle">
          {item.client_name} · {TYPE_LABEL[item.type] ?? item.type}
        </span>
      </span>
    </button>
  );
}
