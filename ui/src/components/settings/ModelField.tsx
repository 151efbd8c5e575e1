import { useId, useState } from "react";
import { aiListModels, toApiError } from "../../api";
import type { ProviderSettings } from "../../bindings";
import { plural } from "../../format";

type Models = { kind: "idle" } | { kind: "loading" } | { kind: "loaded"; ids: string[] } | { kind: "error"; message: string };

type Props = {
  value: string;
  onChange: (model: string) => void;
  /** The form's current (maybe unsaved) settings, to ask the provider for its models. */
  settings: () => ProviderSettings;
  error: string | null;
  hint: string;
  /** Forget loaded models when this changes (another preset or URL). */
  sourceKey: string;
};

/** The model id, typed or picked from what the provider lists. */
export function ModelField({ value, onChange, settings, error, hint, sourceKey }: Props) {
  const id = useId();
  const [models, setModels] = useState<Models>({ kind: "idle" });
  const [loadedFor, setLoadedFor] = useState(sourceKey);
  // Models of another provider are no use: drop them when the preset or URL changes.
  if (loadedFor !== sourceKey) {
    setLoadedFor(sourceKey);
    setModels({ kind: "idle" });
  }

  async function load() {
    setModels({ kind: "loading" });
    try {
      const ids = await aiListModels(settings());
      setModels({ kind: "loaded", ids: [...ids].sort((a, b) => a.localeCompare(b)) });
    } catch (err) {
      const e = toApiError(err);
      const needsKey = e.code === "ai_missing_key" || e.code === "ai_bad_key";
      setModels({
        kind: "error",
        message: needsKey ? `${e.message.replace(/[.\s]+$/, "")}. Save the provider and its API key first, then load the models.` : e.message,
      });
    }
  }

  const describedBy = error ? `${id}-error` : models.kind === "error" ? `${id}-models-error` : `${id}-hint`;
  const listId = `${id}-models`;
  const ids = models.kind === "loaded" ? models.ids : [];

  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Model
      </label>
      <div className="model-row">
        <input
          id={id}
          type="text"
          className="input model-input"
          data-testid="ai-model"
          list={ids.length > 0 ? listId : undefined}
          placeholder="e.g. gpt-4o-mini"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <button
          type="button"
          className="btn"
          data-testid="ai-load-models"
          disabled={models.kind === "loading"}
          onClick={() => void load()}
        >
          {models.kind === "loading" ? <span className="spinner" aria-hidden="true" /> : null}
          {models.kind === "loading" ? "Loading…" : "Load models"}
        </button>
      </div>
      {ids.length > 0 ? (
        <>
          <datalist id={listId}>
            {ids.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <select
            className="select model-options"
            data-testid="ai-model-options"
            aria-label="Models the provider offers"
            value=""
            onChange={(e) => e.target.value && onChange(e.target.value)}
          >
            <option value="">Choose from {plural(ids.length, "model")}…</option>
            {ids.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" data-testid="error-model">
          {error}
        </p>
      ) : null}
      {models.kind === "error" ? (
        <p id={`${id}-models-error`} className="field-error" role="alert" data-testid="ai-models-error">
          {models.message}
        </p>
      ) : models.kind === "loaded" && ids.length === 0 ? (
        <p className="field-hint" data-testid="ai-models-none">
          The provider lists no models: type the model's name.
        </p>
      ) : error ? null : (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
