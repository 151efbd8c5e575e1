import { useState, type ReactNode } from "react";
import { Dialog } from "./Dialog";

type Props = {
  title: string;
  description: ReactNode;
  /** The dangerous action's label ("Delete client", "Deactivate"). */
  confirmLabel: string;
  /** `data-testid`s of the two buttons. */
  cancelTestId: string;
  confirmTestId: string;
  onCancel: () => void;
  /** Resolves when the action has finished, whether or not it succeeded. */
  onConfirm: () => Promise<void>;
};

/** Asks before a dangerous action: Cancel has the focus, the action is red and busy while it runs. */
export function ConfirmDialog(props: Props) {
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={props.title} onClose={busy ? () => undefined : props.onCancel} description={props.description}>
      <div className="dialog-actions">
        <button
          type="button"
          className="btn"
          data-testid={props.cancelTestId}
          data-autofocus
          disabled={busy}
          onClick={props.onCancel}
        >
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          data-testid={props.confirmTestId}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
