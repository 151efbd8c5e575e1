import type { Intent } from "../../bindings";
import { TrashIcon } from "../Icons";
import { INTENT_LABEL, INTENTS } from "./repliesFormat";

export type QueueFilterValues = { intent: Intent | ""; showHandled: boolean };

export const DEFAULT_QUEUE_FILTERS: QueueFilterValues = { intent: "", showHandled: false };

type Props = {
  values: QueueFilterValues;
  onChange: (values: QueueFilterValues) => void;
  /** Messages per intent among those the view shows (handled ones only when shown). */
  counts: Record<Intent, number>;
  total: number;
  /** How many handled messages there are, for "Clear handled". */
  handled: number;
  clearing: boolean;
  onClearHandled: () => void;
};

/** Which messages the queue shows: one intent or all, and whether handled ones too. */
export function QueueFilters({ values, onChange, counts, total, handled, clearing, onClearHandled }: Props) {
  const set = (patch: Partial<QueueFilterValues>) => onChange({ ...values, ...patch });
  return (
    <div className="replies-filters" role="search" aria-label="Filter the queue">
      <label className="replies-intent-field">
        <span className="visually-hidden">Intent</span>
        <select
          className="select"
          data-testid="replies-intent-filter"
          value={values.intent}
          onChange={(e) => set({ intent: e.target.value as Intent | "" })}
        >
          <option value="">All intents ({total})</option>
          {INTENTS.map((i) => (
            <option key={i} value={i}>
              {INTENT_LABEL[i]} ({counts[i]})
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="replies-show-handled"
          checked={values.showHandled}
          onChange={(e) => set({ showHandled: e.target.checked })}
        />
        <span>Show handled</span>
      </label>
      <button
        type="button"
        className="btn btn-sm btn-ghost replies-clear-handled"
        data-testid="replies-clear-handled"
        disabled={handled === 0 || clearing}
        title={handled === 0 ? "No handled messages" : "Remove the handled messages from the queue"}
        onClick={onClearHandled}
      >
        {clearing ? <span className="spinner" aria-hidden="true" /> : <TrashIcon size={13} />}
        Clear handled{handled > 0 ? ` (${handled})` : ""}
      </button>
    </div>
  );
}
