import { isMac } from "../../format";
import { SHORTCUTS } from "../../shortcuts";
import { Dialog } from "../Dialog";
import "./Help.css";

/** Every keyboard shortcut, as written on this computer (⌘ on a Mac). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts-table" data-testid="shortcuts-dialog">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys} data-testid="shortcut">
              <td>
                <kbd className="kbd">{isMac ? s.mac : s.keys}</kbd>
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
