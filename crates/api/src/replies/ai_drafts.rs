//! Triage and drafts written by the AI provider: one typed answer per batch of messages. The model
//! gives the categories (intent, sentiment, language, urgency) and the drafts; the lead score and
//! priority are then computed by rules (`triage_with`), so no number comes from the model. Every
//! draft must pass the same `check_reply` as the offline ones and may hold no number the message
//! or the brand's own text does not; a message left with no usable draft is drafted offline.
use instagrowth_ai::{Answer, CancellationToken, Prompt};
use instagrowth_content::digits_grounded;
use instagrowth_replies::{
    check_reply, draft_replies, triage_with, Categories, Channel, DraftContext, EmojiUse, Intent,
    Language, Message, ReplyDraft, Sentiment, Urgency, MAX_COMMENT_CHARS, MAX_DM_CHARS,
};
use instagrowth_store::Client;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::ai::{self, AiEvent, AiOutcome};
use crate::error::{ApiResult, ErrorCode};
use crate::Workspace;

/// Messages per call: small enough that a long batch streams steadily and a failure costs little.
const BATCH: usize = 15;
/// The longest message text put into a prompt.
const MAX_PROMPT_TEXT: usize = 1000;

/// One message's triage categories and drafts.
pub(super) struct Answered {
    pub categories: Categories,
    pub drafts: Vec<ReplyDraft>,
    /// False when the rules drafted it: the model skipped it, broke the brand's rules in every
    /// draft, or a later batch could not be asked.
    pub by_ai: bool,
}

pub(super) enum Outcome {
    /// One answer per message, in order; the note says why some were drafted offline.
    Ai {
        answers: Vec<Answered>,
        model: String,
        note: Option<String>,
    },
    /// Draft offline; the note says why when it is not simply "no provider".
    Offline(Option<String>),
}

#[derive(Debug, Deserialize, JsonSchema)]
struct Replies {
    replies: Vec<AiReply>,
}

#[derive(Debug, Deserialize, JsonSchema)]
struct AiReply {
    /// The message's number in the list.
    index: u32,
    intent: Intent,
    sentiment: Sentiment,
    language: Language,
    urgency: Urgency,
    /// 2 or 3 reply variants; none for spam.
    drafts: Vec<ReplyDraft>,
}

impl Answer for Replies {
    const NAME: &'static str = "reply_triage";
    fn check(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for r in &self.replies {
            if !seen.insert(r.index) {
                return Err(format!("message {} is answered twice", r.index));
            }
            if r.intent != Intent::Spam && !(2..=3).contains(&r.drafts.len()) {
                return Err(format!(
                    "message {} needs 2 or 3 drafts, not {}",
                    r.index,
                    r.drafts.len()
                ));
            }
            for d in &r.drafts {
                if d.text.trim().is_empty() {
                    return Err(format!("message {} has an empty draft", r.index));
                }
                if d.text.chars().count() > MAX_DM_CHARS {
                    return Err(format!(
                        "a draft for message {} is longer than {MAX_DM_CHARS} characters",
                        r.index
                    ));
                }
                if d.text.contains('#') {
                    return Err(format!(
                        "a draft for message {} has a hashtag; replies carry none",
                        r.index
                    ));
                }
            }
        }
        Ok(())
    }
}

fn prompt(client: &Client, ctx: &DraftContext, messages: &[Message]) -> Prompt {
    let mut about = vec![format!("Brand: {} (@{})", client.name, client.handle)];
    for (label, v) in [
        ("Niche", &client.niche),
        ("Audience", &client.audience),
        ("Brand voice", &client.brand_voice),
    ] {
        if !v.trim().is_empty() {
            about.push(format!("{label}: {}", v.trim()));
        }
    }
    let r = &ctx.rules;
    if !r.avoid_words.is_empty() {
        about.push(format!(
            "Never use these words: {}",
            r.avoid_words.join(", ")
        ));
    }
    about.push(match r.emoji {
        EmojiUse::None => "Emoji: none at all.".to_string(),
        EmojiUse::Light => "Emoji: at most one per reply.".to_string(),
        EmojiUse::Playful => "Emoji: up to three per reply.".to_string(),
    });
    if !r.sign_off.is_empty() {
        about.push(format!(
            "End every DM reply with this sign-off: {}",
            r.sign_off
        ));
    }
    if !r.booking_link.is_empty() {
        about.push(format!(
            "Where to buy or book (use it for purchase and pricing questions): {}",
            r.booking_link
        ));
    }
    let list: Vec<String> = messages
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let text: String = m.text.chars().take(MAX_PROMPT_TEXT).collect();
            format!(
                "{i}. [{}] {}: {}",
                match m.channel {
                    Channel::Comment => "comment",
                    Channel::Dm => "DM",
                },
                if m.author.is_empty() {
                    "(unknown)"
                } else {
                    &m.author
                },
                text.replace('\n', " / ")
            )
        })
        .collect();
    Prompt {
        system: format!(
            "You are the community manager of an Instagram account. For each message, classify \
             it (intent: purchase, pricing, support, praise, complaint, collaboration, spam or \
             other; sentiment; language as an ISO 639-1 code among en, es, de, fr, pt, it, else \
             other; urgency) and write 2 or 3 reply drafts that differ in approach, in the \
             message's own language and the brand's voice. Spam gets no drafts. A comment reply \
             is one or two sentences, at most {MAX_COMMENT_CHARS} characters, and moves prices \
             and personal details to DMs; a DM reply is fuller, at most {MAX_DM_CHARS} \
             characters. Never invent prices, discounts, dates, stock or promises, and use no \
             number the message does not give. No hashtags. Nothing is sent automatically: a \
             person reviews and sends the draft."
        ),
        user: format!(
            "{}\n\nMessages:\n{}\n\nAnswer every message by its number.",
            about.join("\n"),
            list.join("\n")
        ),
    }
}

