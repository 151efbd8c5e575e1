import { useEffect, useRef, useState, type FormEvent } from "react";
import { cancelImport, pickImportFiles, pickImportFolder, runImport, toApiError } from "../api";
import type { ApiError, Client, ImportOutcome, Progress } from "../bindings";
import { plural } from "../format";
import { useFileDrop } from "../hooks/useFileDrop";
import { modalIsOpen } from "../hooks/useShortcut";
import { notifyFinished } from "../notify";
import { AlertIcon, CloseIcon, FileIcon, FolderIcon, InfoIcon, TableIcon, UploadIcon } from "./Icons";
import { ImportMismatchDialog } from "./ImportMismatchDialog";
import "./ImportCard.css";
import { HelpLink } from "./help/HelpLink";

type Status =
  | { kind: "idle" }
  | { kind: "running"; paths: string[]; progress: Progress | null; cancelling: boolean }
  | { kind: "confirm"; paths: string[]; message: string }
  | { kind: "cancelled" }
  | { kind: "error"; error: ApiError };

type Props = {
  client: Client;
  /** An import is starting: an older summary no longer applies. */
  onStart: () => void;
  onImported: (outcome: ImportOutcome) => void;
  /** Opens manual entry. */
  onManual: () => void;
  /** Files are being dragged over the window. */
  onDragEnter?: () => void;
  /** The client has data already: a slimmer card, the guide folded away. */
  compact?: boolean;
};

/**
 * Typed or pasted paths: one per line, without the quotes a file manager may add, `file://`
 * URLs turned into paths.
 */
/** "Glow Studio: 24 posts added, 3 updated." */
function importedLine(client: Client, o: ImportOutcome): string {
  return `${client.name}: ${plural(o.posts_added, "post")} added, ${o.posts_updated} updated.`;
}

