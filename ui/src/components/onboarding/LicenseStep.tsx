import type { LicenseStatus } from "../../bindings";
import { plural } from "../../format";
import { ActivationForm } from "../license/ActivationForm";
import { daysUntil, isActivated } from "../license/licenseText";
import { CheckCircleIcon } from "../Icons";
import { StepFrame } from "./StepFrame";

type Props = {
  license: LicenseStatus | null;
  linkKey: string | null;
  onLicense: (status: LicenseStatus) => void;
  onNext: () => void;
  busy: boolean;
};

/** Step 1: work on the free trial, or activate this computer with the purchase key. */
export function LicenseStep({ license, linkKey, onLicense, onNext, busy }: Props) {
  const activated = license !== null && isActivated(license) && license.state !== "read_only";
  const trialDays = license?.state === "trial" && license.trial_ends_at ? daysUntil(license.trial_ends_at) : null;
  return (
    <StepFrame
      title="Your licence"
      lead="Everything works during the free trial. If you bought a plan, paste the key from the purchase e-mail to activate this computer."
      actions={
        <button type="button" className="btn btn-primary" data-testid="wizard-next" disabled={busy} onClick={onNext}>
          {activated ? "Continue" : "Continue with the trial"}
        </button>
      }
    >
      {activated && license ? (
        <p className="wizard-done" role="status" data-testid="wizard-license-done">
          <CheckCircleIcon size={15} /> Activated: {license.plan_label}
          {license.seats_in_use !== null
            ? `, ${license.seats_in_use} of ${plural(license.entitlements.seats, "computer")} in use`
            : ""}
          .
        </p>
      ) : (
        <>
          {trialDays !== null ? (
            <p className="wizard-note" data-testid="wizard-trial">
              Trial: {plural(trialDays, "day")} left. Reports carry a small TRIAL mark until a plan is activated.
            </p>
          ) : license?.state === "read_only" ? (
            <p className="wizard-note is-warning" data-testid="wizard-read-only">
              {license.reason ?? "This computer is read-only."} Activate a key to keep working.
            </p>
          ) : null}
          <div className="wizard-card">
            <h2 className="wizard-card-title">Have a purchase key?</h2>
            <ActivationForm initialKey={linkKey} onActivated={onLicense} />
          </div>
        </>
      )}
    </StepFrame>
  );
}
