import { Dialog } from "./Dialog";

type Props = {
  /** The back end's message: which account the export belongs to. */
  message: string;
  onCancel: () => void;
  onConfirm: () => void;
};

/** The back end's message without its hint for the command line (`--force`). */
export function mismatchText(message: string): string {
  const text = message.replace(/\s*[—–-]+\s*import it anyway with --force.*$/i, "").trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Asks before importing an export that belongs to another Instagram account. */
export function ImportMismatchDialog({ message, onCancel, onConfirm }: Props) {
  return (
    <Dialog
      title="Import anyway?"
      onClose={onCancel}
      description={
        <>
          <p className="selectable" data-testid="import-mismatch-message">
            {mismatchText(message)}
          </p>
          <p className="dialog-description-more">
            Import it only if this client's handle changed or you are sure the data is theirs. Its
            posts and follower counts will be added to this client.
          </p>
        </>
      }
    >
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="import-force-cancel" data-autofocus onClick={onCancel}>
          Don't import
        </button>
        <button type="button" className="btn btn-primary" data-testid="import-force" onClick={onConfirm}>
          Import anyway
        </button>
      </div>
    </Dialog>
  );
}
