// Names and colours for post formats and import sources, shared by the charts and tables.
import type { Metrics, PostKind, SourceKind } from "./bindings";

export const POST_KINDS: readonly PostKind[] = ["image", "carousel", "reel", "story"];

export const KIND_LABEL: Record<PostKind, string> = {
  image: "Image",
  carousel: "Carousel",
  reel: "Reel",
  story: "Story",
};

/** The theme colour of a format (light and dark values live in theme.css). */
export function kindColor(kind: PostKind): string {
  return `var(--kind-${kind})`;
}

export function isPostKind(value: string): value is PostKind {
  return (POST_KINDS as readonly string[]).includes(value);
}

export const SOURCE_LABEL: Record<SourceKind, string> = {
  ig_export: "Instagram export",
  business_suite_csv: "Business Suite CSV",
  manual: "Manual entry",
};

/** Likes + comments + saves + shares, unknown counted as 0 (as the back end ranks posts). */
export function engagementOf(m: Metrics): number {
  return (m.likes ?? 0) + (m.comments ?? 0) + (m.saves ?? 0) + (m.shares ?? 0);
}
