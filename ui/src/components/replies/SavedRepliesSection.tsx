import { useState } from "react";
import { repliesSavedDelete, toApiError } from "../../api";
import type { Client, SavedReply } from "../../bindings";
import { AlertIcon, PencilIcon, PlusIcon, TrashIcon } from "../Icons";
import { SavedReplyForm } from "./SavedReplyForm";
import { intentLabel, truncate } from "./repliesFormat";

type Props = {
  client: Client;
  saved: SavedReply[];
  onChange: (saved: SavedReply[]) => void;
};

/** The saved replies offered for the client: list, add, edit and delete. */
export function SavedRepliesSection({ client, saved, onChange }: Props) {
  // `null` closed, "new" adding, else the id being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove(s: SavedReply) {
    setBusy(true);
    setError(null);
    try {
      await repliesSavedDelete(s.id);
      onChange(saved.filter((x) => x.id !== s.id));
      setConfirming(null);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  function stored(s: SavedReply) {
    onChange(saved.some((x) => x.id === s.id) ? saved.map((x) => (x.id === s.id ? s : x)) : [...saved, s]);
    setEditing(null);
  }

  const form = (target: SavedReply | null) => (
    <SavedReplyForm key={target?.id ?? "new"} client={client} editing={target} onSaved={stored} onCancel={() => setEditing(null)} />
  );

  return (
    <section className="replies-saved" data-testid="saved-replies" aria-labelledby="replies-saved-title">
      <div className="replies-section-head">
        <div>
          <h3 id="replies-saved-title" className="replies-section-title">
            Saved replies
          </h3>
          <p className="replies-section-hint">Answers you give often. Fill one in from a message’s “Saved replies” menu.</p>
        </div>
        {editing === null ? (
          <button type="button" className="btn btn-sm" data-testid="saved-new" onClick={() => setEditing("new")}>
            <PlusIcon size={13} />
            New saved reply
          </button>
        ) : null}
      </div>

      {error ? (
        <p className="library-editor-error" role="alert" data-testid="saved-list-error">
          <AlertIcon size={14} />
          {error}
        </p>
      ) : null}

      {editing === "new" ? form(null) : null}

      {saved.length === 0 && editing !== "new" ? (
        <p className="muted replies-saved-empty" data-testid="saved-empty">
          No saved replies yet.
        </p>
      ) : (
        <ul className="replies-saved-list">
          {saved.map((s) =>
            editing === s.id ? (
              <li key={s.id}>{form(s)}</li>
            ) : (
              <li key={s.id} className="replies-saved-row" data-testid="saved-row" data-id={s.id}>
                <div className="replies-saved-main">
                  <p className="replies-saved-name">
                    {s.name}
                    {s.intent ? <span className="chip tone-info">{intentLabel(s.intent)}</span> : null}
                    {s.client_id === null ? <span className="chip tone-muted">Every client</span> : null}
                  </p>
                  <p className="replies-saved-body selectable" title={s.body}>
                    {truncate(s.body, 140)}
                  </p>
                </div>
                {confirming === s.id ? (
                  <div className="replies-saved-actions">
                    <span className="replies-confirm-text">Delete it?</span>
                    <button
                      type="button"
                      className="btn btn-sm"
                      data-testid="saved-delete-cancel"
                      disabled={busy}
                      onClick={() => setConfirming(null)}
                    >
                      Keep
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      data-testid="saved-delete-confirm"
                      disabled={busy}
                      onClick={() => void remove(s)}
                    >
                      {busy ? <span className="spinner" aria-hidden="true" /> : null}
                      Delete
                    </button>
                  </div>
                ) : (
                  <div className="replies-saved-actions">
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      data-testid="saved-edit"
                      disabled={editing !== null}
                      onClick={() => setEditing(s.id)}
                    >
                      <PencilIcon size={13} />
                      Edit
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-danger-ghost"
                      data-testid="saved-delete"
                      aria-label={`Delete ${s.name}`}
                      disabled={busy}
                      onClick={() => setConfirming(s.id)}
                    >
                      <TrashIcon size={13} />
                    </button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
