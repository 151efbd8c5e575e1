import { useState } from "react";
import { updateInstall } from "../../api";
import type { ApiError, UpdateEvent, UpdateInfo } from "../../bindings";
import { formatDate } from "../../format";
import { Dialog } from "../Dialog";
import { AlertIcon } from "../Icons";
import "./Updates.css";

type Props = {
  update: UpdateInfo;
  onClose: () => void;
};

type Progress = { downloaded: number; total: number | null; installing: boolean };

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** A newer version: its notes, then "Install and restart" with the download's progress. */
export function UpdateDialog({ update, onClose }: Props) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = progress !== null && error === null;

  function onEvent(e: UpdateEvent) {
    setProgress((p) => {
      const base = p ?? { downloaded: 0, total: null, installing: false };
      switch (e.event) {
        case "started":
          return { ...base, total: e.total };
        case "progress":
          return { ...base, downloaded: e.downloaded, total: e.total };
        case "installing":
        case "installed":
          return { ...base, installing: true };
      }
    });
  }

  async function install() {
    setError(null);
    setProgress({ downloaded: 0, total: null, installing: false });
    try {
      await updateInstall(onEvent);
    } catch (err) {
      setError(err as ApiError);
    }
  }

  const percent =
    progress && progress.total ? Math.min(100, Math.round((progress.downloaded / progress.total) * 100)) : null;

  return (
    <Dialog
      title={`InstaGrowth OS ${update.version} is available`}
      size="lg"
      onClose={busy ? () => undefined : onClose}
      description={
        <p>
          You have {update.current_version}.{update.pub_date ? ` Released ${formatDate(update.pub_date)}.` : ""} Your
          clients and settings stay as they are; the app restarts into the new version.
        </p>
      }
    >
      <div className="update-body">
        <div className="update-notes selectable" data-testid="update-notes">
          {update.notes ?? "No release notes were given."}
        </div>

        {progress && !error ? (
          <div className="update-progress" data-testid="update-progress">
            <div
              className="update-bar"
              role="progressbar"
              aria-label="Download"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent ?? undefined}
            >
              <span style={{ width: `${percent ?? (progress.installing ? 100 : 8)}%` }} />
            </div>
            <p className="settings-note">
              {progress.installing
                ? "Verified. Installing and restarting…"
                : progress.total
                  ? `Downloading ${megabytes(progress.downloaded)} of ${megabytes(progress.total)}`
                  : `Downloading ${megabytes(progress.downloaded)}`}
            </p>
          </div>
        ) : null}

        {error ? (
          <div className="form-error" role="alert" data-testid="update-error" data-code={error.code}>
            <AlertIcon size={15} />
            <span className="selectable">{error.message}</span>
          </div>
        ) : null}

        <div className="dialog-actions">
          <button type="button" className="btn" data-testid="update-later" disabled={busy} onClick={onClose}>
            {error ? "Close" : "Later"}
          </button>
          {!error ? (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="update-install"
              data-autofocus
              disabled={busy}
              onClick={() => void install()}
            >
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              Install and restart
            </button>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
