import { useEffect, useId, useState, type FormEvent } from "react";
import { aiDeletePrice, aiPrices, aiSetPrice, toApiError } from "../../api";
import type { ApiError, ModelPrice } from "../../bindings";
import { dollarsText, formatPrice, formatPricePair, parseDollars } from "../../money";
import { AlertIcon, PencilIcon, TrashIcon } from "../Icons";

type Draft = { model: string; input: string; output: string };
const EMPTY: Draft = { model: "", input: "", output: "" };

/** Prices per million tokens of each model, from which costs are estimated; editable. */
export function PriceTable({ onError }: { onError: (error: ApiError) => void }) {
  const id = useId();
  const [prices, setPrices] = useState<ModelPrice[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  /** The model being edited; `null` while adding. */
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    aiPrices().then(
      (p) => !stale && setPrices(p),
      (err: ApiError) => !stale && onError(err),
    );
    return () => {
      stale = true;
    };
  }, []);

  function edit(p: ModelPrice) {
    setEditing(p.model);
    setError(null);
    setDraft({
      model: p.model,
      input: dollarsText(p.input_micro_usd_per_mtok),
      output: dollarsText(p.output_micro_usd_per_mtok),
    });
    document.getElementById(`${id}-input`)?.focus();
  }

  function reset() {
    setEditing(null);
    setDraft(EMPTY);
    setError(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const model = draft.model.trim();
    const input = parseDollars(draft.input);
    const output = parseDollars(draft.output);
    if (model === "") return setError("Enter the model's name as the provider reports it.");
    if (input === null || output === null) {
      return setError("Enter the prices in dollars per million tokens, e.g. 0.15.");
    }
    setBusy(true);
    setError(null);
    try {
      setPrices(await aiSetPrice({ model, input_micro_usd_per_mtok: input, output_micro_usd_per_mtok: output }));
      reset();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove(model: string) {
    setBusy(true);
    setError(null);
    try {
      setPrices(await aiDeletePrice(model));
      if (editing === model) reset();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  return (
    <section className="usage-section" id="model-prices" data-testid="ai-prices" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="usage-section-title">
        Model prices
      </h2>
      <p className="usage-section-note">
        Estimates from these prices; edit them to match your provider's. Local models cost nothing. A new
        price applies to calls made after the change.
      </p>

      <div className="table-wrap">
        <table className="data-table price-table">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="num">Input $ / 1M tokens</th>
              <th scope="col" className="num">Output $ / 1M tokens</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {prices === null ? (
              <tr>
                <td colSpan={4} className="muted usage-none">
                  Loading…
                </td>
              </tr>
            ) : prices.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted usage-none">
                  No prices yet: costs of cloud models show as unknown until one is added.
                </td>
              </tr>
            ) : (
              prices.map((p) => (
                <tr
                  key={p.model}
                  data-testid="ai-price-row"
                  data-model={p.model}
                  title={formatPricePair(p)}
                  aria-current={editing === p.model ? "true" : undefined}
                >
                  <td className="usage-model selectable">{p.model}</td>
                  <td className="num">{formatPrice(p.input_micro_usd_per_mtok)}</td>
                  <td className="num">{formatPrice(p.output_micro_usd_per_mtok)}</td>
                  <td className="price-actions">
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      data-testid="ai-price-edit"
                      aria-label={`Edit the price of ${p.model}`}
                      disabled={busy}
                      onClick={() => edit(p)}
                    >
                      <PencilIcon size={13} />
                      Edit
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost btn-danger-ghost"
                      data-testid="ai-price-delete"
                      aria-label={`Delete the price of ${p.model}`}
                      disabled={busy}
                      onClick={() => void remove(p.model)}
                    >
                      <TrashIcon size={13} />
                      Delete
                    </button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <form className="price-form" data-testid="ai-price-form" noValidate onSubmit={save}>
        <p className="price-form-title">{editing ? `Edit ${editing}` : "Add a price"}</p>
        <div className="price-form-fields">
          <div className="price-field price-field-model">
            <label htmlFor={`${id}-model`} className="field-label">
              Model
            </label>
            <input
              id={`${id}-model`}
              type="text"
              className="input usage-mono"
              data-testid="ai-price-model"
              placeholder="e.g. gpt-4o-mini"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              readOnly={editing !== null}
              value={draft.model}
              onChange={(e) => set({ model: e.target.value })}
            />
          </div>
          <div className="price-field">
            <label htmlFor={`${id}-input`} className="field-label">
              Input $ / 1M
            </label>
            <input
              id={`${id}-input`}
              type="text"
              inputMode="decimal"
              className="input price-amount"
              data-testid="ai-price-input"
              placeholder="0.15"
              autoComplete="off"
              value={draft.input}
              onChange={(e) => set({ input: e.target.value })}
            />
          </div>
          <div className="price-field">
            <label htmlFor={`${id}-output`} className="field-label">
              Output $ / 1M
            </label>
            <input
              id={`${id}-output`}
              type="text"
              inputMode="decimal"
              className="input price-amount"
              data-testid="ai-price-output"
              placeholder="0.60"
              autoComplete="off"
              value={draft.output}
              onChange={(e) => set({ output: e.target.value })}
            />
          </div>
          <div className="price-form-buttons">
            <button type="submit" className="btn btn-primary" data-testid="ai-price-save" disabled={busy}>
              {editing ? "Save price" : "Add price"}
            </button>
            {editing ? (
              <button type="button" className="btn" data-testid="ai-price-cancel" disabled={busy} onClick={reset}>
                Cancel
              </button>
            ) : null}
          </div>
        </div>
        {error ? (
          <div className="form-error" role="alert" data-testid="ai-price-error">
            <AlertIcon size={15} />
            <span>{error}</span>
          </div>
        ) : null}
      </form>
    </section>
  );
}
