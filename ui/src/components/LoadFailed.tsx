import { AlertIcon, RefreshIcon } from "./Icons";
import "./LoadFailed.css";

type Props = {
  /** What could not be loaded, as the sentence's subject: "The audits". */
  what: string;
  /** The back end's reason (a sentence), when the screen has it. */
  reason?: string | null;
  onRetry: () => void;
  testId: string;
};

/** The one way a screen says its data could not be loaded: what, why, and Try again. */
export function LoadFailed({ what, reason, onRetry, testId }: Props) {
  return (
    <div className="load-failed" role="alert" data-testid={testId}>
      <AlertIcon size={15} />
      <p className="selectable">
        {what} could not be loaded.{reason ? ` ${reason}` : ""}
      </p>
      <button type="button" className="btn btn-sm" onClick={onRetry}>
        <RefreshIcon size={13} />
        Try again
      </button>
    </div>
  );
}
