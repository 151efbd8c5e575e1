import { useEffect, useState } from "react";
import { CopyIcon } from "../Icons";

type Props = { text: string; testId: string };

/** Copies `text` to the clipboard; says "Copied" for a moment (or that it could not). */
export function CopyButton({ text, testId }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 1600);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <button
      type="button"
      className="btn btn-sm btn-ghost"
      data-testid={testId}
      data-state={state}
      title="Copy the text"
      onClick={() => void copy()}
    >
      <CopyIcon size={13} />
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
    </button>
  );
}
