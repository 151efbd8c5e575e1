// Generated from the Rust types by `cargo test -p instagrowth-api bindings`.
// Do not edit: change the Rust type and run it with UPDATE_BINDINGS=1.

export type Client = { 
/**
 * UUID v4.
 */
id: string, name: string, 
/**
 * Instagram username, lower-case, without the leading `@`.
 */
handle: string, niche: string, goals: string, audience: string, brand_voice: string, 
/**
 * Sorted, unique.
 */
tags: Array<string>, notes: string, 
/**
 * RFC 3339, UTC.
 */
created_at: string, 
/**
 * RFC 3339, UTC.
 */
updated_at: string, 
/**
 * RFC 3339, UTC; `null` while the client is active.
 */
archived_at: string | null, archived: boolean, };

export type NewClient = { name: string, 
/**
 * With or without the leading `@`; any case.
 */
handle: string, niche: string, goals: string, audience: string, brand_voice: string, tags: Array<string>, notes: string, };

export type ClientPatch = { name?: string | null, handle?: string | null, niche?: string | null, goals?: string | null, audience?: string | null, brand_voice?: string | null, tags?: Array<string> | null, notes?: string | null, };

export type ClientQuery = { 
/**
 * Matches anywhere in the name or handle, case-insensitively; a leading `@` is ignored.
 */
search?: string | null, 
/**
 * Only clients carrying this tag.
 */
tag?: string | null, archived: ArchivedFilter, };

export type ArchivedFilter = "active" | "archived" | "all";

export type ErrorCode = "invalid_input" | "duplicate_handle" | "not_found" | "schema_too_new" | "data_dir" | "database" | "invalid_import" | "handle_mismatch" | "cancelled" | "keychain_unavailable" | "ai_not_configured" | "ai_missing_key" | "ai_bad_key" | "ai_no_access" | "ai_unknown_model" | "ai_quota_exhausted" | "ai_rate_limited" | "ai_unreachable" | "ai_timeout" | "ai_context_too_long" | "ai_provider_error" | "ai_invalid_answer" | "ai_credits_spent" | "license_invalid_key" | "license_refused" | "license_server_unreachable" | "license_tampered" | "license_read_only" | "license_not_activated" | "license_outdated" | "plan_limit" | "update_unreachable" | "update_signature" | "update_failed" | "busy" | "workspace_in_use" | "internal";

export type ApiError = { code: ErrorCode, 
/**
 * One line a user can act on.
 */
message: string, 
/**
 * The form field the error belongs to, for inline validation.
 */
field: string | null, };

export type AppInfo = { version: string, 
/**
 * The workspace folder in use; `null` when none could be resolved.
 */
data_dir: string | null, 
/**
 * The newest database schema this version knows.
 */
schema_version: number, };

export type SourceKind = "ig_export" | "business_suite_csv" | "manual";

export type PostKind = "image" | "carousel" | "reel" | "story";

export type Metrics = { views: number | null, reach: number | null, 
/**
 * Legacy (deprecated by Meta in 2025 in favour of views).
 */
impressions: number | null, 
/**
 * Legacy (reels, before views).
 */
plays: number | null, likes: number | null, comments: number | null, saves: number | null, shares: number | null, follows: number | null, profile_visits: number | null, };

export type StoredPost = { 
/**
 * UUID v4.
 */
id: string, client_id: string, 
/**
 * The source that first saw the post.
 */
source: SourceKind, 
/**
 * Stable within `source`: a permalink, the first media uri, or `ts:<unix seconds>`.
 */
source_key: string, kind: PostKind, 
/**
 * RFC 3339, UTC.
 */
published_at: string, caption: string, hashtags: Array<string>, mentions: Array<string>, media_count: number, duration_secs: number | null, 
/**
 * Hidden from the profile on Instagram.
 */
archived: boolean, 
/**
 * Newest known value of each metric; `null` when no source said.
 */
metrics: Metrics, 
/**
 * The import that created the row; `null` for a post typed in by hand.
 */
first_batch_id: string | null, 
/**
 * The import that last saw the post.
 */
last_batch_id: string | null, 
/**
 * RFC 3339, UTC.
 */
created_at: string, 
/**
 * RFC 3339, UTC.
 */
updated_at: string, };

export type StoredSnapshot = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, followers: number | null, following: number | null, source: SourceKind, batch_id: string | null, };

export type StoredThread = { 
/**
 * UUID v4.
 */
id: string, thread_key: string, title: string, participants: Array<string>, message_count: number, 
/**
 * RFC 3339, UTC, with milliseconds; `null` when the thread has no message.
 */
last_message_at: string | null, 
/**
 * Whether the newest message came from the client's own account.
 */
last_from_client: boolean | null, 
/**
 * The other person wrote last: the client owes a reply.
 */
awaiting_reply: boolean, };