/// A draft the brand may send for `m`: the rules hold and every number comes from the message or
/// the brand's own text.
fn usable(d: &ReplyDraft, m: &Message, ctx: &DraftContext) -> bool {
    let source = format!(
        "{} {} {} {}",
        m.text, ctx.rules.sign_off, ctx.rules.booking_link, ctx.brand
    );
    check_reply(&d.text, m.channel, &ctx.rules).is_ok() && digits_grounded(&d.text, &source)
}

pub(super) async fn triage_and_draft(
    ws: &Workspace,
    client: &Client,
    ctx: &DraftContext,
    messages: &[Message],
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<Outcome> {
    let mut answers: Vec<Answered> = Vec::with_capacity(messages.len());
    let mut model = String::new();
    let mut replaced = 0;
    let mut note = None;
    for batch in messages.chunks(BATCH) {
        if note.is_some() {
            answers.extend(batch.iter().map(|m| offline(m, ctx)));
            continue;
        }
        let p = prompt(client, ctx, batch);
        let outcome =
            ai::generate::<Replies>(ws, Some(&client.id), "replies", &p, cancel, progress).await;
        let failed = match outcome {
            Ok(AiOutcome::Generated(g)) => {
                model = g.call.model.clone();
                answers.extend(take_answers(batch, g.value, ctx, &mut replaced));
                continue;
            }
            Ok(AiOutcome::Offline { code, reason }) => {
                (code != ErrorCode::AiNotConfigured).then_some(reason)
            }
            Err(e) if e.code == ErrorCode::Cancelled => return Err(e),
            Err(e) => Some(format!("AI unavailable ({})", e.message)),
        };
        if answers.is_empty() {
            return Ok(Outcome::Offline(
                failed.map(|why| format!("{why}; triaged and drafted offline")),
            ));
        }
        note = Some(format!(
            "{}; the remaining messages were triaged and drafted offline",
            failed.unwrap_or_else(|| "the AI provider stopped answering".into())
        ));
        answers.extend(batch.iter().map(|m| offline(m, ctx)));
    }
    if replaced > 0 {
        tracing::info!(
            replaced,
            "AI reply drafts skipped or broke the rules; drafted offline"
        );
        note.get_or_insert_with(|| {
            format!(
                "{replaced} message(s) got offline drafts: the model's broke the brand's rules or \
                 skipped them"
            )
        });
    }
    Ok(Outcome::Ai {
        answers,
        model,
        note,
    })
}

fn offline(m: &Message, ctx: &DraftContext) -> Answered {
    let t = instagrowth_replies::triage(m, chrono::Utc::now());
    Answered {
        categories: categories(&t),
        drafts: draft_replies(m, &t, ctx, super::seed_now()),
        by_ai: false,
    }
}

/// The model's answers for a batch, in message order, with unusable drafts replaced.
fn take_answers(
    batch: &[Message],
    value: Replies,
    ctx: &DraftContext,
    replaced: &mut usize,
) -> Vec<Answered> {
    let mut by_index: Vec<Option<AiReply>> = (0..batch.len()).map(|_| None).collect();
    for r in value.replies {
        if let Some(slot) = by_index.get_mut(r.index as usize) {
            *slot = Some(r);
        }
    }
    batch
        .iter()
        .zip(by_index)
        .map(|(m, answer)| {
            let Some(a) = answer else {
                *replaced += 1;
                return offline(m, ctx);
            };
            let cats = Categories {
                intent: a.intent,
                sentiment: a.sentiment,
                language: a.language,
                urgency: a.urgency,
            };
            if cats.intent == Intent::Spam {
                return Answered {
                    categories: cats,
                    drafts: Vec::new(),
                    by_ai: true,
                };
            }
            let drafts: Vec<ReplyDraft> =
                a.drafts.into_iter().filter(|d| usable(d, m, ctx)).collect();
            if drafts.is_empty() {
                *replaced += 1;
                let t = triage_with(m, cats, chrono::Utc::now());
                return Answered {
                    categories: cats,
                    drafts: draft_replies(m, &t, ctx, super::seed_now()),
                    by_ai: false,
                };
            }
            Answered {
                categories: cats,
                drafts,
                by_ai: true,
            }
        })
        .collect()
}

fn categories(t: &instagrowth_replies::Triage) -> Categories {
    Categories {
        intent: t.intent,
        sentiment: t.sentiment,
        language: t.language,
        urgency: t.urgency,
    }
}
