import { useState } from "react";
import { contentGenerate, contentSave, toApiError } from "../../api";
import type { Client, ContentDraft, ContentRequest } from "../../bindings";
import { useContentRun } from "../../hooks/useContentRun";
import { ContentGenerator, DEFAULT_VALUES, parseCount, type GeneratorValues } from "./ContentGenerator";
import { ContentRunStatus } from "./ContentRunStatus";
import { DraftList, type Draft, type DraftItem } from "./DraftList";
import { ItemCard } from "./ItemCard";
import { KIND_LABEL, mainText, randomSeed } from "./contentFormat";
import { SparkleIcon } from "../Icons";

type Props = {
  client: Client;
  /** After an item was saved to the library. */
  onSaved: () => void;
};

let nextKey = 1;
const freshItem = (item: DraftItem["item"]): DraftItem => ({
  key: `draft-${nextKey++}`,
  item,
  saved: false,
  saving: false,
  regenerating: false,
  error: null,
});

function toDraft(d: ContentDraft, offline: boolean): Draft {
  return {
    kind: d.kind,
    source: d.source,
    niche: d.niche,
    topic: d.topic,
    model: d.model,
    notes: d.notes,
    offline,
    items: d.items.map(freshItem),
  };
}

/** The Draft view: the generator, the run's progress with streamed items, then the draft. */
export function DraftView({ client, onSaved }: Props) {
  const [values, setValues] = useState<GeneratorValues>(DEFAULT_VALUES);
  const [errors, setErrors] = useState<{ count?: string; topic?: string }>({});
  const [draft, setDraft] = useState<Draft | null>(null);
  const { run, start, cancel, dismiss } = useContentRun((d, request) => setDraft(toDraft(d, request.offline)));
  const running = run.kind === "running";
  const regenerating = draft?.items.some((d) => d.regenerating) ?? false;

  function change(next: GeneratorValues) {
    setValues(next);
    setErrors((e) => ({
      count: next.count === values.count ? e.count : undefined,
      topic: next.topic === values.topic ? e.topic : undefined,
    }));
  }

  function generate() {
    const parsed = parseCount(values.count);
    if ("error" in parsed) {
      setErrors({ count: parsed.error });
      return;
    }
    setErrors({});
    const topic = values.topic.trim();
    const request: ContentRequest = {
      kind: values.kind,
      count: parsed.count,
      topic: topic === "" ? null : topic,
      offline: values.offline,
      seed: null,
      avoid: [],
    };
    void start(client.id, request);
  }

  const update = (key: string, patch: Partial<DraftItem>) =>
    setDraft((d) => (d ? { ...d, items: d.items.map((x) => (x.key === key ? { ...x, ...patch } : x)) } : d));

  async function save(key: string) {
    const d = draft?.items.find((x) => x.key === key);
    if (!draft || !d || d.saving) return;
    update(key, { saving: true, error: null });
    try {
      await contentSave(client.id, d.item, draft.source, draft.topic ?? "");
      update(key, { saving: false, saved: true });
      onSaved();
    } catch (err) {
      update(key, { saving: false, error: toApiError(err).message });
    }
  }

  async function regenerate(key: string) {
    if (!draft || running || regenerating) return;
    const target = draft.items.find((x) => x.key === key);
    if (!target) return;
    const request: ContentRequest = {
      kind: draft.kind,
      count: 1,
      topic: draft.topic,
      offline: draft.offline,
      seed: randomSeed(),
      avoid: draft.items.filter((x) => x.key !== key).map((x) => mainText(x.item)),
    };
    update(key, { regenerating: true, error: null });
    try {
      const fresh = await contentGenerate(client.id, request, crypto.randomUUID(), () => undefined);
      const item = fresh.items[0];
      if (!item) throw new Error("No new item came back; try again.");
      update(key, { item, regenerating: false, saved: false, error: null });
    } catch (err) {
      update(key, { regenerating: false, error: toApiError(err).message });
    }
  }

  const streamed = run.kind === "running" ? run.items.flatMap((item, i) => (item ? [{ item, index: i }] : [])) : [];

  return (
    <div className="content-draft-view" data-testid="content-draft-view">
      <ContentGenerator
        values={values}
        onChange={change}
        onGenerate={generate}
        running={running}
        niche={client.niche}
        errors={errors}
      />
      <ContentRunStatus run={run} onCancel={() => void cancel()} onDismiss={dismiss} />

      {running ? (
        streamed.length > 0 ? (
          <ol className="content-cards" aria-label="Items written so far">
            {streamed.map(({ item, index }) => (
              <li key={index}>
                <ItemCard item={item} index={index} live />
              </li>
            ))}
          </ol>
        ) : null
      ) : draft ? (
        <DraftList
          client={client}
          draft={draft}
          busy={regenerating}
          onSave={(key) => void save(key)}
          onRegenerate={(key) => void regenerate(key)}
        />
      ) : (
        <div className="content-empty" data-testid="content-draft-empty">
          <span className="audit-empty-icon" aria-hidden="true">
            <SparkleIcon size={20} />
          </span>
          <div>
            <p className="content-empty-title">Draft {KIND_LABEL[values.kind].toLowerCase()} for {client.name}</p>
            <p className="content-empty-text">
              Offline drafts come from the built-in {client.niche ? `${client.niche} ` : ""}library; with an AI provider set
              up, the model writes them from the client’s profile and top posts. Save the ones you like to the library.
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
