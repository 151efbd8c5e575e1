import { useEffect, useId, useState, type FormEvent } from "react";
import { planCreate } from "../../api";
import type { Client, Goal, NewPlan, StoredPlan } from "../../bindings";
import { parseDay, todayDay } from "../../format";
import { useAiRun } from "../../hooks/useAiRun";
import { AlertIcon, CalendarIcon } from "../Icons";
import { GOAL_HINT, GOAL_LABEL, GOALS } from "./planFormat";

const DAY_CHOICES = [7, 14, 30] as const;

type Values = { days: number; start: string; goal: Goal; posts: string; stories: string; pillars: string; name: string };
const FIELDS = ["days", "start", "goal", "posts_per_week", "stories_per_day", "pillars", "name"] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return todayDay(d);
}

function wholeIn(text: string, min: number, max: number): number | null {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** The request, or what is wrong with the values (checked again by the back end). */
function toRequest(v: Values): { request: NewPlan } | { errors: Errors } {
  const errors: Errors = {};
  const posts = wholeIn(v.posts, 1, 14);
  const stories = wholeIn(v.stories, 0, 10);
  if (posts === null) errors.posts_per_week = "Enter a whole number from 1 to 14.";
  if (stories === null) errors.stories_per_day = "Enter a whole number from 0 to 10.";
  if (v.start !== "" && parseDay(v.start) === null) errors.start = "Enter a date, or leave it empty to start tomorrow.";
  if (posts === null || stories === null || errors.start) return { errors };
  const pillars = [...new Set(v.pillars.split(",").map((p) => p.trim()).filter(Boolean))];
  return {
    request: {
      start: v.start === "" ? null : v.start,
      days: v.days,
      goal: v.goal,
      posts_per_week: posts,
      stories_per_day: stories,
      pillars,
      name: v.name.trim() === "" ? null : v.name.trim(),
    },
  };
}

type Props = {
  client: Client;
  /** Shown with a Cancel button when plans exist already. */
  onCancel?: () => void;
  onCreated: (plan: StoredPlan) => void;
};

/** How to plan: length, start, goal, cadence and content pillars. */
export function PlanForm({ client, onCancel, onCreated }: Props) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => ({
    days: 14,
    start: tomorrow(),
    goal: "growth",
    posts: "4",
    stories: "2",
    pillars: "",
    name: "",
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  // The AI's refinement (when a provider is set up) streams and can be stopped; leaving the form
  // cancels it, so nothing is charged for a plan nobody sees.
  const { run, start, cancel } = useAiRun<StoredPlan>({ onSuccess: onCreated });
  const saving = run.kind === "running";
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  // A refusal goes under its field when it names one, otherwise under the form.
  useEffect(() => {
    if (run.kind !== "failed") return;
    const e = run.error;
    if (e.code === "cancelled") setFailure("Cancelled — no plan was made.");
    else if (e.field && (FIELDS as readonly string[]).includes(e.field)) setErrors({ [e.field]: e.message });
    else setFailure(e.message);
  }, [run]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const checked = toRequest(values);
    setFailure(null);
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void start((runId, onEvent) => planCreate(client.id, checked.request, runId, onEvent));
  }

  const error = (field: keyof Errors) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error" data-testid={`error-${field}`}>
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: keyof Errors) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form className="plan-form" data-testid="plan-form" onSubmit={submit} noValidate>
      <div className="plan-form-grid">
        <div className="field plan-field-days">
          <span className="field-label" id={`${id}-days`}>
            Length
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby={`${id}-days`} data-testid="plan-days">
            {DAY_CHOICES.map((d) => (
              <button
                key={d}
                type="button"
                role="radio"
                className="segmented-item"
                value={d}
                aria-checked={values.days === d}
                aria-pressed={values.days === d}
                disabled={saving}
                onClick={() => set({ days: d })}
              >
                {d} days
              </button>
            ))}
          </div>
          {error("days")}
        </div>

        <div className="field plan-field-start">
          <label htmlFor={`${id}-start`} className="field-label">
            Starts on
          </label>
          <input
            id={`${id}-start`}
            type="date"
            className="input"
            data-testid="plan-start"
            value={values.start}
            disabled={saving}
            aria-invalid={errors.start ? true : undefined}
            aria-describedby={describedBy("start")}
            onChange={(e) => set({ start: e.target.value })}
          />
          {error("start")}
        </div>

        <div className="field plan-field-goal">
          <label htmlFor={`${id}-goal`} className="field-label">
            Goal
          </label>
          <select
            id={`${id}-goal`}
            className="select"
            data-testid="plan-goal"
            value={values.goal}
            disabled={saving}
            onChange={(e) => set({ goal: e.target.value as Goal })}
          >
            {GOALS.map((g) => (
              <option key={g} value={g}>
                {GOAL_LABEL[g]}
              </option>
            ))}
          </select>
          {error("goal")}
        </div>

        <div className="field plan-field-num">
          <label htmlFor={`${id}-posts`} className="field-label">
            Posts a week
          </label>
          <input
            id={`${id}-posts`}
            type="number"
            className="input"
            data-testid="plan-posts"
            min={1}
            max={14}
            step={1}
            inputMode="numeric"
            value={values.posts}
            disabled={saving}
            aria-invalid={errors.posts_per_week ? true : undefined}
            aria-describedby={describedBy("posts_per_week")}
            onChange={(e) => set({ posts: e.target.value })}
          />
          {error("posts_per_week")}
        </div>

        <div className="field plan-field-num">
          <label htmlFor={`${id}-stories`} className="field-label">
            Stories a day
          </label>
          <input
            id={`${id}-stories`}
            type="number"
            className="input"
            data-testid="plan-stories"
            min={0}
            max={10}
            step={1}
            inputMode="numeric"
            value={values.stories}
            disabled={saving}
            aria-invalid={errors.stories_per_day ? true : undefined}
            aria-describedby={describedBy("stories_per_day")}
            onChange={(e) => set({ stories: e.target.value })}
          />
          {error("stories_per_day")}
        </div>

        <div className="field plan-field-wide">
          <label htmlFor={`${id}-pillars`} className="field-label">
            Content pillars <span className="content-optional">optional, separated by commas</span>
          </label>
          <input
            id={`${id}-pillars`}
            type="text"
            className="input"
            data-testid="plan-pillars"
            autoComplete="off"
            placeholder={client.niche ? `e.g. ${client.niche} tips, behind the scenes, results` : "e.g. tips, behind the scenes, results"}
            value={values.pillars}
            disabled={saving}
            aria-describedby={describedBy("pillars")}
            onChange={(e) => set({ pillars: e.target.value })}
          />
          {error("pillars")}
        </div>

        <div className="field plan-field-wide">
          <label htmlFor={`${id}-name`} className="field-label">
            Name <span className="content-optional">optional</span>
          </label>
          <input
            id={`${id}-name`}
            type="text"
            className="input"
            data-testid="plan-name"
            autoComplete="off"
            placeholder={`${values.days}-day ${values.goal} plan`}
            value={values.name}
            disabled={saving}
            aria-describedby={describedBy("name")}
            onChange={(e) => set({ name: e.target.value })}
          />
          {error("name")}
        </div>
      </div>

      <p className="plan-form-hint" data-testid="plan-form-hint">
        {GOAL_HINT[values.goal]} Posting times come from the latest audit’s best times to post; without an audit, the
        plan uses default times and labels them as such.
        {values.goal === "recovery" ? " A recovery plan follows the roadmap of the latest audit, week by week." : ""}
      </p>

      {failure ? (
        <div className="audit-run-message is-error" role="alert" data-testid="plan-form-error">
          <AlertIcon size={15} />
          <p className="selectable">{failure}</p>
        </div>
      ) : null}

      <div className="plan-form-actions">
        {onCancel ? (
          <button type="button" className="btn" data-testid="plan-form-cancel" disabled={saving} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {saving ? (
          <button
            type="button"
            className="btn"
            data-testid="plan-create-cancel"
            disabled={run.cancelling}
            onClick={() => void cancel()}
          >
            {run.cancelling ? "Cancelling…" : "Stop"}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" data-testid="plan-create" disabled={saving}>
          {saving ? <span className="spinner" aria-hidden="true" /> : <CalendarIcon size={14} />}
          {run.kind === "running" ? (run.tokens !== null ? `Planning… ${run.tokens} tokens` : "Planning…") : "Create plan"}
        </button>
      </div>
    </form>
  );
}
