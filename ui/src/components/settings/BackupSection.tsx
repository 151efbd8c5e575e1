import { useState } from "react";
import { backupCreate, pickBackupSavePath } from "../../api";
import type { ApiError, BackupManifest } from "../../bindings";
import { todayDay } from "../../format";
import { AlertIcon, CheckCircleIcon, DownloadIcon } from "../Icons";
import { manifestSummary, RestoreBackupButton } from "./RestoreBackup";
import { SettingsCard } from "./SettingsCard";

/** Settings → Backup: the whole workspace in one file. */
export function BackupSection() {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ path: string; manifest: BackupManifest } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function backUp() {
    setError(null);
    setDone(null);
    try {
      const path = await pickBackupSavePath(`instagrowth-${todayDay()}.igbackup`);
      if (!path) return;
      setBusy(true);
      setDone({ path, manifest: await backupCreate(path) });
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <SettingsCard
      title="Backup"
      icon={<DownloadIcon size={16} />}
      testId="backup"
      description="Everything in this workspace — clients, imports, audits, plans, content, replies, branding and settings — in one file. Keys are never in it: they stay in this computer's keychain."
    >
      <div className="settings-actions">
        <button type="button" className="btn" data-testid="backup-create" disabled={busy} onClick={() => void backUp()}>
          {busy ? <span className="spinner" aria-hidden="true" /> : <DownloadIcon size={14} />}
          Back up workspace…
        </button>
        <RestoreBackupButton label="Restore from a backup…" disabled={busy} onError={setError} />
      </div>
      {done ? (
        <p className="updates-result selectable" role="status" data-testid="backup-done">
          <CheckCircleIcon size={14} /> Saved {done.path}: {manifestSummary(done.manifest)}.
        </p>
      ) : null}
      {error ? (
        <div className="form-error" role="alert" data-testid="backup-error">
          <AlertIcon size={15} />
          <span className="selectable">{error.message}</span>
        </div>
      ) : null}
      <p className="settings-note">
        A backup is restored only into a workspace without clients, so nothing is ever overwritten: on a new computer,
        restore first, then set the AI key and activate the licence there.
      </p>
    </SettingsCard>
  );
}
