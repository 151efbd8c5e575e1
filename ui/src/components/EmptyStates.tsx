import { FilterOffIcon, PlusIcon, UsersIcon } from "./Icons";

/** Nothing stored yet. */
export function ClientsEmpty({ onNew }: { onNew: () => void }) {
  return (
    <div className="empty-state" data-testid="clients-empty">
      <div className="empty-state-icon">
        <UsersIcon size={22} />
      </div>
      <h2 className="empty-state-title">No clients yet</h2>
      <p className="empty-state-text">
        Add the Instagram accounts your agency manages. Each client keeps its niche, goals,
        audience, brand voice and notes in one place, stored on this computer.
      </p>
      <button type="button" className="btn btn-primary" data-testid="empty-new-client" onClick={onNew}>
        <PlusIcon size={15} />
        New client
      </button>
    </div>
  );
}

type NoMatchProps = { title: string; text: string; actionLabel: string; onAction: () => void };

/** There are clients, but none for the current filters. */
export function ClientsNoMatch({ title, text, actionLabel, onAction }: NoMatchProps) {
  return (
    <div className="empty-state" data-testid="clients-no-match">
      <div className="empty-state-icon">
        <FilterOffIcon size={22} />
      </div>
      <h2 className="empty-state-title">{title}</h2>
      <p className="empty-state-text">{text}</p>
      <button type="button" className="btn" data-testid="clear-filters" onClick={onAction}>
        {actionLabel}
      </button>
    </div>
  );
}
