import { useMemo, useState } from "react";
import type { Plan, PlanDay, PlanItem } from "../../bindings";
import { todayDay } from "../../format";
import { formatDayRange, WEEKDAY_SHORT } from "../audit/auditFormat";
import { ChevronLeftIcon, ChevronRightIcon } from "../Icons";
import { SegmentedControl, type Segment } from "../SegmentedControl";
import { CalendarDay } from "./CalendarDay";
import { addDays, formatMonths, isoWeek, planWeeks, TYPE_LABEL, TYPE_MARK } from "./planFormat";

type View = "month" | "week";

const VIEWS: readonly Segment<View>[] = [
  { value: "month", label: "Month", testId: "plan-view-month" },
  { value: "week", label: "Week", testId: "plan-view-week" },
];

type Props = {
  plan: Plan;
  selectedId: string | null;
  /** Disables dropping while a change is being saved. */
  busy: boolean;
  onOpen: (item: PlanItem) => void;
  onMove: (itemId: string, date: string) => void;
};

/** The plan on a calendar: every week it touches (month) or one week at a time, Monday first. */
export function PlanCalendar({ plan, selectedId, busy, onOpen, onMove }: Props) {
  const [view, setView] = useState<View>("month");
  const weeks = useMemo(() => planWeeks(plan), [plan]);
  const byDate = useMemo(() => new Map<string, PlanDay>(plan.days.map((d) => [d.date, d])), [plan]);
  // The week view opens on this week when the plan is running, otherwise on its first week.
  const [weekIndex, setWeekIndex] = useState(() => {
    const i = weeks.findIndex((monday) => todayDay() >= monday && todayDay() <= addDays(monday, 6));
    return Math.max(0, i);
  });
  const week = Math.min(weekIndex, Math.max(0, weeks.length - 1));
  const [dragging, setDragging] = useState<PlanItem | null>(null);

  if (weeks.length === 0) return null;

  function drop(itemId: string, date: string) {
    setDragging(null);
    if (busy) return;
    const item = plan.days.flatMap((d) => d.items).find((i) => i.id === itemId);
    if (item && item.date !== date) onMove(itemId, date);
  }

  const shown = view === "month" ? weeks : [weeks[week]];
  const first = shown[0];
  const last = addDays(shown[shown.length - 1], 6);
  const title =
    view === "month"
      ? formatMonths(plan.days[0].date, plan.days[plan.days.length - 1].date)
      : `Week ${week + 1} of ${weeks.length} · ${formatDayRange(first, last)}`;

  return (
    <section className={`plan-calendar is-${view}`} data-testid="plan-calendar" data-view={view} aria-label="Plan calendar">
      <header className="plan-calendar-bar">
        <SegmentedControl label="Calendar view" segments={VIEWS} value={view} onChange={setView} />
        {view === "week" ? (
          <div className="plan-week-nav">
            <button
              type="button"
              className="icon-btn"
              data-testid="plan-week-prev"
              aria-label="Previous week"
              disabled={week === 0}
              onClick={() => setWeekIndex(week - 1)}
            >
              <ChevronLeftIcon size={15} />
            </button>
            <button
              type="button"
              className="icon-btn"
              data-testid="plan-week-next"
              aria-label="Next week"
              disabled={week >= weeks.length - 1}
              onClick={() => setWeekIndex(week + 1)}
            >
              <ChevronRightIcon size={15} />
            </button>
          </div>
        ) : null}
        <h3 className="plan-calendar-title" data-testid="plan-calendar-title" aria-live="polite">
          {title}
        </h3>
        <ul className="plan-legend" aria-label="Item types">
          {(Object.keys(TYPE_LABEL) as Array<keyof typeof TYPE_LABEL>).map((t) => (
            <li key={t} className={`plan-legend-item type-${t}`}>
              <span className="plan-chip-mark" aria-hidden="true">
                {TYPE_MARK[t]}
              </span>
              {TYPE_LABEL[t]}
            </li>
          ))}
        </ul>
      </header>

      <div className="plan-grid" role="grid" aria-label={title} aria-busy={busy || undefined}>
        <div className="plan-grid-row plan-grid-weekdays" role="row">
          <span className="plan-grid-weekno" aria-hidden="true" />
          {WEEKDAY_SHORT.map((d) => (
            <span key={d} className="plan-grid-weekday" role="columnheader">
              {d}
            </span>
          ))}
        </div>
        {shown.map((monday, row) => (
          <div key={monday} className="plan-grid-row" role="row" data-testid="plan-week-row">
            <span className="plan-grid-weekno" role="rowheader" title="ISO week">
              W{isoWeek(monday)}
            </span>
            {Array.from({ length: 7 }, (_, i) => {
              const date = addDays(monday, i);
              return (
                <CalendarDay
                  key={date}
                  date={date}
                  day={byDate.get(date) ?? null}
                  showMonth={(row === 0 && i === 0) || date.endsWith("-01")}
                  roomy={view === "week"}
                  selectedId={selectedId}
                  dragging={dragging}
                  onOpen={onOpen}
                  onDragStart={setDragging}
                  onDragEnd={() => setDragging(null)}
                  onDrop={drop}
                />
              );
            })}
          </div>
        ))}
      </div>
      <p className="plan-calendar-hint">Drag an item to another day to move it, or click it for details.</p>
    </section>
  );
}
