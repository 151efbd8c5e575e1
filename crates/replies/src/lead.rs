//! The lead score: how likely a message is to turn into a sale or a booking, 0–100, with the
//! reasons that add up to it.
//!
//! # Points
//! | signal | points | shown by |
//! |---|---|---|
//! | `intent_purchase` | 30 | the intent is Purchase |
//! | `intent_pricing` | 25 | the intent is Pricing |
//! | `intent_collaboration` | 15 | the intent is Collaboration |
//! | `intent_support`, `intent_praise` | 5 | an existing or happy customer |
//! | `wants_to_buy` | 25 | "how do I order", "lo quiero", "will ich haben"… |
//! | `asks_price` | 20 | "how much", "precio", "wie viel", "combien", "quanto"… |
//! | `asks_booking` | 20 | "book", "turno", "Termin", "rdv", "agendar", "prenotare"… |
//! | `gives_contact` | 20 | an e-mail address or a phone number in the text |
//! | `asks_availability` | 15 | "in stock", "disponible", "noch da", "ainda tem"… |
//! | `mentions_budget` | 15 | "budget", "presupuesto", "orçamento"… |
//! | `asks_dm` | 15 | "DM me", "escríbeme", "schreib mir", "envoie-moi", "me chama no direct", "scrivimi"… |
//! | `business_enquiry` | 15 | "our brand", "wholesale", "Kooperation", "partenariat"… |
//! | `asks_location` | 10 | "where are you", "dirección", "Adresse"… |
//! | `asks_shipping` | 10 | "do you ship", "envíos", "Versand", "livraison", "frete"… |
//! | `names_quantity_or_date` | 10 | a number (not a phone number), a weekday, "tomorrow", a size… — for purchase and pricing only |
//! | `is_spam` | −100 | the intent is Spam: the score is 0 whatever else the text says |
//!
//! Complaints and other messages get no intent points. Each signal counts once, with the words
//! that showed it (as written, joined by ", "). The score is the sum, clamped to 0–100. Cues come
//! from every language's `[lead]` table: a lead signal is a lead signal in any language.
use crate::lexicon::{lexicon, Kind};
use crate::model::{Intent, LeadReason};
use crate::text::Scan;

/// (signal, label, points) for every signal, in the order reasons are listed.
pub(crate) const SIGNALS: [(&str, &str, i32); 12] = [
    ("wants_to_buy", "Asks where to buy or how to order", 25),
    ("asks_price", "Asks about price", 20),
    ("asks_booking", "Wants to book", 20),
    ("gives_contact", "Leaves contact details", 20),
    ("asks_availability", "Asks if it is available", 15),
    ("mentions_budget", "Mentions a budget", 15),
    ("asks_dm", "Asks to talk in private", 15),
    ("business_enquiry", "Business enquiry", 15),
    ("asks_location", "Asks where you are", 10),
    ("asks_shipping", "Asks about shipping", 10),
    (
        "names_quantity_or_date",
        "Names a quantity, size or date",
        10,
    ),
    ("is_spam", "Looks like spam", -100),
];

/// Points and label for the intent itself.
fn intent_points(intent: Intent) -> Option<(&'static str, &'static str, i32)> {
    Some(match intent {
        Intent::Purchase => ("intent_purchase", "Wants to buy or book", 30),
        Intent::Pricing => ("intent_pricing", "Asks what it costs", 25),
        Intent::Collaboration => ("intent_collaboration", "Proposes to work together", 15),
        Intent::Support => ("intent_support", "An existing customer", 5),
        Intent::Praise => ("intent_praise", "A happy follower", 5),
        Intent::Complaint | Intent::Other | Intent::Spam => return None,
    })
}

/// The score of `text` read as `intent`, with its reasons.
pub fn score_lead(text: &str, intent: Intent) -> (u32, Vec<LeadReason>) {
    let scan = Scan::new(text);
    let lex = lexicon();
    let hits = lex.scan(&scan.tokens);
    let quote = |start: usize, end: usize| {
        text[scan.tokens[start].start..scan.tokens[end - 1].end].to_string()
    };

    if intent == Intent::Spam {
        let mut evidence: Vec<String> = Vec::new();
        for h in &hits {
            if let Kind::Intent(Intent::Spam, _) = lex.entry(h).kind {
                push_unique(&mut evidence, quote(h.start, h.end));
            }
        }
        for &(s, e) in &scan.links {
            push_unique(&mut evidence, text[s..e].to_string());
        }
        let (signal, label, points) = SIGNALS[11];
        return (0, vec![reason(signal, label, points, evidence)]);
    }

    let mut reasons = Vec::new();
    if let Some((signal, label, points)) = intent_points(intent) {
        reasons.push(reason(signal, label, points, Vec::new()));
    }
    for &(signal, label, points) in &SIGNALS[..11] {
        // A number or a day in a support question or a complaint is about an order already made
        // ("ordered 3 weeks ago"), not a new one.
        if signal == "names_quantity_or_date"
            && !matches!(intent, Intent::Purchase | Intent::Pricing)
        {
            continue;
        }
        let mut evidence: Vec<String> = Vec::new();
        for h in &hits {
            if lex.entry(h).kind == Kind::Lead(signal) {
                push_unique(&mut evidence, quote(h.start, h.end));
            }
        }
        match signal {
            "gives_contact" => {
                for &(s, e) in scan.emails.iter().chain(&scan.phones) {
                    push_unique(&mut evidence, text[s..e].trim().to_string());
                }
            }
            "names_quantity_or_date" => {
                for t in scan.tokens.iter().filter(|t| t.is_number()) {
                    push_unique(&mut evidence, text[t.start..t.end].to_string());
                }
            }
            _ => {}
        }
        if !evidence.is_empty() {
            reasons.push(reason(signal, label, points, drop_contained(evidence)));
        }
    }
    let sum: i32 = reasons.iter().map(|r| r.points).sum();
    (sum.clamp(0, 100) as u32, reasons)
}

