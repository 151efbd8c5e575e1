import { useEffect, useState } from "react";
import { colorOr, isHexColor } from "./brandingForm";

type Props = {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** The back end's field name: test ids and the error's id follow it. */
  field: string;
  testId: string;
  error: string | null;
  fallback: string;
};

/** A colour: the system picker and its `#rrggbb` code, either one editable. */
export function ColorField({ id, label, hint, value, onChange, field, testId, error, fallback }: Props) {
  // The picker keeps the last valid colour while the code is being typed.
  const [swatch, setSwatch] = useState(() => colorOr(value, fallback));
  useEffect(() => {
    if (isHexColor(value)) setSwatch(value.trim().toLowerCase());
  }, [value]);

  return (
    <div className="field">
      <label htmlFor={`${id}-hex`} className="field-label">
        {label}
      </label>
      <div className="color-row">
        <input
          type="color"
          className="color-swatch"
          data-testid={testId}
          aria-label={`${label}: pick a colour`}
          value={swatch}
          onChange={(e) => onChange(e.target.value)}
        />
        <input
          id={`${id}-hex`}
          type="text"
          className="input mono-input color-hex"
          data-testid={`${testId}-hex`}
          placeholder={fallback}
          maxLength={7}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-msg`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {error ? (
        <p id={`${id}-msg`} className="field-error" data-testid={`error-${field}`}>
          {error}
        </p>
      ) : (
        <p id={`${id}-msg`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
