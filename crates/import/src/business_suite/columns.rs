//! Which column is which. Business Suite writes its headers in the account's language and in no
//! fixed order, so every column is found by its (normalised) name.
use csv::StringRecord;
use instagrowth_model::PostKind;

use crate::error::{ImportError, ImportResult};
use crate::labels::{self, Metric};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    PostId,
    Username,
    Description,
    Duration,
    PublishTime,
    Permalink,
    PostType,
    /// Known and deliberately unused: Account ID, Account name, Data comment, and Date (which
    /// holds "Lifetime", the period the metrics cover, not a date).
    Ignored,
    Metric(Metric),
}

/// Non-metric headers in English, German, Spanish, French, Portuguese and Italian, already in
/// [`labels::normalise`]d form (a unit test checks that). Metric headers come from
/// [`labels::metric`]. Only the English ones are confirmed; the others are plausible
/// translations, and an unmatched header is reported as a warning, never guessed.
#[rustfmt::skip]
const ALIASES: &[(Field, &[&str])] = &[
    (Field::PostId, &[
        "post id", "beitrags id", "beitragsid", "id de la publicación", "id de publicación",
        "identificador de la publicación", "id de la publication", "identifiant de la publication",
        "id da publicação", "identificação da publicação", "id del post", "id post",
    ]),
    (Field::Username, &[
        "account username", "username", "benutzername des kontos", "kontobenutzername",
        "konto benutzername", "benutzername", "nombre de usuario de la cuenta", "nombre de usuario",
        "nom d utilisateur du compte", "nom d utilisateur", "nome de usuário da conta",
        "nome de utilizador da conta", "nome de usuário", "nome utente dell account",
        "nome utente account", "nome utente",
    ]),
    (Field::Description, &[
        "description", "caption", "beschreibung", "bildunterschrift", "descripción", "descrição",
        "legenda", "descrizione", "didascalia",
    ]),
    (Field::Duration, &[
        "duration sec", "duration secs", "duration seconds", "duration s", "duration", "dauer sek",
        "dauer sekunden", "dauer s", "dauer", "duración seg", "duración segundos", "duración s",
        "duración", "durée sec", "durée secondes", "durée s", "durée", "duração seg",
        "duração segundos", "duração s", "duração", "durata sec", "durata secondi", "durata s",
        "durata",
    ]),
    (Field::PublishTime, &[
        "publish time", "published time", "publish date", "veröffentlichungszeitpunkt",
        "veröffentlichungszeit", "veröffentlichungsdatum", "veröffentlicht am", "hora de publicación",
        "fecha de publicación", "heure de publication", "date de publication", "horário de publicação",
        "hora de publicação", "data de publicação", "orario di pubblicazione", "ora di pubblicazione",
        "data di pubblicazione",
    ]),
    (Field::Permalink, &[
        "permalink", "dauerlink", "enlace permanente", "lien permanent", "link permanente",
        "collegamento permanente",
    ]),
    (Field::PostType, &[
        "post type", "beitragstyp", "beitragsart", "art des beitrags", "tipo de publicación",
        "type de publication", "tipo de publicação", "tipo di post", "tipo di contenuto",
    ]),
    (Field::Ignored, &[
        // Account ID
        "account id", "konto id", "kontoid", "id de la cuenta", "identificador de la cuenta",
        "id du compte", "identifiant du compte", "id da conta", "id dell account", "id account",
        // Account name
        "account name", "kontoname", "name des kontos", "nombre de la cuenta", "nom du compte",
        "nome da conta", "nome dell account", "nome account",
        // Data comment
        "data comment", "datenkommentar", "kommentar zu den daten", "comentario de datos",
        "comentario sobre los datos", "commentaire sur les données", "commentaire de données",
        "comentário de dados", "comentário sobre os dados", "commento sui dati", "commento dati",
        // Date ("Lifetime")
        "date", "datum", "fecha", "data",
    ]),
];

/// The field a header names, in any of the six languages.
pub(super) fn field(header: &str) -> Option<Field> {
    // A second BOM survives when someone re-saves the file; the csv reader strips only one.
    let header = header.trim_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    let n = labels::normalise(header);
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(f, _)| *f)
        .or_else(|| labels::metric(header).map(Field::Metric))
}

/// Column indexes of one file.
#[derive(Debug, Default)]
pub(super) struct Columns {
    pub count: usize,
    pub publish_time: usize,
    pub post_type: usize,
    pub post_id: Option<usize>,
    pub username: Option<usize>,
    pub description: Option<usize>,
    pub duration: Option<usize>,
    pub permalink: Option<usize>,
    pub metrics: Vec<(Metric, usize)>,
}

