import { useCallback } from "react";
import { contentGenerate } from "../api";
import type { ContentDraft, ContentRequest, Item } from "../bindings";
import { KIND_SINGULAR, streamedItem } from "../components/content/contentFormat";
import { plural } from "../format";
import { useAiRun, type AiRun } from "./useAiRun";

/** A running draft keeps what was asked for, and streams its items as they finish. */
export type ContentRun = AiRun<ContentDraft, Item, { request: ContentRequest }>;

/**
 * Drafts content for a client, streaming AI items as they finish, and cancels on request (or when
 * the tab goes away, so nothing is charged for a draft nobody sees). `onDone` gets the draft and
 * what was asked for.
 */
export function useContentRun(onDone: (draft: ContentDraft, request: ContentRequest) => void) {
  const { run, start: startRun, cancel, dismiss } = useAiRun<ContentDraft, Item, { request: ContentRequest }>({
    onSuccess: (draft, { request }) => onDone(draft, request),
    announce: (draft) => ({
      title: "Drafts ready",
      body: `${plural(draft.items.length, KIND_SINGULAR[draft.kind])}${draft.topic ? ` on “${draft.topic}”` : ""}.`,
    }),
  });
  const start = useCallback(
    (client: string, request: ContentRequest) =>
      startRun((runId, onEvent) => contentGenerate(client, request, runId, onEvent), {
        extra: { request },
        parseItem: (value) => streamedItem(request.kind, value),
      }),
    [startRun],
  );
  return { run, start, cancel, dismiss };
}
