// Names, main texts and file names of content items, shared by the draft and the library.
import type { Item, Kind } from "../../bindings";
import { formulaLabel } from "../settings/SampleHookList";

export { formulaLabel };

export const KINDS: readonly Kind[] = ["reels", "hooks", "captions", "hashtags"];

/** The kind as the picker names it (plural). */
export const KIND_LABEL: Record<Kind, string> = {
  reels: "Reel ideas",
  hooks: "Hooks",
  captions: "Captions",
  hashtags: "Hashtag sets",
};

/** One item of the kind: "reel idea", "hook"… */
export const KIND_SINGULAR: Record<Kind, string> = {
  reels: "reel idea",
  hooks: "hook",
  captions: "caption",
  hashtags: "hashtag set",
};

export type ItemType = Item["type"];

const TYPE_OF: Record<Kind, ItemType> = { reels: "reel", hooks: "hook", captions: "caption", hashtags: "hashtags" };

export function itemType(kind: Kind): ItemType {
  return TYPE_OF[kind];
}

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** What the back end calls an item's main text: copied, searched, and avoided on regenerate. */
export function mainText(item: Item): string {
  switch (item.type) {
    case "reel":
      return item.title;
    case "hook":
      return item.text;
    case "caption":
      return item.text;
    case "hashtags":
      return item.tags.join(" ");
  }
}

/**
 * A streamed item (the fields without the `type` tag) as an Item of `kind`; `null` when it is
 * not one yet (a field missing).
 */
export function streamedItem(kind: Kind, value: unknown): Item | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const str = (key: string) => typeof v[key] === "string";
  const list = (key: string) => Array.isArray(v[key]);
  switch (kind) {
    case "hooks":
      return str("text") && str("formula") ? ({ ...v, type: "hook" } as Item) : null;
    case "captions":
      return str("text") ? ({ length: "medium", hook: "", body: "", cta: "", framework: "", ...v, type: "caption" } as Item) : null;
    case "reels":
      return str("title")
        ? ({
            concept: "",
            hook: "",
            beats: [],
            on_screen_text: [],
            caption_angle: "",
            cta: "",
            length_secs: 0,
            why: "",
            format: "",
            ...v,
            type: "reel",
          } as unknown as Item)
        : null;
    case "hashtags":
      return list("tags") ? ({ tiers: [], note: "", ...v, type: "hashtags" } as unknown as Item) : null;
  }
}

/** An id like `talking_head_tips` or `aida` as words: "Talking head tips"; acronyms stay upper case. */
export function idLabel(id: string): string {
  const known: Record<string, string> = { aida: "AIDA", pas: "PAS", bab: "BAB", pov: "POV" };
  if (known[id]) return known[id];
  const words = id.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const LENGTH_LABEL: Record<string, string> = { short: "Short", medium: "Medium", long: "Long" };

export function lengthLabel(length: string): string {
  return LENGTH_LABEL[length] ?? idLabel(length);
}

/** 45 → "45 s", 90 → "1:30". */
export function formatSeconds(secs: number): string {
  if (secs < 60) return `${secs} s`;
  return `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, "0")}`;
}

export const TIERS = ["broad", "mid", "niche"] as const;

/** A file name for an export: `zoe.fit-hooks-2026-11-26.pdf`. */
export function exportFileName(handle: string, kind: Kind, day: string, extension: "pdf" | "csv"): string {
  return `${handle}-${kind}-${day}.${extension}`;
}

/** A random seed for an offline draft (the back end takes a u64; this stays a safe integer). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