impl Columns {
    /// Maps the header row. Unknown or repeated columns become warnings; a missing required one
    /// (publish time, post type, any metric) is an error naming it in English.
    pub fn from_header(header: &StringRecord, warnings: &mut Vec<String>) -> ImportResult<Columns> {
        let mut found: Vec<(Field, usize)> = Vec::new();
        for (i, name) in header.iter().enumerate() {
            match field(name) {
                Some(Field::Ignored) => {}
                Some(f) if found.iter().any(|(seen, _)| *seen == f) => warnings.push(format!(
                    "column \"{}\" repeats an earlier column; it was ignored",
                    name.trim()
                )),
                Some(f) => found.push((f, i)),
                // A trailing delimiter leaves an empty header: nothing to report.
                None if name
                    .trim_matches(|c: char| c == '\u{feff}' || c.is_whitespace())
                    .is_empty() => {}
                None => warnings.push(format!(
                    "column \"{}\" is not one this app knows; it was ignored",
                    name.trim()
                )),
            }
        }
        let get = |f: Field| found.iter().find(|(seen, _)| *seen == f).map(|(_, i)| *i);
        let required = |f: Field, english: &str| {
            get(f).ok_or_else(|| ImportError::CsvMissingColumn(english.into()))
        };
        let columns = Columns {
            count: header.len(),
            publish_time: required(Field::PublishTime, "Publish time")?,
            post_type: required(Field::PostType, "Post type")?,
            post_id: get(Field::PostId),
            username: get(Field::Username),
            description: get(Field::Description),
            duration: get(Field::Duration),
            permalink: get(Field::Permalink),
            metrics: found
                .iter()
                .filter_map(|(f, i)| match f {
                    Field::Metric(m) => Some((*m, *i)),
                    _ => None,
                })
                .collect(),
        };
        if columns.metrics.is_empty() {
            return Err(ImportError::CsvMissingColumn(
                "Views (or any other metric)".into(),
            ));
        }
        Ok(columns)
    }
}

/// Keywords of each kind, matched inside the lower-cased `Post type` value ("IG reel",
/// "IG-Bild", "Reel de IG", "Carrossel do IG"…). Order matters: story and carousel come before
/// reel and image so that "Story video" or "Fotoalbum" are not read as a reel or an image.
#[rustfmt::skip]
const KINDS: &[(PostKind, &[&str])] = &[
    (PostKind::Story, &["story", "stories", "storia", "storie", "historia", "história", "histoire"]),
    (PostKind::Carousel, &[
        "carousel", "carrousel", "karussell", "carrusel", "carrossel", "carosello", "album", "álbum",
    ]),
    (PostKind::Reel, &["reel", "video", "vídeo", "vidéo"]),
    (PostKind::Image, &["image", "imagem", "imagen", "immagine", "bild", "photo", "foto"]),
];

