import type { Client, Item, Kind } from "../../bindings";
import { AiBadge } from "./AiBadge";
import { CopyButton } from "./CopyButton";
import { ExportButtons } from "./ExportButtons";
import { ItemCard } from "./ItemCard";
import { KIND_LABEL, mainText } from "./contentFormat";
import { BookmarkIcon, CheckIcon, InfoIcon, RefreshIcon } from "../Icons";

/** One item of the draft on screen, with what is happening to it. */
export type DraftItem = {
  /** Stable across regenerations of other items. */
  key: string;
  item: Item;
  saved: boolean;
  saving: boolean;
  regenerating: boolean;
  /** Why the last save or regenerate failed. */
  error: string | null;
};

export type Draft = {
  kind: Kind;
  source: string;
  niche: string;
  topic: string | null;
  model: string | null;
  notes: string[];
  /** Whether it was asked for offline (regenerating one item asks the same way). */
  offline: boolean;
  items: DraftItem[];
};

type Props = {
  client: Client;
  draft: Draft;
  /** A run or a regenerate is going on: the other items' actions wait. */
  busy: boolean;
  onSave: (key: string) => void;
  onRegenerate: (key: string) => void;
};

/** The finished draft: where it came from, its notes, export, and one card per item. */
export function DraftList({ client, draft, busy, onSave, onRegenerate }: Props) {
  const count = draft.items.length;
  return (
    <section className="content-draft" data-testid="content-draft" aria-label="Draft">
      <header className="content-draft-header">
        <div className="content-draft-heading">
          <h3 className="content-draft-title">
            {count} {KIND_LABEL[draft.kind].toLowerCase()}
            {draft.topic ? <span className="content-draft-topic"> about “{draft.topic}”</span> : null}
          </h3>
          <p className="content-source" data-testid="content-source" data-source={draft.source}>
            {draft.source === "ai" ? (
              <>
                <AiBadge />
                Written by {draft.model ?? "AI"}
              </>
            ) : (
              `Drafted offline from the ${draft.niche} library`
            )}
          </p>
        </div>
        <ExportButtons
          clientId={client.id}
          handle={client.handle}
          kind={draft.kind}
          topic={draft.topic}
          items={draft.items.map((d) => d.item)}
          testIdPrefix="content"
          disabledReason={busy ? "Wait for the draft to finish" : null}
        />
      </header>

      {draft.notes.length > 0 ? (
        <ul className="content-notes">
          {draft.notes.map((note, i) => (
            <li key={i} className="content-note" data-testid="content-note">
              <InfoIcon size={14} />
              <span className="selectable">{note}</span>
            </li>
          ))}
        </ul>
      ) : null}

      <ol className="content-cards" aria-label="Drafted items">
        {draft.items.map((d, i) => (
          <li key={d.key}>
            <ItemCard
              item={d.item}
              index={i}
              busy={d.regenerating}
              meta={
                d.error ? (
                  <p className="content-card-error" role="alert" data-testid="content-item-error">
                    {d.error}
                  </p>
                ) : null
              }
              actions={
                <>
                  <CopyButton text={mainText(d.item)} testId="content-copy" />
                  {d.saved ? (
                    <span className="content-saved" data-testid="content-saved">
                      <CheckIcon size={13} />
                      Saved ✓
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      data-testid="content-save"
                      disabled={d.saving || d.regenerating}
                      onClick={() => onSave(d.key)}
                    >
                      {d.saving ? <span className="spinner" aria-hidden="true" /> : <BookmarkIcon size={13} />}
                      Save to library
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    data-testid="content-regenerate"
                    disabled={busy || d.saving}
                    title="Write a different one in its place"
                    onClick={() => onRegenerate(d.key)}
                  >
                    <RefreshIcon size={13} />
                    Regenerate
                  </button>
                </>
              }
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
