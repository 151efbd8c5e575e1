// Light client-side checks that mirror the back end's rules, so people see problems while
// typing. The back end stays the authority: its ApiError is shown under the field it names.

export const NAME_MAX = 100;
export const HANDLE_MAX = 30;
export const TAGS_MAX = 20;
export const TAG_MAX_CHARS = 40;
export const TEXT_MAX = 5000;

/** "@Some.Name " -> "some.name" (how the back end stores it). */
export function normalizeHandle(raw: string): string {
  return raw.trim().replace(/^@/, "").toLowerCase();
}

/** "Fitness, #coaching ,, fitness" -> ["fitness", "coaching"]. */
export function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  for (const part of raw.split(",")) {
    const tag = part.trim().replace(/^#/, "").trim().toLowerCase();
    if (tag !== "") seen.add(tag);
  }
  return [...seen];
}

export function checkName(raw: string): string | null {
  const name = raw.trim();
  if (name === "") return "Name is required.";
  if ([...name].length > NAME_MAX) return `Name must be at most ${NAME_MAX} characters.`;
  return null;
}

export function checkHandle(raw: string): string | null {
  const handle = normalizeHandle(raw);
  if (handle === "") return "Instagram handle is required.";
  if (handle.length > HANDLE_MAX) return `Handle must be at most ${HANDLE_MAX} characters.`;
  if (!/^[a-z0-9._]+$/.test(handle)) {
    return "Handle may only contain letters, digits, periods and underscores.";
  }
  if (handle.startsWith(".") || handle.endsWith(".")) {
    return "Handle can't start or end with a period.";
  }
  if (handle.includes("..")) return "Handle can't contain two periods in a row.";
  return null;
}

export function checkTags(raw: string): string | null {
  const tags = parseTags(raw);
  if (tags.length > TAGS_MAX) return `At most ${TAGS_MAX} tags.`;
  const long = tags.find((t) => [...t].length > TAG_MAX_CHARS);
  if (long !== undefined) return `Each tag must be at most ${TAG_MAX_CHARS} characters.`;
  return null;
}

export function checkText(raw: string): string | null {
  return [...raw.trim()].length > TEXT_MAX ? `At most ${TEXT_MAX.toLocaleString()} characters.` : null;
}
