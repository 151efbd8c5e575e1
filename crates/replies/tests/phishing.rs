//! Prize phishing — "you have won, click the link to claim your prize" — is spam in all six
//! languages: never a purchase enquiry (where "Preis", "prix", "prêmio" or "premio" and "link"
//! used to lead it), and its lead score is 0 like all spam.
mod common;

use common::now;
use instagrowth_replies::{triage, Channel, Intent, Language, Message};

fn dm(text: &str) -> Message {
    Message {
        author: String::new(),
        text: text.into(),
        received_at: None,
        post: None,
        channel: Channel::Dm,
    }
}

/// What is wrong with `text`'s triage as spam in `language` (`None`: nothing).
fn not_spam(text: &str, language: Language) -> Option<String> {
    let t = triage(&dm(text), now());
    let signals: Vec<&str> = t.lead_reasons.iter().map(|r| r.signal.as_str()).collect();
    let got = (t.intent, t.language, t.lead_score, signals);
    (got != (Intent::Spam, language, 0, vec!["is_spam"]))
        .then(|| format!("  {got:?} by {:?}: {text}", t.intent_evidence))
}

fn assert_all_spam(cases: &[(&str, Language)]) {
    let misses: Vec<String> = cases
        .iter()
        .filter_map(|(text, language)| not_spam(text, *language))
        .collect();
    assert!(
        misses.is_empty(),
        "not triaged as spam with lead score 0:\n{}",
        misses.join("\n")
    );
}

/// The message from the issue, as it arrived in German: it was triaged as a purchase enquiry
/// with a lead score of 50.
#[test]
fn the_german_prize_message_from_the_issue_is_spam_with_no_lead_score() {
    assert_all_spam(&[(
        "Herzlichen Glückwunsch! Sie haben gewonnen. Klicken Sie auf den Link, um Ihren Preis abzuholen.",
        Language::De,
    )]);
}

/// The same scam as people receive it in each language: a prize, a win, a giveaway "won", a
/// link to click and a reward to claim — with and without a real link.
#[test]
fn prize_and_click_the_link_scams_are_spam_in_six_languages() {
    assert_all_spam(&[
        ("Congratulations!! You have won our monthly giveaway 🎁 click the link to claim your prize", Language::En),
        ("Dear winner, you've been selected in our iPhone giveaway. Claim your reward here before it expires: https://gift-claim.example/ig", Language::En),
        ("Glückwunsch, du wurdest als Gewinnerin unseres Gewinnspiels ausgewählt 🎁 Klick auf den Link und hol dir deinen Gewinn", Language::De),
        ("Du hast ein iPhone gewonnen! Um den Preis zu erhalten, klicke auf den Link in unserer Bio", Language::De),
        ("¡Felicidades! Has ganado nuestro sorteo 🎁 haz clic en el enlace para reclamar tu premio", Language::Es),
        ("ganaste el sorteo!! entra al link de mi perfil para cobrar tu premio", Language::Es),
        ("Félicitations ! Vous avez gagné notre concours 🎁 cliquez sur le lien pour réclamer votre prix", Language::Fr),
        ("tu as été tiré au sort pour gagner un iphone, clique sur le lien dans ma bio pour récupérer ton cadeau", Language::Fr),
        ("Parabéns! Você ganhou o nosso sorteio 🎁 clique no link para resgatar o seu prêmio", Language::Pt),
        ("vc foi a ganhadora do sorteio!! acessa o link da bio pra retirar seu prêmio", Language::Pt),
        ("Congratulazioni! Hai vinto il nostro giveaway 🎁 clicca sul link per riscattare il tuo premio", Language::It),
        ("sei stata estratta come vincitrice del concorso, ritira il tuo premio dal link in bio", Language::It),
    ]);
}

/// Real followers talk about giveaways and prizes too: those are not spam.
#[test]
fn a_follower_talking_about_a_giveaway_is_not_spam() {
    let mut misses = Vec::new();
    for text in [
        "I won your giveaway last month and still haven't received my prize, can you check?",
        "Hey! I run a small bakery account (40k) and would love to do a giveaway with you, interested?",
        "ich habe beim Gewinnspiel gewonnen, aber der Preis ist nie angekommen",
        "wie viel kostet das set? der preis steht nicht dabei",
        "gané el sorteo pero nunca me llegó el premio 😢",
        "j'ai cliqué sur le lien mais la page ne marche pas",
        "I click here and nothing happens, the checkout is stuck",
        "where do I see my reward points from the loyalty card?",
        "can I claim it under the warranty? the strap broke",
        "wer hat das Gewinnspiel gewonnen?",
        "il premio è arrivato oggi, grazie mille! ❤️",
        "recebi meu prêmio hoje, obrigada!!",
    ] {
        let t = triage(&dm(text), now());
        if t.intent == Intent::Spam {
            misses.push(format!("  by {:?}: {text}", t.intent_evidence));
        }
    }
    assert!(misses.is_empty(), "triaged as spam:\n{}", misses.join("\n"));
}
