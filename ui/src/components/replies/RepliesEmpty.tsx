import { CheckCircleIcon, FilterOffIcon, InfoIcon } from "../Icons";

type EmptyProps = { clientName: string; onLoadDms: () => void; disabled: boolean };

/** Nothing in the queue yet: how messages get in. */
export function RepliesEmpty({ clientName, onLoadDms, disabled }: EmptyProps) {
  return (
    <div className="empty-state replies-empty" data-testid="replies-empty">
      <div className="empty-state-icon">
        <InfoIcon size={22} />
      </div>
      <h2 className="empty-state-title">No messages to answer for {clientName}</h2>
      <p className="empty-state-text">
        Paste comments or DMs above — one per line, or <code>username: text</code> — import a CSV with{" "}
        <code>username</code> and <code>text</code> columns, or load the DMs awaiting a reply from the client’s imported
        Instagram data. Each gets a triage, a lead score and 2–3 drafts in the brand’s voice to copy into Instagram.
      </p>
      <button type="button" className="btn" data-testid="replies-empty-load-dms" disabled={disabled} onClick={onLoadDms}>
        Load DMs awaiting reply
      </button>
    </div>
  );
}

/** Every message is handled. */
export function RepliesAllDone({ onShowHandled }: { onShowHandled: () => void }) {
  return (
    <div className="empty-state replies-empty" data-testid="replies-all-done">
      <div className="empty-state-icon">
        <CheckCircleIcon size={22} />
      </div>
      <h2 className="empty-state-title">All caught up</h2>
      <p className="empty-state-text">Every message in the queue is handled. Add new ones above when they come in.</p>
      <button type="button" className="btn" data-testid="replies-all-done-show" onClick={onShowHandled}>
        Show handled
      </button>
    </div>
  );
}

/** There are messages, but none of this intent. */
export function RepliesNoMatch({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <div className="empty-state replies-empty" data-testid="replies-no-match">
      <div className="empty-state-icon">
        <FilterOffIcon size={22} />
      </div>
      <h2 className="empty-state-title">No “{label}” messages</h2>
      <p className="empty-state-text">Nothing in the queue has this intent right now.</p>
      <button type="button" className="btn" data-testid="replies-clear-filter" onClick={onClear}>
        Show all intents
      </button>
    </div>
  );
}
