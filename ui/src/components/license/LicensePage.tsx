import { useState } from "react";
import { licenseDeactivate, licenseOpenPortal, licenseRefresh } from "../../api";
import type { ApiError, LicenseStatus } from "../../bindings";
import { AlertIcon, CheckCircleIcon, KeyIcon, LockIcon, RefreshIcon } from "../Icons";
import { SettingsCard } from "../settings/SettingsCard";
import { ActivationForm } from "./ActivationForm";
import { DeactivateDialog } from "./DeactivateDialog";
import { isActivated } from "./licenseText";
import { LicenseSummary } from "./LicenseSummary";
import { ServerField } from "./ServerField";
import "./License.css";
import { HelpLink } from "../help/HelpLink";

type Props = {
  status: LicenseStatus | null;
  /** A key from an activation link, filled into the form. */
  linkKey: string | null;
  /** The licence changed here (activated, checked, deactivated): the app updates its banner. */
  onStatus: (status: LicenseStatus) => void;
  /** Asks for the status again (after a change of server). */
  onReload: () => void;
};

type Notice = { tone: "ok" | "error"; text: string };

/**
 * The licence page: the plan and where it stands, seats, what it includes; activation with a
 * purchase key; check now, the billing portal, and deactivating this computer.
 */
export function LicensePage({ status, linkKey, onStatus, onReload }: Props) {
  const [busy, setBusy] = useState<"refresh" | "portal" | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [otherKey, setOtherKey] = useState(false);

  async function run(kind: "refresh" | "portal") {
    setBusy(kind);
    setNotice(null);
    try {
      if (kind === "refresh") {
        onStatus(await licenseRefresh());
        setNotice({ tone: "ok", text: "Checked with the licence server just now." });
      } else {
        const url = await licenseOpenPortal();
        setNotice({ tone: "ok", text: `The billing portal opened in your browser. If it did not: ${url}` });
      }
    } catch (err) {
      setNotice({ tone: "error", text: (err as ApiError).message });
      if (kind === "refresh") onReload();
    } finally {
      setBusy(null);
    }
  }

  async function deactivate() {
    try {
      onStatus(await licenseDeactivate());
      setConfirming(false);
      setNotice({ tone: "ok", text: "This computer's seat is free; its licence was removed from here." });
    } catch (err) {
      setConfirming(false);
      setNotice({ tone: "error", text: (err as ApiError).message });
    }
  }

  const activated = status !== null && isActivated(status);
  const showForm = status !== null && (!activated || otherKey || linkKey !== null);

  return (
    <section className="license-page" data-testid="license-page" aria-labelledby="license-title">
      <header className="page-header">
        <div>
          <h1 id="license-title" className="page-title">
            Licence
          </h1>
          <p className="page-subtitle">Your plan, this computer's seat, and billing.</p>
          <HelpLink article="licences-and-seats">Licences and seats explained</HelpLink>
        </div>
      </header>

      {status === null ? (
        <p className="settings-note">Loading…</p>
      ) : (
        <div className="settings-stack">
          <LicenseSummary status={status} />

          {notice ? (
            <div
              className={notice.tone === "ok" ? "license-notice" : "form-error"}
              role={notice.tone === "ok" ? "status" : "alert"}
              data-testid="license-notice"
              data-tone={notice.tone}
            >
              {notice.tone === "ok" ? <CheckCircleIcon size={15} /> : <AlertIcon size={15} />}
              <span className="selectable">{notice.text}</span>
            </div>
          ) : null}

          {activated ? (
            <div className="license-actions">
              <button
                type="button"
                className="btn"
                data-testid="license-refresh"
                disabled={busy !== null}
                onClick={() => void run("refresh")}
              >
                {busy === "refresh" ? <span className="spinner" aria-hidden="true" /> : <RefreshIcon size={14} />}
                Check now
              </button>
              <button
                type="button"
                className="btn"
                data-testid="license-portal"
                disabled={busy !== null}
                onClick={() => void run("portal")}
              >
                {busy === "portal" ? <span className="spinner" aria-hidden="true" /> : null}
                Manage subscription
              </button>
              {!otherKey ? (
                <button type="button" className="btn btn-ghost" data-testid="license-other-key" onClick={() => setOtherKey(true)}>
                  Use another key
                </button>
              ) : null}
              <span className="license-actions-spacer" />
              <button
                type="button"
                className="btn btn-danger-ghost"
                data-testid="license-deactivate"
                disabled={busy !== null}
                onClick={() => setConfirming(true)}
              >
                Deactivate this computer
              </button>
            </div>
          ) : null}

          {showForm ? (
            <SettingsCard
              title={activated ? "Activate with another key" : "Activate a licence"}
              icon={<KeyIcon size={16} />}
              testId="license-activate-card"
              description="The key is kept in this computer's keychain; the licence server only sees it when you activate or it checks the licence."
            >
              <ActivationForm
                initialKey={linkKey}
                onActivated={(s) => {
                  onStatus(s);
                  setOtherKey(false);
                  setNotice({ tone: "ok", text: `Activated: ${s.plan_label}. Thank you!` });
                }}
              />
            </SettingsCard>
          ) : null}

          <SettingsCard
            title="Offline use"
            icon={<LockIcon size={16} />}
            description="Everything works offline. The licence is checked online about once a day when the internet is there; without it, the app keeps working until the date above, then becomes read-only — everything you made stays viewable and exportable."
          >
            <ServerField serverUrl={status.server_url} onChanged={onReload} />
          </SettingsCard>
        </div>
      )}

      {confirming && status ? (
        <DeactivateDialog machineName={status.machine_name} onCancel={() => setConfirming(false)} onConfirm={deactivate} />
      ) : null}
    </section>
  );
}
