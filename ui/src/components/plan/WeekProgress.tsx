import type { Plan } from "../../bindings";
import { formatCount } from "../../format";
import { formatDayRange, formatKpi } from "../audit/auditFormat";
import { addDays, humanize, isoWeek, planWeeks } from "./planFormat";

/** The weekly targets the plan aims at. */
export function WeekTargets({ plan }: { plan: Plan }) {
  if (plan.targets.length === 0) return null;
  return (
    <section className="plan-card" aria-labelledby="plan-targets-title">
      <h3 id="plan-targets-title" className="plan-card-title">
        Weekly targets
      </h3>
      <div className="plan-table-wrap">
        <table className="data-table audit-table plan-targets" data-testid="plan-targets">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Dates</th>
              <th scope="col">Metric</th>
              <th scope="col" className="num">
                Baseline
              </th>
              <th scope="col" className="num">
                Target
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.targets.map((t, i) => (
              <tr key={`${t.week}-${t.metric}-${i}`} data-testid="plan-target" data-week={t.week}>
                <td className="nowrap">Week {t.week}</td>
                <td className="nowrap">{formatDayRange(t.start, t.end)}</td>
                <td>{humanize(t.metric)}</td>
                <td className="num">{formatKpi(t.baseline, t.unit)}</td>
                <td className="num plan-target-value">{formatKpi(t.target, t.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Done against planned items for each ISO week the plan touches. */
export function WeekProgress({ plan }: { plan: Plan }) {
  const first = plan.days[0]?.date ?? "";
  const last = plan.days[plan.days.length - 1]?.date ?? "";
  const weeks = planWeeks(plan).map((monday) => {
    const sunday = addDays(monday, 6);
    const items = plan.days.filter((d) => d.date >= monday && d.date <= sunday).flatMap((d) => d.items);
    return {
      monday,
      from: monday < first ? first : monday,
      to: sunday > last ? last : sunday,
      total: items.length,
      done: items.filter((i) => i.done).length,
    };
  });
  const total = weeks.reduce((n, w) => n + w.total, 0);
  const done = weeks.reduce((n, w) => n + w.done, 0);

  return (
    <section className="plan-card" aria-labelledby="plan-progress-title">
      <h3 id="plan-progress-title" className="plan-card-title">
        Progress
        <span className="plan-card-aside" data-testid="plan-progress-total">
          {formatCount(done)} of {formatCount(total)} done
        </span>
      </h3>
      <ul className="plan-progress">
        {weeks.map((w) => {
          const share = w.total === 0 ? 0 : w.done / w.total;
          return (
            <li key={w.monday} className="plan-progress-row" data-testid="plan-week-progress" data-week={isoWeek(w.monday)}>
              <span className="plan-progress-label">
                <strong>W{isoWeek(w.monday)}</strong> <span className="muted">{formatDayRange(w.from, w.to)}</span>
              </span>
              <span
                className="plan-progress-bar"
                role="progressbar"
                aria-label={`Week ${isoWeek(w.monday)}`}
                aria-valuemin={0}
                aria-valuemax={w.total}
                aria-valuenow={w.done}
              >
                <span style={{ width: `${Math.round(share * 100)}%` }} className={share === 1 ? "is-complete" : undefined} />
              </span>
              <span className="plan-progress-count" data-testid="plan-week-progress-count">
                {w.done}/{w.total}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
