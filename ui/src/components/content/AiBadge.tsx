import { SparkleIcon } from "../Icons";

/** The small "AI" mark beside what a model wrote. */
export function AiBadge() {
  return (
    <span className="chip chip-ai content-ai-chip">
      <SparkleIcon size={11} />
      AI
    </span>
  );
}
