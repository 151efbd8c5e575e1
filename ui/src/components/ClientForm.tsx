import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { createClient, toApiError, updateClient } from "../api";
import type { Client, ClientPatch, NewClient } from "../bindings";
import { isMac } from "../format";
import { DialogFooter } from "./DialogFooter";
import {
  checkHandle,
  checkName,
  checkTags,
  checkText,
  normalizeHandle,
  parseTags,
} from "../validation";
import { Dialog } from "./Dialog";
import { AlertIcon } from "./Icons";
import "./ClientForm.css";

const FIELDS = ["name", "handle", "niche", "goals", "audience", "brand_voice", "tags", "notes"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
type Errors = Partial<Record<Field, string>>;
const TEXT_FIELDS = ["niche", "goals", "audience", "brand_voice", "notes"] as const;

function isField(name: string | null): name is Field {
  return name !== null && (FIELDS as readonly string[]).includes(name);
}

function initialValues(client: Client | null): Values {
  if (!client) {
    return { name: "", handle: "", niche: "", goals: "", audience: "", brand_voice: "", tags: "", notes: "" };
  }
  return {
    name: client.name,
    handle: client.handle,
    niche: client.niche,
    goals: client.goals,
    audience: client.audience,
    brand_voice: client.brand_voice,
    tags: client.tags.join(", "),
    notes: client.notes,
  };
}

function clientSideErrors(v: Values): Errors {
  const errors: Errors = {};
  const put = (field: Field, message: string | null) => {
    if (message) errors[field] = message;
  };
  put("name", checkName(v.name));
  put("handle", checkHandle(v.handle));
  put("tags", checkTags(v.tags));
  for (const f of TEXT_FIELDS) put(f, checkText(v[f]));
  return errors;
}

function toNewClient(v: Values): NewClient {
  return {
    name: v.name.trim(),
    handle: normalizeHandle(v.handle),
    niche: v.niche.trim(),
    goals: v.goals.trim(),
    audience: v.audience.trim(),
    brand_voice: v.brand_voice.trim(),
    tags: parseTags(v.tags),
    notes: v.notes.trim(),
  };
}

/** Only what changed, so an edit never rewrites fields the user did not touch. */
function toPatch(client: Client, v: Values): ClientPatch {
  const next = toNewClient(v);
  const patch: ClientPatch = {};
  if (next.name !== client.name) patch.name = next.name;
  if (next.handle !== client.handle) patch.handle = next.handle;
  for (const f of TEXT_FIELDS) if (next[f] !== client[f]) patch[f] = next[f];
  if ([...next.tags].sort().join(",") !== [...client.tags].sort().join(",")) patch.tags = next.tags;
  return patch;
}

type Props = {
  /** The client to edit; `null` to create one. */
  client: Client | null;
  onCancel: () => void;
  onSaved: (client: Client) => void;
};

export function ClientForm({ client, onCancel, onSaved }: Props) {
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => initialValues(client));
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const localErrors = useMemo(() => clientSideErrors(values), [values]);
  const previewTags = useMemo(() => parseTags(values.tags), [values.tags]);

  const errorFor = (f: Field): string | undefined =>
    serverErrors[f] ?? (touched[f] || submitted ? localErrors[f] : undefined);

  function change(f: Field, value: string) {
    setValues((v) => ({ ...v, [f]: value }));
    setTouched((t) => (t[f] ? t : { ...t, [f]: true }));
    if (serverErrors[f]) {
      setServerErrors((errors) => {
        const next = { ...errors };
        delete next[f];
        return next;
      });
    }
  }

  function focusField(f: Field) {
    formRef.current?.querySelector<HTMLElement>(`[data-testid="field-${f}"]`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    const firstInvalid = FIELDS.find((f) => localErrors[f]);
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }
    setSaving(true);
    setServerErrors({});
    setFormError(null);
    try {
      let saved: Client;
      if (client) {
        const patch = toPatch(client, values);
        saved = Object.keys(patch).length === 0 ? client : await updateClient(client.id, patch);
      } else {
        saved = await createClient(toNewClient(values));
      }
      onSaved(saved);
    } catch (err) {
      const e = toApiError(err);
      if (isField(e.field)) {
        setServerErrors({ [e.field]: e.message });
        focusField(e.field);
      } else {
        setFormError(e.message);
      }
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (isMac ? event.metaKey : event.ctrlKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const field = (f: Field, label: string, control: (props: ControlProps) => ReactNode, opts: FieldOpts = {}) => {
    const id = `${baseId}-${f}`;
    const error = errorFor(f);
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const describedBy = error ? errorId : opts.hint ? hintId : undefined;
    return (
      <div className={opts.wide ? "field field-wide" : "field"}>
        <label htmlFor={id} className="field-label">
          {label}
          {opts.required ? (
            <span className="field-required" aria-hidden="true">
              *
            </span>
          ) : null}
        </label>
        {control({
          id,
          "data-testid": `field-${f}`,
          value: values[f],
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          "aria-required": opts.required || undefined,
          onChange: (e: { target: { value: string } }) => change(f, e.target.value),
        })}
        {error ? (
          <p id={errorId} className="field-error" data-testid={`error-${f}`}>
            {error}
          </p>
        ) : opts.hint ? (
          <div id={hintId} className="field-hint">
            {opts.hint}
          </div>
        ) : null}
      </div>
    );
  };

  const input = (p: ControlProps) => <input type="text" className="input" autoComplete="off" {...p} />;
  const textarea = (p: ControlProps) => <textarea className="textarea" rows={3} {...p} />;

  return (
    <Dialog title={client ? `Edit ${client.name}` : "New client"} onClose={saving ? noop : onCancel} size="lg">
      <form ref={formRef} className="client-form" data-testid="client-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        <div className="client-form-body">
          {formError ? (
            <div className="form-error" role="alert" data-testid="form-error">
              <AlertIcon size={15} />
              <span>{formError}</span>
            </div>
          ) : null}

          <div className="field-grid">
            {field("name", "Name", (p) => <input type="text" className="input" autoComplete="off" data-autofocus placeholder="Client or brand name" {...p} />, { required: true })}
            {field(
              "handle",
              "Instagram handle",
              (p) => (
                <div className="input-group">
                  <span className="input-prefix" aria-hidden="true">
                    @
                  </span>
                  <input
                    type="text"
                    className="input"
                    autoComplete="off"
                    autoCapitalize="off"
                    spellCheck={false}
                    placeholder="username"
                    {...p}
                    onChange={(e) => change("handle", e.target.value.replace(/^@/, ""))}
                  />
                </div>
              ),
              { required: true },
            )}
            {field("niche", "Niche", (p) => input({ ...p, placeholder: "e.g. Fitness coaching" }))}
            {field("tags", "Tags", (p) => input({ ...p, placeholder: "e.g. retainer, ugc" }), {
              hint:
                previewTags.length > 0 ? (
                  <span className="tag-preview">
                    {previewTags.map((t) => (
                      <span key={t} className="chip">
                        {t}
                      </span>
                    ))}
                  </span>
                ) : (
                  "Separate tags with commas."
                ),
            })}
            {field("goals", "Goals", (p) => textarea({ ...p, placeholder: "What growth looks like for this account" }), { wide: true })}
            {field("audience", "Audience", (p) => textarea({ ...p, placeholder: "Who they want to reach" }), { wide: true })}
            {field("brand_voice", "Brand voice", (p) => textarea({ ...p, placeholder: "Tone, words to use and to avoid" }), { wide: true })}
            {field("notes", "Notes", (p) => textarea({ ...p, rows: 4 }), { wide: true })}
          </div>
        </div>

        <DialogFooter
          saving={saving}
          saveLabel={client ? "Save changes" : "Create client"}
          onCancel={onCancel}
          testIdPrefix="form"
        />
      </form>
    </Dialog>
  );
}

const noop = () => undefined;

type FieldOpts = { required?: boolean; wide?: boolean; hint?: ReactNode };

type ControlProps = {
  id: string;
  "data-testid": string;
  value: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
  placeholder?: string;
  rows?: number;
  onChange: (e: { target: { value: string } }) => void;
};