export type ImportBatch = { 
/**
 * UUID v4.
 */
id: string, client_id: string, source: SourceKind, file_names: Array<string>, sha256: string, 
/**
 * RFC 3339, UTC.
 */
started_at: string, 
/**
 * RFC 3339, UTC.
 */
finished_at: string, posts_added: number, posts_updated: number, with_insights: number, dm_threads: number, follower_snapshots: number, skipped: number, warnings: Array<string>, 
/**
 * RFC 3339, UTC, over the import's posts; `null` when it had none.
 */
first_post_at: string | null, last_post_at: string | null, };

export type ImportOutcome = { batch_id: string, source: SourceKind, posts_added: number, 
/**
 * Known posts whose stored values changed.
 */
posts_updated: number, 
/**
 * Added + updated posts per kind; every kind is present, 0 when none.
 */
by_kind: { [key in string]: number }, 
/**
 * Posts in the import with at least one metric.
 */
with_insights: number, 
/**
 * Threads added or given new messages.
 */
dm_threads: number, 
/**
 * Snapshots added or changed.
 */
follower_snapshots: number, skipped: number, warnings: Array<string>, 
/**
 * RFC 3339, UTC: the import's oldest post; `null` without posts.
 */
first_post_at: string | null, 
/**
 * RFC 3339, UTC: the import's newest post; `null` without posts.
 */
last_post_at: string | null, };

export type Progress = { files_read: number, items_parsed: number, };

export type PostPoint = { id: string, published_at: string, kind: PostKind, engagement: number, 
/**
 * (likes + comments) / followers at the latest snapshot, in percent; `null` without one.
 */
engagement_rate: number | null, has_metrics: boolean, };

export type WeekCount = { 
/**
 * `YYYY-MM-DD`, a Monday.
 */
week_start: string, posts: number, };

export type FormatShare = { kind: PostKind, posts: number, 
/**
 * Mean engagement of the posts of this kind that have metrics; `null` when none do.
 */
avg_engagement: number | null, };

export type ClientDashboard = { client: Client, total_posts: number, with_insights: number, first_post_at: string | null, last_post_at: string | null, 
/**
 * Oldest first; stories excluded (their engagement is not comparable).
 */
engagement: Array<PostPoint>, 
/**
 * Every week from the first post to the last, empty weeks included.
 */
cadence: Array<WeekCount>, format_mix: Array<FormatShare>, followers: Array<StoredSnapshot>, 
/**
 * The ten posts with the most engagement.
 */
top_posts: Array<StoredPost>, 
/**
 * Newest first.
 */
imports: Array<ImportBatch>, };

export type ManualSnapshot = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, followers: number, following: number | null, };

export type ManualPost = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `HH:MM` in UTC; noon when empty.
 */
time: string | null, kind: PostKind, caption: string, likes: number | null, comments: number | null, saves: number | null, shares: number | null, reach: number | null, views: number | null, };

export type ManualEntry = { snapshot: ManualSnapshot | null, posts: Array<ManualPost>, };

export type Preset = "openai" | "openrouter" | "ollama" | "lmstudio" | "custom";

export type ExtraHeader = { name: string, value: string, };

export type ProviderSettings = { preset: Preset, base_url: string, model: string, extra_headers: Array<ExtraHeader>, };

export type PresetInfo = { preset: Preset, label: string, base_url: string, default_model: string, needs_key: boolean, local: boolean, };

export type KeyState = { "state": "stored", hint: string, } | { "state": "missing" } | { "state": "not_needed" };

export type AiStatus = { 
/**
 * `null` when no provider is set up (drafts are offline).
 */
provider: ProviderSettings | null, provider_label: string | null, key: KeyState, 
/**
 * The provider runs on this machine or the local network: client data stays here.
 */
local: boolean, 
/**
 * `YYYY-MM` (UTC) of the credit month.
 */
month: string, credits_used: number, 
/**
 * The allowance in force: the licence's monthly AI credits, or the workspace's own lower
 * allowance (`set_allowance`).
 */
credits_allowance: number, 
/**
 * The licence's monthly AI credits: the most the allowance can be.
 */
credits_licensed: number, 
/**
 * The first day of the next credit month, `YYYY-MM-DD`.
 */
credits_renew_on: string, 
/**
 * Why AI drafting is off right now (no provider, no key, no credits); `null` when ready.
 */
offline_reason: string | null, };

export type Usage = { prompt_tokens: number, completion_tokens: number, 
/**
 * True when the provider sent no usage and the counts are estimates.
 */
estimated: boolean, };

export type ConnectionTest = { 
/**
 * The model that answered.
 */
model: string, latency_ms: number, usage: Usage, };

