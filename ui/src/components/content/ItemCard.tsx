import type { ReactNode } from "react";
import type { Caption, HashtagSet, Hook, Item, ReelIdea } from "../../bindings";
import { formatSeconds, formulaLabel, idLabel, lengthLabel } from "./contentFormat";
import { HelpLink } from "../help/HelpLink";

type Props = {
  item: Item;
  /** The library's denser rendering: reels without their beats and callouts. */
  compact?: boolean;
  /** Regenerating: the card is dimmed under a spinner. */
  busy?: boolean;
  /** Numbered in a draft. */
  index?: number;
  /** Buttons in the card's footer. */
  actions?: ReactNode;
  /** Shown between the item and its actions (the library's tags and dates). */
  meta?: ReactNode;
  testId?: string;
  live?: boolean;
};

/** One drafted or saved item of any kind, with its actions. */
export function ItemCard({ item, compact, busy, index, actions, meta, testId = "content-item", live }: Props) {
  const classes = ["content-card", `is-${item.type}`, compact ? "is-compact" : "", live ? "is-live" : "", busy ? "is-busy" : ""];
  return (
    <article
      className={classes.filter(Boolean).join(" ")}
      data-testid={testId}
      data-type={item.type}
      aria-busy={busy || undefined}
    >
      {index !== undefined ? (
        <span className="content-card-index" aria-hidden="true">
          {index + 1}
        </span>
      ) : null}
      <div className="content-card-body">
        {item.type === "hook" ? <HookBody hook={item} /> : null}
        {item.type === "caption" ? <CaptionBody caption={item} compact={compact} /> : null}
        {item.type === "reel" ? <ReelBody reel={item} compact={compact} /> : null}
        {item.type === "hashtags" ? <HashtagBody set={item} /> : null}
        {meta}
        {actions ? <div className="content-card-actions">{actions}</div> : null}
      </div>
      {busy ? (
        <div className="content-card-busy" data-testid="content-item-busy">
          <span className="spinner" aria-hidden="true" />
          <span>Writing a new one…</span>
        </div>
      ) : null}
    </article>
  );
}

function HookBody({ hook }: { hook: Hook }) {
  return (
    <div className="content-hook">
      <p className="content-hook-text selectable" data-testid="content-main">
        {hook.text}
      </p>
      <span className="chip tone-info" data-testid="content-formula" title="Hook formula">
        {formulaLabel(hook.formula)}
      </span>
    </div>
  );
}

function CaptionBody({ caption, compact }: { caption: Caption; compact?: boolean }) {
  return (
    <div className="content-caption">
      <div className="content-chips">
        <span className="chip" data-testid="content-length" title="Caption length">
          {lengthLabel(caption.length)}
        </span>
        {caption.framework ? (
          <span className="chip tone-info" data-testid="content-framework" title="Copywriting framework">
            {idLabel(caption.framework)}
          </span>
        ) : null}
      </div>
      <p className={compact ? "content-caption-text is-clamped selectable" : "content-caption-text selectable"} data-testid="content-main">
        {caption.text}
      </p>
    </div>
  );
}

function ReelBody({ reel, compact }: { reel: ReelIdea; compact?: boolean }) {
  return (
    <div className="content-reel">
      <div className="content-reel-head">
        <h4 className="content-reel-title selectable" data-testid="content-main">
          {reel.title}
        </h4>
        <div className="content-chips">
          {reel.length_secs > 0 ? (
            <span className="chip" data-testid="content-reel-length" title="Length">
              {formatSeconds(reel.length_secs)}
            </span>
          ) : null}
          {reel.format ? (
            <span className="chip tone-info" data-testid="content-reel-format" title="Reel format">
              {idLabel(reel.format)}
            </span>
          ) : null}
        </div>
      </div>
      {reel.concept ? <p className="content-reel-concept selectable">{reel.concept}</p> : null}
      <dl className="content-fields">
        {reel.hook ? <Field label="Hook" value={reel.hook} testId="content-reel-hook" /> : null}
        {!compact && reel.beats.length > 0 ? (
          <div>
            <dt>Beats</dt>
            <dd>
              <ol className="content-beats" data-testid="content-reel-beats">
                {reel.beats.map((b, i) => (
                  <li key={i} className="selectable">
                    {b}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
        ) : null}
        {!compact && reel.on_screen_text.length > 0 ? (
          <div>
            <dt>On-screen text</dt>
            <dd>
              <ul className="content-onscreen" data-testid="content-reel-onscreen">
                {reel.on_screen_text.map((t, i) => (
                  <li key={i} className="selectable">
                    {t}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {!compact && reel.caption_angle ? (
          <Field label="Caption angle" value={reel.caption_angle} testId="content-reel-angle" />
        ) : null}
        {reel.cta ? <Field label="CTA" value={reel.cta} testId="content-reel-cta" /> : null}
      </dl>
      {!compact && reel.why ? (
        <p className="content-why selectable" data-testid="content-reel-why">
          <span className="content-why-label">Why </span>
          {reel.why}
        </p>
      ) : null}
    </div>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="selectable" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function HashtagBody({ set }: { set: HashtagSet }) {
  return (
    <div className="content-hashtags">
      <div className="content-hashtags-head">
        <ul className="chip-list content-tags" aria-label="Hashtags" data-testid="content-main">
          {set.tags.map((tag, i) => {
            const tier = set.tiers[i] ?? "";
            return (
              <li key={`${tag}-${i}`} className={`chip content-tag tier-${tier || "unknown"}`} data-testid="content-hashtag" data-tier={tier}>
                <span className="selectable">{tag}</span>
                {tier ? <span className="content-tier">{tier}</span> : null}
              </li>
            );
          })}
        </ul>
        <span
          className="content-tag-count"
          data-testid="content-hashtag-count"
          title="Instagram allows at most 5 hashtags per post"
        >
          {set.tags.length}/5
        </span>
        <HelpLink article="hashtag-rules" title="Hashtag rules" />
      </div>
      {set.note ? <p className="content-hashtags-note selectable">{set.note}</p> : null}
    </div>
  );
}
