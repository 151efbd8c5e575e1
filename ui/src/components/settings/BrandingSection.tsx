import { useEffect, useId, useState, type FormEvent } from "react";
import { brandingGet, brandingLogo, brandingSet, toApiError } from "../../api";
import type { Branding, PaperSize } from "../../bindings";
import { AlertIcon, CheckCircleIcon, PaletteIcon } from "../Icons";
import { BrandingLogoField } from "./BrandingLogoField";
import { BrandingPreview } from "./BrandingPreview";
import {
  DEFAULT_ACCENT,
  DEFAULT_PRIMARY,
  formFromBranding,
  isBrandingField,
  isDirty,
  PAPER_LABEL,
  toBranding,
  type BrandingField,
  type BrandingForm,
} from "./brandingForm";
import { ColorField } from "./ColorField";
import { SettingsCard } from "./SettingsCard";
import "../ClientForm.css";
import "./Branding.css";
import { LoadFailed } from "../LoadFailed";

type Errors = Partial<Record<BrandingField, string>>;
type Loaded = { saved: Branding; logo: string | null };

/** How audit PDFs look: agency name, logo, colours, contact line, paper and white label. */
export function BrandingSection() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stale = false;
    setFailed(null);
    Promise.all([brandingGet(), brandingLogo()]).then(
      ([saved, logo]) => !stale && setLoaded({ saved, logo }),
      (err) => !stale && setFailed(toApiError(err).message),
    );
    return () => {
      stale = true;
    };
  }, [attempt]);

  return (
    <SettingsCard
      title="Report branding"
      icon={<PaletteIcon size={16} />}
      testId="branding-section"
      description="Your agency's name, logo and colours on every audit PDF you export for a client."
    >
      {loaded ? (
        <BrandingEditor loaded={loaded} onLoaded={setLoaded} />
      ) : failed ? (
        <LoadFailed what="The branding" reason={failed} testId="branding-failed" onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <div className="branding-loading" aria-busy="true" aria-label="Loading the branding" />
      )}
    </SettingsCard>
  );
}

function BrandingEditor({ loaded, onLoaded }: { loaded: Loaded; onLoaded: (loaded: Loaded) => void }) {
  const id = useId();
  const { saved, logo } = loaded;
  const [form, setForm] = useState<BrandingForm>(() => formFromBranding(saved));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const dirty = isDirty(form, saved);

  useEffect(() => {
    if (dirty) setJustSaved(false);
  }, [dirty]);

  function change(patch: Partial<BrandingForm>, field?: BrandingField) {
    setForm((f) => ({ ...f, ...patch }));
    setFormError(null);
    if (field && errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const next = await brandingSet(toBranding(form, saved.has_logo));
      onLoaded({ saved: next, logo });
      setForm(formFromBranding(next));
      setJustSaved(true);
    } catch (err) {
      const e = toApiError(err);
      if (isBrandingField(e.field)) setErrors({ [e.field]: e.message });
      else setFormError(e.message);
    } finally {
      setBusy(false);
    }
  }

  async function logoChanged(next: Branding) {
    // Only the logo changed: keep the form's unsaved edits.
    let url: string | null = null;
    if (next.has_logo) url = await brandingLogo().catch(() => null);
    onLoaded({ saved: { ...saved, has_logo: next.has_logo }, logo: url });
  }

  return (
    <div className="branding-layout">
      <form className="branding-form" data-testid="branding-form" noValidate onSubmit={save}>
        {formError ? (
          <div className="form-error" role="alert" data-testid="branding-error">
            <AlertIcon size={15} />
            <span>{formError}</span>
          </div>
        ) : null}

        <div className="field-grid">
          <div className="field field-wide">
            <label htmlFor={`${id}-name`} className="field-label">
              Agency name
            </label>
            <input
              id={`${id}-name`}
              className="input"
              data-testid="branding-agency-name"
              placeholder="Northwind Social"
              maxLength={80}
              autoComplete="organization"
              aria-invalid={errors.agency_name ? true : undefined}
              aria-describedby={`${id}-name-msg`}
              value={form.agency_name}
              onChange={(e) => change({ agency_name: e.target.value }, "agency_name")}
            />
            {errors.agency_name ? (
              <p id={`${id}-name-msg`} className="field-error" data-testid="error-agency_name">
                {errors.agency_name}
              </p>
            ) : (
              <p id={`${id}-name-msg`} className="field-hint">
                On the cover, beside the logo.
              </p>
            )}
          </div>

          <div className="field-wide">
            <BrandingLogoField logo={logo} hasLogo={saved.has_logo} onChanged={(b) => void logoChanged(b)} />
          </div>

          <ColorField
            id={`${id}-primary`}
            label="Primary colour"
            hint="The cover band, headings and charts."
            field="primary_color"
            testId="branding-primary"
            value={form.primary_color}
            fallback={DEFAULT_PRIMARY}
            error={errors.primary_color ?? null}
            onChange={(primary_color) => change({ primary_color }, "primary_color")}
          />
          <ColorField
            id={`${id}-accent`}
            label="Accent colour"
            hint="Highlights and the second chart series."
            field="accent_color"
            testId="branding-accent"
            value={form.accent_color}
            fallback={DEFAULT_ACCENT}
            error={errors.accent_color ?? null}
            onChange={(accent_color) => change({ accent_color }, "accent_color")}
          />

          <div className="field field-wide">
            <label htmlFor={`${id}-contact`} className="field-label">
              Contact line
            </label>
            <input
              id={`${id}-contact`}
              className="input"
              data-testid="branding-contact"
              placeholder="hello@agency.com · agency.com"
              maxLength={160}
              aria-invalid={errors.contact_line ? true : undefined}
              aria-describedby={`${id}-contact-msg`}
              value={form.contact_line}
              onChange={(e) => change({ contact_line: e.target.value }, "contact_line")}
            />
            {errors.contact_line ? (
              <p id={`${id}-contact-msg`} className="field-error" data-testid="error-contact_line">
                {errors.contact_line}
              </p>
            ) : (
              <p id={`${id}-contact-msg`} className="field-hint">
                On the cover and the last page.
              </p>
            )}
          </div>

          <div className="field">
            <label htmlFor={`${id}-paper`} className="field-label">
              Paper size
            </label>
            <select
              id={`${id}-paper`}
              className="select"
              data-testid="branding-paper"
              value={form.paper}
              onChange={(e) => change({ paper: e.target.value as PaperSize })}
            >
              {(Object.keys(PAPER_LABEL) as PaperSize[]).map((p) => (
                <option key={p} value={p}>
                  {PAPER_LABEL[p]}
                </option>
              ))}
            </select>
          </div>

          <div className="field branding-white-label">
            <label className="check">
              <input
                type="checkbox"
                data-testid="branding-white-label"
                checked={form.white_label}
                onChange={(e) => change({ white_label: e.target.checked })}
              />
              <span>
                White label
                <span className="check-hint">No InstaGrowth OS mark on reports.</span>
              </span>
            </label>
          </div>
        </div>

        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" data-testid="branding-save" disabled={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {busy ? "Saving…" : "Save branding"}
          </button>
          {justSaved && !dirty ? (
            <span className="settings-saved" role="status" data-testid="branding-saved">
              <CheckCircleIcon size={14} />
              Saved
            </span>
          ) : dirty ? (
            <span className="settings-unsaved">Unsaved changes</span>
          ) : null}
        </div>
      </form>

      <BrandingPreview form={form} logo={logo} />
    </div>
  );
}
