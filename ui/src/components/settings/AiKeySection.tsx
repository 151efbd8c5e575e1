import { useId, useRef, useState, type FormEvent } from "react";
import { aiRemoveKey, aiSetKey, toApiError } from "../../api";
import type { AiStatus } from "../../bindings";
import { AlertIcon, KeyIcon, LockIcon } from "../Icons";

type Props = {
  status: AiStatus;
  onStatus: (status: AiStatus) => void;
};

function describe(status: AiStatus): string {
  if (!status.provider) return "Save a provider first; its key is kept in the OS keychain.";
  switch (status.key.state) {
    case "stored":
      return "Kept in the OS keychain, never in the workspace or its backups. Saving a new key replaces it.";
    case "missing":
      return `${status.provider_label ?? "This provider"} needs an API key. It goes to the OS keychain, never into the workspace.`;
    case "not_needed":
      return "Optional: local servers accept any key or none. Add one only if your server asks for it.";
  }
}

/**
 * The provider's API key. The input is uncontrolled: the key never enters React state and is
 * cleared once the keychain has it; only the back end's hint is shown afterwards.
 */
export function AiKeySection({ status, onStatus }: Props) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [hasInput, setHasInput] = useState(false);
  const [busy, setBusy] = useState<"save" | "remove" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const noProvider = status.provider === null;

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = inputRef.current;
    if (!input || busy || input.value.trim() === "") return;
    setBusy("save");
    setError(null);
    try {
      const next = await aiSetKey(input.value);
      input.value = "";
      setHasInput(false);
      onStatus(next);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    setBusy("remove");
    setError(null);
    try {
      onStatus(await aiRemoveKey());
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="settings-subsection" data-testid="ai-key" aria-labelledby={`${id}-title`} role="group">
      <h4 id={`${id}-title`} className="settings-subtitle">
        <KeyIcon size={14} />
        API key
      </h4>
      <p className="settings-note">{describe(status)}</p>

      {status.key.state === "stored" && !noProvider ? (
        <div className="key-stored">
          <LockIcon size={14} />
          <span data-testid="ai-key-hint">
            Stored in the OS keychain: <code className="key-hint">{status.key.hint}</code>
          </span>
          <button
            type="button"
            className="btn btn-sm btn-danger-ghost"
            data-testid="ai-key-remove"
            disabled={busy !== null}
            onClick={() => void remove()}
          >
            Remove key
          </button>
        </div>
      ) : null}

      <form className="key-row" noValidate onSubmit={save}>
        <label htmlFor={`${id}-key`} className="visually-hidden">
          {status.key.state === "stored" ? "New API key" : "API key"}
        </label>
        <input
          ref={inputRef}
          id={`${id}-key`}
          type="password"
          className="input mono-input"
          data-testid="ai-key-input"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={status.key.state === "stored" ? "Paste a new key to replace it" : "Paste the API key"}
          disabled={noProvider || busy !== null}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setHasInput(e.currentTarget.value.trim() !== "")}
        />
        <button
          type="submit"
          className="btn"
          data-testid="ai-key-save"
          disabled={noProvider || busy !== null || !hasInput}
        >
          {busy === "save" ? <span className="spinner" aria-hidden="true" /> : null}
          Save key
        </button>
      </form>

      {error ? (
        <div id={`${id}-error`} className="form-error settings-inline-error" role="alert" data-testid="ai-key-error">
          <AlertIcon size={15} />
          <span className="selectable">{error}</span>
        </div>
      ) : null}
    </div>
  );
}
