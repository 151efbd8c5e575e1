import { useEffect, useRef, useState } from "react";
import { getCurrentWebview } from "@tauri-apps/api/webview";

export type FileDrop = {
  /** Files are being dragged over the window. */
  dragging: boolean;
};

/**
 * Files dragged onto the window from the desktop. They arrive through Tauri's webview
 * drag-drop event, not the DOM's (which carries no paths). `onDrop` gets the dropped paths.
 * Outside Tauri (tests, a plain browser) the event is unavailable and this does nothing.
 */
export function useFileDrop(onDrop: (paths: string[]) => void): FileDrop {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onDrop);
  latest.current = onDrop;

  useEffect(() => {
    let disposed = false;
    let unlisten: (() => void) | null = null;
    try {
      getCurrentWebview()
        .onDragDropEvent((event) => {
          const payload = event.payload;
          if (payload.type === "enter" || payload.type === "over") {
            setDragging(true);
          } else if (payload.type === "leave") {
            setDragging(false);
          } else {
            setDragging(false);
            if (payload.paths.length > 0) latest.current(payload.paths);
          }
        })
        .then(
          (stop) => {
            if (disposed) stop();
            else unlisten = stop;
          },
          () => undefined,
        );
    } catch {
      // Not running inside Tauri.
    }
    return () => {
      disposed = true;
      unlisten?.();
    };
  }, []);

  return { dragging };
}
