import { useState } from "react";
import { backupInspect, backupRestore, pickBackupFile, toApiError } from "../../api";
import { reloadApp } from "../../appReload";
import type { ApiError, BackupManifest } from "../../bindings";
import { ConfirmDialog } from "../ConfirmDialog";
import { UploadIcon } from "../Icons";

/** "3 clients, 120 posts, 4 audits, 2 plans": what a backup holds. */
export function manifestSummary(m: BackupManifest): string {
  const c = m.counts;
  return `${c.clients} clients, ${c.posts} posts, ${c.audits} audits, ${c.plans} plans`;
}

type Props = {
  label: string;
  className?: string;
  disabled?: boolean;
  /** A refusal (the workspace has clients, a damaged file…): nothing was changed. */
  onError: (error: ApiError | null) => void;
};

/**
 * Restore a workspace backup: pick the file, see what it holds, confirm. The app then starts
 * over on the restored workspace, so every screen shows it.
 */
export function RestoreBackupButton({ label, className = "btn", disabled, onError }: Props) {
  const [chosen, setChosen] = useState<{ path: string; manifest: BackupManifest } | null>(null);

  async function choose() {
    onError(null);
    try {
      const path = await pickBackupFile();
      if (!path) return;
      setChosen({ path, manifest: await backupInspect(path) });
    } catch (err) {
      onError(toApiError(err));
    }
  }

  async function restore(path: string) {
    try {
      await backupRestore(path);
      setChosen(null);
      reloadApp();
    } catch (err) {
      setChosen(null);
      onError(toApiError(err));
    }
  }

  return (
    <>
      <button type="button" className={className} data-testid="backup-restore" disabled={disabled} onClick={() => void choose()}>
        <UploadIcon size={14} />
        {label}
      </button>
      {chosen ? (
        <ConfirmDialog
          title="Restore this backup?"
          description={
            <>
              <span className="selectable">{chosen.path}</span> was made on{" "}
              {new Date(chosen.manifest.created_at).toLocaleString()} by version {chosen.manifest.app_version}. It holds{" "}
              {manifestSummary(chosen.manifest)}. This workspace's settings and branding are replaced by the backup's;
              keys and this computer's licence stay as they are.
            </>
          }
          confirmLabel="Restore"
          cancelTestId="backup-restore-cancel"
          confirmTestId="backup-restore-confirm"
          onCancel={() => setChosen(null)}
          onConfirm={() => restore(chosen.path)}
        />
      ) : null}
    </>
  );
}
