import type { Client } from "../bindings";
import { ConfirmDialog } from "./ConfirmDialog";

type Props = {
  client: Client;
  onCancel: () => void;
  /** Resolves when the delete has finished, whether or not it succeeded. */
  onConfirm: () => Promise<void>;
};

export function ConfirmDeleteDialog({ client, onCancel, onConfirm }: Props) {
  return (
    <ConfirmDialog
      title={`Delete ${client.name}?`}
      description={
        <p>
          This permanently removes <strong>{client.name}</strong> (@{client.handle}) and all of its
          data: profile, goals, notes and tags. This can't be undone.
        </p>
      }
      confirmLabel="Delete client"
      cancelTestId="confirm-cancel"
      confirmTestId="confirm-delete"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
