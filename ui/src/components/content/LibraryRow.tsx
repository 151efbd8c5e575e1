import type { LibraryItem } from "../../bindings";
import { formatDate, formatDay } from "../../format";
import { TagChips } from "../TagChips";
import { CheckIcon, PencilIcon, StarIcon, TrashIcon } from "../Icons";
import { CopyButton } from "./CopyButton";
import { ItemCard } from "./ItemCard";
import { KIND_SINGULAR, mainText } from "./contentFormat";

type Props = {
  entry: LibraryItem;
  /** An action on this row is waiting for the back end. */
  busy: boolean;
  onFavourite: () => void;
  onUsed: (used: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
};

const SOURCE_LABEL: Record<string, string> = { offline: "Offline", ai: "AI", manual: "Manual" };

/** A saved item, compact, with its tags, favourite star and actions. */
export function LibraryRow({ entry, busy, onFavourite, onUsed, onEdit, onDelete }: Props) {
  const what = KIND_SINGULAR[entry.kind];
  return (
    <div className={entry.used_on ? "library-row is-used" : "library-row"} data-testid="library-item" data-id={entry.id}>
      <button
        type="button"
        className={entry.favourite ? "library-star is-on" : "library-star"}
        data-testid="library-favourite"
        aria-pressed={entry.favourite}
        aria-label={entry.favourite ? "Remove from favourites" : "Add to favourites"}
        title={entry.favourite ? "Remove from favourites" : "Add to favourites"}
        disabled={busy}
        onClick={onFavourite}
      >
        <StarIcon size={16} filled={entry.favourite} />
      </button>
      <ItemCard
        item={entry.item}
        compact
        testId="library-item-card"
        meta={
          <div className="library-meta">
            <span className="library-kind-label">{what}</span>
            {entry.topic ? <span className="library-topic selectable">“{entry.topic}”</span> : null}
            <span className="library-date">
              {SOURCE_LABEL[entry.source] ?? entry.source} · saved {formatDate(entry.created_at)}
            </span>
            {entry.tags.length > 0 ? (
              <span data-testid="library-tags">
                <TagChips tags={entry.tags} />
              </span>
            ) : null}
            {entry.used_on ? (
              <span className="chip tone-good library-used-on" data-testid="library-used-on">
                <CheckIcon size={11} />
                Used on {formatDay(entry.used_on)}
              </span>
            ) : null}
          </div>
        }
        actions={
          <>
            <CopyButton text={mainText(entry.item)} testId="library-copy" />
            {entry.used_on ? (
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                data-testid="library-unmark-used"
                disabled={busy}
                onClick={() => onUsed(false)}
              >
                Unmark
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                data-testid="library-mark-used"
                disabled={busy}
                title="Mark it used today: used items are hidden and not suggested again"
                onClick={() => onUsed(true)}
              >
                <CheckIcon size={13} />
                Mark used
              </button>
            )}
            <button type="button" className="btn btn-sm btn-ghost" data-testid="library-edit" disabled={busy} onClick={onEdit}>
              <PencilIcon size={13} />
              Edit
            </button>
            <button
              type="button"
              className="btn btn-sm btn-danger-ghost"
              data-testid="library-delete"
              disabled={busy}
              onClick={onDelete}
            >
              <TrashIcon size={13} />
              Delete
            </button>
          </>
        }
      />
    </div>
  );
}
