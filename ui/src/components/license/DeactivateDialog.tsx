import { useState } from "react";
import { Dialog } from "../Dialog";

type Props = {
  machineName: string | null;
  onCancel: () => void;
  /** Resolves when the deactivation has finished, whether or not it succeeded. */
  onConfirm: () => Promise<void>;
};

export function DeactivateDialog({ machineName, onCancel, onConfirm }: Props) {
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
      title="Deactivate this computer?"
      onClose={busy ? () => undefined : onCancel}
      description={
        <p>
          This frees {machineName ? <strong>{machineName}</strong> : "this computer"}'s seat so the key can activate
          another computer, and removes the licence and its key from here. Clients, audits, plans and reports stay;
          without a licence they can be viewed and exported, and the trial applies if it has days left.
        </p>
      }
    >
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="deactivate-cancel" data-autofocus disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="deactivate-confirm"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          Deactivate
        </button>
      </div>
    </Dialog>
  );
}
