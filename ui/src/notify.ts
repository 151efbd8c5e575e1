// Long work that finishes out of sight: an import that ends after the user left its page, or any
// import or AI run that ends while the window is in the background. Such work is announced in the
// app (a toast with "Open") and, when the window is not focused, by the OS.
import { isPermissionGranted, requestPermission, sendNotification } from "@tauri-apps/plugin-notification";

export type Notice = {
  id: number;
  title: string;
  body: string;
  tone: "success" | "error";
  /** The client it concerns: the toast offers to open it. */
  clientId?: string;
};

type Listener = (notice: Notice) => void;

const listeners = new Set<Listener>();
let nextId = 1;

/** Subscribes the toast stack; returns the unsubscribe. */
export function onNotice(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the user can see the window now. */
export function windowInView(): boolean {
  return document.visibilityState === "visible" && document.hasFocus();
}

/**
 * Announces finished work. `onScreen`: the screen that started it still shows its result, so the
 * app needs no toast (the OS is still told when the window is in the background).
 */
export function notifyFinished(notice: Omit<Notice, "id">, onScreen: boolean): void {
  const inView = windowInView();
  if (onScreen && inView) return;
  const full = { ...notice, id: nextId++ };
  for (const l of listeners) l(full);
  if (!inView) void osNotification(notice.title, notice.body);
}

async function osNotification(title: string, body: string): Promise<void> {
  try {
    let granted = await isPermissionGranted();
    if (!granted) granted = (await requestPermission()) === "granted";
    if (granted) sendNotification({ title, body });
  } catch {
    // No notification service (a bare desktop session): the in-app toast still says it.
  }
}
