import { useState } from "react";
import type { Client } from "../bindings";
import { Dialog } from "./Dialog";

type Props = {
  client: Client;
  onCancel: () => void;
  /** Resolves when the delete has finished, whether or not it succeeded. */
  onConfirm: () => Promise<void>;
};

export function ConfirmDeleteDialog({ client, onCancel, onConfirm }: Props) {
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Delete ${client.name}?`}
      onClose={busy ? () => undefined : onCancel}
      description={
        <p>
          This permanently removes <strong>{client.name}</strong> (@{client.handle}) and all of its
          data: profile, goals, notes and tags. This can't be undone.
        </p>
      }
    >
      <div className="dialog-actions">
        <button
          type="button"
          className="btn"
          data-testid="confirm-cancel"
          data-autofocus
          disabled={busy}
          onClick={onCancel}
        >
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="confirm-delete"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          Delete client
        </button>
      </div>
    </Dialog>
  );
}
