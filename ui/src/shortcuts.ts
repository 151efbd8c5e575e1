/**
 * The app's keyboard shortcuts: the one list the shortcuts dialog shows. The help article
 * `keyboard-shortcuts` must name every `keys` here (a Rust test in crates/help checks it).
 */
export type Shortcut = {
  /** As written on Windows and Linux. */
  keys: string;
  /** As written on macOS. */
  mac: string;
  action: string;
};

export const SHORTCUTS: Shortcut[] = [
  { keys: "Ctrl+N", mac: "⌘N", action: "New client" },
  { keys: "Ctrl+K", mac: "⌘K", action: "Search clients" },
  { keys: "F1", mac: "F1", action: "Open Help" },
  { keys: "Ctrl+/", mac: "⌘/", action: "Show keyboard shortcuts" },
  { keys: "Ctrl+Enter", mac: "⌘Enter", action: "Save the open form" },
  { keys: "Esc", mac: "Esc", action: "Close a dialog" },
];
