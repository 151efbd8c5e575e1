import type { CSSProperties } from "react";
import { colorOr, DEFAULT_ACCENT, DEFAULT_PRIMARY, PAPER_RATIO, textOn, type BrandingForm } from "./brandingForm";

const longDate = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "long", year: "numeric" });

type Props = {
  form: BrandingForm;
  /** The stored logo as a data URL. */
  logo: string | null;
};

/** The report's cover drawn from the form as it is now, at the paper's proportions. */
export function BrandingPreview({ form, logo }: Props) {
  const primary = colorOr(form.primary_color, DEFAULT_PRIMARY);
  const accent = colorOr(form.accent_color, DEFAULT_ACCENT);
  const name = form.agency_name.trim();
  const contact = form.contact_line.trim();
  const style = {
    aspectRatio: String(PAPER_RATIO[form.paper]),
    "--cover-primary": primary,
    "--cover-accent": accent,
    "--cover-on-primary": textOn(primary),
  } as CSSProperties;

  return (
    <figure className="cover-preview-frame">
      <div className="cover-preview" data-testid="branding-preview" data-paper={form.paper} style={style} aria-label="Preview of the report cover">
        <span className="cover-disc cover-disc-1" aria-hidden="true" />
        <span className="cover-disc cover-disc-2" aria-hidden="true" />
        <span className="cover-disc cover-disc-3" aria-hidden="true" />
        <div className="cover-agency">
          {logo ? <img className="cover-logo" data-testid="branding-preview-logo" src={logo} alt="" /> : null}
          <span className={name ? "cover-agency-name" : "cover-agency-name is-placeholder"} data-testid="branding-preview-agency">
            {name || "Your agency"}
          </span>
        </div>
        <div className="cover-band">
          <span className="cover-rule" aria-hidden="true" />
          <p className="cover-title">Instagram account audit</p>
          <p className="cover-client">Zoe Fitness</p>
          <p className="cover-handle">@zoe.fit</p>
        </div>
        <p className="cover-date">{longDate.format(new Date())}</p>
        <div className="cover-footer">
          <span className="cover-contact" data-testid="branding-preview-contact">
            {contact}
          </span>
          {form.white_label ? null : (
            <span className="cover-mark" data-testid="branding-preview-mark">
              Made with InstaGrowth OS
            </span>
          )}
        </div>
      </div>
      <figcaption className="cover-preview-caption">
        Cover preview · {form.paper === "a4" ? "A4" : "Letter"} · sample client
      </figcaption>
    </figure>
  );
}
