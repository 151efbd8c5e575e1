import { useEffect, useRef } from "react";

/** True while an in-app modal dialog is open; global shortcuts stand aside then. */
export function modalIsOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/**
 * Calls `handler` on Ctrl+`key` (Cmd+`key` on macOS), wherever the focus is. Ignored while a
 * modal dialog is open.
 */
export function useShortcut(key: string, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;

  useEffect(() => {
    const wanted = key.toLowerCase();
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== wanted) return;
      if (event.repeat || modalIsOpen()) return;
      event.preventDefault();
      latest.current();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [key]);
}
