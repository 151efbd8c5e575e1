import { useState } from "react";
import type { Client, ImportOutcome } from "../../bindings";
import { HelpLink } from "../help/HelpLink";
import { ImportCard } from "../ImportCard";
import { ImportSummary } from "../ImportSummary";
import { ManualEntryDialog } from "../ManualEntryDialog";
import { StepFrame } from "./StepFrame";
import "../ClientData.css";

type Props = {
  client: Client;
  /** Data was imported in an earlier visit to this step. */
  alreadyImported: boolean;
  onBack: () => void;
  onNext: () => void;
  busy: boolean;
};

/** Step 5: the client's Instagram data — the data download (JSON) or the Business Suite CSV. */
export function ImportStep({ client, alreadyImported, onBack, onNext, busy }: Props) {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  // Any import done in this step (a later failed one does not undo it).
  const [imported, setImported] = useState(alreadyImported);
  const [manual, setManual] = useState(false);

  return (
    <StepFrame
      title={`${client.name}'s Instagram data`}
      lead={
        <>
          Ask the client for Instagram's data download in JSON format, or export the content CSV from Meta Business
          Suite yourself. Drop the file here, or type its path. Nothing leaves this computer.{" "}
          <HelpLink article="getting-client-data">How the client requests it</HelpLink>
        </>
      }
      onBack={onBack}
      actions={
        <button
          type="button"
          className="btn btn-primary"
          data-testid="wizard-next"
          disabled={busy || !imported}
          title={imported ? undefined : "Import their data first"}
          onClick={onNext}
        >
          Continue
        </button>
      }
    >
      {outcome ? <ImportSummary outcome={outcome} onDismiss={() => setOutcome(null)} /> : null}
      <ImportCard
        client={client}
        compact={imported}
        onStart={() => setOutcome(null)}
        onImported={(o) => {
          setImported(true);
          setOutcome(o);
        }}
        onManual={() => setManual(true)}
      />
      {manual ? (
        <ManualEntryDialog
          client={client}
          onCancel={() => setManual(false)}
          onSaved={(o) => {
            setManual(false);
            setImported(true);
            setOutcome(o);
          }}
        />
      ) : null}
    </StepFrame>
  );
}
