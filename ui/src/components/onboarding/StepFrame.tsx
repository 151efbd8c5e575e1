import type { ReactNode } from "react";

type Props = {
  title: string;
  lead: ReactNode;
  children: ReactNode;
  /** The footer's buttons: Back on the left, the step's own actions on the right. */
  onBack?: () => void;
  actions: ReactNode;
};

/** One step of the setup: its title and why it matters, its content, then Back / Continue. */
export function StepFrame({ title, lead, children, onBack, actions }: Props) {
  return (
    <section className="wizard-step" aria-labelledby="wizard-step-title">
      <header className="wizard-step-header">
        <h1 id="wizard-step-title" className="wizard-step-title" data-testid="wizard-step-title">
          {title}
        </h1>
        <p className="wizard-step-lead">{lead}</p>
      </header>
      <div className="wizard-step-body">{children}</div>
      <footer className="wizard-step-footer">
        {onBack ? (
          <button type="button" className="btn" data-testid="wizard-back" onClick={onBack}>
            Back
          </button>
        ) : (
          <span />
        )}
        <div className="wizard-step-actions">{actions}</div>
      </footer>
    </section>
  );
}
