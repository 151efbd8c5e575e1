//! The offline triage against labelled, realistic comments and DMs. Prints a table per intent and
//! per language (`cargo test -p instagrowth-replies --test accuracy -- --nocapture`).
//!
//! Three sets, because one person wrote both the lexicon and the messages:
//!
//! - `fixtures/labelled.toml` (168: 8 intents × 6 languages × 3, plus emoji-only, plus 3 prize
//!   phishing DMs per language) — written before the lexicon, which was then written knowing it.
//!   The phishing DMs ("you have won, click the link to claim your prize") were added later, also
//!   before their cues: 15 of 18 were already spam, 3 were read as purchase enquiries. The bar:
//!   75% intent, 85% language. Now: intent 99.4%, language 99.4%.
//! - `fixtures/holdout.toml` (48) — written after the lexicon and measured blind at **52.1%**
//!   intent, 100% language; the lexicon was then extended for the kinds of phrasing it missed
//!   (hold-it-for-me requests, joint giveaways, "weeks and no reply" complaints, conditional
//!   price questions, get-rich spam) and now gets 100%. No longer blind.
//! - `fixtures/blind.toml` (48) — written after all tuning and measured once: **83.3%** intent,
//!   100% language. Not tuned for: the fairest estimate for unseen messages. Its floor (70%)
//!   only guards against regressions; tuning the rules to it would spoil it. The prize-phishing
//!   cues (claim: "reclamar", "resgatar") since turned its two "claim your ambassador prize" spam
//!   messages right (87.5%); they were written for `labelled.toml` and `tests/phishing.rs`.
mod common;

use std::collections::BTreeMap;

use common::{fixture, now};
use instagrowth_replies::{detect_language, triage, Intent, Language};

const MIN_INTENT: f64 = 0.75;
const MIN_LANGUAGE: f64 = 0.85;
/// Regression floors for the second and third sets.
const MIN_HOLDOUT_INTENT: f64 = 0.85;
const MIN_BLIND_INTENT: f64 = 0.70;

#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }

    fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

#[test]
fn intent_and_language_accuracy() {
    let cases = fixture();
    assert!(cases.len() >= 96, "the fixture needs at least 96 messages");
    let mut intent_by: BTreeMap<Intent, Tally> = BTreeMap::new();
    let mut intent_by_lang: BTreeMap<Language, Tally> = BTreeMap::new();
    let mut lang_by: BTreeMap<Language, Tally> = BTreeMap::new();
    let (mut intent_all, mut lang_all) = (Tally::default(), Tally::default());
    let mut misses = Vec::new();
    // confusion[want][got]
    let mut confusion: BTreeMap<Intent, BTreeMap<Intent, usize>> = BTreeMap::new();

    for c in &cases {
        let t = triage(&c.message(), now());
        let intent_ok = t.intent == c.intent;
        let lang_ok = t.language == c.language;
        assert_eq!(detect_language(&c.text), t.language, "{}", c.text);
        intent_all.add(intent_ok);
        lang_all.add(lang_ok);
        intent_by.entry(c.intent).or_default().add(intent_ok);
        intent_by_lang.entry(c.language).or_default().add(intent_ok);
        lang_by.entry(c.language).or_default().add(lang_ok);
        *confusion
            .entry(c.intent)
            .or_default()
            .entry(t.intent)
            .or_default() += 1;
        if !intent_ok || !lang_ok {
            misses.push(format!(
                "  {:<13} {:<5} → {:<13} {:<5} {}",
                c.intent.as_str(),
                c.language.as_str(),
                t.intent.as_str(),
                t.language.as_str(),
                c.text
            ));
        }
    }

    println!("\nintent accuracy by intent");
    for (i, t) in &intent_by {
        println!(
            "  {:<14} {:>3}/{:<3} {:>5.1}%",
            i.as_str(),
            t.right,
            t.total,
            100.0 * t.rate()
        );
    }
    println!("intent accuracy by language");
    for (l, t) in &intent_by_lang {
        println!(
            "  {:<14} {:>3}/{:<3} {:>5.1}%",
            l.as_str(),
            t.right,
            t.total,
            100.0 * t.rate()
        );
    }
    println!("language accuracy by language");
    for (l, t) in &lang_by {
        println!(
            "  {:<14} {:>3}/{:<3} {:>5.1}%",
            l.as_str(),
            t.right,
            t.total,
            100.0 * t.rate()
        );
    }
    println!("intent confusion (row: labelled, column: triaged)");
    print!("  {:<14}", "");
    for i in Intent::ALL {
        print!("{:>6}", &i.as_str()[..5.min(i.as_str().len())]);
    }
    println!();
    for want in Intent::ALL {
        print!("  {:<14}", want.as_str());
        for got in Intent::ALL {
            let n = confusion
                .get(&want)
                .and_then(|r| r.get(&got))
                .copied()
                .unwrap_or(0);
            print!(
                "{:>6}",
                if n == 0 {
                    ".".to_string()
                } else {
                    n.to_string()
                }
            );
        }
        println!();
    }
    println!("misses (labelled → triaged):");
    for m in &misses {
        println!("{m}");
    }
    println!(
        "OVERALL: intent {}/{} = {:.1}%, language {}/{} = {:.1}%",
        intent_all.right,
        intent_all.total,
        100.0 * intent_all.rate(),
        lang_all.right,
        lang_all.total,
        100.0 * lang_all.rate()
    );

    assert!(
        intent_all.rate() >= MIN_INTENT,
        "intent accuracy {:.1}% is below {:.0}%",
        100.0 * intent_all.rate(),
        100.0 * MIN_INTENT
    );
    assert!(
        lang_all.rate() >= MIN_LANGUAGE,
        "language accuracy {:.1}% is below {:.0}%",
        100.0 * lang_all.rate(),
        100.0 * MIN_LANGUAGE
    );
}

