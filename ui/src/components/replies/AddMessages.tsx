import { useId, type FormEvent, type KeyboardEvent } from "react";
import type { ReplyChannel } from "../../bindings";
import { isMac } from "../../format";
import { modalIsOpen } from "../../hooks/useShortcut";
import { ChevronDownIcon, ChevronRightIcon, FileIcon, SparkleIcon, UsersIcon } from "../Icons";
import { SegmentedControl, type Segment } from "../SegmentedControl";

export type AddValues = { text: string; channel: ReplyChannel; offline: boolean };

export const DEFAULT_ADD_VALUES: AddValues = { text: "", channel: "comment", offline: false };

const CHANNELS: readonly Segment<ReplyChannel>[] = [
  { value: "comment", label: "Comments", testId: "replies-channel-comment" },
  { value: "dm", label: "DMs", testId: "replies-channel-dm" },
];

const PLACEHOLDER = [
  "One message per line, or username: text — for example:",
  "maria.fit: How much is the 12-week program?",
  "Love this routine!!",
].join("\n");

type Props = {
  values: AddValues;
  onChange: (values: AddValues) => void;
  onTriage: () => void;
  onImportCsv: () => void;
  onLoadDms: () => void;
  running: boolean;
  /** Shown under the text box (nothing pasted). */
  error: string | null;
  /** Whether the panel can fold away (the queue has messages). */
  collapsible: boolean;
  collapsed: boolean;
  onToggle: () => void;
};

/** Where messages come from: pasted text, a CSV file, or the imported DMs awaiting a reply. */
export function AddMessages(props: Props) {
  const { values, onChange, onTriage, onImportCsv, onLoadDms, running, error, collapsible, collapsed, onToggle } = props;
  const id = useId();
  const set = (patch: Partial<AddValues>) => onChange({ ...values, ...patch });
  const folded = collapsible && collapsed;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!running) onTriage();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    if (modalIsOpen()) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }

  return (
    <section className="replies-add" data-testid="replies-add" aria-labelledby={`${id}-title`}>
      <div className="replies-add-head">
        {collapsible ? (
          <button
            type="button"
            className="replies-add-toggle"
            data-testid="replies-add-toggle"
            aria-expanded={!folded}
            aria-controls={`${id}-body`}
            onClick={onToggle}
          >
            {folded ? <ChevronRightIcon size={14} /> : <ChevronDownIcon size={14} />}
            <span id={`${id}-title`}>Add messages</span>
          </button>
        ) : (
          <h3 id={`${id}-title`} className="replies-add-title">
            Add messages
          </h3>
        )}
        {!folded ? (
          <p className="replies-add-hint">Paste comments or DMs, import a CSV, or load the imported DMs awaiting a reply.</p>
        ) : null}
      </div>

      <form id={`${id}-body`} className="replies-add-body" onSubmit={submit} hidden={folded} noValidate>
        <label htmlFor={`${id}-text`} className="visually-hidden">
          Messages
        </label>
        <textarea
          id={`${id}-text`}
          className="textarea replies-paste"
          data-testid="replies-paste"
          rows={5}
          placeholder={PLACEHOLDER}
          value={values.text}
          disabled={running}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => set({ text: e.target.value })}
          onKeyDown={onKeyDown}
        />
        {error ? (
          <p id={`${id}-error`} className="field-error" data-testid="replies-paste-error">
            {error}
          </p>
        ) : null}

        <div className="replies-add-actions">
          <SegmentedControl label="Channel" segments={CHANNELS} value={values.channel} onChange={(channel) => set({ channel })} />
          <label className="check" title="Triage and draft with the built-in rules, without calling the AI provider.">
            <input
              type="checkbox"
              data-testid="replies-offline"
              checked={values.offline}
              disabled={running}
              onChange={(e) => set({ offline: e.target.checked })}
            />
            <span>Offline only</span>
          </label>
          <span className="replies-add-spacer" />
          <button type="button" className="btn" data-testid="replies-import-csv" disabled={running} onClick={onImportCsv}>
            <FileIcon size={14} />
            Import CSV…
          </button>
          <button
            type="button"
            className="btn"
            data-testid="replies-load-dms"
            disabled={running}
            title="The imported DM threads whose last message came from the other person"
            onClick={onLoadDms}
          >
            <UsersIcon size={14} />
            Load DMs awaiting reply
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="replies-triage"
            disabled={running}
            title={`${isMac ? "⌘" : "Ctrl"}+Enter`}
          >
            {running ? <span className="spinner" aria-hidden="true" /> : <SparkleIcon size={14} />}
            {running ? "Drafting…" : "Triage & draft"}
          </button>
        </div>
      </form>
    </section>
  );
}
