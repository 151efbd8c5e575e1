import type { ContentScore } from "../../bindings";
import { formatCount } from "../../format";
import { AuditSection } from "./AuditSection";

function tone(score: number): string {
  return score >= 75 ? "tone-good" : score >= 50 ? "tone-neutral" : "tone-warning";
}

/** How the content score came about: each part with its weight, score and reasoning. */
export function ContentScoreTable({ score }: { score: ContentScore }) {
  return (
    <AuditSection
      title="Content score"
      subtitle={`${formatCount(score.score)} of 100: the weighted mean of the parts that could be assessed.`}
      testId="audit-content-score"
    >
      <div className="table-wrap">
        <table className="data-table audit-table">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="audit-col-score">
                Score
              </th>
              <th scope="col">How it was scored</th>
            </tr>
          </thead>
          <tbody>
            {score.parts.map((p) => (
              <tr key={p.key} data-testid="audit-score-part" data-key={p.key}>
                <td className="strong nowrap">{p.name}</td>
                <td className="num">{formatCount(p.weight)} %</td>
                <td className="audit-col-score">
                  {p.score === null ? (
                    <span className="muted" title="Not assessed: its weight counts for nothing">
                      n/a
                    </span>
                  ) : (
                    <span className={`score-cell ${tone(p.score)}`}>
                      <span className="score-cell-value">{formatCount(p.score)}</span>
                      <span className="score-cell-bar" aria-hidden="true">
                        <span style={{ width: `${Math.max(0, Math.min(100, p.score))}%` }} />
                      </span>
                    </span>
                  )}
                </td>
                <td className="audit-detail selectable">{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AuditSection>
  );
}
