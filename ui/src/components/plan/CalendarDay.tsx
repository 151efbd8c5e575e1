import { useState, type DragEvent } from "react";
import type { PlanDay, PlanItem } from "../../bindings";
import { todayDay } from "../../format";
import { formatDayNumber, formatLongDay, formatMonthDay } from "./planFormat";
import { DRAG_TYPE, PlanItemChip } from "./PlanItemChip";

type Props = {
  date: string;
  /** `null` for a day outside the plan (greyed, not a drop target). */
  day: PlanDay | null;
  /** Shows the month with the day number (the first cell, and the 1st of a month). */
  showMonth: boolean;
  roomy?: boolean;
  selectedId: string | null;
  /** The item being dragged, if any. */
  dragging: PlanItem | null;
  onOpen: (item: PlanItem) => void;
  onDragStart: (item: PlanItem) => void;
  onDragEnd: () => void;
  onDrop: (itemId: string, date: string) => void;
};

/** One calendar cell: the date and the day's items; a drop target when it is a day of the plan. */
export function CalendarDay({ date, day, showMonth, roomy, selectedId, dragging, onOpen, onDragStart, onDragEnd, onDrop }: Props) {
  const [over, setOver] = useState(false);
  const inPlan = day !== null;
  const today = date === todayDay();

  function dragOver(event: DragEvent<HTMLDivElement>) {
    if (!inPlan) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!over) setOver(true);
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    setOver(false);
    if (!inPlan) return;
    event.preventDefault();
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData("text/plain") || dragging?.id || "";
    if (id !== "") onDrop(id, date);
  }

  const count = day?.items.length ?? 0;
  const classes = [
    "plan-day",
    inPlan ? "" : "is-outside",
    today ? "is-today" : "",
    over ? "is-over" : "",
    dragging && inPlan && dragging.date !== date ? "is-target" : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div
      className={classes}
      role="gridcell"
      data-testid="plan-day"
      data-date={date}
      data-in-plan={inPlan ? "true" : "false"}
      aria-label={`${formatLongDay(date)}${inPlan ? `, ${count} item${count === 1 ? "" : "s"}` : ", not in the plan"}`}
      onDragOver={dragOver}
      onDragEnter={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <div className="plan-day-head">
        <span className="plan-day-number">{showMonth ? formatMonthDay(date) : formatDayNumber(date)}</span>
        {today ? <span className="plan-day-today">Today</span> : null}
      </div>
      {day && day.items.length > 0 ? (
        <ul className="plan-day-items">
          {day.items.map((item) => (
            <li key={item.id}>
              <PlanItemChip
                item={item}
                roomy={roomy}
                selected={item.id === selectedId}
                onOpen={onOpen}
                onDragStart={onDragStart}
                onDragEnd={onDragEnd}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
