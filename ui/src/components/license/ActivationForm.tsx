import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { licenseActivate, licenseCheckKey, licenseDefaultMachineName } from "../../api";
import type { ApiError, KeyProgress, LicenseStatus } from "../../bindings";
import { AlertIcon, CheckCircleIcon, KeyIcon } from "../Icons";

/** Back-end messages start lower case (they follow "error: " in a terminal). */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Props = {
  /** A key from an activation link, filled in. */
  initialKey?: string | null;
  onActivated: (status: LicenseStatus) => void;
};

/**
 * Paste the purchase key (checked as it is typed: its last character catches any typo) and
 * name this computer; Activate asks the licence server for this computer's seat.
 */
export function ActivationForm({ initialKey, onActivated }: Props) {
  const id = useId();
  const [key, setKey] = useState(initialKey ?? "");
  const [check, setCheck] = useState<KeyProgress | null>(null);
  const [machine, setMachine] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    licenseDefaultMachineName().then(
      (name) => setMachine((m) => (m === "" ? name : m)),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (initialKey) setKey(initialKey);
  }, [initialKey]);

  // Every keystroke is checked by the back end (the same rules as the server's).
  useEffect(() => {
    const n = ++latest.current;
    licenseCheckKey(key).then(
      (c) => n === latest.current && setCheck(c),
      () => undefined,
    );
  }, [key]);

  async function activate(e: FormEvent) {
    e.preventDefault();
    if (check?.state !== "valid" || busy) return;
    setBusy(true);
    setError(null);
    try {
      onActivated(await licenseActivate(key, machine.trim() === "" ? null : machine));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const keyError = error && (error.field === "key" || error.code === "license_invalid_key");
  const machineError = error?.field === "machine_name";
  const state = check?.state ?? "incomplete";

  return (
    <form className="activation-form" data-testid="activation-form" noValidate onSubmit={activate}>
      <label htmlFor={`${id}-key`} className="field-label">
        Purchase key
      </label>
      <input
        id={`${id}-key`}
        className="input mono-input activation-key"
        data-testid="license-key-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="IGOS-XXXXX-XXXXX-XXXXX-XXXXX"
        value={key}
        disabled={busy}
        aria-invalid={state === "invalid" || keyError ? true : undefined}
        aria-describedby={`${id}-check`}
        onChange={(e) => {
          setKey(e.currentTarget.value);
          setError(null);
        }}
      />
      <p id={`${id}-check`} className={`key-check key-check-${state}`} data-testid="license-key-check" data-state={state}>
        {state === "valid" ? (
          <>
            <CheckCircleIcon size={14} /> The key is complete and its check character matches.
          </>
        ) : state === "invalid" ? (
          <>
            <AlertIcon size={14} /> {sentence(check?.message ?? "")}
          </>
        ) : key.trim() === "" ? (
          "From the purchase e-mail. Spaces, dashes and lower case are fine."
        ) : (
          `${check?.typed ?? 0} of ${check?.needed ?? 20} characters`
        )}
      </p>

      <label htmlFor={`${id}-machine`} className="field-label">
        This computer's name
      </label>
      <input
        id={`${id}-machine`}
        className="input"
        data-testid="license-machine-name"
        maxLength={200}
        value={machine}
        disabled={busy}
        aria-invalid={machineError ? true : undefined}
        onChange={(e) => setMachine(e.currentTarget.value)}
      />
      <p className="settings-note">Shown in the list of computers using the licence, so a seat can be freed later.</p>

      {error ? (
        <div className="form-error" role="alert" data-testid="license-activate-error" data-code={error.code}>
          <AlertIcon size={15} />
          <span className="selectable">{error.message}</span>
        </div>
      ) : null}

      <div className="activation-actions">
        <button type="submit" className="btn btn-primary" data-testid="license-activate" disabled={state !== "valid" || busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : <KeyIcon size={14} />}
          Activate
        </button>
      </div>
    </form>
  );
}
