import { useEffect, useState } from "react";
import { copyText } from "../../api";
import { CopyIcon } from "../Icons";

/** How long the button says "Copied". */
export const COPIED_MS = 2000;

/** Copies `text` through the app's clipboard; says "Copied" for a moment (or that it could not). */
export function CopyDraftButton({ text }: { text: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), COPIED_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await copyText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <button
      type="button"
      className={state === "copied" ? "btn btn-sm reply-copy is-copied" : "btn btn-sm reply-copy"}
      data-testid="copy-draft"
      data-state={state}
      title="Copy the reply, then paste it in Instagram"
      disabled={text.trim() === ""}
      onClick={() => void copy()}
    >
      <CopyIcon size={13} />
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
    </button>
  );
}
