//! Content written by the AI provider: one typed answer per kind, checked against the same rules
//! as the offline library (count, at most 5 non-generic hashtags, no duplicates, nothing the
//! client already used, nothing the library already offered), streamed item by item.
use instagrowth_ai::{Answer, CancellationToken, Prompt};
use instagrowth_content::{
    check_hashtag_set, Caption, Draft, Grounding, HashtagSet, Hook, Item, Kind, ReelIdea, Request,
};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::ai::{self, AiEvent, AiOutcome};
use crate::error::{ApiResult, ErrorCode};
use crate::Workspace;

pub enum Outcome {
    Ai {
        items: Vec<Item>,
        model: String,
    },
    /// Use the library draft; the note says why when it is not simply "no provider".
    Offline(Option<String>),
}

#[derive(Deserialize, JsonSchema)]
struct Reels {
    items: Vec<ReelIdea>,
}
#[derive(Deserialize, JsonSchema)]
struct Hooks {
    items: Vec<Hook>,
}
#[derive(Deserialize, JsonSchema)]
struct Captions {
    items: Vec<Caption>,
}
#[derive(Deserialize, JsonSchema)]
struct Hashtags {
    items: Vec<HashtagSet>,
}

/// The rules every answer must meet whatever was asked; the error goes back to the model once.
fn check_rules(items: &[Item]) -> Result<(), String> {
    if items.is_empty() {
        return Err("there are no items".into());
    }
    check_items(items, items.len(), &[])
}

/// The rules an AI answer must meet for this request.
fn check_items(items: &[Item], want: usize, avoid: &[String]) -> Result<(), String> {
    if items.len() != want {
        return Err(format!("write exactly {want} items, not {}", items.len()));
    }
    let mut seen = std::collections::HashSet::new();
    for item in items {
        let text = item.main_text();
        if text.trim().is_empty() {
            return Err("an item is empty".into());
        }
        if !seen.insert(text.to_lowercase()) {
            return Err(format!("“{text}” appears twice"));
        }
        if avoid.iter().any(|a| a.eq_ignore_ascii_case(&text)) {
            return Err(format!(
                "“{text}” was already used or offered; write a new one"
            ));
        }
        if let Item::Hashtags(set) = item {
            check_hashtag_set(&set.tags).map_err(|e| format!("{}: {e}", set.tags.join(" ")))?;
        }
    }
    Ok(())
}

macro_rules! answer {
    ($t:ty, $name:literal, $variant:path) => {
        impl Answer for $t {
            const NAME: &'static str = $name;
            fn check(&self) -> Result<(), String> {
                check_rules(&self.items.iter().cloned().map($variant).collect::<Vec<_>>())
            }
        }
        impl IntoItems for $t {
            fn into_items(self) -> Vec<Item> {
                self.items.into_iter().map($variant).collect()
            }
        }
    };
}

trait IntoItems {
    fn into_items(self) -> Vec<Item>;
}

answer!(Reels, "reel_ideas", Item::Reel);
answer!(Hooks, "hooks", Item::Hook);
answer!(Captions, "captions", Item::Caption);
answer!(Hashtags, "hashtag_sets", Item::Hashtags);