export type ModelPrice = { model: string, 
/**
 * Micro-dollars per million prompt tokens (0.15 USD → 150000).
 */
input_micro_usd_per_mtok: number, output_micro_usd_per_mtok: number, };

export type UsageTotals = { 
/**
 * `YYYY-MM`.
 */
month: string, 
/**
 * Set when the totals are for one client.
 */
client_id: string | null, client_name: string | null, calls: number, failed_calls: number, prompt_tokens: number, completion_tokens: number, cost_micro_usd: number, 
/**
 * Successful calls to a model with no price in the table (their cost is unknown).
 */
unpriced_calls: number, credits: number, };

export type UsageRecord = { id: number, at: string, client_id: string | null, 
/**
 * The client's name, `null` when the call was for no client or the client was deleted.
 */
client_name: string | null, feature: string, provider: string, model: string, prompt_tokens: number, completion_tokens: number, tokens_estimated: boolean, cost_micro_usd: number, priced: boolean, credits: number, latency_ms: number, attempts: number, outcome: string, };

export type UsageReport = { status: AiStatus, 
/**
 * Set when the report is for one client.
 */
client_id: string | null, 
/**
 * Totals per month, the newest first.
 */
months: Array<UsageTotals>, 
/**
 * This month's totals per client (only in the workspace-wide report).
 */
clients: Array<UsageTotals>, 
/**
 * The latest calls, the newest first.
 */
recent: Array<UsageRecord>, };

export type AiEvent = { "kind": "retrying", attempt: number, wait_ms: number, reason: string, } | { "kind": "text", chars: number, tokens: number, } | { "kind": "item", field: string, index: number, value: unknown, } | { "kind": "repairing", reason: string, };

export type SampleHook = { 
/**
 * The hook, one line.
 */
text: string, 
/**
 * One of the formulas: curiosity_gap, contrarian, list, mistake, before_after, story, question, statistic.
 */
formula: string, };

export type SampleResult = { 
/**
 * `null` when drafting is offline (see `offline_reason`).
 */
hooks: Array<SampleHook> | null, model: string | null, latency_ms: number, offline_reason: string | null, };

export type FormatStat = { 
/**
 * `image`, `carousel` or `reel`.
 */
format: string, posts: number, engagement_rate: number | null, engagement_rate_by_reach: number | null, 
/**
 * Median reach (or views) per post.
 */
median_reach: number | null, };

export type PeriodStat = { posts: number, engagement_rate: number | null, median_reach: number | null, };

export type PostRate = { post_id: string, 
/**
 * `YYYY-MM-DD`, local.
 */
date: string, format: string, engagement_rate: number | null, reach: number | null, };

export type EngagementDetail = { by_format: Array<FormatStat>, last_30_days: PeriodStat, previous_30_days: PeriodStat, 
/**
 * Relative change of the rate, last 30 days against the 30 before (−0.25 = 25 % lower).
 */
change: number | null, 
/**
 * One point per analysed post, oldest first (the engagement-over-time chart).
 */
timeline: Array<PostRate>, };

export type Verdict = "below" | "around" | "above";

export type TierBenchmark = { 
/**
 * e.g. `1K–5K`.
 */
tier: string, 
/**
 * The tier's median engagement rate (HypeAuditor, 2018).
 */
median: number, average: number, 
/**
 * This account's rate against the median (within ±25 % is "around").
 */
verdict: Verdict | null, source: string, };

export type ScorePart = { 
/**
 * `consistency`, `format_mix`, `captions`, `hashtags`, `spread`.
 */
key: string, name: string, 
/**
 * 0–100; `null` when it could not be assessed (its weight then counts for nothing).
 */
score: number | null, 
/**
 * Share of the total score, in percent.
 */
weight: number, 
/**
 * How the score came about, with its numbers.
 */
detail: string, };

export type ContentScore = { 
/**
 * 0–100: the weighted mean of the parts that could be assessed.
 */
score: number, parts: Array<ScorePart>, };

export type RiskLevel = "low" | "medium" | "high";

export type Signal = { key: string, name: string, 
/**
 * The measured value (a ratio, share or count; see `value_text`).
 */
value: number | null, value_text: string, threshold: number, threshold_text: string, 
/**
 * Points of the 0–100 risk score this signal can contribute.
 */
weight: number, 
/**
 * Whether the value crosses the threshold.
 */
triggered: boolean, 
/**
 * Ids of the posts that show it.
 */
posts: Array<string>, explanation: string, };

export type Risk = { level: RiskLevel, 
/**
 * 0–100.
 */
score: number, signals: Array<Signal>, 
/**
 * "An estimate … check Account Status".
 */
note: string, };

export type Severity = "strength" | "minor" | "major" | "critical";

