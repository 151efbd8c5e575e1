import type { UpdateInfo } from "../../bindings";
import { InfoIcon } from "../Icons";
import "./Updates.css";

/** A newer version found in the background, until seen. */
export function UpdateBanner({ update, onOpen, onDismiss }: { update: UpdateInfo; onOpen: () => void; onDismiss: () => void }) {
  return (
    <div className="update-banner" role="status" data-testid="update-banner">
      <InfoIcon size={15} />
      <p className="update-banner-text">InstaGrowth OS {update.version} is available.</p>
      <button type="button" className="btn btn-sm btn-primary" data-testid="update-banner-open" onClick={onOpen}>
        See what's new
      </button>
      <button type="button" className="btn btn-sm btn-ghost" data-testid="update-banner-dismiss" onClick={onDismiss}>
        Later
      </button>
    </div>
  );
}
