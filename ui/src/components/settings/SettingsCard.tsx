import { useId, type ReactNode } from "react";

type Props = {
  title: string;
  description?: ReactNode;
  icon: ReactNode;
  testId?: string;
  children: ReactNode;
};

/** One block of settings: an icon, a title with a line of explanation, then its controls. */
export function SettingsCard({ title, description, icon, testId, children }: Props) {
  const titleId = useId();
  return (
    <section className="settings-card" data-testid={testId} aria-labelledby={titleId}>
      <header className="settings-card-head">
        <span className="settings-card-icon" aria-hidden="true">
          {icon}
        </span>
        <div className="settings-card-heading">
          <h3 id={titleId} className="settings-card-title">
            {title}
          </h3>
          {description ? <div className="settings-card-text">{description}</div> : null}
        </div>
      </header>
      <div className="settings-card-body">{children}</div>
    </section>
  );
}
