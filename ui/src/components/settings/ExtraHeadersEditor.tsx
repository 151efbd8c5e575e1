import { useId } from "react";
import { CloseIcon, PlusIcon } from "../Icons";
import { headerRow, type HeaderRow } from "./providerForm";

type Props = {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  error: string | null;
  disabled?: boolean;
};

/** Rows of header name and value sent with every request to the provider. */
export function ExtraHeadersEditor({ rows, onChange, error, disabled = false }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const update = (rowId: number, patch: Partial<HeaderRow>) =>
    onChange(rows.map((r) => (r.id === rowId ? { ...r, ...patch } : r)));

  return (
    <fieldset className="field headers-field" aria-describedby={error ? errorId : hintId}>
      <legend className="field-label">Extra headers</legend>
      {rows.length > 0 ? (
        <ul className="headers-list">
          {rows.map((r, i) => (
            <li key={r.id} className="headers-row">
              <input
                type="text"
                className="input headers-name"
                data-testid="ai-header-name"
                aria-label={`Header ${i + 1} name`}
                aria-invalid={error ? true : undefined}
                placeholder="Name, e.g. X-Title"
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                value={r.name}
                disabled={disabled}
                onChange={(e) => update(r.id, { name: e.target.value })}
              />
              <input
                type="text"
                className="input"
                data-testid="ai-header-value"
                aria-label={`Header ${i + 1} value`}
                aria-invalid={error ? true : undefined}
                placeholder="Value"
                autoComplete="off"
                spellCheck={false}
                value={r.value}
                disabled={disabled}
                onChange={(e) => update(r.id, { value: e.target.value })}
              />
              <button
                type="button"
                className="icon-btn headers-remove"
                data-testid="ai-header-remove"
                aria-label={`Remove header ${r.name.trim() || i + 1}`}
                disabled={disabled}
                onClick={() => onChange(rows.filter((x) => x.id !== r.id))}
              >
                <CloseIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <button
          type="button"
          className="btn btn-sm"
          data-testid="ai-header-add"
          disabled={disabled}
          onClick={() => onChange([...rows, headerRow()])}
        >
          <PlusIcon size={13} />
          Add header
        </button>
      </div>
      {error ? (
        <p id={errorId} className="field-error" data-testid="error-extra_headers">
          {error}
        </p>
      ) : (
        <p id={hintId} className="field-hint">
          Sent with every request, e.g. OpenRouter's attribution headers. Never a key: that goes in the
          API key field below.
        </p>
      )}
    </fieldset>
  );
}
