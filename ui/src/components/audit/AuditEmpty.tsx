import type { ReactNode } from "react";
import { AuditIcon } from "../Icons";
import { AuditRunControls } from "./AuditRunControls";

type Props = {
  clientName: string;
  offline: boolean;
  onOffline: (offline: boolean) => void;
  onRun: () => void;
  running: boolean;
  /** The run's progress or error, under the controls. */
  status: ReactNode;
};

/** No audit yet: what one gives, and the button to run the first. */
export function AuditEmpty({ clientName, offline, onOffline, onRun, running, status }: Props) {
  return (
    <div className="audit-empty" data-testid="audit-empty">
      <div className="audit-empty-icon" aria-hidden="true">
        <AuditIcon size={20} />
      </div>
      <div className="audit-empty-body">
        <h2 className="audit-empty-title">No audit of {clientName} yet</h2>
        <p className="audit-empty-text">
          An audit reads the imported posts and gives a health check you can hand to the client: engagement against
          accounts of the same size, a content score, the estimated risk of restricted reach, the best times to post
          and a 30-day roadmap — ready to export as a branded PDF.
        </p>
        <AuditRunControls label="Run audit" primary offline={offline} onOffline={onOffline} onRun={onRun} running={running} />
        <p className="audit-empty-hint">
          The numbers never come from AI: the app measures them. When an AI provider is set up, it only writes the
          summary; tick <em>Offline narrative</em> to have that written offline too.
        </p>
        {status}
      </div>
    </div>
  );
}
