import "./SegmentedControl.css";

export type Segment<T extends string> = { value: T; label: string; testId?: string };

type Props<T extends string> = {
  label: string;
  segments: readonly Segment<T>[];
  value: T;
  onChange: (value: T) => void;
};

/** A row of toggle buttons of which exactly one is pressed. */
export function SegmentedControl<T extends string>({ label, segments, value, onChange }: Props<T>) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {segments.map((s) => (
        <button
          key={s.value}
          type="button"
          className="segmented-item"
          aria-pressed={s.value === value}
          data-testid={s.testId}
          onClick={() => onChange(s.value)}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}
