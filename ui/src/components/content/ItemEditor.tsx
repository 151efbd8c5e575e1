import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { contentUpdate, toApiError } from "../../api";
import type { Formula, Item, LibraryItem } from "../../bindings";
import { Dialog } from "../Dialog";
import { DialogFooter } from "../DialogFooter";
import { AlertIcon } from "../Icons";
import { formulaLabel, KIND_SINGULAR } from "./contentFormat";
import "../ClientForm.css";

const FORMULAS: readonly Formula[] = [
  "curiosity_gap",
  "contrarian",
  "list",
  "mistake",
  "before_after",
  "story",
  "question",
  "statistic",
];

/** The editable texts of an item, by field name. */
type Values = Record<string, string>;

function valuesOf(item: Item): Values {
  switch (item.type) {
    case "hook":
      return { text: item.text, formula: item.formula };
    case "caption":
      return { hook: item.hook, body: item.body, cta: item.cta };
    case "reel":
      return { title: item.title, concept: item.concept, hook: item.hook, beats: item.beats.join("\n"), cta: item.cta };
    case "hashtags":
      return { hashtags: item.tags.join(" ") };
  }
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The hashtags typed (space or comma separated), each with one `#`. */
export function parseHashtags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((t) => t.trim().replace(/^#+/, ""))
    .filter(Boolean)
    .map((t) => `#${t}`);
}

/** Comma-separated tags, trimmed, without empties or repeats. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim()).filter(Boolean))];
}

function itemOf(item: Item, v: Values): Item {
  switch (item.type) {
    case "hook":
      return { ...item, text: v.text.trim(), formula: v.formula as Formula };
    case "caption": {
      const [hook, body, cta] = [v.hook.trim(), v.body.trim(), v.cta.trim()];
      return { ...item, hook, body, cta, text: [hook, body, cta].filter(Boolean).join("\n\n") };
    }
    case "reel":
      return { ...item, title: v.title.trim(), concept: v.concept.trim(), hook: v.hook.trim(), beats: lines(v.beats), cta: v.cta.trim() };
    case "hashtags": {
      const tags = parseHashtags(v.hashtags);
      // Keep each tag's tier where the tag was already there.
      const tierOf = new Map(item.tags.map((t, i) => [t.toLowerCase(), item.tiers[i] ?? "mid"]));
      return { ...item, tags, tiers: tags.map((t) => tierOf.get(t.toLowerCase()) ?? "mid") };
    }
  }
}

/** The field that holds the item's main text (where an `item` error shows). */
function mainField(item: Item): string {
  return item.type === "hook" ? "text" : item.type === "caption" ? "hook" : item.type === "reel" ? "title" : "hashtags";
}

type Props = {
  entry: LibraryItem;
  onCancel: () => void;
  onSaved: (entry: LibraryItem) => void;
};

/** Edits a saved item's texts, its topic and its tags. */
export function ItemEditor({ entry, onCancel, onSaved }: Props) {
  const baseId = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(entry.item));
  const [topic, setTopic] = useState(entry.topic);
  const [tags, setTags] = useState(entry.tags.join(", "));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const main = mainField(entry.item);

  function clear(field: string) {
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
    if (saving) return;
    const item = itemOf(entry.item, values);
    if (entry.item.type === "hashtags" ? values.hashtags.trim() === "" : values[main].trim() === "") {
      setErrors({ [main]: "Enter the text." });
      return;
    }
    setSaving(true);
    try {
      const saved = await contentUpdate(entry.id, { item, topic: topic.trim(), tags: parseTags(tags), favourite: null });
      onSaved(saved);
    } catch (err) {
      const e = toApiError(err);
      const field =
        e.field === "item" ? main : e.field === "tags" && entry.item.type === "hashtags" ? "hashtags" : e.field === "topic" || e.field === "tags" ? e.field : "form";
      setErrors({ [field]: e.message });
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const field = (name: string, label: string, control: (p: ControlProps) => ReactNode, hint?: string) => {
    const id = `${baseId}-${name}`;
    const error = errors[name];
    return (
      <div className="field field-wide">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {control({
          id,
          "data-testid": `library-editor-${name}`,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
        })}
        {error ? (
          <p id={`${id}-error`} className="field-error" data-testid={`library-editor-error-${name}`}>
            {error}
          </p>
        ) : hint ? (
          <div id={`${id}-hint`} className="field-hint">
            {hint}
          </div>
        ) : null}
      </div>
    );
  };

  const text = (name: string, rows?: number) => (p: ControlProps) =>
    rows ? (
      <textarea
        className="textarea"
        rows={rows}
        value={values[name]}
        onChange={(e) => {
          setValues((v) => ({ ...v, [name]: e.target.value }));
          clear(name);
        }}
        {...p}
      />
    ) : (
      <input
        type="text"
        className="input"
        autoComplete="off"
        value={values[name]}
        onChange={(e) => {
          setValues((v) => ({ ...v, [name]: e.target.value }));
          clear(name);
        }}
        {...p}
      />
    );

  const item = entry.item;
  return (
    <Dialog title={`Edit ${KIND_SINGULAR[entry.kind]}`} size="lg" onClose={saving ? () => undefined : onCancel}>
      <form className="client-form" data-testid="library-editor" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
        <div className="client-form-body">
          {errors.form ? (
            <p className="library-editor-error" role="alert" data-testid="library-editor-error">
              <AlertIcon size={14} />
              {errors.form}
            </p>
          ) : null}
          <div className="field-grid">
            {item.type === "hook" ? (
              <>
                {field("text", "Hook", text("text", 2))}
                {field("formula", "Formula", (p) => (
                  <select
                    className="select"
                    value={values.formula}
                    onChange={(e) => setValues((v) => ({ ...v, formula: e.target.value }))}
                    {...p}
                  >
                    {FORMULAS.map((f) => (
                      <option key={f} value={f}>
                        {formulaLabel(f)}
                      </option>
                    ))}
                  </select>
                ))}
              </>
            ) : null}
            {item.type === "caption" ? (
              <>
                {field("hook", "First line", text("hook"))}
                {field("body", "Body", text("body", 6))}
                {field("cta", "Call to action", text("cta"))}
              </>
            ) : null}
            {item.type === "reel" ? (
              <>
                {field("title", "Title", text("title"))}
                {field("concept", "Concept", text("concept", 2))}
                {field("hook", "Hook", text("hook"))}
                {field("beats", "Beats", text("beats", 5), "One beat per line.")}
                {field("cta", "Call to action", text("cta"))}
              </>
            ) : null}
            {item.type === "hashtags"
              ? field("hashtags", "Hashtags", text("hashtags", 2), "3 to 5 hashtags, separated by spaces.")
              : null}
            {field("topic", "Topic", (p) => (
              <input
                type="text"
                className="input"
                autoComplete="off"
                value={topic}
                onChange={(e) => {
                  setTopic(e.target.value);
                  clear("topic");
                }}
                {...p}
              />
            ))}
            {field(
              "tags",
              "Tags",
              (p) => (
                <input
                  type="text"
                  className="input"
                  autoComplete="off"
                  value={tags}
                  placeholder="e.g. launch, evergreen"
                  onChange={(e) => {
                    setTags(e.target.value);
                    clear("tags");
                  }}
                  {...p}
                />
              ),
              "Separate tags with commas.",
            )}
          </div>
        </div>
        <DialogFooter saving={saving} saveLabel="Save changes" onCancel={onCancel} testIdPrefix="library-editor" />
      </form>
    </Dialog>
  );
}

type ControlProps = {
  id: string;
  "data-testid": string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};
