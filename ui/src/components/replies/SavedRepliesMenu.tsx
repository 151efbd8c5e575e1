import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import type { Intent, SavedReply } from "../../bindings";
import { BookmarkIcon, ChevronDownIcon } from "../Icons";
import { intentLabel, truncate } from "./repliesFormat";

type Props = {
  saved: SavedReply[];
  /** The message's intent: saved replies for it come first. */
  intent: Intent;
  disabled: boolean;
  onPick: (saved: SavedReply) => void;
  /** Opens the reply settings, where saved replies are written. */
  onManage: () => void;
};

/** Saved replies for this intent first, then the ones for any intent, then the rest. */
function ordered(saved: SavedReply[], intent: Intent): SavedReply[] {
  const rank = (s: SavedReply) => (s.intent === intent ? 0 : s.intent === null ? 1 : 2);
  return [...saved].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** "Saved replies ▾": picks a saved reply to fill in for this message. */
export function SavedRepliesMenu({ saved, intent, disabled, onPick, onManage }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    function onDown(event: MouseEvent) {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    }
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  function onMenuKey(event: ReactKeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(i + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length];
    next?.focus();
  }

  const list = ordered(saved, intent);
  return (
    <div className="reply-menu-wrap" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn btn-sm btn-ghost"
        data-testid="reply-saved-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <BookmarkIcon size={13} />
        Saved replies
        <ChevronDownIcon size={12} />
      </button>
      {open ? (
        <div id={`${id}-menu`} className="reply-menu" role="menu" aria-label="Saved replies" onKeyDown={onMenuKey}>
          {list.length === 0 ? (
            <p className="reply-menu-empty">No saved replies yet.</p>
          ) : (
            list.map((s) => (
              <button
                key={s.id}
                type="button"
                role="menuitem"
                className="reply-menu-item"
                data-testid="reply-saved-option"
                data-id={s.id}
                onClick={() => {
                  setOpen(false);
                  onPick(s);
                }}
              >
                <span className="reply-menu-name">
                  {s.name}
                  {s.intent ? <span className="reply-menu-intent"> · {intentLabel(s.intent)}</span> : null}
                </span>
                <span className="reply-menu-body">{truncate(s.body, 70)}</span>
              </button>
            ))
          )}
          <button
            type="button"
            role="menuitem"
            className="reply-menu-item reply-menu-manage"
            data-testid="reply-saved-manage"
            onClick={() => {
              setOpen(false);
              onManage();
            }}
          >
            Manage saved replies…
          </button>
        </div>
      ) : null}
    </div>
  );
}
