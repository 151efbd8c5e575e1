import type { ReactNode } from "react";
import type { AuditDocument, RiskLevel, Verdict } from "../../bindings";
import { formatCount } from "../../format";
import { formatDayRange, formatPercent, RISK_LABEL, VERDICT_LABEL } from "./auditFormat";

const VERDICT_TONE: Record<Verdict, string> = { below: "tone-warning", around: "tone-neutral", above: "tone-good" };
const RISK_TONE: Record<RiskLevel, string> = { low: "tone-good", medium: "tone-warning", high: "tone-danger" };

function scoreTone(score: number): string {
  return score >= 75 ? "tone-good" : score >= 50 ? "tone-neutral" : "tone-warning";
}

/** The headline numbers: engagement against the tier, content score, reach risk, sample. */
export function AuditScoreCards({ doc }: { doc: AuditDocument }) {
  const b = doc.tier_benchmark;
  const risk = doc.shadowban_risk;
  const score = doc.content_score.score;

  return (
    <dl className="audit-cards" data-testid="audit-score-cards">
      <Card
        label="Engagement rate"
        testId="audit-score-er"
        value={formatPercent(doc.engagement_rate)}
        chip={
          b?.verdict && doc.engagement_rate !== null ? (
            <span className={`chip ${VERDICT_TONE[b.verdict]}`} data-testid="audit-verdict">
              {VERDICT_LABEL[b.verdict]}
            </span>
          ) : null
        }
        sub={
          b ? (
            <span title={`Source: ${b.source}`}>
              Median for {b.tier} followers: {formatPercent(b.median)}
            </span>
          ) : doc.followers === null ? (
            "No follower count to compare with"
          ) : (
            "Likes and comments per follower, per post"
          )
        }
      />
      {doc.engagement_rate_by_reach !== null ? (
        <Card
          label="Engagement by reach"
          testId="audit-score-reach"
          value={formatPercent(doc.engagement_rate_by_reach)}
          sub="Likes, comments, saves and shares per account reached"
        />
      ) : null}
      <Card
        label="Content score"
        testId="audit-score-content"
        value={
          <>
            {formatCount(score)}
            <span className="audit-card-unit">/100</span>
          </>
        }
        meter={{ value: score, tone: scoreTone(score) }}
        sub="Rhythm, formats, captions, hashtags and spread"
      />
      <Card
        label="Reach restriction"
        testId="audit-score-risk"
        value={
          <>
            {RISK_LABEL[risk.level]}
            <span className="audit-card-unit"> · {formatCount(risk.score)}/100</span>
          </>
        }
        chip={<span className={`chip ${RISK_TONE[risk.level]}`}>Estimate</span>}
        sub="An estimate from the account's own data, not Instagram's verdict"
      />
      <Card
        label="Posts analysed"
        testId="audit-score-posts"
        value={formatCount(doc.posts_analysed)}
        sub={doc.window ? formatDayRange(doc.window[0], doc.window[1]) : "No feed posts yet"}
      />
    </dl>
  );
}

type CardProps = {
  label: string;
  value: ReactNode;
  sub: ReactNode;
  testId: string;
  chip?: ReactNode;
  meter?: { value: number; tone: string };
};

function Card({ label, value, sub, testId, chip, meter }: CardProps) {
  return (
    <div className="audit-card" data-testid={testId}>
      <dt className="audit-card-label">{label}</dt>
      <dd className="audit-card-value">{value}</dd>
      {meter ? (
        <dd className={`audit-card-meter ${meter.tone}`} aria-hidden="true">
          <span style={{ width: `${Math.max(0, Math.min(100, meter.value))}%` }} />
        </dd>
      ) : null}
      {chip ? <dd className="audit-card-chip">{chip}</dd> : null}
      <dd className="audit-card-sub">{sub}</dd>
    </div>
  );
}
