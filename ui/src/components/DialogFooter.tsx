import { isMac } from "../format";
import "./Dialog.css";

type Props = {
  saving: boolean;
  saveLabel: string;
  onCancel: () => void;
  /** Test ids become `<prefix>-cancel` and `<prefix>-save`. */
  testIdPrefix: string;
};

/** The footer of a form dialog: the save shortcut, Cancel, and a submit button. */
export function DialogFooter({ saving, saveLabel, onCancel, testIdPrefix }: Props) {
  return (
    <footer className="dialog-footer">
      <span className="dialog-shortcut" aria-hidden="true">
        <kbd>{isMac ? "⌘" : "Ctrl"}</kbd>
        <kbd>Enter</kbd> to save · <kbd>Esc</kbd> to cancel
      </span>
      <button type="button" className="btn" data-testid={`${testIdPrefix}-cancel`} disabled={saving} onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" data-testid={`${testIdPrefix}-save`} disabled={saving}>
        {saving ? <span className="spinner" aria-hidden="true" /> : null}
        {saving ? "Saving…" : saveLabel}
      </button>
    </footer>
  );
}
