import { useEffect, useState } from "react";
import { getClient } from "../../api";
import type { Client } from "../../bindings";
import { Avatar } from "../Avatar";
import { ClientForm } from "../ClientForm";
import { UsersIcon } from "../Icons";
import { StepFrame } from "./StepFrame";

type Props = {
  clientId: string | null;
  onBack: () => void;
  /** The client to go on with: the one just added, or the one added earlier in the setup. */
  onNext: (client: Client) => void;
  busy: boolean;
};

/** Step 4: the first client — name, Instagram handle, niche and goals feed every draft. */
export function ClientStep({ clientId, onBack, onNext, busy }: Props) {
  const [client, setClient] = useState<Client | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  useEffect(() => {
    if (!clientId) return;
    getClient(clientId).then(setClient, () => setClient(null));
  }, [clientId]);

  return (
    <StepFrame
      title="Your first client"
      lead="Their Instagram handle ties imports to the right account; niche, goals, audience and brand voice shape every draft. Only the name and handle are needed now."
      onBack={onBack}
      actions={
        client ? (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="wizard-next"
            disabled={busy}
            onClick={() => onNext(client)}
          >
            Continue
          </button>
        ) : (
          <button type="button" className="btn btn-primary" data-testid="wizard-add-client" onClick={() => setFormOpen(true)}>
            <UsersIcon size={14} /> Add the first client…
          </button>
        )
      }
    >
      {client ? (
        <div className="wizard-client" data-testid="wizard-client">
          <Avatar name={client.name} seed={client.id} large />
          <div>
            <p className="wizard-client-name">{client.name}</p>
            <p className="wizard-client-handle">
              @{client.handle}
              {client.niche ? ` · ${client.niche}` : ""}
            </p>
          </div>
          <button type="button" className="btn btn-sm" onClick={() => setFormOpen(true)}>
            Edit…
          </button>
        </div>
      ) : (
        <p className="wizard-note">You can add more clients, tags and notes from the client list afterwards.</p>
      )}
      {formOpen ? (
        <ClientForm
          client={client}
          onCancel={() => setFormOpen(false)}
          onSaved={(saved) => {
            setFormOpen(false);
            setClient(saved);
          }}
        />
      ) : null}
    </StepFrame>
  );
}
