//! Triage: what a message wants, how it feels, which language, how urgent, how good a lead, and
//! where it goes in the queue. Rules only, so the same message always triages the same.
//!
//! # Intent
//! Every intent cue of the lexicon found in the message adds its points (strong 3, cue 2, weak 1)
//! — doubled when the cue is in the message's language or in English (people mix in "price",
//! "collab", "DM"), single otherwise; with no language found, every language counts double. A cue
//! inside a longer cue of the same intent ("how much" in "how much is") counts once, as the
//! longer. Then:
//!
//! - each negative sentiment word (1 or 2, weighted like cues) or emoji (3, each kind once) adds
//!   to Complaint, each positive one to Praise (at most 4 points each way), so "my order never
//!   came 😡 worst" leans to a complaint and "🔥🔥" alone is praise;
//! - a link adds 4 to Spam.
//!
//! Praise is what is left: a compliment that also asks to buy, asks the price, reports a
//! problem, complains or proposes work ("love it! how much?") needs that answered, so praise
//! gives way to any of those with at least 4 points (one cue in the message's language); it
//! gives way to spam too, since bots open with a compliment ("Nice pic! Promote it on …").
//!
//! The intent with the most points wins if it has at least 3 — more than one weak cue, so
//! "which brand is the table?" is not a collaboration; otherwise it is Other. **Ties** go, in this order, to Spam, Complaint, Purchase,
//! Pricing, Support, Collaboration, Praise: the costlier miss first. So a message that says it
//! wants to buy and asks the price ("I want to buy it, how much?", 3 + 3) is Purchase, while a
//! message whose main ask is the price, with only a hint of buying ("in size M? how much?",
//! 1 + 3) is Pricing.
//!
//! # Sentiment
//! Positive minus negative sentiment words (doubled in the message's language or English, like
//! intent cues) and emoji (3 each, each kind once); a negator just before a word ("not good",
//! "no me gusta", "pas beau") flips it. The intent settles what the words leave open or
//! contradict: a complaint is Negative, praise Positive.
//!
//! # Urgency
//! Spam is Low. High: an explicit urgency cue ("asap", "still waiting", "dringend", "urgente",
//! "subito"…), a Negative complaint, or a purchase or pricing question for a near date ("today",
//! "tomorrow", "mañana", "morgen"…). Low: praise or other with no question. Everything else
//! Normal.
//!
//! # Priority
//! See [`priority`].
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::language;
use crate::lead::score_lead;
use crate::lexicon::{lexicon, Hit, Kind};
use crate::model::{Intent, Language, Message, Sentiment, Triage, Urgency};
use crate::text::Scan;

/// The least points an intent needs to beat Other: more than one weak cue.
const MIN_INTENT_POINTS: i32 = 3;
/// Points per distinct sentiment emoji.
const EMOJI_POINTS: i32 = 3;
/// Most points sentiment adds to Praise or Complaint.
const MAX_SENTIMENT_POINTS: i32 = 4;
/// Praise loses to an intent that needs an answer once that one has this many points.
const PRAISE_GIVES_WAY_AT: i32 = 4;
/// Points a link adds to Spam.
const LINK_SPAM_POINTS: i32 = 4;

/// Ties between intents go to the first in this list.
const TIE_ORDER: [Intent; 8] = [
    Intent::Spam,
    Intent::Complaint,
    Intent::Purchase,
    Intent::Pricing,
    Intent::Support,
    Intent::Collaboration,
    Intent::Praise,
    Intent::Other,
];

/// The four categories triage decides (or an AI answer supplies) for one message.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS,
)]
pub struct Categories {
    pub intent: Intent,
    pub sentiment: Sentiment,
    pub language: Language,
    pub urgency: Urgency,
}

/// Triages `m` by the rules, as of `now` (for how long it has waited).
pub fn triage(m: &Message, now: DateTime<Utc>) -> Triage {
    let a = Analysis::new(&m.text);
    let language = language::detect(&m.text, &a.scan, &a.hits);
    let (intent, evidence) = a.intent(language);
    let sentiment = a.sentiment(language, intent);
    let urgency = a.urgency(intent, sentiment);
    finish(
        m,
        Categories {
            intent,
            sentiment,
            language,
            urgency,
        },
        evidence,
        now,
    )
}

