//! Untrusted input: generated text and bytes through every public function must never panic,
//! and a full batch triages quickly.
mod common;

use std::time::Instant;

use common::now;
use instagrowth_replies::{
    check_reply, check_template, detect_language, draft_replies, first_name, parse_csv,
    parse_pasted, render_template, score_lead, triage, BrandRules, Channel, DraftContext, Intent,
    TemplateVars, MAX_MESSAGES,
};

/// A small deterministic generator of awkward text: delimiters, quotes, braces, CR/LF, BOMs,
/// accents, combining marks, emoji with joiners and skin tones, lone surrogates' neighbours.
struct Gen(u64);

const PIECES: [&str; 40] = [
    ",",
    ";",
    "\t",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    "{",
    "}",
    "{first_name}",
    "{x",
    "@",
    "@ana_b",
    ": ",
    "#tag",
    "http://x.io",
    "a@b.co",
    "+34 612 345 678",
    "2024-05-31",
    "é",
    "ß",
    "ñ",
    "e\u{301}",
    "😍",
    "❤️",
    "👍🏽",
    "👨‍👩‍👧",
    "🇪🇸",
    "\u{200D}",
    "\u{FE0F}",
    "\u{FEFF}",
    "how much",
    "precio",
    "wie viel",
    "ç'",
    "’",
    "  ",
    "0",
    "\u{10FFFF}",
];

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn text(&mut self) -> String {
        let n = self.next() % 30;
        (0..n)
            .map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize])
            .collect()
    }

    fn bytes(&mut self) -> Vec<u8> {
        let mut b = self.text().into_bytes();
        for _ in 0..(self.next() % 4) {
            let at = (self.next() as usize) % (b.len() + 1);
            b.insert(at, (self.next() % 256) as u8);
        }
        b
    }
}

#[test]
fn generated_input_never_panics() {
    let mut g = Gen(7);
    let ctx = DraftContext {
        brand: "Glow".into(),
        rules: BrandRules {
            avoid_words: vec!["{".into(), "é".into(), "".into()],
            sign_off: "— Ana 😍".into(),
            booking_link: "glow.io".into(),
            ..BrandRules::default()
        },
        ..DraftContext::default()
    };
    for i in 0..3000u64 {
        let text = g.text();
        let bytes = g.bytes();
        let _ = parse_csv(&bytes, Channel::Comment);
        let _ = parse_csv(format!("user,text,date\n{text}").as_bytes(), Channel::Dm);
        let _ = parse_pasted(&text, Channel::Comment);
        let _ = detect_language(&text);
        let _ = check_template(&text);
        let _ = render_template(
            &text,
            &TemplateVars {
                first_name: None,
                username: text.clone(),
                brand: text.clone(),
                sign_off: String::new(),
                link: String::new(),
                post: text.clone(),
            },
        );
        let _ = first_name(&text);
        let _ = check_reply(&text, Channel::Comment, &ctx.rules);
        for intent in [Intent::Purchase, Intent::Spam] {
            let _ = score_lead(&text, intent);
        }
        for channel in [Channel::Comment, Channel::Dm] {
            let m = instagrowth_replies::Message {
                author: text.clone(),
                text: text.clone(),
                received_at: Some(text.clone()),
                post: None,
                channel,
            };
            let t = triage(&m, now());
            assert!(t.lead_score <= 100 && t.priority <= 100);
            for d in draft_replies(&m, &t, &ctx, i) {
                check_reply(&d.text, channel, &ctx.rules).unwrap();
            }
        }
    }
}

#[test]
fn a_full_batch_triages_quickly() {
    let lines: Vec<String> = common::fixture()
        .iter()
        .map(|c| format!("someone_{}: {}", c.text.len(), c.text.replace('\n', " ")))
        .cycle()
        .take(MAX_MESSAGES)
        .collect();
    let messages = parse_pasted(&lines.join("\n"), Channel::Comment).unwrap();
    assert_eq!(messages.len(), MAX_MESSAGES);
    let start = Instant::now();
    for m in &messages {
        let t = triage(m, now());
        let _ = draft_replies(m, &t, &DraftContext::default(), 1);
    }
    let took = start.elapsed();
    println!("{MAX_MESSAGES} messages triaged and drafted in {took:?}");
    // Generous for an unoptimised build on a busy machine; a release build is far faster.
    assert!(took.as_secs() < 60, "{took:?}");
}
