import type { LicenseStatus } from "../../bindings";
import { AlertIcon, InfoIcon } from "../Icons";
import { bannerText } from "./licenseText";
import "./License.css";

type Props = {
  status: LicenseStatus;
  /** Opens the licence page (to activate, renew or check). */
  onOpen: () => void;
};

/** The licence's standing over every page: the trial's days, the grace period's deadline, or read-only. */
export function LicenseBanner({ status, onOpen }: Props) {
  const text = bannerText(status);
  if (text === null) return null;
  const tone = status.state === "read_only" ? "danger" : status.state === "grace" ? "warning" : "info";
  return (
    <div
      className={`license-banner license-banner-${tone}`}
      role={tone === "info" ? "status" : "alert"}
      data-testid="license-banner"
      data-state={status.state}
      data-code={status.code}
    >
      {tone === "info" ? <InfoIcon size={15} /> : <AlertIcon size={15} />}
      <p className="license-banner-text selectable">{text}</p>
      <button type="button" className="btn btn-sm" data-testid="license-banner-open" onClick={onOpen}>
        {status.state === "trial" || status.code === "TRIAL_ENDED" ? "Activate" : "Open licence"}
      </button>
    </div>
  );
}