export type Finding = { key: string, title: string, severity: Severity, 
/**
 * 0–100: how much fixing it is expected to move results; findings are ranked by it.
 */
impact: number, evidence: Array<string>, recommendation: string, 
/**
 * Posts that show it.
 */
posts: Array<string>, };

export type TimeSlot = { 
/**
 * 0 = Monday.
 */
weekday: number, hour: number, rate: number, posts: number, };

export type BestTimes = { 
/**
 * 7 rows (Monday first) × 24 hours: the mean engagement rate of posts published then.
 */
cells: Array<Array<number | null>>, 
/**
 * Posts in each cell.
 */
counts: Array<Array<number>>, sample_size: number, 
/**
 * The best slots with at least two posts (one when the sample is small), best first.
 */
top: Array<TimeSlot>, time_zone: string, 
/**
 * What the rates are: by followers, or relative to the account's own mean.
 */
measure: string, };

export type Action = { text: string, 
/**
 * The finding it follows from, if any.
 */
finding: string | null, };

export type RoadmapWeek = { week: number, start: string, end: string, focus: string, 
/**
 * Highest priority first.
 */
actions: Array<Action>, };

export type Kpi = { name: string, baseline: number | null, target: number, 
/**
 * `percent` (a fraction shown as %), `number`, `per_week`.
 */
unit: string, };

export type Roadmap = { 
/**
 * `YYYY-MM-DD`.
 */
start: string, weeks: Array<RoadmapWeek>, kpis: Array<Kpi>, };

export type NotAssessed = { key: string, what: string, why: string, };

export type Audit = { 
/**
 * RFC 3339 UTC.
 */
as_of: string, time_zone: string, 
/**
 * The latest follower count, if known.
 */
followers: number | null, 
/**
 * Feed posts (not stories) the rates are computed over.
 */
posts_analysed: number, 
/**
 * `YYYY-MM-DD` of the first and last post analysed.
 */
window: [string, string] | null, 
/**
 * (likes + comments) / followers per post, averaged.
 */
engagement_rate: number | null, 
/**
 * (likes + comments + saves + shares) / reach per post, averaged, where reach is known.
 */
engagement_rate_by_reach: number | null, engagement: EngagementDetail, tier_benchmark: TierBenchmark | null, content_score: ContentScore, shadowban_risk: Risk, 
/**
 * The 3–5 findings that matter most, highest impact first.
 */
findings: Array<Finding>, best_times: BestTimes, roadmap: Roadmap, 
/**
 * What could not be assessed, and why.
 */
not_assessed: Array<NotAssessed>, };

export type NarrativeSource = "offline" | "ai";

export type Narrative = { source: NarrativeSource, 
/**
 * The executive summary: a few short paragraphs separated by blank lines.
 */
summary: string, 
/**
 * Recommendations in priority order.
 */
recommendations: Array<string>, 
/**
 * The model that wrote it, when `source` is `ai`.
 */
model: string | null, };

export type MetricChange = { key: string, name: string, before: number | null, after: number | null, 
/**
 * `percent` (fractions), `score` (0–100) or `number`.
 */
unit: string, 
/**
 * Whether a higher value is better (risk: lower is better).
 */
higher_is_better: boolean, };

export type AuditChanges = { previous_id: string, previous_created_at: string, metrics: Array<MetricChange>, 
/**
 * Titles of findings this audit has and the previous did not.
 */
new_findings: Array<string>, 
/**
 * Titles of findings the previous audit had and this one does not.
 */
resolved_findings: Array<string>, };

export type AuditDocument = { id: string, client_id: string, client_name: string, client_handle: string, 
/**
 * RFC 3339 UTC.
 */
created_at: string, narrative: Narrative, 
/**
 * Why the narrative was written offline although AI was asked for (no provider, no credits,
 * the provider failed), if so.
 */
narrative_note: string | null, 
/**
 * Against the client's previous audit; `null` for the first one.
 */
changes: AuditChanges | null, 
/**
 * RFC 3339 UTC.
 */
as_of: string, time_zone: string, 
/**
 * The latest follower count, if known.
 */
followers: number | null, 
/**
 * Feed posts (not stories) the rates are computed over.
 */
posts_analysed: number, 
/**
 * `YYYY-MM-DD` of the first and last post analysed.
 */
window: [string, string] | null, 
/**
 * (likes + comments) / followers per post, averaged.
 */
engagement_rate: number | null, 
/**
 * (likes + comments + saves + shares) / reach per post, averaged, where reach is known.
 */
engagement_rate_by_reach: number | null, engagement: EngagementDetail, tier_benchmark: TierBenchmark | null, content_score: ContentScore, shadowban_risk: Risk, 
/**
 * The 3–5 findings that matter most, highest impact first.
 */
findings: Array<Finding>, best_times: BestTimes, roadmap: Roadmap, 
/**
 * What could not be assessed, and why.
 */
not_assessed: Array<NotAssessed>, };

