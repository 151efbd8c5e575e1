//! Which of the six languages a message is in.
//!
//! Instagram comments are short ("precio?", "wie viel?", "quanto costa?"), lower-case, without
//! accents and full of emoji, where trigram statistics alone guess poorly. So two kinds of
//! evidence are added up per language:
//!
//! 1. **The lexicon**: every word of the message that is a cue of a language (its everyday
//!    function words, and every intent, sentiment, urgency or lead cue) adds `1 / n` to that
//!    language, where `n` is how many of the six languages list the word ("de" is Spanish,
//!    French, Portuguese and Italian: ¼ each). A phrase adds this for each of its words; a word
//!    covered by several cues of one language counts once. Letters only some languages use add a
//!    little: ñ ¿ ¡ → Spanish, ß ä ö ü → German, ã õ → Portuguese, ç ê â ô à è ù → French or
//!    Portuguese or Italian (shared).
//! 2. **whatlang** (trigrams, limited to the six): its guess adds its confidence × 0.4 per letter
//!    word, up to twelve words, and nothing for a one-word message. On a long message it decides;
//!    on a short one the lexicon does.
//!
//! The language with the most evidence wins if it has at least [`MIN_EVIDENCE`] and is ahead
//! of the next; a tie goes to whatlang's pick when it is among the tied. Anything else —
//! emoji only, a lone `@mention`, a word every language shares ("top", "wow"), a language the
//! lexicon does not know — is [`Language::Other`], and drafts then use English.
use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use crate::lexicon::{lexicon, Hit};
use crate::model::Language;
use crate::text::Scan;

/// The least evidence a language needs (one word no other language shares is 1.0).
pub(crate) const MIN_EVIDENCE: f64 = 0.75;
/// What whatlang's pick adds per letter word, times its confidence.
const WHATLANG_PER_WORD: f64 = 0.4;
const WHATLANG_MAX_WORDS: usize = 12;

fn index(l: Language) -> usize {
    Language::KNOWN.iter().position(|k| *k == l).unwrap_or(0)
}

/// The language of `text`.
pub fn detect_language(text: &str) -> Language {
    let scan = Scan::new(text);
    let hits = lexicon().scan(&scan.tokens);
    detect(text, &scan, &hits)
}

/// [`detect_language`] for a message already scanned (triage scans once).
pub(crate) fn detect(text: &str, scan: &Scan, hits: &[Hit]) -> Language {
    if scan.word_count() == 0 {
        return Language::Other;
    }
    let (scores, pick) = evidence(text, scan, hits);
    let mut order: Vec<usize> = (0..6).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let (best, second) = (order[0], order[1]);
    if scores[best] < MIN_EVIDENCE {
        return Language::Other;
    }
    if (scores[best] - scores[second]).abs() < 1e-9 {
        // A tie: whatlang's pick, if it is one of the tied.
        return match pick {
            Some(p) if (scores[index(p)] - scores[best]).abs() < 1e-9 => p,
            _ => Language::Other,
        };
    }
    Language::KNOWN[best]
}

