import type { SampleHook } from "../../bindings";

const FORMULA_LABEL: Record<string, string> = {
  curiosity_gap: "Curiosity gap",
  contrarian: "Contrarian",
  list: "List",
  mistake: "Mistake",
  before_after: "Before / after",
  story: "Story",
  question: "Question",
  statistic: "Statistic",
};

export function formulaLabel(formula: string): string {
  const known = FORMULA_LABEL[formula];
  if (known) return known;
  const words = formula.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Hooks as they arrive (holes skipped) or the final three. */
export function SampleHookList({ hooks, live = false }: { hooks: ReadonlyArray<SampleHook | undefined>; live?: boolean }) {
  const shown = hooks.flatMap((h, i) => (h ? [{ hook: h, index: i }] : []));
  if (shown.length === 0) return null;
  return (
    <ol className={live ? "sample-list is-live" : "sample-list"} aria-label="Sample hooks">
      {shown.map(({ hook, index }) => (
        <li key={index} className="sample-item" data-testid="ai-sample-item" data-formula={hook.formula}>
          <span className="sample-index" aria-hidden="true">
            {index + 1}
          </span>
          <p className="sample-text selectable">{hook.text}</p>
          <span className="chip sample-formula" title="Hook formula">
            {formulaLabel(hook.formula)}
          </span>
        </li>
      ))}
    </ol>
  );
}
