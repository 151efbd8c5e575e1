import { useEffect, useId, useState, type FormEvent } from "react";
import { aiSetAllowance, toApiError } from "../../api";
import type { AiStatus } from "../../bindings";
import { CreditMeter } from "../CreditMeter";
import { AlertIcon, GaugeIcon } from "../Icons";
import { SettingsCard } from "./SettingsCard";

const MAX_CREDITS = 1_000_000;

type Props = {
  status: AiStatus;
  onStatus: (status: AiStatus) => void;
};

/** This month's credits and the monthly allowance. */
export function AiCreditsSection({ status, onStatus }: Props) {
  const id = useId();
  const [value, setValue] = useState(String(status.credits_allowance));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Follow the saved allowance (after a save here or a reload).
  useEffect(() => setValue(String(status.credits_allowance)), [status.credits_allowance]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const text = value.trim();
    if (!/^\d+$/.test(text) || Number(text) > MAX_CREDITS) {
      setError("Enter a whole number of credits from 0 to 1,000,000.");
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onStatus(await aiSetAllowance(Number(text)));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setSaving(false);
    }
  }

  const unchanged = value.trim() === String(status.credits_allowance);

  return (
    <SettingsCard
      title="AI credits"
      icon={<GaugeIcon size={16} />}
      testId="ai-credits"
      description="One credit = one successful AI generation. Failed or cancelled calls are free. When credits run out, drafts are written offline."
    >
      <CreditMeter status={status} />
      <form className="allowance-row" noValidate onSubmit={save}>
        <label htmlFor={`${id}-allowance`} className="field-label">
          Monthly allowance
        </label>
        <input
          id={`${id}-allowance`}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_CREDITS}
          step={1}
          className="input allowance-input"
          data-testid="ai-allowance"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
        />
        <span className="settings-note">credits a month</span>
        <button type="submit" className="btn" data-testid="ai-allowance-save" disabled={saving || unchanged}>
          {saving ? <span className="spinner" aria-hidden="true" /> : null}
          Save
        </button>
      </form>
      {error ? (
        <div id={`${id}-error`} className="form-error settings-inline-error" role="alert" data-testid="ai-allowance-error">
          <AlertIcon size={15} />
          <span>{error}</span>
        </div>
      ) : null}
    </SettingsCard>
  );
}
