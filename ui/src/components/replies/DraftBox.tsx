import { useId } from "react";
import { CopyDraftButton } from "./CopyDraftButton";

type Props = {
  style: string;
  text: string;
  /** Edited text differs from the draft: offer to put the draft back. */
  edited: boolean;
  /** From a saved reply rather than the drafts. */
  saved?: boolean;
  onChange: (text: string) => void;
  onReset: () => void;
  onRemove?: () => void;
};

/** One reply draft: its style, its text (editable before copying; edits stay on screen), Copy. */
export function DraftBox({ style, text, edited, saved, onChange, onReset, onRemove }: Props) {
  const id = useId();
  // Drafts sit up to three abreast (about 32 characters a line): show the whole text.
  const rows = Math.min(12, Math.max(2, Math.ceil(text.length / 32) + (text.match(/\n/g)?.length ?? 0)));
  return (
    <div className={saved ? "reply-draft is-saved" : "reply-draft"} data-testid="reply-draft-box" data-style={style}>
      <div className="reply-draft-head">
        <label htmlFor={id} className="reply-draft-style">
          {style}
          {saved ? <span className="reply-draft-kind"> · saved reply</span> : null}
          {edited ? <span className="reply-draft-kind"> · edited</span> : null}
        </label>
        <div className="reply-draft-actions">
          {edited ? (
            <button type="button" className="link-btn reply-draft-reset" data-testid="reply-draft-reset" onClick={onReset}>
              Undo edits
            </button>
          ) : null}
          {onRemove ? (
            <button type="button" className="link-btn reply-draft-reset" data-testid="reply-draft-remove" onClick={onRemove}>
              Remove
            </button>
          ) : null}
          <CopyDraftButton text={text} />
        </div>
      </div>
      <textarea
        id={id}
        className="textarea reply-draft-text"
        data-testid="reply-draft"
        rows={rows}
        value={text}
        spellCheck
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
