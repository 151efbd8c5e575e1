import { ConfirmDialog } from "../ConfirmDialog";

type Props = {
  machineName: string | null;
  onCancel: () => void;
  /** Resolves when the deactivation has finished, whether or not it succeeded. */
  onConfirm: () => Promise<void>;
};

export function DeactivateDialog({ machineName, onCancel, onConfirm }: Props) {
  return (
    <ConfirmDialog
      title="Deactivate this computer?"
      description={
        <p>
          This frees {machineName ? <strong>{machineName}</strong> : "this computer"}'s seat so the key can activate
          another computer, and removes the licence and its key from here. Clients, audits, plans and reports stay;
          without a licence they can be viewed and exported, and the trial applies if it has days left.
        </p>
      }
      confirmLabel="Deactivate"
      cancelTestId="deactivate-cancel"
      confirmTestId="deactivate-confirm"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