fn reason(signal: &str, label: &str, points: i32, evidence: Vec<String>) -> LeadReason {
    LeadReason {
        signal: signal.to_string(),
        label: label.to_string(),
        points,
        evidence: evidence.join(", "),
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.iter().any(|x| x.eq_ignore_ascii_case(&s)) {
        v.push(s);
    }
}

/// Drops evidence that is part of longer evidence ("how much" beside "how much is").
fn drop_contained(v: Vec<String>) -> Vec<String> {
    let lower: Vec<String> = v.iter().map(|s| s.to_lowercase()).collect();
    v.into_iter()
        .enumerate()
        .filter(|(i, _)| {
            !lower
                .iter()
                .enumerate()
                .any(|(j, o)| j != *i && o.len() > lower[*i].len() && o.contains(&lower[*i]))
        })
        .map(|(_, s)| s)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals(text: &str, intent: Intent) -> (u32, Vec<String>) {
        let (score, reasons) = score_lead(text, intent);
        let sum: i32 = reasons.iter().map(|r| r.points).sum();
        assert_eq!(score, sum.clamp(0, 100) as u32, "{text}");
        (score, reasons.into_iter().map(|r| r.signal).collect())
    }

    #[test]
    fn a_hot_lead_scores_high_with_its_reasons() {
        let (score, reasons) = score_lead(
            "How much for two? I want to buy them for Friday, my email is ana@mail.com",
            Intent::Purchase,
        );
        assert!(score >= 80, "{score}");
        let by = |s: &str| reasons.iter().find(|r| r.signal == s).unwrap();
        assert_eq!(by("asks_price").evidence, "How much");
        assert_eq!(by("gives_contact").evidence, "ana@mail.com");
        assert!(by("names_quantity_or_date").evidence.contains("Friday"));
        assert!(by("wants_to_buy").evidence.contains("want to buy"));
        assert_eq!(by("intent_purchase").points, 30);
    }

    #[test]
    fn multilingual_signals() {
        for (text, intent, want) in [
            (
                "precio? escríbeme porfa",
                Intent::Pricing,
                vec!["asks_price", "asks_dm"],
            ),
            (
                "wie viel kostet das? schreib mir",
                Intent::Pricing,
                vec!["asks_price", "asks_dm"],
            ),
            (
                "combien ? envoie-moi les infos",
                Intent::Pricing,
                vec!["asks_price", "asks_dm"],
            ),
            (
                "quanto custa? me chama no direct",
                Intent::Pricing,
                vec!["asks_price", "asks_dm"],
            ),
            (
                "quanto costa? scrivimi",
                Intent::Pricing,
                vec!["asks_price", "asks_dm"],
            ),
            (
                "vorrei prenotare per domani",
                Intent::Purchase,
                vec!["asks_booking", "names_quantity_or_date"],
            ),
            (
                "do you ship to Canada?",
                Intent::Purchase,
                vec!["asks_shipping"],
            ),
            (
                "call me on +49 151 2345 6789",
                Intent::Other,
                vec!["gives_contact"],
            ),
        ] {
            let (_, got) = signals(text, intent);
            for w in want {
                assert!(got.iter().any(|g| g == w), "{text}: {w} not in {got:?}");
            }
        }
    }

    #[test]
    fn praise_is_no_lead_and_spam_is_zero() {
        let (score, _) = signals("love it 😍", Intent::Praise);
        assert_eq!(score, 5);
        let (score, reasons) = score_lead(
            "promote it on @x, dm me, how much www.spam.io",
            Intent::Spam,
        );
        assert_eq!(score, 0);
        assert_eq!(reasons.len(), 1);
        assert_eq!(reasons[0].signal, "is_spam");
        assert!(reasons[0].points < 0);
        assert!(
            reasons[0].evidence.contains("www.spam.io"),
            "{}",
            reasons[0].evidence
        );
        let (score, reasons) = score_lead("this is the worst", Intent::Complaint);
        assert_eq!((score, reasons.len()), (0, 0));
    }

    #[test]
    fn a_phone_number_is_no_quantity() {
        let (_, got) = signals("whatsapp 612 345 678 9", Intent::Other);
        assert!(got.contains(&"gives_contact".to_string()));
        assert!(
            !got.contains(&"names_quantity_or_date".to_string()),
            "{got:?}"
        );
    }
}