/// Triage with the categories given (by an AI answer, or a person correcting one): the lead
/// score, its reasons and the priority are computed here from the text and `c.intent`;
/// `intent_evidence` lists the rules' cues for `c.intent` found in the text (maybe none).
pub fn triage_with(m: &Message, c: Categories, now: DateTime<Utc>) -> Triage {
    let a = Analysis::new(&m.text);
    let evidence = a.evidence_for(c.intent, c.language);
    finish(m, c, evidence, now)
}

fn finish(m: &Message, c: Categories, intent_evidence: Vec<String>, now: DateTime<Utc>) -> Triage {
    let (lead_score, lead_reasons) = score_lead(&m.text, c.intent);
    Triage {
        intent: c.intent,
        sentiment: c.sentiment,
        language: c.language,
        urgency: c.urgency,
        lead_score,
        lead_reasons,
        intent_evidence,
        priority: priority(
            c.intent,
            c.urgency,
            lead_score,
            m.received_at.as_deref(),
            now,
        ),
    }
}

/// The queue priority, 0–100 (higher first):
///
/// ```text
/// lead_score × 3/5                                   0–60  (leads first)
/// + urgency       Low 0 · Normal 8 · High 20
/// + intent        Complaint 12 · Support 10 · Purchase 6 · Pricing 6 ·
///                 Collaboration 4 · Other 2 · Praise 0 · Spam 0
/// + waiting       1 per 3 hours since received_at, at most 8 (reached at 24 hours,
///                 Instagram's window for answering a DM)
/// ```
///
/// clamped to 100; spam never above 5. An unreadable or future `received_at` adds nothing.
pub fn priority(
    intent: Intent,
    urgency: Urgency,
    lead_score: u32,
    received_at: Option<&str>,
    now: DateTime<Utc>,
) -> u32 {
    let lead = lead_score.min(100) * 3 / 5;
    let urgency = match urgency {
        Urgency::Low => 0,
        Urgency::Normal => 8,
        Urgency::High => 20,
    };
    let kind = match intent {
        Intent::Complaint => 12,
        Intent::Support => 10,
        Intent::Purchase | Intent::Pricing => 6,
        Intent::Collaboration => 4,
        Intent::Other => 2,
        Intent::Praise | Intent::Spam => 0,
    };
    let waiting = received_at
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| (now - t.with_timezone(&Utc)).num_hours())
        .filter(|h| *h > 0)
        .map_or(0, |h| (h / 3).min(8) as u32);
    let p = (lead + urgency + kind + waiting).min(100);
    if intent == Intent::Spam {
        p.min(5)
    } else {
        p
    }
}

/// One message read once: its words and every cue in it.
struct Analysis<'a> {
    text: &'a str,
    scan: Scan,
    hits: Vec<Hit>,
}

/// A scored span: `tokens[start..end]` with its points.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    points: i32,
}

/// Keeps the spans not inside a longer (or equal, better-scored) one; equal spans once.
fn outermost(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| {
        (
            s.start,
            std::cmp::Reverse(s.end),
            std::cmp::Reverse(s.points),
        )
    });
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        if !out.iter().any(|o| o.start <= s.start && s.end <= o.end) {
            out.push(s);
        }
    }
    out
}

