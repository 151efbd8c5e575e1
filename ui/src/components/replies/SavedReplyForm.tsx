import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { repliesSavedSave, toApiError } from "../../api";
import type { Client, Intent, SavedReply } from "../../bindings";
import { AlertIcon } from "../Icons";
import { INTENT_LABEL, INTENTS, isIntent, TEMPLATE_VARIABLES } from "./repliesFormat";

type Errors = Partial<Record<"name" | "body" | "form", string>>;

type Props = {
  client: Client;
  /** The saved reply to change; `null` to add one. */
  editing: SavedReply | null;
  onSaved: (saved: SavedReply) => void;
  onCancel: () => void;
};

/** Adds or edits a saved reply: its name, the intent it suits, and its text with variables. */
export function SavedReplyForm({ client, editing, onSaved, onCancel }: Props) {
  const id = useId();
  const [name, setName] = useState(editing?.name ?? "");
  const [intent, setIntent] = useState<Intent | "">(editing?.intent && isIntent(editing.intent) ? editing.intent : "");
  const [body, setBody] = useState(editing?.body ?? "");
  const [everyClient, setEveryClient] = useState(editing ? editing.client_id === null : false);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  function clear(field: "name" | "body") {
    setErrors((e) => {
      if (!(field in e) && !("form" in e)) return e;
      const next = { ...e };
      delete next[field];
      delete next.form;
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setErrors({});
    try {
      const saved = await repliesSavedSave({
        id: editing?.id ?? null,
        client: everyClient ? null : client.id,
        name: name.trim(),
        body: body.trim(),
        intent: intent === "" ? null : intent,
      });
      onSaved(saved);
    } catch (err) {
      const e = toApiError(err);
      setErrors({ [e.field === "name" || e.field === "body" ? e.field : "form"]: e.message });
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.stopPropagation();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <form className="replies-saved-form" data-testid="saved-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      {errors.form ? (
        <p className="library-editor-error" role="alert" data-testid="saved-error">
          <AlertIcon size={14} />
          {errors.form}
        </p>
      ) : null}
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-name`} className="field-label">
            Name
          </label>
          <input
            id={`${id}-name`}
            type="text"
            className="input"
            data-testid="saved-name"
            autoComplete="off"
            placeholder="e.g. Price enquiry"
            value={name}
            disabled={saving}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              clear("name");
            }}
          />
          {errors.name ? (
            <p id={`${id}-name-error`} className="field-error" data-testid="saved-error-name">
              {errors.name}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-intent`} className="field-label">
            For <span className="content-optional">optional</span>
          </label>
          <select
            id={`${id}-intent`}
            className="select"
            data-testid="saved-intent"
            value={intent}
            disabled={saving}
            onChange={(e) => setIntent(e.target.value as Intent | "")}
          >
            <option value="">Any intent</option>
            {INTENTS.filter((i) => i !== "spam").map((i) => (
              <option key={i} value={i}>
                {INTENT_LABEL[i]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-body`} className="field-label">
            Reply
          </label>
          <textarea
            id={`${id}-body`}
            className="textarea"
            data-testid="saved-body"
            rows={4}
            placeholder="Hi {first_name}! Thanks for asking — you can book a free intro call here: {link} {sign_off}"
            value={body}
            disabled={saving}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? `${id}-body-error` : `${id}-body-hint`}
            onChange={(e) => {
              setBody(e.target.value);
              clear("body");
            }}
          />
          {errors.body ? (
            <p id={`${id}-body-error`} className="field-error" data-testid="saved-error-body">
              {errors.body}
            </p>
          ) : (
            <p id={`${id}-body-hint`} className="field-hint" data-testid="saved-variables">
              Variables:{" "}
              {TEMPLATE_VARIABLES.map((v, i) => (
                <span key={v}>
                  {i > 0 ? " " : null}
                  <code className="replies-variable">{v}</code>
                </span>
              ))}
            </p>
          )}
        </div>
      </div>
      <div className="replies-form-actions">
        <label className="check replies-every-client">
          <input
            type="checkbox"
            data-testid="saved-every-client"
            checked={everyClient}
            disabled={saving}
            onChange={(e) => setEveryClient(e.target.checked)}
          />
          <span>Offer it for every client</span>
        </label>
        <button type="button" className="btn" data-testid="saved-cancel" disabled={saving} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" data-testid="saved-save" disabled={saving}>
          {saving ? <span className="spinner" aria-hidden="true" /> : null}
          {saving ? "Saving…" : editing ? "Save changes" : "Add saved reply"}
        </button>
      </div>
    </form>
  );
}
