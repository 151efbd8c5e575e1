// A realistic stored audit (as `audit_run` / `audit_get` answer) for the audit tab's tests.
import type {
  AuditChanges,
  AuditDocument,
  BestTimes,
  Finding,
  PostRate,
  Roadmap,
  Signal,
} from "../bindings";

const FORMATS = ["reel", "carousel", "image"] as const;

/** 24 feed posts, one every third day from 2026-09-01, rates drifting down over time. */
export function timeline(): PostRate[] {
  const start = Date.UTC(2026, 8, 1);
  return Array.from({ length: 24 }, (_, i) => ({
    post_id: `post-${i}`,
    date: new Date(start + i * 3 * 86_400_000).toISOString().slice(0, 10),
    format: FORMATS[i % 3],
    // Reels do best; one post without insights.
    engagement_rate: i === 5 ? null : Number(((i % 3 === 0 ? 0.052 : 0.031) - i * 0.0004).toFixed(4)),
    reach: i === 5 ? null : 1800 + i * 25,
  }));
}

function bestTimes(): BestTimes {
  const cells: Array<Array<number | null>> = Array.from({ length: 7 }, () => Array<number | null>(24).fill(null));
  const counts: number[][] = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const put = (day: number, hour: number, rate: number, posts: number) => {
    cells[day][hour] = rate;
    counts[day][hour] = posts;
  };
  put(0, 18, 0.052, 3); // Mon 18:00, the best slot
  put(2, 12, 0.047, 4);
  put(3, 19, 0.044, 2);
  put(1, 9, 0.028, 5);
  put(4, 17, 0.031, 3);
  put(5, 11, 0.025, 4);
  put(6, 20, 0.022, 3);
  return {
    cells,
    counts,
    sample_size: 24,
    top: [
      { weekday: 0, hour: 18, rate: 0.052, posts: 3 },
      { weekday: 2, hour: 12, rate: 0.047, posts: 4 },
      { weekday: 3, hour: 19, rate: 0.044, posts: 2 },
    ],
    time_zone: "Europe/London",
    measure: "engagement rate by followers",
  };
}

function signal(patch: Partial<Signal> & Pick<Signal, "key" | "name">): Signal {
  return {
    value: 0,
    value_text: "0 of 24 posts",
    threshold: 0,
    threshold_text: "any post",
    weight: 10,
    triggered: false,
    posts: [],
    explanation: "",
    ...patch,
  };
}

const SIGNALS: Signal[] = [
  signal({
    key: "reach_drop",
    name: "Reach per post falling",
    value: 0.62,
    value_text: "62.0 % of baseline",
    threshold: 0.5,
    threshold_text: "below 50 % of the account's own baseline",
    weight: 30,
    explanation: "Median reach in the last 30 days is 62 % of the account's own baseline: lower, but not a sharp drop.",
  }),
  signal({
    key: "hashtags_over_limit",
    name: "More than 5 hashtags",
    value: 3,
    value_text: "3 of 9 posts",
    threshold: 0,
    threshold_text: "any post since 19 Dec 2025",
    weight: 15,
    triggered: true,
    posts: ["post-18", "post-20", "post-22"],
    explanation: "Instagram allows at most 5 hashtags per post since December 2025; posts over the limit may not be shown to non-followers.",
  }),
  signal({
    key: "unoriginal_content",
    name: "Reposted or duplicate content",
    value: 0.04,
    value_text: "1 of 24 posts",
    threshold: 0.1,
    threshold_text: "over 10 % of posts",
    weight: 15,
    posts: ["post-7"],
    explanation: "One caption repeats an earlier post word for word.",
  }),
  signal({
    key: "generic_hashtags",
    name: "Generic hashtags",
    value: 0.35,
    value_text: "35.0 %",
    threshold: 0.2,
    threshold_text: "over 20 % of tagged posts",
    weight: 10,
    triggered: true,
    posts: ["post-2", "post-8", "post-14", "post-20"],
    explanation: "Tags such as #love and #instagood are used by millions of posts and reach nobody in particular.",
  }),
  signal({
    key: "repeated_hashtag_set",
    name: "One hashtag set on every post",
    value: 0.12,
    value_text: "12.0 %",
    threshold: 0.3,
    threshold_text: "the same set on over 30 % of tagged posts",
    weight: 10,
    explanation: "The hashtag sets vary from post to post.",
  }),
  signal({
    key: "posting_bursts",
    name: "Bursts of posting",
    value: 0,
    value_text: "0 day(s)",
    threshold: 0,
    threshold_text: "any day with 4+ feed posts in the last 90 days",
    weight: 10,
    explanation: "No day had four or more feed posts.",
  }),
  signal({
    key: "comment_like_ratio",
    name: "Unusual comments-to-likes ratio",
    value: 0.031,
    value_text: "3.1 %",
    threshold: 0.005,
    threshold_text: "under 0.5 % or over 50 %",
    weight: 5,
    explanation: "Comments per like are in the usual range.",
  }),
  signal({
    key: "follower_spike",
    name: "Follower spike",
    value: null,
    value_text: "not measured",
    threshold: 0.1,
    threshold_text: "over 10 % growth between two counts a week or less apart",
    weight: 5,
    explanation: "fewer than two follower counts a week or less apart",
  }),
];

