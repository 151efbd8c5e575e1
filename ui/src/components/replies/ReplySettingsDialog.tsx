import type { BrandRules, Client, SavedReply } from "../../bindings";
import { Dialog } from "../Dialog";
import { RulesForm } from "./RulesForm";
import { SavedRepliesSection } from "./SavedRepliesSection";
import "../ClientForm.css";

type Props = {
  client: Client;
  saved: SavedReply[];
  onSavedChange: (saved: SavedReply[]) => void;
  onRulesSaved: (rules: BrandRules) => void;
  onClose: () => void;
};

/** Reply settings of a client: the rules every draft follows, and the saved replies. */
export function ReplySettingsDialog({ client, saved, onSavedChange, onRulesSaved, onClose }: Props) {
  return (
    <Dialog
      title={`Reply settings · ${client.name}`}
      size="lg"
      onClose={onClose}
      description={<p>Drafts follow these rules and the brand voice from the client’s profile.</p>}
    >
      <div className="client-form-body replies-settings" data-testid="replies-settings-dialog">
        <section aria-labelledby="replies-rules-title">
          <h3 id="replies-rules-title" className="replies-section-title">
            Brand rules
          </h3>
          <RulesForm client={client} onSaved={onRulesSaved} />
        </section>
        <SavedRepliesSection client={client} saved={saved} onChange={onSavedChange} />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn" data-testid="replies-settings-close" onClick={onClose}>
          Close
        </button>
      </footer>
    </Dialog>
  );
}
