import { useEffect, useState, type RefObject } from "react";

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * Modal focus handling: focuses the element marked `data-autofocus` (or the first focusable
 * one) on open, keeps Tab inside the dialog, calls `onEscape` on Escape, and gives focus back
 * to where it was when the dialog closes.
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>, onEscape: () => void): void {
  // Where the focus was before the dialog opened (read once, on the first render).
  const [previous] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const first = root.querySelector<HTMLElement>("[data-autofocus]") ?? focusables(root)[0];
    first?.focus();
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
    // Only on open and close: `ref` and `previous` never change.
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const root = ref.current;
      if (!root) return;
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        onEscape();
        return;
      }
      if (event.key !== "Tab") return;
      const items = focusables(root);
      if (items.length === 0) return;
      const firstItem = items[0];
      const lastItem = items[items.length - 1];
      const active = document.activeElement;
      if (!root.contains(active)) {
        event.preventDefault();
        firstItem.focus();
      } else if (event.shiftKey && active === firstItem) {
        event.preventDefault();
        lastItem.focus();
      } else if (!event.shiftKey && active === lastItem) {
        event.preventDefault();
        firstItem.focus();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [ref, onEscape]);
}
