import type { LicenseStatus } from "../../bindings";
import { formatDate, formatDateTime } from "../../format";
import { clientsLine, creditsLine, featureLabel, isActivated, seatsLine, STATE_LABEL, termLine } from "./licenseText";

/** The plan, where the licence stands and what it allows: the top of the licence page. */
export function LicenseSummary({ status }: { status: LicenseStatus }) {
  const e = status.entitlements;
  const credits = creditsLine(e);
  const term = termLine(status);
  const rows: Array<[string, string, string]> = [];
  if (isActivated(status)) {
    rows.push(["Key", status.key_prefix ? `${status.key_prefix}-…` : "—", "license-key-prefix"]);
    if (status.customer_email) rows.push(["Licensed to", status.customer_email, "license-email"]);
    rows.push(["This computer", status.machine_name ?? "—", "license-machine"]);
    rows.push(["Seats", seatsLine(status), "license-seats"]);
    if (status.refresh_by && status.state !== "read_only") {
      rows.push(["Next online check by", formatDate(status.refresh_by), "license-refresh-by"]);
    }
  }
  if (status.read_only_at && status.state !== "read_only") {
    rows.push(["Read-only from", formatDateTime(status.read_only_at), "license-read-only-at"]);
  }

  return (
    <section className="license-summary" data-testid="license-summary" data-state={status.state}>
      <div className="license-plan">
        <div>
          <p className="license-plan-label">Plan</p>
          <h2 className="license-plan-name" data-testid="license-plan">
            {status.plan === "none" ? "No valid licence" : status.plan_label}
          </h2>
          {term ? (
            <p className="license-term" data-testid="license-term">
              {term}
            </p>
          ) : null}
        </div>
        <span className={`badge license-state license-state-${status.state}`} data-testid="license-state">
          {STATE_LABEL[status.state]}
        </span>
      </div>

      {status.reason && status.state !== "active" && status.state !== "trial" ? (
        <p className={`license-reason license-reason-${status.state}`} data-testid="license-reason">
          {status.reason}
        </p>
      ) : null}

      {rows.length > 0 ? (
        <dl className="license-facts">
          {rows.map(([label, value, testId]) => (
            <div key={label} className="license-fact">
              <dt>{label}</dt>
              <dd className="selectable" data-testid={testId}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}

      <h3 className="license-subtitle">What the {status.plan === "trial" ? "trial" : "licence"} includes</h3>
      <ul className="license-entitlements" data-testid="license-entitlements">
        <li data-testid="license-clients">{clientsLine(e)}</li>
        <li>{seatsLine({ ...status, seats_in_use: null })}</li>
        <li>{e.monthly_ai_credits.toLocaleString()} AI credits a month</li>
        <li>{e.white_label ? "White-label reports (your brand only)" : "Reports carry a small InstaGrowth mark"}</li>
        {credits ? <li>One-time: {credits}</li> : null}
      </ul>
      <ul className="chip-list license-features" aria-label="Features">
        {e.features.map((f) => (
          <li key={f} className="chip">
            {featureLabel(f)}
          </li>
        ))}
        {e.add_ons.map((a) => (
          <li key={a} className="chip chip-addon">
            + {a.replace(/_/g, " ")}
          </li>
        ))}
      </ul>
    </section>
  );
}