export type AuditSummary = { id: string, client_id: string, created_at: string, 
/**
 * `offline` or `ai`.
 */
narrative_source: string, posts_analysed: number, followers: number | null, engagement_rate: number | null, engagement_rate_by_reach: number | null, content_score: number, risk_score: number, risk_level: string, };

export type PdfExport = { path: string, bytes: number, };

export type PaperSize = "a4" | "letter";

export type Branding = { agency_name: string, 
/**
 * `#rrggbb`: headings, the cover, chart series.
 */
primary_color: string, 
/**
 * `#rrggbb`: highlights and the second series.
 */
accent_color: string, 
/**
 * Shown on the cover and the last page, e.g. "hello@agency.com · agency.com".
 */
contact_line: string, paper: PaperSize, 
/**
 * No InstaGrowth OS mark on reports.
 */
white_label: boolean, 
/**
 * Read-only: whether a logo is stored.
 */
has_logo: boolean, };

export type Kind = "reels" | "hooks" | "captions" | "hashtags";

export type Formula = "curiosity_gap" | "contrarian" | "list" | "mistake" | "before_after" | "story" | "question" | "statistic";

export type CaptionLength = "short" | "medium" | "long";

export type ReelIdea = { title: string, concept: string, hook: string, beats: Array<string>, on_screen_text: Array<string>, caption_angle: string, cta: string, length_secs: number, 
/**
 * Which top post or pillar it builds on.
 */
why: string, 
/**
 * The reel format's id in `library/reels.toml` (`talking_head_tips`, `pov`, …).
 */
format: string, };

export type Hook = { text: string, formula: Formula, };

export type Caption = { length: CaptionLength, 
/**
 * The first line.
 */
hook: string, body: string, cta: string, 
/**
 * The whole caption with line breaks: hook, body, CTA.
 */
text: string, 
/**
 * The framework's id in `library/captions.toml` (`aida`, `pas`, …).
 */
framework: string, };

export type HashtagSet = { 
/**
 * Each starts with `#`; 3..=5 of them.
 */
tags: Array<string>, 
/**
 * `broad` | `mid` | `niche`, one per tag.
 */
tiers: Array<string>, note: string, };

export type Item = { "type": "reel" } & ReelIdea | { "type": "hook" } & Hook | { "type": "caption" } & Caption | { "type": "hashtags" } & HashtagSet;

export type ContentRequest = { kind: Kind, count: number, topic: string | null, 
/**
 * Write offline even when an AI provider is set up.
 */
offline: boolean, 
/**
 * The offline draft's seed; a new one each time when absent.
 */
seed: number | null, 
/**
 * Main texts not to produce (the rest of the draft, when one item is regenerated).
 */
avoid: Array<string>, };

export type ContentDraft = { kind: Kind, 
/**
 * `offline` or `ai`.
 */
source: string, items: Array<Item>, 
/**
 * The library niche the draft used (`beauty`, … or `general`).
 */
niche: string, topic: string | null, 
/**
 * The model that wrote it, when `source` is `ai`.
 */
model: string | null, 
/**
 * What to know: why it is offline, the general fallback…
 */
notes: Array<string>, };

export type ContentQuery = { kind: string | null, 
/**
 * Anywhere in the text or topic, case-insensitive.
 */
search: string | null, favourites_only: boolean, 
/**
 * Used items are hidden unless asked for.
 */
include_used: boolean, 
/**
 * Only items with this tag.
 */
tag: string | null, };

export type LibraryItem = { id: string, client_id: string, kind: Kind, 
/**
 * `offline`, `ai` or `manual`.
 */
source: string, topic: string, item: Item, tags: Array<string>, favourite: boolean, 
/**
 * `YYYY-MM-DD` when used.
 */
used_on: string | null, created_at: string, updated_at: string, };

export type LibraryPatch = { item: Item | null, topic: string | null, tags: Array<string> | null, favourite: boolean | null, };

export type FileExport = { path: string, bytes: number, };

export type Goal = "growth" | "engagement" | "leads" | "recovery";

export type ItemType = "reel" | "carousel" | "image" | "story" | "engagement";

export type PlanItem = { 
/**
 * Stable: derived only from the day offset, slot index and type (`d03-p1`, `d03-s2`,
 * `d03-e1`), so the same request gives the same ids (calendar UIDs).
 */
id: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `HH:MM`, local.
 */
time: string, 
/**
 * `best_times` | `default`.
 */
time_source: string, type: ItemType, pillar: string, topic: string, 
/**
 * Empty for stories and engagement tasks.
 */
hook: string, 
/**
 * The caption brief, or what to do.
 */
brief: string, 
/**
 * At most 5, each `#…`; empty for stories and engagement tasks.
 */
hashtags: Array<string>, 
/**
 * False when planned.
 */
done: boolean, 
/**
 * None when planned; the app links library items later.
 */
content_item_id: string | null, };