fn prompt(g: &Grounding, r: &Request, library: &Draft) -> Prompt {
    let mut about = vec![format!("Client: {} (@{})", g.client_name, g.handle)];
    for (label, v) in [
        ("Niche", &g.niche),
        ("Goals", &g.goals),
        ("Audience", &g.audience),
        ("Brand voice", &g.brand_voice),
    ] {
        if !v.trim().is_empty() {
            about.push(format!("{label}: {}", v.trim()));
        }
    }
    let top: Vec<String> = g
        .top_posts
        .iter()
        .map(|p| {
            format!(
                "- {} ({}{}): {}",
                p.format,
                p.engagement_rate
                    .map(|r| format!("{:.1} % engagement", r * 100.0))
                    .unwrap_or_else(|| "no rate".into()),
                if p.hashtags.is_empty() {
                    String::new()
                } else {
                    format!(", #{}", p.hashtags.join(" #"))
                },
                p.caption.lines().next().unwrap_or("")
            )
        })
        .collect();
    let weak: Vec<String> = g
        .bottom_posts
        .iter()
        .map(|p| format!("- {}: {}", p.format, p.caption.lines().next().unwrap_or("")))
        .collect();
    let offered: Vec<String> = library
        .items
        .iter()
        .map(Item::main_text)
        .chain(g.avoid.iter().cloned())
        .collect();
    let what = match r.kind {
        Kind::Reels => "reel ideas: title, concept, the hook for the first seconds, beats (shot list), on-screen text, caption angle, call to action, length in seconds, format, and why it suits this client (name the top post or topic it builds on)",
        Kind::Hooks => "hooks: one-line openers, each tagged with its formula (curiosity_gap, contrarian, list, mistake, before_after, story, question, statistic)",
        Kind::Captions => "captions: length (short, medium or long), framework, first-line hook, body, call to action, and the whole text with line breaks, in the brand voice",
        Kind::Hashtags => "hashtag sets: 3 to 5 tags each (never more than 5), every tag starting with #, mixing broad, mid and niche tags for this niche, with tiers naming each tag's tier; never generic tags such as #explore, #viral, #reels, #fyp, #instagood; consecutive sets differ",
    };
    Prompt {
        system: "You are a senior content strategist at an Instagram growth agency. You write \
                 content grounded in the client's niche, voice and their own best posts. Never \
                 invent statistics, prices or results; use no number you were not given. Follow \
                 Instagram's current rules: at most 5 hashtags per post."
            .into(),
        user: format!(
            "{}\n\nTheir best posts:\n{}\n{}\nWrite exactly {} {}{}.\n\nDo not repeat any of these (already offered or used):\n{}",
            about.join("\n"),
            if top.is_empty() { "- (none imported yet)".into() } else { top.join("\n") },
            if weak.is_empty() { String::new() } else { format!("Their weakest posts (avoid what these did):\n{}\n", weak.join("\n")) },
            r.count,
            what,
            r.topic.as_deref().map(|t| format!(" about “{t}”")).unwrap_or_default(),
            offered.iter().map(|t| format!("- {t}")).collect::<Vec<_>>().join("\n")
        ),
    }
}

async fn ask<T: Answer + IntoItems>(
    ws: &Workspace,
    client_id: &str,
    prompt: &Prompt,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<AiOutcome<T>> {
    ai::generate::<T>(ws, Some(client_id), "content", prompt, cancel, progress).await
}

pub async fn generate(
    ws: &Workspace,
    client_id: &str,
    g: &Grounding,
    r: &Request,
    library: &Draft,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<Outcome> {
    let p = prompt(g, r, library);
    let result = match r.kind {
        Kind::Reels => ask::<Reels>(ws, client_id, &p, cancel, progress)
            .await
            .map(|o| o.map(IntoItems::into_items)),
        Kind::Hooks => ask::<Hooks>(ws, client_id, &p, cancel, progress)
            .await
            .map(|o| o.map(IntoItems::into_items)),
        Kind::Captions => ask::<Captions>(ws, client_id, &p, cancel, progress)
            .await
            .map(|o| o.map(IntoItems::into_items)),
        Kind::Hashtags => ask::<Hashtags>(ws, client_id, &p, cancel, progress)
            .await
            .map(|o| o.map(IntoItems::into_items)),
    };
    match result {
        Ok(Mapped::Generated(mut items, model)) => {
            items.truncate(r.count as usize);
            let avoid: Vec<String> = library
                .items
                .iter()
                .map(Item::main_text)
                .chain(g.avoid.iter().cloned())
                .collect();
            match check_items(&items, r.count as usize, &avoid) {
                Ok(()) => Ok(Outcome::Ai { items, model }),
                Err(why) => Ok(Outcome::Offline(Some(format!(
                    "the AI draft broke a rule ({why}); drafted offline"
                )))),
            }
        }
        Ok(Mapped::Offline(code, reason)) => Ok(Outcome::Offline(
            (code != ErrorCode::AiNotConfigured).then_some(reason),
        )),
        Err(e) if e.code == ErrorCode::Cancelled => Err(e),
        Err(e) => Ok(Outcome::Offline(Some(format!(
            "AI unavailable ({}); drafted offline",
            e.message
        )))),
    }
}

enum Mapped {
    Generated(Vec<Item>, String),
    Offline(ErrorCode, String),
}

trait MapOutcome<T> {
    fn map(self, f: impl FnOnce(T) -> Vec<Item>) -> Mapped;
}

impl<T> MapOutcome<T> for AiOutcome<T> {
    fn map(self, f: impl FnOnce(T) -> Vec<Item>) -> Mapped {
        match self {
            AiOutcome::Generated(g) => Mapped::Generated(f(g.value), g.call.model),
            AiOutcome::Offline { code, reason } => Mapped::Offline(code, reason),
        }
    }
}
