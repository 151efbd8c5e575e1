import type { Metrics, StoredPost } from "../bindings";
import { formatCount, formatDate, formatDateTime } from "../format";
import { KIND_LABEL, engagementOf, kindColor } from "../kinds";

const EXCERPT = 90;

function excerpt(caption: string): string {
  const oneLine = caption.replace(/\s+/g, " ").trim();
  return oneLine.length > EXCERPT ? `${oneLine.slice(0, EXCERPT - 1).trimEnd()}…` : oneLine;
}

/** The client's ten most engaging posts with their numbers. */
export function TopPostsTable({ posts }: { posts: readonly StoredPost[] }) {
  return (
    <section className="dashboard-section" aria-labelledby="top-posts-title">
      <h3 id="top-posts-title" className="dashboard-section-title">
        Top posts
      </h3>
      <div className="table-wrap">
        <table className="data-table" data-testid="top-posts">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Format</th>
              <th scope="col" className="col-caption">
                Caption
              </th>
              <th scope="col" className="num">
                Likes
              </th>
              <th scope="col" className="num">
                Comments
              </th>
              <th scope="col" className="num">
                Saves
              </th>
              <th scope="col" className="num">
                Shares
              </th>
              <th scope="col" className="num">
                <span title="Views; for older data, plays (reels) or impressions, which Meta replaced with views in 2025">
                  Reach / views
                </span>
              </th>
              <th scope="col" className="num">
                Engagement
              </th>
            </tr>
          </thead>
          <tbody>
            {posts.map((p) => {
              const m = p.metrics;
              return (
                <tr key={p.id} data-testid="top-post-row" data-id={p.id}>
                  <td className="nowrap">
                    <time dateTime={p.published_at} title={formatDateTime(p.published_at)}>
                      {formatDate(p.published_at)}
                    </time>
                  </td>
                  <td className="nowrap">
                    <span className="kind-label">
                      <span className="kind-dot" style={{ background: kindColor(p.kind) }} aria-hidden="true" />
                      {KIND_LABEL[p.kind]}
                    </span>
                  </td>
                  <td className="col-caption">
                    {p.caption.trim() ? (
                      <span className="caption-excerpt selectable" title={p.caption}>
                        {excerpt(p.caption)}
                      </span>
                    ) : (
                      <span className="muted">No caption</span>
                    )}
                  </td>
                  <td className="num">{formatCount(m.likes)}</td>
                  <td className="num">{formatCount(m.comments)}</td>
                  <td className="num">{formatCount(m.saves)}</td>
                  <td className="num">{formatCount(m.shares)}</td>
                  <td className="num nowrap">
                    {m.reach === null && viewsOf(m) === null
                      ? "—"
                      : `${formatCount(m.reach)} / ${formatCount(viewsOf(m))}`}
                  </td>
                  <td className="num strong">{formatCount(engagementOf(m))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Views, or what older data counted instead: plays for reels, impressions for posts. */
function viewsOf(m: Metrics): number | null {
  return m.views ?? m.plays ?? m.impressions;
}
