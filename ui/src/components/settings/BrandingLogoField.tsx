import { useState } from "react";
import { brandingRemoveLogo, brandingSetLogo, pickLogoFile, toApiError } from "../../api";
import type { Branding } from "../../bindings";
import { ImageIcon, TrashIcon, UploadIcon } from "../Icons";

type Props = {
  logo: string | null;
  hasLogo: boolean;
  /** After a logo was stored or removed: the new branding. */
  onChanged: (branding: Branding) => void;
};

/** The agency logo: a PNG or JPEG chosen with the file picker, previewed, removable. */
export function BrandingLogoField({ logo, hasLogo, onChanged }: Props) {
  const [busy, setBusy] = useState<"choose" | "remove" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose() {
    setError(null);
    try {
      const path = await pickLogoFile();
      if (path === null) return;
      setBusy("choose");
      onChanged(await brandingSetLogo(path));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    setError(null);
    setBusy("remove");
    try {
      onChanged(await brandingRemoveLogo());
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="field">
      <span className="field-label">Logo</span>
      <div className="logo-row">
        <div className={logo ? "logo-box has-logo" : "logo-box"}>
          {logo ? (
            <img src={logo} alt="The agency logo" data-testid="branding-logo-image" />
          ) : (
            <ImageIcon size={18} aria-hidden="true" />
          )}
        </div>
        <div className="logo-actions">
          <button
            type="button"
            className="btn btn-sm"
            data-testid="branding-logo-choose"
            disabled={busy !== null}
            onClick={() => void choose()}
          >
            {busy === "choose" ? <span className="spinner" aria-hidden="true" /> : <UploadIcon size={13} />}
            Choose logo…
          </button>
          {hasLogo ? (
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              data-testid="branding-logo-remove"
              disabled={busy !== null}
              onClick={() => void remove()}
            >
              <TrashIcon size={13} />
              Remove
            </button>
          ) : null}
        </div>
      </div>
      {error ? (
        <p className="field-error" data-testid="error-logo">
          {error}
        </p>
      ) : (
        <p className="field-hint">PNG or JPEG up to 2 MB; a wide logo on a transparent background looks best.</p>
      )}
    </div>
  );
}
