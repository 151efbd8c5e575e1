// Paths chosen in the native save dialogs.

/**
 * `path` with `.ext` added when the file name typed has no extension at all: GTK's save dialog
 * (Linux) does not add the filter's extension as macOS and Windows do, and an export refuses a
 * name that is not of its kind. A name with another extension is left for the back end to refuse.
 */
export function withExtension(path: string | null, ext: string): string | null {
  if (path === null) return null;
  const name = path.split(/[\\/]/).pop() ?? "";
  return name.includes(".") ? path : `${path}.${ext}`;
}
