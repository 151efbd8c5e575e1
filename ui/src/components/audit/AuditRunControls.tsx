import { useId } from "react";
import { AuditIcon } from "../Icons";

type Props = {
  label: string;
  offline: boolean;
  onOffline: (offline: boolean) => void;
  onRun: () => void;
  running: boolean;
  /** The primary action of its area (the empty state: button first), or a secondary one beside Export
   * (box first, as "Open after export"). */
  primary?: boolean;
};

/** "Run audit" with its "Offline narrative" choice. */
export function AuditRunControls({ label, offline, onOffline, onRun, running, primary }: Props) {
  const id = useId();
  const button = (
    <button
      type="button"
      className={primary ? "btn btn-primary" : "btn"}
      data-testid="audit-run"
      disabled={running}
      aria-describedby={`${id}-offline-hint`}
      onClick={onRun}
    >
      {running ? <span className="spinner" aria-hidden="true" /> : <AuditIcon size={14} />}
      {label}
    </button>
  );
  const box = (
    <label className="check" title="The numbers never come from AI; AI only writes the summary when a provider is set up.">
      <input
        type="checkbox"
        data-testid="audit-offline"
        checked={offline}
        disabled={running}
        onChange={(e) => onOffline(e.target.checked)}
      />
      <span>Offline narrative</span>
    </label>
  );
  return (
    <div className="audit-run-controls">
      {primary ? button : box}
      {primary ? box : button}
      <span id={`${id}-offline-hint`} className="visually-hidden">
        The numbers never come from AI. When an AI provider is set up, it only writes the summary; with Offline
        narrative ticked the summary is written offline too.
      </span>
    </div>
  );
}