impl<'a> Analysis<'a> {
    fn new(text: &'a str) -> Analysis<'a> {
        let scan = Scan::new(text);
        let hits = lexicon().scan(&scan.tokens);
        Analysis { text, scan, hits }
    }

    fn quote(&self, s: &Span) -> String {
        self.text[self.scan.tokens[s.start].start..self.scan.tokens[s.end - 1].end].to_string()
    }

    /// 2 for a cue in `lang` or English (or any when `lang` is Other), else 1.
    fn weight(entry_lang: Language, lang: Language) -> i32 {
        if lang == Language::Other || entry_lang == lang || entry_lang == Language::En {
            2
        } else {
            1
        }
    }

    /// Whether a negator ends right before `start` (or one word before).
    fn negated(&self, start: usize) -> bool {
        let lex = lexicon();
        self.hits
            .iter()
            .any(|n| lex.entry(n).kind == Kind::Negator && (n.end == start || n.end + 1 == start))
    }

    /// The intent's cue spans, outermost only, with doubled points. A negated praise or
    /// complaint cue ("not good", "no complaints") does not count.
    fn intent_spans(&self, intent: Intent, lang: Language) -> Vec<Span> {
        let lex = lexicon();
        let flips = matches!(intent, Intent::Praise | Intent::Complaint);
        let spans = self
            .hits
            .iter()
            .filter_map(|h| {
                let e = lex.entry(h);
                match e.kind {
                    Kind::Intent(i, w) if i == intent && !(flips && self.negated(h.start)) => {
                        Some(Span {
                            start: h.start,
                            end: h.end,
                            points: w as i32 * Self::weight(e.lang, lang),
                        })
                    }
                    _ => None,
                }
            })
            .collect();
        outermost(spans)
    }

    /// Sentiment spans: (positive, negative), negation applied, outermost only.
    fn sentiment_spans(&self, lang: Language) -> (Vec<Span>, Vec<Span>) {
        let lex = lexicon();
        let (mut pos, mut neg) = (Vec::new(), Vec::new());
        for h in &self.hits {
            let e = lex.entry(h);
            let positive = match e.kind {
                Kind::Positive => true,
                Kind::Negative => false,
                _ => continue,
            };
            let span = Span {
                start: h.start,
                end: h.end,
                points: Self::weight(e.lang, lang),
            };
            if positive != self.negated(h.start) {
                pos.push(span);
            } else {
                neg.push(span);
            }
        }
        (outermost(pos), outermost(neg))
    }

    /// Distinct positive and negative emoji.
    fn emoji(&self) -> (Vec<&str>, Vec<&str>) {
        let lex = lexicon();
        let (mut pos, mut neg): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
        for e in &self.scan.emoji {
            if lex.emoji_positive.contains(e.as_str()) && !pos.contains(&e.as_str()) {
                pos.push(e);
            } else if lex.emoji_negative.contains(e.as_str()) && !neg.contains(&e.as_str()) {
                neg.push(e);
            }
        }
        (pos, neg)
    }

    fn sentiment_points(&self, lang: Language) -> (i32, i32) {
        let (pos, neg) = self.sentiment_spans(lang);
        let (pe, ne) = self.emoji();
        let p: i32 = pos.iter().map(|s| s.points).sum::<i32>() + EMOJI_POINTS * pe.len() as i32;
        let n: i32 = neg.iter().map(|s| s.points).sum::<i32>() + EMOJI_POINTS * ne.len() as i32;
        (p, n)
    }

    /// Points per intent, in [`Intent::ALL`] order.
    fn intent_points(&self, lang: Language) -> [i32; 8] {
        let mut points = [0i32; 8];
        for (i, intent) in Intent::ALL.into_iter().enumerate() {
            points[i] = self
                .intent_spans(intent, lang)
                .iter()
                .map(|s| s.points)
                .sum();
        }
        let (pos, neg) = self.sentiment_points(lang);
        points[idx(Intent::Praise)] += pos.min(MAX_SENTIMENT_POINTS);
        points[idx(Intent::Complaint)] += neg.min(MAX_SENTIMENT_POINTS);
        if !self.scan.links.is_empty() {
            points[idx(Intent::Spam)] += LINK_SPAM_POINTS;
        }
        points
    }

    fn intent(&self, lang: Language) -> (Intent, Vec<String>) {
        let mut points = self.intent_points(lang);
        // Praise gives way to anything that needs an answer, and to spam (bots open with a
        // compliment).
        let actionable = [
            Intent::Spam,
            Intent::Purchase,
            Intent::Pricing,
            Intent::Support,
            Intent::Complaint,
            Intent::Collaboration,
        ];
        if actionable
            .iter()
            .any(|i| points[idx(*i)] >= PRAISE_GIVES_WAY_AT)
        {
            points[idx(Intent::Praise)] = 0;
        }
        let best = TIE_ORDER
            .into_iter()
            .filter(|i| *i != Intent::Other)
            .max_by(|a, b| {
                points[idx(*a)]
                    .cmp(&points[idx(*b)])
                    // max_by keeps the last of equals: reverse the tie order.
                    .then(tie_rank(*b).cmp(&tie_rank(*a)))
            })
            .unwrap_or(Intent::Other);
        if points[idx(best)] < MIN_INTENT_POINTS {
            return (Intent::Other, Vec::new());
        }
        (best, self.evidence_for(best, lang))
    }

    /// The words that speak for `intent`, as written: its cues, and the sentiment words, emoji
    /// or links that added to it.
    fn evidence_for(&self, intent: Intent, lang: Language) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |s: String| {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
                out.push(s);
            }
        };
        let mut spans = self.intent_spans(intent, lang);
        let (pos, neg) = self.sentiment_spans(lang);
        let (pe, ne) = self.emoji();
        match intent {
            Intent::Praise => spans.extend(pos),
            Intent::Complaint => spans.extend(neg),
            _ => {}
        }
        for s in outermost(spans) {
            push(self.quote(&s));
        }
        match intent {
            Intent::Praise => pe.into_iter().for_each(|e| push(e.to_string())),
            Intent::Complaint => ne.into_iter().for_each(|e| push(e.to_string())),
            Intent::Spam => {
                for &(s, e) in &self.scan.links {
                    push(self.text[s..e].to_string());
                }
            }
            _ => {}
        }
        out
    }

    fn sentiment(&self, lang: Language, intent: Intent) -> Sentiment {
        match intent {
            Intent::Complaint => return Sentiment::Negative,
            Intent::Praise => return Sentiment::Positive,
            _ => {}
        }
        let (p, n) = self.sentiment_points(lang);
        match p.cmp(&n) {
            std::cmp::Ordering::Greater => Sentiment::Positive,
            std::cmp::Ordering::Less => Sentiment::Negative,
            std::cmp::Ordering::Equal => Sentiment::Neutral,
        }
    }

    fn has(&self, kind: Kind) -> bool {
        let lex = lexicon();
        self.hits.iter().any(|h| lex.entry(h).kind == kind)
    }

    fn is_question(&self) -> bool {
        let lex = lexicon();
        self.scan.question_mark
            || self
                .hits
                .iter()
                .any(|h| h.start == 0 && lex.entry(h).kind == Kind::Question)
    }

    fn urgency(&self, intent: Intent, sentiment: Sentiment) -> Urgency {
        if intent == Intent::Spam {
            return Urgency::Low;
        }
        if self.has(Kind::Urgency)
            || (intent == Intent::Complaint && sentiment == Sentiment::Negative)
            || (matches!(intent, Intent::Purchase | Intent::Pricing) && self.has(Kind::Soon))
        {
            return Urgency::High;
        }
        if matches!(intent, Intent::Praise | Intent::Other) && !self.is_question() {
            return Urgency::Low;
        }
        Urgency::Normal
    }
}

