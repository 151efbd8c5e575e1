import type { ClientDashboard as Dashboard } from "../bindings";
import { formatCount, formatDateRange, formatDay, formatSpan, plural } from "../format";
import { CadenceChart } from "./charts/CadenceChart";
import { EngagementChart } from "./charts/EngagementChart";
import { FollowersChart } from "./charts/FollowersChart";
import { FormatMixChart } from "./charts/FormatMixChart";
import { ChartIcon } from "./Icons";
import { ImportHistoryTable } from "./ImportHistoryTable";
import { TopPostsTable } from "./TopPostsTable";
import "./ClientDashboard.css";

/** What the client's imported data says: headline numbers, four charts, top posts, imports. */
export function ClientDashboard({ dashboard }: { dashboard: Dashboard }) {
  const d = dashboard;
  const latest = [...d.followers].reverse().find((s) => s.followers !== null) ?? null;
  const insightsShare = d.total_posts > 0 ? Math.round((d.with_insights * 100) / d.total_posts) : null;
  const range = formatDateRange(d.first_post_at, d.last_post_at);
  const noPosts = d.total_posts === 0;

  return (
    <div className="client-dashboard" data-testid="client-dashboard">
      {noPosts ? (
        <div className="dashboard-empty" data-testid="dashboard-empty">
          <div className="dashboard-empty-icon">
            <ChartIcon size={20} />
          </div>
          <div>
            <h3 className="dashboard-empty-title">No posts yet</h3>
            <p className="dashboard-empty-text">
              Import this client's Instagram export or a Business Suite CSV with the card above, or
              enter a few posts by hand. Charts for engagement, cadence, formats and followers appear
              here as soon as there is data.
            </p>
          </div>
        </div>
      ) : (
        <dl className="stat-row">
          <Stat
            label="Posts"
            testId="dashboard-stat-posts"
            value={formatCount(d.total_posts)}
            sub={d.imports.length > 0 ? `from ${plural(d.imports.length, "import")}` : undefined}
          />
          <Stat
            label="With insights"
            testId="dashboard-stat-insights"
            value={formatCount(d.with_insights)}
            sub={insightsShare !== null ? `${insightsShare}% of posts` : undefined}
          />
          <Stat
            label="Date range"
            testId="dashboard-stat-range"
            value={range ?? "—"}
            small
            sub={formatSpan(d.first_post_at, d.last_post_at) ?? undefined}
          />
          <Stat
            label="Latest followers"
            testId="dashboard-stat-followers"
            value={latest ? formatCount(latest.followers) : "—"}
            sub={latest ? `on ${formatDay(latest.date)}` : "no snapshot yet"}
          />
        </dl>
      )}

      {noPosts ? (
        d.followers.length > 0 ? (
          <div className="chart-grid">
            <FollowersChart snapshots={d.followers} wide />
          </div>
        ) : null
      ) : (
        <div className="chart-grid">
          <EngagementChart points={d.engagement} />
          <CadenceChart weeks={d.cadence} />
          <FormatMixChart mix={d.format_mix} />
          <FollowersChart snapshots={d.followers} wide />
        </div>
      )}

      {d.top_posts.length > 0 ? <TopPostsTable posts={d.top_posts} /> : null}
      {d.imports.length > 0 ? <ImportHistoryTable imports={d.imports} /> : null}
    </div>
  );
}

type StatProps = { label: string; value: string; sub?: string; testId: string; small?: boolean };

function Stat({ label, value, sub, testId, small }: StatProps) {
  return (
    <div className="stat">
      <dt className="stat-label">{label}</dt>
      <dd className={small ? "stat-value stat-value-small" : "stat-value"} data-testid={testId}>
        {value}
      </dd>
      {sub ? <dd className="stat-sub">{sub}</dd> : null}
    </div>
  );
}
