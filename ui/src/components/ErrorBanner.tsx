import type { ApiError } from "../bindings";
import { AlertIcon, CloseIcon } from "./Icons";
import "./ErrorBanner.css";

/** The last failed command's message, until dismissed. */
export function ErrorBanner({ error, onDismiss }: { error: ApiError; onDismiss: () => void }) {
  return (
    <div className="error-banner" role="alert" data-testid="app-error" data-code={error.code}>
      <AlertIcon size={16} className="error-banner-icon" />
      <p className="error-banner-message selectable">{error.message}</p>
      <button
        type="button"
        className="icon-btn"
        aria-label="Dismiss error"
        data-testid="app-error-dismiss"
        onClick={onDismiss}
      >
        <CloseIcon size={14} />
      </button>
    </div>
  );
}
