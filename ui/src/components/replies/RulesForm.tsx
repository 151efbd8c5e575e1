import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { repliesRulesGet, repliesRulesSet, toApiError } from "../../api";
import type { BrandRules, Client, EmojiUse } from "../../bindings";
import { AlertIcon, CheckIcon } from "../Icons";
import { SegmentedControl, type Segment } from "../SegmentedControl";
import { EMOJI_LABEL, parseWords } from "./repliesFormat";
import { LoadFailed } from "../LoadFailed";

type Values = { avoid: string; signOff: string; emoji: EmojiUse; link: string };
type Field = "avoid_words" | "sign_off" | "booking_link" | "emoji";
type Errors = Partial<Record<Field | "form", string>>;

const FIELDS: readonly string[] = ["avoid_words", "sign_off", "booking_link", "emoji"];

const EMOJI: readonly Segment<EmojiUse>[] = (["none", "light", "playful"] as const).map((e) => ({
  value: e,
  label: EMOJI_LABEL[e],
  testId: `rules-emoji-${e}`,
}));

function valuesOf(rules: BrandRules): Values {
  return { avoid: rules.avoid_words.join(", "), signOff: rules.sign_off, emoji: rules.emoji, link: rules.booking_link };
}

type Props = {
  client: Client;
  /** After the rules were saved (waiting offline drafts were redrafted under them). */
  onSaved: (rules: BrandRules) => void;
};

/** The client's rules for every draft: words to avoid, sign-off, emoji and the booking link. */
export function RulesForm({ client, onSaved }: Props) {
  const id = useId();
  const [values, setValues] = useState<Values | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let stale = false;
    setLoadError(null);
    repliesRulesGet(client.id).then(
      (rules) => !stale && setValues(valuesOf(rules)),
      (err) => !stale && setLoadError(toApiError(err).message),
    );
    return () => {
      stale = true;
    };
  }, [client.id, retries]);

  if (values === null) {
    return loadError ? (
      <LoadFailed what="The rules" reason={loadError} testId="rules-failed" onRetry={() => setRetries((n) => n + 1)} />
    ) : (
      <p className="muted replies-loading">
        <span className="spinner" aria-hidden="true" /> Loading the rules…
      </p>
    );
  }

  function set(patch: Partial<Values>, field: Field) {
    setValues((v) => (v ? { ...v, ...patch } : v));
    setSaved(false);
    setErrors((e) => {
      if (!(field in e) && !("form" in e)) return e;
      const next = { ...e };
      delete next[field];
      delete next.form;
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving || values === null) return;
    setSaving(true);
    setErrors({});
    setSaved(false);
    try {
      const rules = await repliesRulesSet(client.id, {
        avoid_words: parseWords(values.avoid),
        sign_off: values.signOff.trim(),
        emoji: values.emoji,
        booking_link: values.link.trim(),
      });
      setValues(valuesOf(rules));
      setSaved(true);
      onSaved(rules);
    } catch (err) {
      const e = toApiError(err);
      setErrors({ [e.field && FIELDS.includes(e.field) ? e.field : "form"]: e.message });
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const error = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error" data-testid={`rules-error-${field}`}>
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: Field) =>
    errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {};
  const words = parseWords(values.avoid);

  return (
    <form className="replies-rules" data-testid="rules-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      {errors.form ? (
        <p className="library-editor-error" role="alert" data-testid="rules-error">
          <AlertIcon size={14} />
          {errors.form}
        </p>
      ) : null}
      <div className="field-grid">
        <div className="field field-wide">
          <label htmlFor={`${id}-avoid`} className="field-label">
            Words to avoid <span className="content-optional">separated by commas</span>
          </label>
          <input
            id={`${id}-avoid`}
            type="text"
            className="input"
            data-testid="rules-avoid"
            autoComplete="off"
            placeholder="e.g. cheap, guarantee, babe"
            value={values.avoid}
            disabled={saving}
            {...invalid("avoid_words")}
            onChange={(e) => set({ avoid: e.target.value }, "avoid_words")}
          />
          {error("avoid_words") ??
            (words.length > 0 ? (
              <ul className="chip-list replies-avoid-chips" aria-label="Words to avoid" data-testid="rules-avoid-chips">
                {words.map((w) => (
                  <li key={w.toLowerCase()} className="chip">
                    {w}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="field-hint">Drafts never use these words.</p>
            ))}
        </div>

        <div className="field">
          <label htmlFor={`${id}-signoff`} className="field-label">
            Sign-off <span className="content-optional">optional</span>
          </label>
          <input
            id={`${id}-signoff`}
            type="text"
            className="input"
            data-testid="rules-signoff"
            autoComplete="off"
            placeholder="e.g. — Zoe"
            value={values.signOff}
            disabled={saving}
            {...invalid("sign_off")}
            onChange={(e) => set({ signOff: e.target.value }, "sign_off")}
          />
          {error("sign_off")}
        </div>

        <div className="field">
          <span className="field-label" id={`${id}-emoji`}>
            Emoji
          </span>
          <div aria-labelledby={`${id}-emoji`} data-testid="rules-emoji">
            <SegmentedControl label="Emoji use" segments={EMOJI} value={values.emoji} onChange={(emoji) => set({ emoji }, "emoji")} />
          </div>
          {error("emoji")}
        </div>

        <div className="field field-wide">
          <label htmlFor={`${id}-link`} className="field-label">
            Booking link <span className="content-optional">optional</span>
          </label>
          <input
            id={`${id}-link`}
            type="text"
            className="input"
            data-testid="rules-link"
            autoComplete="off"
            inputMode="url"
            placeholder="e.g. https://cal.com/zoe/intro"
            value={values.link}
            disabled={saving}
            {...invalid("booking_link")}
            onChange={(e) => set({ link: e.target.value }, "booking_link")}
          />
          {error("booking_link") ?? <p className="field-hint">Offered to people who ask about buying, prices or booking.</p>}
        </div>
      </div>

      <div className="replies-form-actions">
        {saved ? (
          <span className="content-saved" role="status" data-testid="rules-saved">
            <CheckIcon size={13} />
            Saved — waiting drafts follow the new rules
          </span>
        ) : null}
        <button type="submit" className="btn btn-primary" data-testid="rules-save" disabled={saving}>
          {saving ? <span className="spinner" aria-hidden="true" /> : null}
          {saving ? "Saving…" : "Save rules"}
        </button>
      </div>
    </form>
  );
}
