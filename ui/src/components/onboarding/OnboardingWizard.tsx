import { useEffect, useState } from "react";
import { getClient, onboardingComplete, onboardingGoTo, onboardingSkip, toApiError } from "../../api";
import type { ApiError, Client, LicenseStatus, Onboarding, OnboardingStep } from "../../bindings";
import { HelpProvider } from "../../help/HelpContext";
import { Dialog } from "../Dialog";
import { HelpLink } from "../help/HelpLink";
import { HelpPage } from "../help/HelpPage";
import { AlertIcon, BrandMark, CheckIcon } from "../Icons";
import { RestoreBackupButton } from "../settings/RestoreBackup";
import { AiStep } from "./AiStep";
import { AuditStep } from "./AuditStep";
import { BrandingStep } from "./BrandingStep";
import { ClientStep } from "./ClientStep";
import { ImportStep } from "./ImportStep";
import { LicenseStep } from "./LicenseStep";
import { STEPS, stepIndex } from "./steps";
import "../settings/Settings.css";
import "./Onboarding.css";

type Props = {
  onboarding: Onboarding;
  onChange: (onboarding: Onboarding) => void;
  license: LicenseStatus | null;
  /** A purchase key from an activation link (`instagrowth://activate?key=…`): the licence step
   * shows it filled in. */
  linkKey: string | null;
  onLicense: (status: LicenseStatus) => void;
  /** The wizard closes: skipped (`null`) or finished, opening the client it made. */
  onClose: (openClientId: string | null) => void;
};

/**
 * The first-run setup, from install to the first branded audit PDF. Each step is saved as it is
 * completed, so closing the app resumes here; "Skip setup" puts it aside (Help → Resume setup).
 */
export function OnboardingWizard({ onboarding, onChange, license, linkKey, onLicense, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [client, setClient] = useState<Client | null>(null);
  // Help opened from the setup (a step's link, or F1): over the wizard, not instead of it.
  const [help, setHelp] = useState<{ article?: string } | null>(null);
  const o = onboarding;

  useEffect(() => {
    if (!o.client_id) {
      setClient(null);
      return;
    }
    getClient(o.client_id).then(setClient, (err) => setError(toApiError(err)));
  }, [o.client_id]);

  // A link clicked in the purchase e-mail (at launch or now) is for the licence step.
  useEffect(() => {
    if (linkKey && o.step !== "license") void act(() => onboardingGoTo("license"));
    // Only a new link moves the setup.
  }, [linkKey]);

  async function act(work: () => Promise<Onboarding>): Promise<Onboarding | null> {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      onChange(next);
      return next;
    } catch (err) {
      setError(toApiError(err));
      return null;
    } finally {
      setBusy(false);
    }
  }

  const complete = (step: OnboardingStep, clientId: string | null = null) =>
    act(() => onboardingComplete(step, clientId));
  const goTo = (step: OnboardingStep) => void act(() => onboardingGoTo(step));
  const back = () => goTo(STEPS[Math.max(0, stepIndex(o.step) - 1)].step);

  async function skip() {
    const next = await act(onboardingSkip);
    if (next) onClose(null);
  }

  async function finish() {
    const next = await complete("audit");
    if (next) onClose(next.client_id);
  }

  // Steps after "first client" need it; a resumed setup whose client is gone goes back to it.
  const needsClient = o.step === "import" || o.step === "audit";
  const current = stepIndex(o.step);

  return (
    <HelpProvider openHelp={(article) => setHelp({ article })}>
      <div className="wizard" data-testid="wizard">
        <aside className="wizard-rail">
          <div className="wizard-brand">
            <BrandMark size={22} />
            <span>InstaGrowth OS</span>
          </div>
          <p className="wizard-rail-title">Set up in six steps</p>
          <ol className="wizard-steps">
            {STEPS.map((s, i) => {
              const done = o.done.includes(s.step);
              const reachable = done || i <= current || (i > 0 && o.done.includes(STEPS[i - 1].step));
              return (
                <li key={s.step}>
                  <button
                    type="button"
                    className="wizard-steps-item"
                    data-testid={`wizard-rail-${s.step}`}
                    aria-current={s.step === o.step ? "step" : undefined}
                    disabled={!reachable || busy}
                    onClick={() => goTo(s.step)}
                  >
                    <span className={done ? "wizard-steps-dot is-done" : "wizard-steps-dot"} aria-hidden="true">
                      {done ? <CheckIcon size={12} /> : i + 1}
                    </span>
                    <span>
                      <span className="wizard-steps-label">{s.label}</span>
                      <span className="wizard-steps-hint">{s.hint}</span>
                    </span>
                    {done ? <span className="visually-hidden">(done)</span> : null}
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="wizard-rail-footer">
            {o.step === "license" && o.done.length === 0 ? (
              <div className="wizard-restore">
                <p>Moving from another computer?</p>
                <RestoreBackupButton label="Restore a backup…" className="btn btn-sm" onError={setError} />
              </div>
            ) : null}
            <button type="button" className="btn btn-ghost btn-sm" data-testid="wizard-skip" disabled={busy} onClick={() => void skip()}>
              Skip setup
            </button>
            <p className="wizard-rail-note">
              You can resume it any time from Help. <HelpLink article="first-run-setup">About the setup</HelpLink>
            </p>
          </div>
        </aside>

        <main className="wizard-main">
          <div className="wizard-page">
            {error ? (
              <div className="form-error wizard-error" role="alert" data-testid="wizard-error">
                <AlertIcon size={15} />
                <span className="selectable">{error.message}</span>
              </div>
            ) : null}
            {needsClient && !o.client_id ? (
              <ClientStep clientId={null} busy={busy} onBack={back} onNext={(c) => void complete("client", c.id)} />
            ) : o.step === "license" ? (
              <LicenseStep license={license} linkKey={linkKey} onLicense={onLicense} busy={busy} onNext={() => void complete("license")} />
            ) : o.step === "ai" ? (
              <AiStep busy={busy} onBack={back} onNext={() => void complete("ai")} />
            ) : o.step === "branding" ? (
              <BrandingStep busy={busy} onBack={back} onNext={() => void complete("branding")} />
            ) : o.step === "client" ? (
              <ClientStep
                clientId={o.client_id}
                busy={busy}
                onBack={back}
                onNext={(c) => void complete("client", c.id)}
              />
            ) : client && o.step === "import" ? (
              <ImportStep
                client={client}
                alreadyImported={o.done.includes("import")}
                busy={busy} onBack={back} onNext={() => void complete("import")} />
            ) : client && o.step === "audit" ? (
              <AuditStep client={client} busy={busy} onBack={back} onFinish={() => void finish()} />
            ) : (
              <div className="settings-loading" aria-busy="true" aria-label="Loading" />
            )}
          </div>
        </main>
        {help ? (
          <Dialog title="Help" size="xl" onClose={() => setHelp(null)}>
            <div className="wizard-help">
              <HelpPage initialArticle={help.article} />
            </div>
          </Dialog>
        ) : null}
      </div>
    </HelpProvider>
  );
}