/// Whether `text` asks something: a `?` or `¿`, or a question word first.
pub(crate) fn asks_question(text: &str) -> bool {
    Analysis::new(text).is_question()
}

fn idx(i: Intent) -> usize {
    Intent::ALL.iter().position(|x| *x == i).unwrap_or(7)
}

fn tie_rank(i: Intent) -> usize {
    TIE_ORDER.iter().position(|x| *x == i).unwrap_or(7)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap()
    }

    fn msg(text: &str) -> Message {
        Message {
            author: "ana".into(),
            text: text.into(),
            received_at: None,
            post: None,
            channel: Channel::Comment,
        }
    }

    fn t(text: &str) -> Triage {
        triage(&msg(text), now())
    }

    #[test]
    fn intents_in_six_languages() {
        for (text, want) in [
            ("how much is the set?", Intent::Pricing),
            ("I want to buy it, how much?", Intent::Purchase),
            ("in size M? how much?", Intent::Pricing),
            ("love it! how much?", Intent::Pricing),
            ("¿dónde puedo comprar?", Intent::Purchase),
            ("mein Paket ist nicht angekommen", Intent::Support),
            ("arnaque, je veux être remboursée", Intent::Complaint),
            ("amei demais 😍", Intent::Praise),
            (
                "siamo un brand e vorremmo collaborare con voi",
                Intent::Collaboration,
            ),
            ("free followers, check my profile", Intent::Spam),
            ("@ana look 😂", Intent::Other),
            ("👀", Intent::Other),
            ("🔥🔥🔥", Intent::Praise),
        ] {
            assert_eq!(t(text).intent, want, "{text}");
        }
    }

    #[test]
    fn evidence_quotes_the_message() {
        let tr = t("How MUCH is the Précio? 😍");
        assert_eq!(tr.intent, Intent::Pricing);
        assert!(
            tr.intent_evidence.contains(&"How MUCH is".to_string()),
            "{:?}",
            tr.intent_evidence
        );
        assert!(t("what song is this").intent_evidence.is_empty());
        let tr = t("Nice post! Promote it on @growth_page www.cheap-likes.com");
        assert_eq!(tr.intent, Intent::Spam);
        assert!(tr
            .intent_evidence
            .contains(&"www.cheap-likes.com".to_string()));
    }

    #[test]
    fn sentiment_with_negation() {
        assert_eq!(
            t("not good at all, what song is this").sentiment,
            Sentiment::Negative
        );
        assert_eq!(
            t("what song is this, so good").sentiment,
            Sentiment::Positive
        );
        assert_eq!(t("what song is this").sentiment, Sentiment::Neutral);
        assert_eq!(
            t("worst service, I want a refund").sentiment,
            Sentiment::Negative
        );
        assert_eq!(t("😍").sentiment, Sentiment::Positive);
        assert_ne!(t("not good, not good at all").intent, Intent::Praise);
        assert_ne!(t("no complaints here").intent, Intent::Complaint);
    }

    #[test]
    fn urgency_rules() {
        assert_eq!(t("how much? need it asap").urgency, Urgency::High);
        assert_eq!(t("can I book for tomorrow?").urgency, Urgency::High);
        assert_eq!(
            t("worst service ever, still no refund").urgency,
            Urgency::High
        );
        assert_eq!(t("love it 😍").urgency, Urgency::Low);
        assert_eq!(t("what song is this?").urgency, Urgency::Normal);
        assert_eq!(t("free followers asap").urgency, Urgency::Low);
        assert_eq!(t("my order hasn't arrived").urgency, Urgency::Normal);
    }

    #[test]
    fn priority_orders_the_queue() {
        let p = |i, u, l| priority(i, u, l, None, now());
        let lead = p(Intent::Purchase, Urgency::Normal, 70);
        let complaint = p(Intent::Complaint, Urgency::High, 0);
        let support = p(Intent::Support, Urgency::Normal, 5);
        let praise = p(Intent::Praise, Urgency::Low, 5);
        let spam = p(Intent::Spam, Urgency::High, 100);
        assert!(lead > complaint && complaint > support && support > praise && praise > 0);
        assert!(spam <= 5);
        assert_eq!(p(Intent::Purchase, Urgency::High, 100), 86);
        // Waiting adds up to 8, reached at 24 hours; future and unreadable dates add nothing.
        let at = |s| priority(Intent::Other, Urgency::Normal, 0, Some(s), now());
        assert_eq!(at("2024-06-01T09:00:00Z"), 11);
        assert_eq!(at("2024-05-31T12:00:00Z"), 18);
        assert_eq!(at("2024-05-01T12:00:00Z"), 18);
        assert_eq!(at("2024-06-02T12:00:00Z"), 10);
        assert_eq!(at("soon"), 10);
    }

    #[test]
    fn triage_with_keeps_the_given_categories() {
        let m = msg("how much for two? DM me");
        let c = Categories {
            intent: Intent::Collaboration,
            sentiment: Sentiment::Neutral,
            language: Language::En,
            urgency: Urgency::High,
        };
        let tr = triage_with(&m, c, now());
        assert_eq!(
            (tr.intent, tr.sentiment, tr.language, tr.urgency),
            (c.intent, c.sentiment, c.language, c.urgency)
        );
        assert!(tr.intent_evidence.is_empty());
        assert!(tr
            .lead_reasons
            .iter()
            .any(|r| r.signal == "intent_collaboration"));
        let (score, _) = score_lead(&m.text, Intent::Collaboration);
        assert_eq!(tr.lead_score, score);
        let tr = triage_with(
            &m,
            Categories {
                intent: Intent::Pricing,
                ..c
            },
            now(),
        );
        assert_eq!(tr.intent_evidence, ["how much for"]);
        let tr = triage_with(
            &m,
            Categories {
                intent: Intent::Spam,
                ..c
            },
            now(),
        );
        assert_eq!((tr.lead_score, tr.priority <= 5), (0, true));
    }

    #[test]
    fn deterministic() {
        let m = msg("hola! precio del kit? lo necesito para mañana 🙏");
        assert_eq!(triage(&m, now()), triage(&m, now()));
        assert_eq!(triage(&m, now()).urgency, Urgency::High);
    }
}
