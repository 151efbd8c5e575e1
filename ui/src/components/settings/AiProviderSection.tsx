import { useEffect, useId, useState, type FormEvent } from "react";
import { aiConfigure, aiDisable, toApiError } from "../../api";
import type { AiStatus, PresetInfo } from "../../bindings";
import { AlertIcon, CheckCircleIcon, PlugIcon } from "../Icons";
import { ExtraHeadersEditor } from "./ExtraHeadersEditor";
import { ModelField } from "./ModelField";
import {
  formForPreset,
  formFromSettings,
  isDirty,
  isProviderField,
  toSettings,
  type ProviderField,
  type ProviderForm,
} from "./providerForm";
import { SettingsCard } from "./SettingsCard";
import "../ClientForm.css";

type Props = {
  status: AiStatus;
  presets: PresetInfo[];
  onStatus: (status: AiStatus) => void;
};

type Errors = Partial<Record<ProviderField, string>>;

function initialForm(status: AiStatus, presets: PresetInfo[]): ProviderForm {
  if (status.provider) return formFromSettings(status.provider);
  return presets.length > 0
    ? formForPreset(presets[0], null)
    : { preset: "custom", base_url: "", model: "", headers: [] };
}

function presetHint(info: PresetInfo | undefined): string {
  if (!info) return "";
  if (info.local) return "Runs on this machine or your network: client data stays here.";
  if (info.preset === "custom") return "Any OpenAI-compatible server, such as your own proxy.";
  return `${info.label} runs in the cloud and needs an API key (below).`;
}

/** Which provider the agency uses: preset, base URL, model and extra headers. */
export function AiProviderSection({ status, presets, onStatus }: Props) {
  const id = useId();
  const [form, setForm] = useState<ProviderForm>(() => initialForm(status, presets));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"save" | "disable" | null>(null);
  const [saved, setSaved] = useState(false);

  const info = presets.find((p) => p.preset === form.preset);
  const dirty = isDirty(form, status.provider);

  // "Saved" only until the next edit.
  useEffect(() => {
    if (dirty) setSaved(false);
  }, [dirty]);

  function change(patch: Partial<ProviderForm>, field?: ProviderField) {
    setForm((f) => ({ ...f, ...patch }));
    setFormError(null);
    if (field && errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  }

  function choosePreset(value: string) {
    const next = presets.find((p) => p.preset === value);
    if (!next) return;
    setForm(formForPreset(next, status.provider));
    setErrors({});
    setFormError(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy("save");
    setErrors({});
    setFormError(null);
    try {
      const next = await aiConfigure(toSettings(form));
      onStatus(next);
      if (next.provider) setForm(formFromSettings(next.provider));
      setSaved(true);
    } catch (err) {
      const e = toApiError(err);
      if (isProviderField(e.field)) setErrors({ [e.field]: e.message });
      else setFormError(e.message);
    } finally {
      setBusy(null);
    }
  }

  async function disable() {
    setBusy("disable");
    setFormError(null);
    try {
      onStatus(await aiDisable());
      setSaved(false);
    } catch (err) {
      setFormError(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  }

  const fieldError = (f: ProviderField) => errors[f] ?? null;

  return (
    <SettingsCard
      title="Provider"
      icon={<PlugIcon size={16} />}
      description="Any OpenAI-compatible service: a cloud provider, a proxy, or a model server on your own machine."
    >
      <form className="provider-form" data-testid="ai-provider-form" noValidate onSubmit={save}>
        {formError ? (
          <div className="form-error" role="alert" data-testid="ai-provider-error">
            <AlertIcon size={15} />
            <span>{formError}</span>
          </div>
        ) : null}

        <div className="field-grid">
          <div className="field">
            <label htmlFor={`${id}-preset`} className="field-label">
              Preset
            </label>
            <select
              id={`${id}-preset`}
              className="select"
              data-testid="ai-preset"
              aria-describedby={`${id}-preset-hint`}
              value={form.preset}
              onChange={(e) => choosePreset(e.target.value)}
            >
              {presets.map((p) => (
                <option key={p.preset} value={p.preset}>
                  {p.label}
                </option>
              ))}
            </select>
            <p id={`${id}-preset-hint`} className="field-hint">
              {presetHint(info)}
            </p>
          </div>

          <div className="field">
            <label htmlFor={`${id}-url`} className="field-label">
              Base URL
            </label>
            <input
              id={`${id}-url`}
              type="url"
              className="input mono-input"
              data-testid="ai-base-url"
              placeholder="https://api.example.com/v1"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-invalid={errors.base_url ? true : undefined}
              aria-describedby={errors.base_url ? `${id}-url-error` : `${id}-url-hint`}
              value={form.base_url}
              onChange={(e) => change({ base_url: e.target.value }, "base_url")}
            />
            {errors.base_url ? (
              <p id={`${id}-url-error`} className="field-error" data-testid="error-base_url">
                {errors.base_url}
              </p>
            ) : (
              <p id={`${id}-url-hint`} className="field-hint">
                Plain http only for a server on this machine or your network.
              </p>
            )}
          </div>

          <div className="field-wide">
            <ModelField
              value={form.model}
              onChange={(model) => change({ model }, "model")}
              settings={() => toSettings(form)}
              error={fieldError("model")}
              hint={info?.default_model ? `The model id the provider lists; ${info.label} suggests ${info.default_model}.` : "The model id the server lists."}
              sourceKey={`${form.preset} ${form.base_url.trim()}`}
            />
          </div>

          <div className="field-wide">
            <ExtraHeadersEditor
              rows={form.headers}
              onChange={(headers) => change({ headers }, "extra_headers")}
              error={fieldError("extra_headers")}
            />
          </div>
        </div>

        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" data-testid="ai-save" disabled={busy !== null}>
            {busy === "save" ? <span className="spinner" aria-hidden="true" /> : null}
            {busy === "save" ? "Saving…" : "Save provider"}
          </button>
          {saved && !dirty ? (
            <span className="settings-saved" role="status" data-testid="ai-saved">
              <CheckCircleIcon size={14} />
              Saved
            </span>
          ) : dirty && status.provider ? (
            <span className="settings-unsaved">Unsaved changes</span>
          ) : null}
          {status.provider ? (
            <button
              type="button"
              className="btn btn-ghost settings-actions-end"
              data-testid="ai-disable"
              disabled={busy !== null}
              onClick={() => void disable()}
            >
              {busy === "disable" ? <span className="spinner" aria-hidden="true" /> : null}
              Use offline drafts only
            </button>
          ) : null}
        </div>
      </form>
    </SettingsCard>
  );
}
