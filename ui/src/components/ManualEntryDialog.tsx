import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { saveManual, toApiError } from "../api";
import type { Client, ImportOutcome, PostKind } from "../bindings";
import { isMac } from "../format";
import { DialogFooter } from "./DialogFooter";
import { KIND_LABEL, POST_KINDS } from "../kinds";
import {
  checkEntry,
  emptyRow,
  emptySnapshot,
  fieldForServer,
  fieldTestId,
  latestDay,
  toEntry,
  type CountField,
  type FieldErrors,
  type PostRow,
  type SnapshotValues,
} from "../manualEntry";
import { Dialog } from "./Dialog";
import { AlertIcon, PlusIcon, TrashIcon } from "./Icons";
import "./ManualEntryDialog.css";

type Props = {
  client: Client;
  onCancel: () => void;
  onSaved: (outcome: ImportOutcome) => void;
};

const COUNT_COLUMNS: ReadonlyArray<{ field: CountField; label: string }> = [
  { field: "likes", label: "Likes" },
  { field: "comments", label: "Comments" },
  { field: "saves", label: "Saves" },
  { field: "shares", label: "Shares" },
  { field: "reach", label: "Reach" },
  { field: "views", label: "Views" },
];

/** Follower counts and post numbers typed in by hand, for clients who cannot export. */
export function ManualEntryDialog({ client, onCancel, onSaved }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [snapshot, setSnapshot] = useState<SnapshotValues>(emptySnapshot);
  const [rows, setRows] = useState<PostRow[]>(() => [emptyRow()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const today = latestDay();

  function clearError(path: string) {
    setErrors((e) => {
      if (!(path in e) && !("form" in e)) return e;
      const next = { ...e };
      delete next[path];
      delete next.form;
      return next;
    });
  }

  function setSnap(field: keyof SnapshotValues, value: string) {
    setSnapshot((s) => ({ ...s, [field]: value }));
    clearError(`snapshot.${field}`);
  }

  function setCell(index: number, field: Exclude<keyof PostRow, "id">, value: string) {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
    clearError(`posts.${index}.${field}`);
  }

  function addRow() {
    setRows((rs) => [...rs, emptyRow(rs[rs.length - 1]?.kind ?? "image")]);
    // Focus the new row's date once it is on screen.
    setTimeout(() => {
      const inputs = formRef.current?.querySelectorAll<HTMLInputElement>('[data-field="date"]');
      inputs?.[inputs.length - 1]?.focus();
    });
  }

  function removeRow(index: number) {
    setRows((rs) => {
      const next = rs.filter((_, i) => i !== index);
      return next.length > 0 ? next : [emptyRow()];
    });
    // Errors are keyed by row position, which removing a row shifts.
    setErrors({});
  }

  function focusPath(path: string) {
    const el = formRef.current?.querySelector<HTMLElement>(`[data-path="${path}"]`);
    el?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const local = checkEntry(snapshot, rows);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      const first = Object.keys(local).find((k) => k !== "form");
      if (first) focusPath(first);
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const outcome = await saveManual(client.id, toEntry(snapshot, rows));
      onSaved(outcome);
    } catch (err) {
      const e = toApiError(err);
      const path = fieldForServer(e.field, rows);
      setErrors({ [path]: e.message });
      if (path !== "form") focusPath(path);
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (isMac ? event.metaKey : event.ctrlKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const error = (path: string) =>
    errors[path] ? (
      <p className="field-error manual-error" id={`manual-error-${fieldTestId(path)}`} data-testid={`manual-error-${fieldTestId(path)}`}>
        {errors[path]}
      </p>
    ) : null;

  const invalid = (path: string) =>
    errors[path]
      ? { "aria-invalid": true as const, "aria-describedby": `manual-error-${fieldTestId(path)}` }
      : {};

  return (
    <Dialog
      title={`Enter data for ${client.name}`}
      description="For clients who can't export: copy the numbers from Instagram's insights. Leave unknown numbers empty."
      onClose={saving ? noop : onCancel}
      size="xl"
    >
      <form ref={formRef} className="manual-form" data-testid="manual-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        <div className="manual-body">
          {errors.form ? (
            <div className="form-error" role="alert" data-testid="manual-form-error">
              <AlertIcon size={15} />
              <span>{errors.form}</span>
            </div>
          ) : null}

          <fieldset className="manual-section">
            <legend className="manual-legend">Account snapshot</legend>
            <div className="manual-snapshot">
              <label className="manual-field">
                <span className="field-label">Date</span>
                <input
                  type="date"
                  className="input"
                  data-testid="manual-date"
                  data-path="snapshot.date"
                  max={today}
                  value={snapshot.date}
                  onChange={(e) => setSnap("date", e.target.value)}
                  {...invalid("snapshot.date")}
                />
                {error("snapshot.date")}
              </label>
              <label className="manual-field">
                <span className="field-label">Followers</span>
                <input
                  type="text"
                  inputMode="numeric"
                  className="input"
                  data-testid="manual-followers"
                  data-path="snapshot.followers"
                  data-autofocus
                  placeholder="e.g. 12,400"
                  autoComplete="off"
                  value={snapshot.followers}
                  onChange={(e) => setSnap("followers", e.target.value)}
                  {...invalid("snapshot.followers")}
                />
                {error("snapshot.followers")}
              </label>
              <label className="manual-field">
                <span className="field-label">
                  Following <span className="manual-optional">optional</span>
                </span>
                <input
                  type="text"
                  inputMode="numeric"
                  className="input"
                  data-testid="manual-following"
                  data-path="snapshot.following"
                  autoComplete="off"
                  value={snapshot.following}
                  onChange={(e) => setSnap("following", e.target.value)}
                  {...invalid("snapshot.following")}
                />
                {error("snapshot.following")}
              </label>
              <p className="manual-hint">Leave the counts empty to save posts only.</p>
            </div>
          </fieldset>

          <fieldset className="manual-section">
            <legend className="manual-legend">Posts</legend>
            <div className="manual-table-wrap">
              <table className="manual-table">
                <thead>
                  <tr>
                    <th scope="col" className="mc-date">
                      Date
                    </th>
                    <th scope="col" className="mc-time">
                      Time <span className="manual-optional">UTC</span>
                    </th>
                    <th scope="col" className="mc-kind">
                      Format
                    </th>
                    {COUNT_COLUMNS.map((c) => (
                      <th key={c.field} scope="col" className="mc-num">
                        {c.label}
                      </th>
                    ))}
                    <th scope="col" className="mc-caption">
                      Caption
                    </th>
                    <th scope="col" className="mc-remove">
                      <span className="visually-hidden">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => {
                    const p = (f: string) => `posts.${i}.${f}`;
                    const cellProps = (f: string, label: string) => ({
                      "data-testid": `manual-post-${i}-${f}`,
                      "data-path": p(f),
                      "data-field": f,
                      "aria-label": `Post ${i + 1} ${label}`,
                      ...invalid(p(f)),
                    });
                    return (
                      <tr key={row.id} data-testid="manual-post-row">
                        <td>
                          <input
                            type="date"
                            className="input input-cell"
                            max={today}
                            value={row.date}
                            onChange={(e) => setCell(i, "date", e.target.value)}
                            {...cellProps("date", "date")}
                          />
                          {error(p("date"))}
                        </td>
                        <td>
                          <input
                            type="time"
                            className="input input-cell"
                            value={row.time}
                            onChange={(e) => setCell(i, "time", e.target.value)}
                            {...cellProps("time", "time")}
                          />
                          {error(p("time"))}
                        </td>
                        <td>
                          <select
                            className="select input-cell"
                            value={row.kind}
                            onChange={(e) => setCell(i, "kind", e.target.value as PostKind)}
                            {...cellProps("kind", "format")}
                          >
                            {POST_KINDS.map((k) => (
                              <option key={k} value={k}>
                                {KIND_LABEL[k]}
                              </option>
                            ))}
                          </select>
                          {error(p("kind"))}
                        </td>
                        {COUNT_COLUMNS.map((c) => (
                          <td key={c.field}>
                            <input
                              type="text"
                              inputMode="numeric"
                              className="input input-cell input-num"
                              autoComplete="off"
                              value={row[c.field]}
                              onChange={(e) => setCell(i, c.field, e.target.value)}
                              {...cellProps(c.field, c.label.toLowerCase())}
                            />
                            {error(p(c.field))}
                          </td>
                        ))}
                        <td>
                          <input
                            type="text"
                            className="input input-cell"
                            autoComplete="off"
                            placeholder="Optional"
                            value={row.caption}
                            onChange={(e) => setCell(i, "caption", e.target.value)}
                            {...cellProps("caption", "caption")}
                          />
                          {error(p("caption"))}
                        </td>
                        <td className="mc-remove">
                          <button
                            type="button"
                            className="icon-btn manual-remove"
                            aria-label={`Remove post ${i + 1}`}
                            data-testid={`manual-post-${i}-remove`}
                            disabled={saving}
                            onClick={() => removeRow(i)}
                          >
                            <TrashIcon size={14} />
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <button type="button" className="btn btn-sm manual-add" data-testid="manual-add-post" disabled={saving} onClick={addRow}>
              <PlusIcon size={14} />
              Add post
            </button>
          </fieldset>
        </div>

        <DialogFooter saving={saving} saveLabel="Save" onCancel={onCancel} testIdPrefix="manual" />
      </form>
    </Dialog>
  );
}

const noop = () => undefined;
