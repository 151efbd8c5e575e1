/** Starts the window over (after a restore, every screen must show the restored workspace). */
export function reloadApp(): void {
  window.location.reload();
}