const FINDINGS: Finding[] = [
  {
    key: "hashtags_over_limit",
    title: "Posts use more than 5 hashtags",
    severity: "critical",
    impact: 80,
    evidence: ["3 of the 9 posts since 19 December 2025 carry more than 5 hashtags (up to 14)."],
    recommendation: "Keep at most 5 relevant hashtags per post; edit the three recent posts over the limit.",
    posts: ["post-18", "post-20", "post-22"],
  },
  {
    key: "engagement_below_benchmark",
    title: "Engagement is below accounts of the same size",
    severity: "major",
    impact: 65,
    evidence: [
      "3.4 % engagement rate against a 4.0 % median for 1K–5K followers.",
      "The last 30 days averaged 2.9 %, 18 % lower than the 30 days before.",
    ],
    recommendation: "End each caption with a question, and answer every comment in the first hour.",
    posts: [],
  },
  {
    key: "weak_captions",
    title: "Captions rarely ask for a reply",
    severity: "minor",
    impact: 40,
    evidence: ["4 of 24 captions have a call to action."],
    recommendation: "Add one clear call to action per caption: save, share or comment.",
    posts: [],
  },
  {
    key: "reels_work",
    title: "Reels reach the most people",
    severity: "strength",
    impact: 30,
    evidence: ["Reels average 5.0 % against 2.9 % for carousels and images."],
    recommendation: "Keep one reel a week at the centre of the plan.",
    posts: [],
  },
];

function roadmap(): Roadmap {
  return {
    start: "2026-11-27",
    weeks: [
      {
        week: 1,
        start: "2026-11-27",
        end: "2026-12-03",
        focus: "Remove what holds reach back",
        actions: [
          { text: "Open Settings → Account Status on the client's phone and note any recommendation warnings.", finding: null },
          { text: "Review the last 10 posts: keep at most 5 relevant hashtags and remove reposted material.", finding: "hashtags_over_limit" },
        ],
      },
      {
        week: 2,
        start: "2026-12-04",
        end: "2026-12-10",
        focus: "Make content that travels",
        actions: [
          { text: "Plan next week's posts around the top three posts' topics.", finding: null },
          { text: "Draft one reel a week with a hook in its first two seconds.", finding: "reels_work" },
        ],
      },
      {
        week: 3,
        start: "2026-12-11",
        end: "2026-12-17",
        focus: "Post on a steady rhythm at the best times",
        actions: [
          { text: "Schedule posts at the best times found: Monday 18:00, Wednesday 12:00, Thursday 19:00.", finding: null },
          { text: "Keep at least 2 feed posts a week, every week.", finding: null },
        ],
      },
      {
        week: 4,
        start: "2026-12-18",
        end: "2026-12-24",
        focus: "Measure and double down",
        actions: [
          { text: "Compare the KPIs below with their baselines and keep what moved them.", finding: null },
          { text: "Run a new audit and share the changes with the client.", finding: null },
        ],
      },
    ],
    kpis: [
      { name: "Engagement rate by followers", baseline: 0.0342, target: 0.0404, unit: "percent" },
      { name: "Median reach per post", baseline: 1950, target: 2300, unit: "number" },
      { name: "Feed posts per week", baseline: 2.3, target: 3, unit: "per_week" },
      { name: "Posts within the 5-hashtag limit", baseline: 0.667, target: 1, unit: "percent" },
    ],
  };
}

