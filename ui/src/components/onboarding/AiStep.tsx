import { useEffect, useState } from "react";
import { aiDisable, aiPresets, aiStatus, toApiError } from "../../api";
import type { AiStatus, PresetInfo } from "../../bindings";
import { HelpLink } from "../help/HelpLink";
import { AiKeySection } from "../settings/AiKeySection";
import { AiProviderSection } from "../settings/AiProviderSection";
import { AiStatusLine } from "../settings/AiStatusLine";
import { AiTestSection } from "../settings/AiTestSection";
import { StepFrame } from "./StepFrame";

type Props = { onBack: () => void; onNext: () => void; busy: boolean };
type Choice = "offline" | "provider";
type Loaded = { status: AiStatus; presets: PresetInfo[] };

/** Step 2: an OpenAI-compatible provider (the agency's key, or a local model), or offline only. */
export function AiStep({ onBack, onNext, busy }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);

  useEffect(() => {
    Promise.all([aiStatus(), aiPresets()]).then(
      ([status, presets]) => {
        setLoaded({ status, presets });
        setChoice((c) => c ?? (status.provider ? "provider" : "offline"));
      },
      (err) => setFailed(`The AI settings could not be loaded: ${toApiError(err).message}`),
    );
  }, []);

  const setStatus = (status: AiStatus) => setLoaded((l) => (l ? { ...l, status } : l));

  // "Offline only" means it: a provider set up a moment ago (or earlier) is turned off.
  async function next() {
    if (choice === "offline" && loaded?.status.provider) {
      try {
        setStatus(await aiDisable());
      } catch (err) {
        setFailed(toApiError(err).message);
        return;
      }
    }
    onNext();
  }

  return (
    <StepFrame
      title="AI provider"
      lead={
        <>
          Audits, drafts, plans and replies all work offline. A model makes the writing better: your agency's own
          OpenAI-compatible key, or a local model so client data never leaves this computer.{" "}
          <HelpLink article="ai-models">Which to choose</HelpLink>
        </>
      }
      onBack={onBack}
      actions={
        <button type="button" className="btn btn-primary" data-testid="wizard-next" disabled={busy} onClick={() => void next()}>
          Continue
        </button>
      }
    >
      <div className="wizard-choices" role="radiogroup" aria-label="How to draft">
        <label className={choice === "offline" ? "wizard-choice is-selected" : "wizard-choice"}>
          <input
            type="radio"
            name="ai-choice"
            data-testid="wizard-ai-offline"
            checked={choice === "offline"}
            onChange={() => setChoice("offline")}
          />
          <span>
            <strong>Offline only</strong>
            <span className="wizard-choice-text">
              Drafts come from the built-in library, filled in from each client's data. Nothing is sent anywhere and
              nothing is charged. You can add a provider any time in Settings.
            </span>
          </span>
        </label>
        <label className={choice === "provider" ? "wizard-choice is-selected" : "wizard-choice"}>
          <input
            type="radio"
            name="ai-choice"
            data-testid="wizard-ai-provider"
            checked={choice === "provider"}
            onChange={() => setChoice("provider")}
          />
          <span>
            <strong>Use an AI model</strong>
            <span className="wizard-choice-text">
              OpenAI, OpenRouter, Ollama, LM Studio or any compatible server. The numbers in reports never come from
              the model; it only writes the words.
            </span>
          </span>
        </label>
      </div>

      {choice === "provider" ? (
        loaded ? (
          <div className="settings-stack wizard-ai-settings">
            <AiStatusLine status={loaded.status} />
            <AiProviderSection status={loaded.status} presets={loaded.presets} onStatus={setStatus} />
            <div className="wizard-card">
              <AiKeySection status={loaded.status} onStatus={setStatus} />
              <AiTestSection status={loaded.status} />
            </div>
          </div>
        ) : failed ? null : (
          <div className="settings-loading" aria-busy="true" aria-label="Loading the AI settings" />
        )
      ) : null}
      {failed ? (
        <p className="form-error" role="alert" data-testid="wizard-ai-error">
          {failed}
        </p>
      ) : null}
    </StepFrame>
  );
}