export type PlanDay = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `Monday` … `Sunday`.
 */
weekday: string, 
/**
 * In time order.
 */
items: Array<PlanItem>, };

export type WeekTarget = { 
/**
 * 1-based; weeks run seven days from the plan's start (the last may be shorter).
 */
week: number, start: string, end: string, metric: string, baseline: number | null, target: number, 
/**
 * `percent` (a fraction shown as %), `number`, `per_week`.
 */
unit: string, };

export type Plan = { 
/**
 * `YYYY-MM-DD`.
 */
start: string, days: Array<PlanDay>, targets: Array<WeekTarget>, goal: Goal, posts_per_week: number, stories_per_day: number, 
/**
 * The pillars the plan rotates through.
 */
pillars: Array<string>, 
/**
 * What the user should know about how it was planned.
 */
notes: Array<string>, };

export type NewPlan = { 
/**
 * `YYYY-MM-DD`; tomorrow when absent.
 */
start: string | null, 
/**
 * 7, 14 or 30.
 */
days: number, goal: Goal, posts_per_week: number, stories_per_day: number, pillars: Array<string>, 
/**
 * A name for the plan; "<days>-day <goal> plan from <start>" when absent.
 */
name: string | null, 
/**
 * Plan offline even when an AI provider is set up (otherwise the model refines the posts'
 * topics, hooks and briefs).
 */
offline?: boolean, };

export type StoredPlan = { id: string, client_id: string, name: string, source: string, active: boolean, created_at: string, updated_at: string, plan: Plan, };

export type PlanItemPatch = { 
/**
 * `HH:MM`.
 */
time: string | null, topic: string | null, hook: string | null, brief: string | null, hashtags: Array<string> | null, 
/**
 * Link to a content-library item of the same client (`""` removes the link).
 */
content_item_id: string | null, };

export type Intent = "purchase" | "pricing" | "support" | "praise" | "complaint" | "collaboration" | "spam" | "other";

export type Sentiment = "positive" | "neutral" | "negative";

export type Urgency = "low" | "normal" | "high";

export type Language = "en" | "es" | "de" | "fr" | "pt" | "it" | "other";

export type ReplyChannel = "comment" | "dm";

export type LeadReason = { 
/**
 * Stable id: `asks_price`, `asks_availability`, `asks_location`, `mentions_budget`,
 * `wants_to_buy`, `asks_booking`, `asks_dm`, `gives_contact`, `asks_shipping`,
 * `names_quantity_or_date`, `business_enquiry`, `is_spam` (negative points) …
 */
signal: string, 
/**
 * For people: "Asks about price".
 */
label: string, 
/**
 * Points added to the score (negative for signals that lower it).
 */
points: number, 
/**
 * The words in the message that matched, as written.
 */
evidence: string, };

export type Triage = { intent: Intent, sentiment: Sentiment, language: Language, urgency: Urgency, 
/**
 * 0–100: the sum of the reasons' points, clamped.
 */
lead_score: number, lead_reasons: Array<LeadReason>, 
/**
 * The cue words that decided the intent, as written (empty for `Other`).
 */
intent_evidence: Array<string>, 
/**
 * 0–100, for sorting the queue: lead score, urgency, intent (complaints and support first
 * among non-leads, spam last) and waiting time.
 */
priority: number, };

export type ReplyDraft = { text: string, 
/**
 * What sets this variant apart, for people: "Warm", "Short", "Move to DM", "With the link".
 */
style: string, };

export type EmojiUse = "none" | "light" | "playful";

export type BrandRules = { 
/**
 * Words and phrases a reply must never contain (case-insensitive, whole words).
 */
avoid_words: Array<string>, 
/**
 * Appended to DM replies ("— Ana at Glow Studio"); comments stay short and go without.
 */
sign_off: string, emoji: EmojiUse, 
/**
 * Where a reply may send people for buying or booking ("the link in our bio",
 * "glowstudio.com/book"); empty: replies invite a DM instead.
 */
booking_link: string, };

export type ReplyItem = { id: string, client_id: string, 
/**
 * `pasted`, `csv` or `dm`.
 */
source: string, channel: ReplyChannel, author: string, 
/**
 * For addressing the person, when the name shows it.
 */
first_name: string | null, text: string, received_at: string | null, post: string | null, 
/**
 * The imported DM thread, for `dm` messages.
 */
thread_id: string | null, triage: Triage, 
/**
 * Empty for spam: hide or report it instead.
 */
drafts: Array<ReplyDraft>, 
/**
 * `offline` or `ai`.
 */
drafted_by: string, 
/**
 * When it was marked handled; `null` while waiting.
 */
handled_at: string | null, created_at: string, };