/** The audit of Zoe Fitness (@zoe.fit) on 26 November 2026, written offline; `patch` overrides. */
export function makeAudit(patch: Partial<AuditDocument> = {}): AuditDocument {
  return {
    id: "audit-1",
    client_id: "client-1",
    client_name: "Zoe Fitness",
    client_handle: "zoe.fit",
    created_at: "2026-11-26T10:15:00.000Z",
    narrative: {
      source: "offline",
      summary:
        "Zoe Fitness reaches 3.4 % of its 2,340 followers per post, a little below the 4.0 % median for accounts of its size.\n\n" +
        "Reels do best by far. The biggest risk to reach is hashtag use: three recent posts carry more than the 5 hashtags Instagram now allows.",
      recommendations: [
        "Keep at most 5 relevant hashtags per post.",
        "End each caption with a question.",
        "Post one reel a week at the best times.",
      ],
      model: null,
    },
    narrative_note: null,
    changes: null,
    as_of: "2026-11-26T10:15:00.000Z",
    time_zone: "Europe/London",
    followers: 2340,
    posts_analysed: 24,
    window: ["2026-09-01", "2026-11-09"],
    engagement_rate: 0.0342,
    engagement_rate_by_reach: 0.0615,
    engagement: {
      by_format: [
        { format: "reel", posts: 8, engagement_rate: 0.05, engagement_rate_by_reach: 0.081, median_reach: 2600 },
        { format: "carousel", posts: 8, engagement_rate: 0.029, engagement_rate_by_reach: 0.055, median_reach: 1850 },
        { format: "image", posts: 8, engagement_rate: 0.027, engagement_rate_by_reach: 0.049, median_reach: 1700 },
      ],
      last_30_days: { posts: 7, engagement_rate: 0.029, median_reach: 1950 },
      previous_30_days: { posts: 10, engagement_rate: 0.0354, median_reach: 2150 },
      change: -0.18,
      timeline: timeline(),
    },
    tier_benchmark: { tier: "1K–5K", median: 0.0404, average: 0.0448, verdict: "below", source: "HypeAuditor (2018)" },
    content_score: {
      score: 68,
      parts: [
        { key: "consistency", name: "Consistency", score: 72, weight: 30, detail: "2.3 feed posts a week; the longest gap was 9 days." },
        { key: "format_mix", name: "Format mix", score: 80, weight: 20, detail: "Reels, carousels and images in equal parts." },
        { key: "captions", name: "Captions", score: 55, weight: 20, detail: "4 of 24 captions have a call to action." },
        { key: "hashtags", name: "Hashtags", score: 60, weight: 20, detail: "35 % of tagged posts use generic hashtags." },
        { key: "spread", name: "Spread", score: null, weight: 10, detail: "fewer than 10 posts with reach" },
      ],
    },
    shadowban_risk: {
      level: "medium",
      score: 38,
      signals: SIGNALS,
      note:
        "This is an estimate from the account's own data, not Instagram's verdict. Instagram shows whether an account's content can be recommended to non-followers in Settings → Account Status (professional accounts).",
    },
    findings: FINDINGS,
    best_times: bestTimes(),
    roadmap: roadmap(),
    not_assessed: [
      { key: "stories", what: "Stories", why: "The export has no story insights." },
      { key: "follower_spike", what: "Follower spike", why: "Fewer than two follower counts a week or less apart." },
    ],
    ...patch,
  };
}

/** The changes of an audit against `previous` (as the back end computes them, simplified). */
export function changesBetween(previous: AuditDocument, now: AuditDocument): AuditChanges {
  const keys = (d: AuditDocument) => d.findings.map((f) => [f.key, f.title] as const);
  const before = keys(previous);
  const after = keys(now);
  return {
    previous_id: previous.id,
    previous_created_at: previous.created_at,
    metrics: [
      { key: "engagement_rate", name: "Engagement rate", before: previous.engagement_rate, after: now.engagement_rate, unit: "percent", higher_is_better: true },
      {
        key: "engagement_rate_by_reach",
        name: "Engagement by reach",
        before: previous.engagement_rate_by_reach,
        after: now.engagement_rate_by_reach,
        unit: "percent",
        higher_is_better: true,
      },
      { key: "content_score", name: "Content score", before: previous.content_score.score, after: now.content_score.score, unit: "score", higher_is_better: true },
      { key: "risk_score", name: "Reach-restriction risk", before: previous.shadowban_risk.score, after: now.shadowban_risk.score, unit: "score", higher_is_better: false },
      { key: "followers", name: "Followers", before: previous.followers, after: now.followers, unit: "number", higher_is_better: true },
    ],
    new_findings: after.filter(([k]) => !before.some(([b]) => b === k)).map(([, t]) => t),
    resolved_findings: before.filter(([k]) => !after.some(([a]) => a === k)).map(([, t]) => t),
  };
}