/// The evidence per language (in [`Language::KNOWN`] order) and whatlang's own pick.
fn evidence(text: &str, scan: &Scan, hits: &[Hit]) -> ([f64; 6], Option<Language>) {
    let lex = lexicon();
    let mut scores = [0.0f64; 6];
    // Lexicon: per language, per word, the best share of a cue covering it.
    let mut cover = vec![[0.0f64; 6]; scan.tokens.len()];
    for h in hits {
        let e = lex.entry(h);
        let Some(li) = Language::KNOWN.iter().position(|k| *k == e.lang) else {
            continue;
        };
        let v = 1.0 / f64::from(e.share.max(1));
        for c in &mut cover[h.start..h.end] {
            c[li] = c[li].max(v);
        }
    }
    for c in &cover {
        for (s, v) in scores.iter_mut().zip(c) {
            *s += v;
        }
    }
    // Letters only some languages use, each counted once.
    let mut seen = Vec::new();
    for ch in text.chars().flat_map(char::to_lowercase) {
        if seen.contains(&ch) {
            continue;
        }
        seen.push(ch);
        let hint: &[(Language, f64)] = match ch {
            'ñ' | '¿' | '¡' => &[(Language::Es, 1.0)],
            'ß' | 'ä' | 'ö' | 'ü' => &[(Language::De, 1.0)],
            'ã' | 'õ' => &[(Language::Pt, 1.0)],
            'ç' | 'ê' | 'â' | 'ô' => &[(Language::Fr, 0.5), (Language::Pt, 0.5)],
            'à' => &[
                (Language::Fr, 0.25),
                (Language::Pt, 0.25),
                (Language::It, 0.25),
            ],
            'è' | 'ù' => &[(Language::Fr, 0.25), (Language::It, 0.25)],
            'ì' | 'ò' => &[(Language::It, 0.5)],
            'œ' | 'î' | 'ï' | 'ë' => &[(Language::Fr, 0.5)],
            _ => &[],
        };
        for (l, v) in hint {
            scores[index(*l)] += v;
        }
    }
    // whatlang on the words alone (no mentions, links, emoji or punctuation).
    let words = scan.word_count();
    let mut pick = None;
    if words >= 2 {
        let clean: Vec<&str> = scan.tokens.iter().map(|t| &text[t.start..t.end]).collect();
        if let Some(info) = detector().detect(&clean.join(" ")) {
            if let Some(l) = from_whatlang(info.lang()) {
                pick = Some(l);
                scores[index(l)] +=
                    info.confidence() * WHATLANG_PER_WORD * words.min(WHATLANG_MAX_WORDS) as f64;
            }
        }
    }
    (scores, pick)
}

fn detector() -> &'static Detector {
    static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
        Detector::with_allowlist(vec![
            Lang::Eng,
            Lang::Spa,
            Lang::Deu,
            Lang::Fra,
            Lang::Por,
            Lang::Ita,
        ])
    });
    &DETECTOR
}

fn from_whatlang(l: Lang) -> Option<Language> {
    Some(match l {
        Lang::Eng => Language::En,
        Lang::Spa => Language::Es,
        Lang::Deu => Language::De,
        Lang::Fra => Language::Fr,
        Lang::Por => Language::Pt,
        Lang::Ita => Language::It,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::*;

    #[test]
    fn short_comments() {
        for (text, want) in [
            ("precio?", Es),
            ("wie viel?", De),
            ("quanto costa?", It),
            ("quanto custa?", Pt),
            ("combien svp", Fr),
            ("how much", En),
            ("c'est combien ?", Fr),
            ("was kostet das", De),
            ("cuanto sale", Es),
            ("qual o valor", Pt),
            ("prezzo", It),
            ("preis?", De),
        ] {
            assert_eq!(detect_language(text), want, "{text}");
        }
    }

    #[test]
    fn longer_messages() {
        for (text, want) in [
            (
                "Hi! I ordered two weeks ago and nothing has arrived yet, could you check?",
                En,
            ),
            (
                "Hola, hice un pedido hace dos semanas y todavía no me llegó nada",
                Es,
            ),
            (
                "Hallo, ich habe vor zwei Wochen bestellt und noch nichts bekommen",
                De,
            ),
            (
                "Bonjour, j'ai commandé il y a deux semaines et je n'ai toujours rien reçu",
                Fr,
            ),
            (
                "Oi, fiz um pedido faz duas semanas e até agora não chegou nada",
                Pt,
            ),
            (
                "Ciao, ho ordinato due settimane fa e non è ancora arrivato niente",
                It,
            ),
        ] {
            assert_eq!(detect_language(text), want, "{text}");
        }
    }

    #[test]
    fn nothing_to_go_on_is_other() {
        for text in [
            "😍😍😍",
            "🔥",
            "@ana_b",
            "",
            "   ",
            "top",
            "ok",
            "www.example.com",
            "12345",
        ] {
            assert_eq!(detect_language(text), Other, "{text:?}");
        }
    }
}
