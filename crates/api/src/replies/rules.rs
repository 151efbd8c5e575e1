//! A client's rules for reply drafts, and who the drafts speak for. Saving new rules redrafts the
//! waiting messages whose drafts no longer follow them (offline, so it costs nothing).
use instagrowth_replies::{check_reply, BrandRules, DraftContext, EmojiUse};
use instagrowth_store::queries::{reply_messages, reply_rules};
use instagrowth_store::Client;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

const MAX_AVOID_WORDS: usize = 100;
const MAX_AVOID_CHARS: usize = 60;
const MAX_SIGN_OFF_CHARS: usize = 80;
const MAX_LINK_CHARS: usize = 200;

fn emoji_str(e: EmojiUse) -> &'static str {
    match e {
        EmojiUse::None => "none",
        EmojiUse::Light => "light",
        EmojiUse::Playful => "playful",
    }
}

fn emoji_from(s: &str) -> EmojiUse {
    match s {
        "none" => EmojiUse::None,
        "playful" => EmojiUse::Playful,
        _ => EmojiUse::Light,
    }
}

/// The rules of a client already looked up; the defaults while none were saved.
pub(super) async fn rules_of(ws: &Workspace, client_id: &str) -> ApiResult<BrandRules> {
    Ok(reply_rules::get(ws.store(), client_id)
        .await?
        .map(|r| BrandRules {
            avoid_words: r.avoid_words,
            sign_off: r.sign_off,
            emoji: emoji_from(&r.emoji),
            booking_link: r.booking_link,
        })
        .unwrap_or_default())
}

/// Who the drafts speak for, and how.
pub(super) async fn context(ws: &Workspace, client: &Client) -> ApiResult<DraftContext> {
    Ok(DraftContext {
        brand: client.name.clone(),
        niche: client.niche.clone(),
        voice: client.brand_voice.clone(),
        rules: rules_of(ws, &client.id).await?,
    })
}

/// `client`'s rules for replies (an id or @handle).
pub async fn get_rules(ws: &Workspace, client: &str) -> ApiResult<BrandRules> {
    let client = crate::clients::show(ws, client).await?;
    rules_of(ws, &client.id).await
}

fn invalid(field: &str, message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message).with_field(field)
}

/// Checks and tidies rules: trimmed, no empty or repeated avoid words, lengths within limits.
fn clean(rules: &BrandRules) -> ApiResult<BrandRules> {
    let mut avoid: Vec<String> = Vec::new();
    for w in &rules.avoid_words {
        let w = w.trim();
        if w.is_empty() || avoid.iter().any(|a| a.eq_ignore_ascii_case(w)) {
            continue;
        }
        if w.chars().count() > MAX_AVOID_CHARS {
            return Err(invalid(
                "avoid_words",
                format!(
                    "“{w}” is too long for a word to avoid (at most {MAX_AVOID_CHARS} characters)"
                ),
            ));
        }
        avoid.push(w.to_string());
    }
    if avoid.len() > MAX_AVOID_WORDS {
        return Err(invalid(
            "avoid_words",
            format!("list at most {MAX_AVOID_WORDS} words to avoid"),
        ));
    }
    let sign_off = rules.sign_off.trim().to_string();
    if sign_off.chars().count() > MAX_SIGN_OFF_CHARS {
        return Err(invalid(
            "sign_off",
            format!("keep the sign-off under {MAX_SIGN_OFF_CHARS} characters"),
        ));
    }
    if sign_off.contains('{') || sign_off.contains('}') {
        return Err(invalid(
            "sign_off",
            "the sign-off is plain text; it cannot hold {variables}".into(),
        ));
    }
    let booking_link = rules.booking_link.trim().to_string();
    if booking_link.chars().count() > MAX_LINK_CHARS {
        return Err(invalid(
            "booking_link",
            format!("keep the link under {MAX_LINK_CHARS} characters"),
        ));
    }
    Ok(BrandRules {
        avoid_words: avoid,
        sign_off,
        emoji: rules.emoji,
        booking_link,
    })
}

/// Saves `client`'s rules and redrafts, offline, the waiting messages that were drafted offline
/// or whose AI drafts break the new rules. Returns the rules as saved.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn set_rules(ws: &Workspace, client: &str, rules: &BrandRules) -> ApiResult<BrandRules> {
    let client = crate::clients::show(ws, client).await?;
    let rules = clean(rules)?;
    let now = super::now_stamp();
    let stored = reply_rules::StoredRules {
        avoid_words: rules.avoid_words.clone(),
        sign_off: rules.sign_off.clone(),
        emoji: emoji_str(rules.emoji).into(),
        booking_link: rules.booking_link.clone(),
    };
    reply_rules::set(ws.store(), &client.id, &stored, &now).await?;
    let ctx = context(ws, &client).await?;
    let waiting = reply_messages::list(
        ws.store(),
        &client.id,
        &reply_messages::ReplyQuery::default(),
    )
    .await?;
    for row in waiting {
        let item = super::queue::ReplyItem::from_stored(&row)?;
        let breaks = item
            .drafts
            .iter()
            .any(|d| check_reply(&d.text, item.channel, &ctx.rules).is_err());
        if row.drafted_by == "offline" || breaks {
            super::queue::redraft_offline(ws, &row, &ctx, None).await?;
        }
    }
    Ok(rules)
}