export function parsePaths(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^(["'])(.*)\1$/, "$2").trim())
    .filter((line) => line !== "")
    .map((line) => {
      if (!/^file:\/\//i.test(line)) return line;
      try {
        return decodeURIComponent(new URL(line).pathname);
      } catch {
        return line;
      }
    });
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

function describe(paths: string[]): string {
  if (paths.length === 1) return baseName(paths[0]);
  return `${paths.length} files`;
}

/** Imports a client's data: drop zone, file and folder pickers, a path field, progress, errors. */
export function ImportCard({ client, onStart, onImported, onManual, onDragEnter, compact = false }: Props) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [pathText, setPathText] = useState("");
  const running = status.kind === "running";
  // The import whose messages still count (a newer one or an unmount makes older ones stale).
  const current = useRef(0);
  const busy = useRef(false);

  // Leaving the page does not stop an import: its end is announced instead (a toast, and the OS
  // when the window is in the background).
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
      current.current += 1;
    },
    [],
  );

  async function start(paths: string[], force = false) {
    // One import at a time (the back end runs one; a ref also stops a double click).
    if (paths.length === 0 || busy.current) return;
    busy.current = true;
    const id = ++current.current;
    onStart();
    setStatus({ kind: "running", paths, progress: null, cancelling: false });
    try {
      const outcome = await runImport(client.id, paths, force, (progress) => {
        if (current.current !== id) return;
        setStatus((s) => (s.kind === "running" ? { ...s, progress } : s));
      });
      notifyFinished(
        { title: "Import finished", body: importedLine(client, outcome), tone: "success", clientId: client.id },
        mounted.current,
      );
      if (current.current !== id) return;
      setStatus({ kind: "idle" });
      setPathText("");
      onImported(outcome);
    } catch (err) {
      const error = toApiError(err);
      if (error.code !== "cancelled" && error.code !== "handle_mismatch") {
        notifyFinished(
          { title: "Import failed", body: `${client.name}: ${error.message}`, tone: "error", clientId: client.id },
          mounted.current,
        );
      }
      if (current.current !== id) return;
      if (error.code === "cancelled") setStatus({ kind: "cancelled" });
      else if (error.code === "handle_mismatch" && !force) setStatus({ kind: "confirm", paths, message: error.message });
      else setStatus({ kind: "error", error });
    } finally {
      if (current.current === id) busy.current = false;
    }
  }

  async function cancel() {
    setStatus((s) => (s.kind === "running" ? { ...s, cancelling: true } : s));
    try {
      await cancelImport();
    } catch (err) {
      setStatus({ kind: "error", error: toApiError(err) });
    }
  }

  async function choose(pick: () => Promise<string[]>) {
    try {
      const paths = await pick();
      if (paths.length > 0) void start(paths);
    } catch (err) {
      setStatus({ kind: "error", error: toApiError(err) });
    }
  }

  function submitPath(event: FormEvent) {
    event.preventDefault();
    void start(parsePaths(pathText));
  }

  const { dragging } = useFileDrop((paths) => {
    // Not while a dialog is open or another import runs.
    if (busy.current || modalIsOpen()) return;
    void start(paths);
  });

  useEffect(() => {
    if (dragging) onDragEnter?.();
  }, [dragging]);

  const highlight = dragging && !running;

  const manualButton = (
    <button type="button" className="btn btn-sm import-manual-btn" data-testid="manual-open" onClick={onManual}>
      Enter by hand…
    </button>
  );

  const guide = (
    <ol className="import-guide-list">
      <li>
        <span className="import-guide-step">
          <UploadIcon size={14} />
        </span>
        <div>
          <p className="import-guide-head">Instagram data download</p>
          <p>
            In Instagram: <b>Accounts Center</b> → <b>Your information and permissions</b> →{" "}
            <b>Download your information</b>. Pick the account, choose <b>JSON</b> (not HTML) and{" "}
            <b>All time</b>. Meta emails a link when the files are ready; drop every part of the zip
            here together.
          </p>
        </div>
      </li>
      <li>
        <span className="import-guide-step">
          <TableIcon size={14} />
        </span>
        <div>
          <p className="import-guide-head">Meta Business Suite CSV</p>
          <p>
            <b>Insights</b> → <b>Content</b> → pick a date range → <b>Export data</b> → <b>CSV</b>.
            Adds reach, views, saves and shares to the posts.
          </p>
        </div>
      </li>
      <li>
        <span className="import-guide-step">
          <InfoIcon size={14} />
        </span>
        <div>
          <p className="import-guide-head">No export?</p>
          <p>Type in follower counts and a few posts from the app's insights.</p>
          {compact ? null : manualButton}
        </div>
      </li>
    </ol>
  );

  return (
    <section className={compact ? "import-card is-compact" : "import-card"} data-testid="import-card" aria-labelledby="import-title">
      <div className="import-main">
        <h2 id="import-title" className="import-title">
          Import data
        </h2>
        <HelpLink article="getting-client-data">How to get a client's data</HelpLink>
        <div
          className={`import-dropzone${compact ? " is-compact" : ""}${highlight ? " is-dragging" : ""}`}
          data-testid="import-dropzone"
          data-dragging={highlight ? "true" : "false"}
          aria-busy={running}
        >
          {status.kind === "running" ? (
            <div className="import-running" role="status">
              <span className="spinner import-spinner" aria-hidden="true" />
              <div className="import-running-text">
                <p className="import-running-title">
                  {status.cancelling ? "Cancelling…" : `Importing ${describe(status.paths)}`}
                </p>
                <p className="import-progress" data-testid="import-progress">
                  {status.progress
                    ? `Reading… ${plural(status.progress.files_read, "file")}, ${plural(status.progress.items_parsed, "item")}`
                    : "Reading…"}
                </p>
              </div>
              <button
                type="button"
                className="btn btn-sm"
                data-testid="import-cancel"
                disabled={status.cancelling}
                onClick={() => void cancel()}
              >
                Cancel
              </button>
            </div>
          ) : (
            <>
              <div className="import-drop-icon" aria-hidden="true">
                <UploadIcon size={20} />
              </div>
              <div className="import-drop-copy">
                <p className="import-drop-title">
                  {highlight ? "Drop to import for " : "Drop an export here for "}
                  <span className="import-handle">@{client.handle}</span>
                </p>
                <p className="import-drop-text">
                  The Instagram download (.zip, all parts together, or its unpacked folder) or a Meta
                  Business Suite CSV.
                </p>
              </div>
              <div className="import-buttons">
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid="import-choose-files"
                  onClick={() => void choose(pickImportFiles)}
                >
                  <FileIcon size={14} />
                  Choose files…
                </button>
                <button
                  type="button"
                  className="btn"
                  data-testid="import-choose-folder"
                  onClick={() =>
                    void choose(async () => {
                      const folder = await pickImportFolder();
                      return folder ? [folder] : [];
                    })
                  }
                >
                  <FolderIcon size={14} />
                  Choose folder…
                </button>
                {compact ? manualButton : null}
              </div>
            </>
          )}
        </div>

        <form className="import-path-row" onSubmit={submitPath}>
          <label className="visually-hidden" htmlFor="import-path">
            Path to import
          </label>
          <input
            id="import-path"
            type="text"
            className="input import-path-input"
            data-testid="import-path"
            placeholder="Or paste the path of an export zip, its folder or a CSV"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={pathText}
            disabled={running}
            onChange={(e) => setPathText(e.target.value)}
          />
          <button
            type="submit"
            className="btn"
            data-testid="import-path-go"
            disabled={running || parsePaths(pathText).length === 0}
          >
            Import
          </button>
        </form>

        {status.kind === "cancelled" ? (
          <div className="import-message import-message-info" role="status" data-testid="import-cancelled">
            <InfoIcon size={15} />
            <p>Import cancelled, nothing saved.</p>
            <DismissButton onClick={() => setStatus({ kind: "idle" })} />
          </div>
        ) : null}
        {status.kind === "error" ? (
          <div className="import-message import-message-error" role="alert" data-testid="import-error" data-code={status.error.code}>
            <AlertIcon size={15} />
            <div>
              <p className="import-error-title">
                {status.error.code === "invalid_import" ? "This file can't be imported" : "The import failed"}
              </p>
              <p className="selectable">{status.error.message}</p>
            </div>
            <DismissButton onClick={() => setStatus({ kind: "idle" })} />
          </div>
        ) : null}

        {compact ? (
          <details className="import-guide-details">
            <summary>Where the data comes from</summary>
            {guide}
          </details>
        ) : null}
      </div>

      {compact ? null : (
        <aside className="import-guide" aria-labelledby="import-guide-title">
          <h3 id="import-guide-title" className="import-guide-title">
            Where the data comes from
          </h3>
          {guide}
        </aside>
      )}

      {status.kind === "confirm" ? (
        <ImportMismatchDialog
          message={status.message}
          onCancel={() => setStatus({ kind: "idle" })}
          onConfirm={() => {
            const paths = status.paths;
            setStatus({ kind: "idle" });
            void start(paths, true);
          }}
        />
      ) : null}
    </section>
  );
}

function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="icon-btn import-message-close" aria-label="Dismiss" onClick={onClick}>
      <CloseIcon size={13} />
    </button>
  );
}
