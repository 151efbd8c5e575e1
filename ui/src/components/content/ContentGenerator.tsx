import { useId, type FormEvent } from "react";
import type { Kind } from "../../bindings";
import { SparkleIcon } from "../Icons";
import { KIND_LABEL, KINDS } from "./contentFormat";

export type GeneratorValues = { kind: Kind; count: string; topic: string; offline: boolean };

export const DEFAULT_VALUES: GeneratorValues = { kind: "hooks", count: "5", topic: "", offline: false };

export const MAX_COUNT = 30;

/** The count as a whole number from 1 to 30, or why it isn't one. */
export function parseCount(count: string): { count: number } | { error: string } {
  const n = Number(count.trim());
  if (count.trim() === "" || !Number.isInteger(n) || n < 1 || n > MAX_COUNT) {
    return { error: `Enter a whole number from 1 to ${MAX_COUNT}.` };
  }
  return { count: n };
}

type Props = {
  values: GeneratorValues;
  onChange: (values: GeneratorValues) => void;
  onGenerate: () => void;
  running: boolean;
  /** The client's niche, for the topic's placeholder. */
  niche: string;
  errors: { count?: string; topic?: string };
};

/** What to draft: kind, how many, an optional topic, and whether to stay offline. */
export function ContentGenerator({ values, onChange, onGenerate, running, niche, errors }: Props) {
  const id = useId();
  const set = (patch: Partial<GeneratorValues>) => onChange({ ...values, ...patch });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!running) onGenerate();
  }

  return (
    <form className="content-generator" data-testid="content-generator" onSubmit={submit} noValidate>
      <div className="content-generator-fields">
        <div className="field content-field-kind">
          <label htmlFor={`${id}-kind`} className="field-label">
            Kind
          </label>
          <select
            id={`${id}-kind`}
            className="select"
            data-testid="content-kind"
            value={values.kind}
            disabled={running}
            onChange={(e) => set({ kind: e.target.value as Kind })}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>

        <div className="field content-field-count">
          <label htmlFor={`${id}-count`} className="field-label">
            How many
          </label>
          <input
            id={`${id}-count`}
            type="number"
            className="input"
            data-testid="content-count"
            min={1}
            max={30}
            step={1}
            inputMode="numeric"
            value={values.count}
            disabled={running}
            aria-invalid={errors.count ? true : undefined}
            aria-describedby={errors.count ? `${id}-count-error` : undefined}
            onChange={(e) => set({ count: e.target.value })}
          />
        </div>

        <div className="field content-field-topic">
          <label htmlFor={`${id}-topic`} className="field-label">
            Topic <span className="content-optional">optional</span>
          </label>
          <input
            id={`${id}-topic`}
            type="text"
            className="input"
            data-testid="content-topic"
            autoComplete="off"
            placeholder={niche ? `Anything within ${niche}` : "Any topic, e.g. morning routines"}
            value={values.topic}
            disabled={running}
            aria-invalid={errors.topic ? true : undefined}
            aria-describedby={errors.topic ? `${id}-topic-error` : undefined}
            onChange={(e) => set({ topic: e.target.value })}
          />
        </div>

        <div className="content-generator-actions">
          <label className="check" title="Draft from the built-in niche library, without calling the AI provider.">
            <input
              type="checkbox"
              data-testid="content-offline"
              checked={values.offline}
              disabled={running}
              onChange={(e) => set({ offline: e.target.checked })}
            />
            <span>Offline only</span>
          </label>
          <button type="submit" className="btn btn-primary" data-testid="content-generate" disabled={running}>
            {running ? <span className="spinner" aria-hidden="true" /> : <SparkleIcon size={14} />}
            {running ? "Drafting…" : "Generate"}
          </button>
        </div>
      </div>
      {errors.count ? (
        <p id={`${id}-count-error`} className="field-error" data-testid="content-count-error">
          {errors.count}
        </p>
      ) : null}
      {errors.topic ? (
        <p id={`${id}-topic-error`} className="field-error" data-testid="content-topic-error">
          {errors.topic}
        </p>
      ) : null}
    </form>
  );
}
