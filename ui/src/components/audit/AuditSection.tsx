import { useId, type ReactNode } from "react";

type Props = {
  title: string;
  subtitle?: ReactNode;
  testId?: string;
  /** Controls at the right of the title. */
  aside?: ReactNode;
  children: ReactNode;
};

/** One part of the audit report: a title, a line of explanation, then its contents. */
export function AuditSection({ title, subtitle, testId, aside, children }: Props) {
  const titleId = useId();
  return (
    <section className="audit-section" data-testid={testId} aria-labelledby={titleId}>
      <header className="audit-section-head">
        <div className="audit-section-heading">
          <h3 id={titleId} className="audit-section-title">
            {title}
          </h3>
          {subtitle ? <p className="audit-section-subtitle">{subtitle}</p> : null}
        </div>
        {aside ? <div className="audit-section-aside">{aside}</div> : null}
      </header>
      {children}
    </section>
  );
}
