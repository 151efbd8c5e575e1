//! Metric names as exports write them, in English, German, Spanish, French, Portuguese and
//! Italian. Labels follow the account's language; an unknown one is reported, never guessed.
use instagrowth_model::Metrics;

/// The metrics a post can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Views,
    Reach,
    Impressions,
    Plays,
    Likes,
    Comments,
    Saves,
    Shares,
    Follows,
    ProfileVisits,
}

impl Metric {
    /// Where this metric lives in a [`Metrics`].
    pub fn slot(self, m: &mut Metrics) -> &mut Option<i64> {
        match self {
            Metric::Views => &mut m.views,
            Metric::Reach => &mut m.reach,
            Metric::Impressions => &mut m.impressions,
            Metric::Plays => &mut m.plays,
            Metric::Likes => &mut m.likes,
            Metric::Comments => &mut m.comments,
            Metric::Saves => &mut m.saves,
            Metric::Shares => &mut m.shares,
            Metric::Follows => &mut m.follows,
            Metric::ProfileVisits => &mut m.profile_visits,
        }
    }
}

/// Lower-case, without quotes, apostrophes and punctuation, single spaces.
pub fn normalise(label: &str) -> String {
    let cleaned: String = label
        .chars()
        .map(|c| match c {
            '„' | '“' | '”' | '"' | '«' | '»' | '\'' | '’' | '‘' | ':' | '(' | ')' | '.' => {
                ' '
            }
            '-' | '_' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

const METRICS: &[(Metric, &[&str])] = &[
    (
        Metric::Views,
        &[
            "views",
            "video views",
            "aufrufe",
            "videoaufrufe",
            "visualizaciones",
            "vues",
            "visualizações",
            "visualizzazioni",
        ],
    ),
    (
        Metric::Reach,
        &[
            "accounts reached",
            "reach",
            "erreichte konten",
            "reichweite",
            "cuentas alcanzadas",
            "alcance",
            "comptes touchés",
            "couverture",
            "contas alcançadas",
            "account raggiunti",
            "copertura",
        ],
    ),
    (
        Metric::Impressions,
        &[
            "impressions",
            "impressionen",
            "impresiones",
            "impressões",
            "impression",
        ],
    ),
    (
        Metric::Plays,
        &[
            "instagram plays",
            "plays",
            "wiedergaben",
            "instagram wiedergaben",
            "reproducciones",
            "reproducciones de instagram",
            "lectures",
            "lectures instagram",
            "reproduções",
            "reproduções do instagram",
            "riproduzioni",
            "riproduzioni di instagram",
        ],
    ),
    (
        Metric::Likes,
        &[
            "likes",
            "gefällt mir angaben",
            "gefällt mir",
            "me gusta",
            "j aime",
            "mentions j aime",
            "curtidas",
            "gostos",
            "mi piace",
        ],
    ),
    (
        Metric::Comments,
        &[
            "comments",
            "kommentare",
            "comentarios",
            "commentaires",
            "comentários",
            "commenti",
        ],
    ),
    (
        Metric::Saves,
        &[
            "saves",
            "saved",
            "gespeichert",
            "speicherungen",
            "guardados",
            "veces guardado",
            "enregistrements",
            "salvamentos",
            "itens salvos",
            "salvataggi",
        ],
    ),
    (
        Metric::Shares,
        &[
            "shares",
            "geteilt",
            "mal geteilt",
            "compartidos",
            "veces compartido",
            "partages",
            "compartilhamentos",
            "condivisioni",
        ],
    ),
    (
        Metric::Follows,
        &[
            "follows",
            "neue follower",
            "seguimientos",
            "nuevos seguidores",
            "abonnements",
            "nouveaux abonnés",
            "seguidores",
            "novos seguidores",
            "follow",
            "nuovi follower",
        ],
    ),
    (
        Metric::ProfileVisits,
        &[
            "profile visits",
            "profilaufrufe",
            "profilbesuche",
            "visitas al perfil",
            "visites du profil",
            "visitas ao perfil",
            "visite al profilo",
        ],
    ),
];

/// The metric a label names, in any of the six languages.
pub fn metric(label: &str) -> Option<Metric> {
    let n = normalise(label);
    METRICS
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(m, _)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_six_languages() {
        assert_eq!(metric("Accounts reached"), Some(Metric::Reach));
        assert_eq!(metric("Erreichte Konten"), Some(Metric::Reach));
        assert_eq!(metric("„Gefällt mir“-Angaben"), Some(Metric::Likes));
        assert_eq!(metric("Cuentas alcanzadas"), Some(Metric::Reach));
        assert_eq!(metric("J’aime"), Some(Metric::Likes));
        assert_eq!(metric("Comptes touchés"), Some(Metric::Reach));
        assert_eq!(metric("Contas alcançadas"), Some(Metric::Reach));
        assert_eq!(metric("Account raggiunti"), Some(Metric::Reach));
        assert_eq!(metric("Instagram Plays"), Some(Metric::Plays));
        assert_eq!(metric("Profile visits"), Some(Metric::ProfileVisits));
        assert_eq!(metric("Interactions per minute"), None);
    }
}