export type ReplySource = { "kind": "pasted", text: string, channel: ReplyChannel, } | { "kind": "csv_file", path: string, channel: ReplyChannel, } | { "kind": "awaiting_dms" };

export type AddRequest = { source: ReplySource, 
/**
 * Triage and draft offline even when an AI provider is set up.
 */
offline: boolean, };

export type QueueCounts = { added: number, 
/**
 * Known messages whose text changed (a DM thread with new messages): re-triaged and back in
 * the queue.
 */
updated: number, unchanged: number, };

export type AddOutcome = { counts: QueueCounts, items: Array<ReplyItem>, 
/**
 * `offline` or `ai` for the new and changed messages.
 */
drafted_by: string, 
/**
 * The model, when `drafted_by` is `ai`.
 */
model: string | null, 
/**
 * What to know: why drafting was offline, lines that were skipped…
 */
notes: Array<string>, };

export type ReplyQuery = { 
/**
 * Only this intent (`purchase`, `pricing`, …).
 */
intent?: string | null, 
/**
 * Handled messages are hidden unless asked for.
 */
include_handled: boolean, 
/**
 * Only messages scoring at least this as a lead.
 */
min_lead_score?: number | null, };

export type RedraftRequest = { 
/**
 * Draft offline even when an AI provider is set up.
 */
offline: boolean, 
/**
 * The offline drafts' seed; a new one each time when absent.
 */
seed: number | null, };

export type Redrafted = { item: ReplyItem, note: string | null, };

export type SavedReply = { id: string, 
/**
 * `null`: offered for every client.
 */
client_id: string | null, name: string, body: string, 
/**
 * The intent it suits (`purchase`, `pricing`, …); `null`: any.
 */
intent: string | null, created_at: string, updated_at: string, };

export type SavedReplyInput = { id?: string | null, 
/**
 * The client it belongs to (an id or @handle); `null` for every client.
 */
client?: string | null, name: string, body: string, 
/**
 * The intent it suits; `null` for any.
 */
intent?: Intent | null, };

export type Credit = { kind: string, count: number, };

export type Entitlements = { 
/**
 * None = unlimited.
 */
max_active_clients: number | null, 
/**
 * Machines that may be activated at once.
 */
seats: number, white_label: boolean, 
/**
 * Feature flags, sorted, unique: e.g. "ai", "audit", "content", "planner", "replies",
 * "pdf_reports".
 */
features: Array<string>, monthly_ai_credits: number, 
/**
 * One-time credits bought, by kind ("audit_report", "content_pack"), sorted by kind, one
 * entry per kind.
 */
one_time_credits: Array<Credit>, 
/**
 * Add-on ids in force, sorted, each once: the quantity bought shows in the numbers it adds
 * (2 × `extra_clients_10` lists `extra_clients_10` once and adds 20 clients).
 */
add_ons: Array<string>, };

export type LicenseState = "trial" | "active" | "grace" | "read_only";

export type LicenseStatus = { state: LicenseState, 
/**
 * A stable code for the situation: `TRIAL`, `TRIAL_ENDED`, `VALID`, `GRACE_PERIOD`,
 * `CLOCK_TAMPERED`, `LICENSE_TAMPERED`, the read-only reasons of the licence file (`OVERDUE`,
 * `EXPIRED`, `SUSPENDED`, `REVOKED`, `CANCELED`, `PAST_DUE`, `FINGERPRINT_SCOPE_MISMATCH`),
 * or the server's refusal code (`REVOKED`, `FINGERPRINT_MISMATCH`, `NOT_FOUND`…).
 */
code: string, 
/**
 * The plan's id (`trial`, `starter`, `pro`…).
 */
plan: string, 
/**
 * The plan's name to show ("Pro").
 */
plan_label: string, entitlements: Entitlements, 
/**
 * The licence's status at the server when the file was signed (`active`, `past_due`…);
 * `null` without a licence.
 */
status: string | null, 
/**
 * `IGOS-XXXXX`, for support.
 */
key_prefix: string | null, 
/**
 * This computer's name at the licence server.
 */
machine_name: string | null, 
/**
 * Machines activated on the licence at the server's last answer, this one included (of
 * `entitlements.seats`); `null` without a licence or when the server did not say.
 */
seats_in_use: number | null, customer_email: string | null, 
/**
 * The licence's own end: the paid period's end (it renews) or a fixed end; `null` = none.
 */
renews_or_expires_at: string | null, 
/**
 * When the file must be refreshed online.
 */
refresh_by: string | null, 
/**
 * When the app goes read-only unless something happens first: the grace end (or the
 * licence's end, when sooner), or the trial's end.
 */
read_only_at: string | null, 
/**
 * One sentence for a banner: what is happening and what to do; `null` when all is well.
 */
reason: string | null, 
/**
 * The trial's end (only while there is no licence).
 */
trial_ends_at: string | null, 
/**
 * The licence server in force.
 */
server_url: string, 
/**
 * Refresh online now (in the background) if the network is there.
 */
refresh_due: boolean, 
/**
 * The time this was decided at.
 */
checked_at: string, };

