//! The labelled fixture, shared by the accuracy and drafts tests.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use instagrowth_replies::{Channel, Intent, Language, Message};
use serde::Deserialize;

const LABELLED: &str = include_str!("../fixtures/labelled.toml");
const HOLDOUT: &str = include_str!("../fixtures/holdout.toml");
const BLIND: &str = include_str!("../fixtures/blind.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    messages: Vec<Raw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    text: String,
    intent: String,
    language: String,
    #[serde(default)]
    channel: Option<String>,
}

/// One labelled message.
#[derive(Debug, Clone)]
pub struct Case {
    pub text: String,
    pub intent: Intent,
    pub language: Language,
    pub channel: Channel,
}

impl Case {
    pub fn message(&self) -> Message {
        Message {
            author: String::new(),
            text: self.text.clone(),
            received_at: None,
            post: None,
            channel: self.channel,
        }
    }
}

/// The labelled set the accuracy bar is measured on.
pub fn fixture() -> Vec<Case> {
    parse(LABELLED)
}

/// The held-out set, written after the lexicon: reported, with a lower bar.
pub fn holdout() -> Vec<Case> {
    parse(HOLDOUT)
}

/// The blind set, written after the tuning and measured once: reported.
pub fn blind() -> Vec<Case> {
    parse(BLIND)
}

fn parse(src: &str) -> Vec<Case> {
    let f: File = toml::from_str(src).expect("the fixture parses");
    f.messages
        .into_iter()
        .map(|r| Case {
            intent: Intent::parse(&r.intent).unwrap_or_else(|| panic!("intent {}", r.intent)),
            language: Language::parse(&r.language)
                .unwrap_or_else(|| panic!("language {}", r.language)),
            channel: match r.channel.as_deref() {
                None | Some("comment") => Channel::Comment,
                Some("dm") => Channel::Dm,
                Some(c) => panic!("channel {c}"),
            },
            text: r.text,
        })
        .collect()
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap()
}
