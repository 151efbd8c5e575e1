import { useEffect, useState } from "react";
import { onNotice, type Notice } from "../notify";
import { AlertIcon, CheckCircleIcon, CloseIcon } from "./Icons";
import "./Toasts.css";

const SHOWN_MS = 10_000;

/** Finished background work, bottom right: what happened, "Open" for its client, dismiss. */
export function Toasts({ onOpenClient }: { onOpenClient: (clientId: string) => void }) {
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(
    () =>
      onNotice((n) => {
        setNotices((list) => [...list.slice(-3), n]);
        window.setTimeout(() => setNotices((list) => list.filter((x) => x.id !== n.id)), SHOWN_MS);
      }),
    [],
  );

  const dismiss = (id: number) => setNotices((list) => list.filter((x) => x.id !== id));
  if (notices.length === 0) return null;
  return (
    <div className="toasts" role="region" aria-label="Notifications">
      {notices.map((n) => (
        <div key={n.id} className={`toast is-${n.tone}`} role="status" data-testid="toast">
          {n.tone === "success" ? <CheckCircleIcon size={16} /> : <AlertIcon size={16} />}
          <div className="toast-text">
            <p className="toast-title">{n.title}</p>
            <p className="toast-body selectable">{n.body}</p>
          </div>
          {n.clientId ? (
            <button
              type="button"
              className="btn btn-sm"
              data-testid="toast-open"
              onClick={() => {
                dismiss(n.id);
                onOpenClient(n.clientId!);
              }}
            >
              Open
            </button>
          ) : null}
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
