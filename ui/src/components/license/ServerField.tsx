import { useId, useState, type FormEvent } from "react";
import { licenseSetServer } from "../../api";
import type { ApiError } from "../../bindings";
import { AlertIcon } from "../Icons";

type Props = {
  serverUrl: string;
  onChanged: () => void;
};

/** The licence server this workspace talks to (support may ask to change it; empty resets it). */
export function ServerField({ serverUrl, onChanged }: Props) {
  const id = useId();
  const [value, setValue] = useState(serverUrl);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const inForce = await licenseSetServer(value.trim() === "" ? null : value);
      setValue(inForce);
      onChanged();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="license-server" data-testid="license-server" noValidate onSubmit={save}>
      <label htmlFor={`${id}-url`} className="field-label">
        Licence server
      </label>
      <div className="key-row">
        <input
          id={`${id}-url`}
          className="input mono-input"
          data-testid="license-server-input"
          value={value}
          spellCheck={false}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" className="btn" data-testid="license-server-save" disabled={busy || value === serverUrl}>
          Save
        </button>
      </div>
      <p className="settings-note">Change it only when support asks you to. Leave it empty to go back to the default.</p>
      {error ? (
        <div className="form-error" role="alert" data-testid="license-server-error">
          <AlertIcon size={15} />
          <span className="selectable">{error.message}</span>
        </div>
      ) : null}
    </form>
  );
}
