import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ShortcutsDialog } from "../components/help/ShortcutsDialog";
import { modalIsOpen, useShortcut } from "../hooks/useShortcut";

export type HelpApi = {
  /** Opens the help centre, on `articleId` when given. */
  openHelp: (articleId?: string) => void;
  /** Opens the keyboard shortcuts dialog. */
  showShortcuts: () => void;
  /** False without a provider: help links then render nothing rather than a dead link. */
  available: boolean;
};

const NO_HELP: HelpApi = { openHelp: () => undefined, showShortcuts: () => undefined, available: false };

const HelpContext = createContext<HelpApi>(NO_HELP);

type Props = {
  /** Shows the help centre (the app sets its view). */
  openHelp: (articleId?: string) => void;
  children: ReactNode;
};

/**
 * Help for everything below it: `openHelp` for context links, F1 opens the help centre and
 * Ctrl+/ (⌘/) the keyboard shortcuts — both stand aside while a dialog is open.
 */
export function HelpProvider({ openHelp, children }: Props) {
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const latest = useRef(openHelp);
  latest.current = openHelp;

  useShortcut("/", () => setShortcutsOpen(true));

  // F1 has no Ctrl, so useShortcut cannot take it.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "F1" || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (event.repeat || modalIsOpen()) return;
      event.preventDefault();
      latest.current();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const value = useMemo<HelpApi>(
    () => ({
      openHelp: (articleId?: string) => latest.current(articleId),
      showShortcuts: () => setShortcutsOpen(true),
      available: true,
    }),
    [],
  );

  return (
    <HelpContext.Provider value={value}>
      {children}
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
    </HelpContext.Provider>
  );
}

/** The help centre's controls; no-ops (with `available` false) outside a `HelpProvider`. */
export function useHelp(): HelpApi {
  return useContext(HelpContext);
}
