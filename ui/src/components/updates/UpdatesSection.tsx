import { useEffect, useId, useState } from "react";
import { updateCheck, updateSetChannel, updateSettings } from "../../api";
import type { ApiError, UpdateChannel, UpdateInfo, UpdateSettings } from "../../bindings";
import { AlertIcon, CheckCircleIcon, RefreshIcon } from "../Icons";
import { SettingsCard } from "../settings/SettingsCard";
import { UpdateDialog } from "./UpdateDialog";
import "./Updates.css";

type Result = { kind: "newest" } | { kind: "error"; error: ApiError };

/** Settings → Updates: the channel, the running version, and "Check for updates". */
export function UpdatesSection() {
  const id = useId();
  const [settings, setSettings] = useState<UpdateSettings | null>(null);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [found, setFound] = useState<UpdateInfo | null>(null);

  useEffect(() => {
    updateSettings().then(setSettings, (error: ApiError) => setResult({ kind: "error", error }));
  }, []);

  async function changeChannel(channel: UpdateChannel) {
    try {
      setSettings(await updateSetChannel(channel));
      setResult(null);
    } catch (error) {
      setResult({ kind: "error", error: error as ApiError });
    }
  }

  async function check() {
    setChecking(true);
    setResult(null);
    try {
      const info = await updateCheck();
      if (info) setFound(info);
      else setResult({ kind: "newest" });
    } catch (error) {
      setResult({ kind: "error", error: error as ApiError });
    } finally {
      setChecking(false);
    }
  }

  return (
    <SettingsCard
      title="Updates"
      icon={<RefreshIcon size={16} />}
      testId="updates"
      description="InstaGrowth OS checks for a new version when it starts and every few hours, and asks before installing. Every update is signed; one that does not verify is never installed."
    >
      <div className="updates-row">
        <div>
          <p className="field-label">This version</p>
          <p className="updates-version" data-testid="updates-version">
            {settings?.current_version ?? "—"}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-channel`} className="field-label">
            Channel
          </label>
          <select
            id={`${id}-channel`}
            className="select"
            data-testid="updates-channel"
            value={settings?.channel ?? "stable"}
            disabled={settings === null}
            onChange={(e) => void changeChannel(e.currentTarget.value as UpdateChannel)}
          >
            <option value="stable">Stable (recommended)</option>
            <option value="beta">Beta: new features first</option>
          </select>
        </div>
        <button type="button" className="btn" data-testid="updates-check" disabled={checking} onClick={() => void check()}>
          {checking ? <span className="spinner" aria-hidden="true" /> : <RefreshIcon size={14} />}
          Check for updates
        </button>
      </div>

      {result?.kind === "newest" ? (
        <p className="updates-result" role="status" data-testid="updates-result">
          <CheckCircleIcon size={14} /> You have the newest version on the {settings?.channel ?? "stable"} channel.
        </p>
      ) : null}
      {result?.kind === "error" ? (
        <div className="form-error" role="alert" data-testid="updates-error" data-code={result.error.code}>
          <AlertIcon size={15} />
          <span className="selectable">{result.error.message}</span>
        </div>
      ) : null}

      {found ? <UpdateDialog update={found} onClose={() => setFound(null)} /> : null}
    </SettingsCard>
  );
}
