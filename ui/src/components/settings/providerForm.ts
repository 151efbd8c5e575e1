// The provider form's values and how they map to and from the back end's ProviderSettings.
import type { ExtraHeader, Preset, PresetInfo, ProviderSettings } from "../../bindings";

/** A header row; `id` keeps React keys stable while rows are added and removed. */
export type HeaderRow = { id: number; name: string; value: string };

export type ProviderForm = { preset: Preset; base_url: string; model: string; headers: HeaderRow[] };

/** The settings fields the back end names in `ApiError.field`. */
export type ProviderField = "base_url" | "model" | "extra_headers";
export const PROVIDER_FIELDS: readonly ProviderField[] = ["base_url", "model", "extra_headers"];

export function isProviderField(field: string | null): field is ProviderField {
  return field !== null && (PROVIDER_FIELDS as readonly string[]).includes(field);
}

/** OpenRouter attributes traffic to the app with these (optional) headers. */
export const OPENROUTER_HEADERS: readonly ExtraHeader[] = [
  { name: "HTTP-Referer", value: "https://instagrowth.app" },
  { name: "X-Title", value: "InstaGrowth OS" },
];

let nextRowId = 1;

export function headerRow(name = "", value = ""): HeaderRow {
  return { id: nextRowId++, name, value };
}

export function formFromSettings(s: ProviderSettings): ProviderForm {
  return {
    preset: s.preset,
    base_url: s.base_url,
    model: s.model,
    headers: s.extra_headers.map((h) => headerRow(h.name, h.value)),
  };
}

/**
 * The form for a preset: the saved settings when that preset is the saved one, otherwise the
 * preset's base URL and default model (and OpenRouter's attribution headers).
 */
export function formForPreset(info: PresetInfo, saved: ProviderSettings | null): ProviderForm {
  if (saved && saved.preset === info.preset) return formFromSettings(saved);
  const headers = info.preset === "openrouter" ? OPENROUTER_HEADERS : [];
  return {
    preset: info.preset,
    base_url: info.base_url,
    model: info.default_model,
    headers: headers.map((h) => headerRow(h.name, h.value)),
  };
}

/** What is sent to the back end (which trims and checks); rows left entirely blank are dropped. */
export function toSettings(f: ProviderForm): ProviderSettings {
  return {
    preset: f.preset,
    base_url: f.base_url,
    model: f.model,
    extra_headers: f.headers
      .filter((h) => h.name.trim() !== "" || h.value.trim() !== "")
      .map(({ name, value }) => ({ name, value })),
  };
}

/** Whether the form differs from the saved settings (ignoring surrounding spaces). */
export function isDirty(f: ProviderForm, saved: ProviderSettings | null): boolean {
  if (!saved) return true;
  const a = toSettings(f);
  const norm = (s: ProviderSettings) =>
    JSON.stringify([
      s.preset,
      s.base_url.trim().replace(/\/+$/, ""),
      s.model.trim(),
      s.extra_headers.map((h) => [h.name.trim(), h.value.trim()]),
    ]);
  return norm(a) !== norm(saved);
}
