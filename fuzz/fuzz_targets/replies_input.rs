//! Any bytes as reply-assistant input — a CSV, or (when UTF-8) pasted text — then triage and
//! drafts of what was read: Ok or an error, never a panic.
#![no_main]
use instagrowth_replies::{
    draft_replies, parse_csv, parse_pasted, triage, Channel, DraftContext, Message,
};
use libfuzzer_sys::fuzz_target;

fn exercise(messages: &[Message]) {
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let ctx = DraftContext::default();
    for m in messages.iter().take(20) {
        let t = triage(m, now);
        let _ = draft_replies(m, &t, &ctx, 7);
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(messages) = parse_csv(data, Channel::Comment) {
        exercise(&messages);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(messages) = parse_pasted(text, Channel::Dm) {
            exercise(&messages);
        }
    }
});
