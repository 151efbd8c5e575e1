// The branding form's values, its fields and colour helpers shared by the form and its preview.
import type { Branding, PaperSize } from "../../bindings";

export type BrandingForm = Omit<Branding, "has_logo">;

export const BRANDING_FIELDS = ["agency_name", "primary_color", "accent_color", "contact_line", "logo"] as const;
export type BrandingField = (typeof BRANDING_FIELDS)[number];

export function isBrandingField(value: string | null): value is BrandingField {
  return value !== null && (BRANDING_FIELDS as readonly string[]).includes(value);
}

/** The report engine's colours when none is set. */
export const DEFAULT_PRIMARY = "#4f46e5";
export const DEFAULT_ACCENT = "#db2777";

export const PAPER_LABEL: Record<PaperSize, string> = { a4: "A4 (210 × 297 mm)", letter: "US Letter (8.5 × 11 in)" };
/** Width over height of each paper size. */
export const PAPER_RATIO: Record<PaperSize, number> = { a4: 210 / 297, letter: 8.5 / 11 };

export function formFromBranding(b: Branding): BrandingForm {
  return {
    agency_name: b.agency_name,
    primary_color: b.primary_color,
    accent_color: b.accent_color,
    contact_line: b.contact_line,
    paper: b.paper,
    white_label: b.white_label,
  };
}

/** What is sent: text trimmed (the back end checks the rest). */
export function toBranding(form: BrandingForm, hasLogo: boolean): Branding {
  return {
    agency_name: form.agency_name.trim(),
    primary_color: form.primary_color.trim(),
    accent_color: form.accent_color.trim(),
    contact_line: form.contact_line.trim(),
    paper: form.paper,
    white_label: form.white_label,
    has_logo: hasLogo,
  };
}

export function isDirty(form: BrandingForm, saved: Branding): boolean {
  const a = toBranding(form, saved.has_logo);
  return (
    a.agency_name !== saved.agency_name ||
    a.primary_color.toLowerCase() !== saved.primary_color.toLowerCase() ||
    a.accent_color.toLowerCase() !== saved.accent_color.toLowerCase() ||
    a.contact_line !== saved.contact_line ||
    a.paper !== saved.paper ||
    a.white_label !== saved.white_label
  );
}

/** `#rrggbb`, any case, spaces around ignored. */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value.trim());
}

/** The colour in lower case if it is one, else `fallback`. */
export function colorOr(value: string, fallback: string): string {
  return isHexColor(value) ? value.trim().toLowerCase() : fallback;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export const INK = "#1f2330";

/** White or ink, whichever reads better on `hex` (as the PDF cover picks its text colour). */
export function textOn(hex: string): string {
  const l = luminance(hex);
  const white = 1.05 / (l + 0.05);
  const ink = (l + 0.05) / (luminance(INK) + 0.05);
  return white >= ink ? "#ffffff" : INK;
}