#[test]
fn the_fixture_covers_every_intent_in_every_language() {
    let cases = fixture();
    for intent in Intent::ALL {
        for lang in Language::KNOWN {
            let n = cases
                .iter()
                .filter(|c| c.intent == intent && c.language == lang)
                .count();
            assert!(
                n >= 2,
                "{} in {}: {n} messages",
                intent.as_str(),
                lang.as_str()
            );
        }
    }
}

#[test]
fn holdout_accuracy() {
    let (intent, lang) = report("HOLDOUT", &common::holdout());
    assert!(
        intent >= MIN_HOLDOUT_INTENT,
        "holdout intent {:.1}%",
        100.0 * intent
    );
    assert!(
        lang >= MIN_LANGUAGE,
        "holdout language {:.1}%",
        100.0 * lang
    );
}

#[test]
fn blind_accuracy() {
    let (intent, lang) = report("BLIND", &common::blind());
    assert!(
        intent >= MIN_BLIND_INTENT,
        "blind intent {:.1}%",
        100.0 * intent
    );
    assert!(lang >= MIN_LANGUAGE, "blind language {:.1}%", 100.0 * lang);
}

/// Prints the misses and the rates; returns (intent, language) accuracy.
fn report(name: &str, cases: &[common::Case]) -> (f64, f64) {
    let (mut intent, mut lang) = (Tally::default(), Tally::default());
    let mut out = format!("\n{name} misses (labelled → triaged):\n");
    for c in cases {
        let t = triage(&c.message(), now());
        intent.add(t.intent == c.intent);
        lang.add(t.language == c.language);
        if t.intent != c.intent || t.language != c.language {
            out.push_str(&format!(
                "  {:<13} {:<5} → {:<13} {:<5} {}\n",
                c.intent.as_str(),
                c.language.as_str(),
                t.intent.as_str(),
                t.language.as_str(),
                c.text
            ));
        }
    }
    println!(
        "{out}{name}: intent {}/{} = {:.1}%, language {}/{} = {:.1}%",
        intent.right,
        intent.total,
        100.0 * intent.rate(),
        lang.right,
        lang.total,
        100.0 * lang.rate()
    );
    (intent.rate(), lang.rate())
}
