import type { DragEvent } from "react";
import type { PlanItem } from "../../bindings";
import { CheckIcon } from "../Icons";
import { TYPE_MARK, typeLabel } from "./planFormat";

/** The drag payload's type; `text/plain` carries the id too, for hosts that drop custom types. */
export const DRAG_TYPE = "application/x-instagrowth-plan-item";

type Props = {
  item: PlanItem;
  selected: boolean;
  /** The week view shows the hook under the topic. */
  roomy?: boolean;
  onOpen: (item: PlanItem) => void;
  onDragStart: (item: PlanItem) => void;
  onDragEnd: () => void;
};

/** One planned item on the calendar: time, type and topic. Click for details, drag to move. */
export function PlanItemChip({ item, selected, roomy, onOpen, onDragStart, onDragEnd }: Props) {
  function dragStart(event: DragEvent<HTMLButtonElement>) {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData(DRAG_TYPE, item.id);
    event.dataTransfer.setData("text/plain", item.id);
    onDragStart(item);
  }

  const label = `${item.time} ${typeLabel(item.type)}: ${item.topic}${item.done ? " (done)" : ""}`;
  return (
    <button
      type="button"
      className={`plan-chip type-${item.type}${item.done ? " is-done" : ""}${selected ? " is-selected" : ""}${roomy ? " is-roomy" : ""}`}
      data-testid="plan-item"
      data-id={item.id}
      data-type={item.type}
      data-done={item.done ? "true" : "false"}
      draggable
      aria-label={label}
      aria-pressed={selected}
      title={`${label} — drag to another day to move it`}
      onClick={() => onOpen(item)}
      onDragStart={dragStart}
      onDragEnd={onDragEnd}
    >
      <span className="plan-chip-mark" aria-hidden="true">
        {item.done ? <CheckIcon size={10} strokeWidth={3} /> : TYPE_MARK[item.type]}
      </span>
      <span className="plan-chip-time">{item.time}</span>
      <span className="plan-chip-topic">{item.topic}</span>
      {roomy && item.hook ? <span className="plan-chip-hook">{item.hook}</span> : null}
    </button>
  );
}