/// The kind a `Post type` value names; `None` for anything else (e.g. "IG live").
pub(super) fn post_kind(raw: &str) -> Option<PostKind> {
    let value = labels::normalise(raw);
    KINDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| value.contains(w)))
        .map(|(kind, _)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_written_in_normalised_form() {
        for (_, names) in ALIASES {
            for name in *names {
                assert_eq!(
                    labels::normalise(name),
                    *name,
                    "alias {name:?} can never match"
                );
            }
        }
    }

    #[test]
    fn aliases_do_not_collide_with_metric_labels() {
        for (field, names) in ALIASES {
            for name in *names {
                assert_eq!(
                    labels::metric(name),
                    None,
                    "{name:?} ({field:?}) is also a metric label"
                );
            }
        }
    }

    #[test]
    fn english_headers_in_any_spelling() {
        assert_eq!(field("Publish time"), Some(Field::PublishTime));
        assert_eq!(field("  PUBLISH TIME "), Some(Field::PublishTime));
        assert_eq!(field("\u{feff}Post ID"), Some(Field::PostId));
        assert_eq!(field("Post_type"), Some(Field::PostType));
        assert_eq!(field("Duration (sec)"), Some(Field::Duration));
        assert_eq!(field("Account username"), Some(Field::Username));
        assert_eq!(field("Permalink"), Some(Field::Permalink));
        assert_eq!(field("Description"), Some(Field::Description));
        assert_eq!(field("Views"), Some(Field::Metric(Metric::Views)));
        assert_eq!(
            field("Impressions"),
            Some(Field::Metric(Metric::Impressions))
        );
        assert_eq!(
            field("Profile visits"),
            Some(Field::Metric(Metric::ProfileVisits))
        );
        assert_eq!(field("Plays"), Some(Field::Metric(Metric::Plays)));
        for ignored in ["Account ID", "Account name", "Data comment", "Date"] {
            assert_eq!(field(ignored), Some(Field::Ignored), "{ignored}");
        }
        assert_eq!(field("Boosted"), None);
    }

    #[test]
    fn localised_headers() {
        let cases = [
            ("Veröffentlichungszeitpunkt", Field::PublishTime),
            ("Beitragstyp", Field::PostType),
            ("Beschreibung", Field::Description),
            ("Dauer (Sek.)", Field::Duration),
            ("Beitrags-ID", Field::PostId),
            ("Descripción", Field::Description),
            ("Hora de publicación", Field::PublishTime),
            ("Tipo de publicación", Field::PostType),
            ("Duración (seg.)", Field::Duration),
            ("Heure de publication", Field::PublishTime),
            ("Type de publication", Field::PostType),
            ("Nom d’utilisateur du compte", Field::Username),
            ("Descrição", Field::Description),
            ("Horário de publicação", Field::PublishTime),
            ("Tipo de publicação", Field::PostType),
            ("Descrizione", Field::Description),
            ("Orario di pubblicazione", Field::PublishTime),
            ("Tipo di post", Field::PostType),
            ("Nome utente dell'account", Field::Username),
            ("Datum", Field::Ignored),
            ("Aufrufe", Field::Metric(Metric::Views)),
            ("Reichweite", Field::Metric(Metric::Reach)),
        ];
        for (header, want) in cases {
            assert_eq!(field(header), Some(want), "{header}");
        }
    }

    fn header(names: &[&str]) -> StringRecord {
        StringRecord::from(names.to_vec())
    }

    #[test]
    fn columns_found_in_any_order_with_warnings_for_unknown_and_repeated() {
        let mut warnings = Vec::new();
        let h = header(&[
            "Views",
            "Post type",
            "Mystery",
            "Publish time",
            "Video views",
            "Date",
            "",
        ]);
        let c = Columns::from_header(&h, &mut warnings).unwrap();
        assert_eq!((c.publish_time, c.post_type, c.count), (3, 1, 7));
        assert_eq!(c.metrics, vec![(Metric::Views, 0)]);
        assert_eq!(c.permalink, None);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("\"Mystery\""), "{warnings:?}");
        assert!(warnings[1].contains("\"Video views\""), "{warnings:?}");
    }

    #[test]
    fn required_columns_are_named_in_english() {
        let missing = |names: &[&str]| match Columns::from_header(&header(names), &mut Vec::new()) {
            Err(ImportError::CsvMissingColumn(c)) => c,
            other => panic!("{other:?}"),
        };
        assert_eq!(missing(&["Beitragstyp", "Aufrufe"]), "Publish time");
        assert_eq!(missing(&["Publish time", "Views"]), "Post type");
        assert!(missing(&["Publish time", "Post type", "Date"]).starts_with("Views"));
    }

    #[test]
    fn post_kinds_in_six_languages() {
        let cases = [
            ("IG image", PostKind::Image),
            ("IG reel", PostKind::Reel),
            ("IG carousel", PostKind::Carousel),
            ("IG video", PostKind::Reel),
            ("IG story", PostKind::Story),
            ("IG-Bild", PostKind::Image),
            ("IG Bild", PostKind::Image),
            ("IG Karussell", PostKind::Carousel),
            ("Reel de IG", PostKind::Reel),
            ("Imagen de IG", PostKind::Image),
            ("Historia de IG", PostKind::Story),
            ("Carrousel IG", PostKind::Carousel),
            ("Vídeo do IG", PostKind::Reel),
            ("Carrossel do IG", PostKind::Carousel),
            ("Storia IG", PostKind::Story),
            ("Immagine IG", PostKind::Image),
            ("Carosello IG", PostKind::Carousel),
            ("Fotoalbum", PostKind::Carousel),
        ];
        for (raw, want) in cases {
            assert_eq!(post_kind(raw), Some(want), "{raw}");
        }
        assert_eq!(post_kind("IG live"), None);
        assert_eq!(post_kind(""), None);
    }
}