export type KeyProgressState = "incomplete" | "valid" | "invalid";

export type KeyProgress = { state: KeyProgressState, 
/**
 * Key characters typed so far (the `IGOS` prefix and dashes not counted).
 */
typed: number, 
/**
 * Key characters a complete key has (20).
 */
needed: number, 
/**
 * The key as it will be sent (`IGOS-XXXXX-XXXXX-XXXXX-XXXXX`), once valid.
 */
normalized: string | null, 
/**
 * What is wrong, once invalid.
 */
message: string | null, };

export type BackgroundCheck = { 
/**
 * Where the licence stands after the check.
 */
status: LicenseStatus, 
/**
 * Whether the licence server was asked (a refresh was due).
 */
attempted: boolean, 
/**
 * Whether a fresh licence file was stored.
 */
refreshed: boolean, 
/**
 * Why the refresh did not succeed: the server unreachable (the grace applies) or a refusal
 * (the licence is read-only now).
 */
error: ApiError | null, };

export type UpdateChannel = "stable" | "beta";

export type UpdateSettings = { channel: UpdateChannel, 
/**
 * The version running now.
 */
current_version: string, 
/**
 * Where the updater asks (with the `{{…}}` variables the updater fills in).
 */
endpoint: string, };

export type UpdateInfo = { version: string, current_version: string, 
/**
 * Release notes as the vendor wrote them (plain text or Markdown).
 */
notes: string | null, 
/**
 * RFC 3339, when given.
 */
pub_date: string | null, };

export type UpdateEvent = { "event": "started", total: number | null, } | { "event": "progress", downloaded: number, total: number | null, } | { "event": "installing" } | { "event": "installed", version: string, };

export type WorkspaceCounts = { clients: number, posts: number, follower_snapshots: number, audits: number, plans: number, content_items: number, reply_messages: number, settings: number, };

export type BackupManifest = { format: number, 
/**
 * The app version that wrote it.
 */
app_version: string, 
/**
 * The database schema (newest migration) inside.
 */
schema_version: number, 
/**
 * RFC 3339.
 */
created_at: string, counts: WorkspaceCounts, };

export type ClientExport = { path: string, handle: string, 
/**
 * `<table>`: rows, for the tables that held anything.
 */
tables: Array<[string, number]>, };

export type HelpArticleSummary = { id: string, title: string, category: string, 
/**
 * One sentence.
 */
summary: string, };

export type HelpArticle = { id: string, title: string, category: string, summary: string, html: string, related: Array<HelpArticleSummary>, };

export type HelpHit = { id: string, title: string, category: string, summary: string, 
/**
 * About 160 characters of the body around the first matching word, plain text.
 */
snippet: string, };

export type Onboarding = { 
/**
 * The step to show (the one to resume at).
 */
step: OnboardingStep, 
/**
 * Steps completed, in order.
 */
done: Array<OnboardingStep>, 
/**
 * The client made in the wizard, for its import and audit steps.
 */
client_id: string | null, 
/**
 * Put aside with "Skip setup"; resumable.
 */
skipped: boolean, 
/**
 * Every step done.
 */
finished: boolean, };

export type OnboardingStep = "license" | "ai" | "branding" | "client" | "import" | "audit";

export type AttentionKind = "reach_falling" | "no_recent_import" | "never_imported" | "plan_items_due" | "replies_waiting";

export type AttentionSeverity = "medium" | "high";

export type AttentionReason = { kind: AttentionKind, severity: AttentionSeverity, 
/**
 * One plain sentence with the numbers behind it.
 */
message: string, };

export type ClientAttention = { client_id: string, name: string, 
/**
 * As stored (no `@`).
 */
handle: string, 
/**
 * The most severe first.
 */
reasons: Array<AttentionReason>, };

export type DueItem = { client_id: string, client_name: string, plan_id: string, item_id: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `HH:MM`, local; `null` when the item has none.
 */
time: string | null, 
/**
 * The item's topic (its brief when it has no topic).
 */
title: string, type: ItemType, };

export type HomeOverview = { 
/**
 * `YYYY-MM-DD`: the day the rules were anchored on.
 */
today: string, clients: Array<ClientAttention>, due_today: Array<DueItem>, 
/**
 * Clients not archived.
 */
active_clients: number, };

/** A reply is a lead from this score up (the leads view, its CSV export, the home panel). */
export const LEAD_MIN_SCORE = 40;
