//! What can go wrong reading messages or filling a reply template, each with a stable code for the
//! UI. Messages reach people verbatim, so they say what is wrong and where (line numbers count
//! from 1, the CSV header included).
use crate::input::{AUTHOR_HEADERS, DATE_HEADERS, POST_HEADERS, TEXT_HEADERS};
use crate::template::TEMPLATE_VARIABLES;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepliesError {
    #[error("there are no messages in the input")]
    EmptyInput,
    #[error("the input holds {count} messages; at most {max} can be read at once, so split it into smaller batches")]
    TooManyMessages { count: usize, max: usize },
    #[error("line {line}: the message is longer than {max} characters (Instagram's own limit)")]
    TextTooLong { line: usize, max: usize },
    #[error("line {line} is not valid UTF-8 text: save the CSV as UTF-8 and try again")]
    InvalidUtf8 { line: usize },
    #[error("the CSV has no {0} column: its header row needs one of {cols}", cols = accepted_headers(.0))]
    CsvMissingColumn(String),
    #[error("line {line} of the CSV cannot be read: {reason}")]
    CsvBadRow { line: usize, reason: String },
    #[error("line {line}: “{value}” is not a date this reads; use 2024-05-31, 2024-05-31 14:30 or 2024-05-31T14:30:00Z")]
    BadDate { line: usize, value: String },
    #[error("the template uses an unknown variable {{{0}}}; the known ones are {vars}", vars = known_variables())]
    UnknownVariable(String),
    #[error("the template is empty")]
    EmptyTemplate,
    #[error("the template has a “{{” that is never closed with “}}”")]
    UnclosedBrace,
    #[error("the template has a “}}” without a “{{” before it")]
    StrayClosingBrace,
}

impl RepliesError {
    /// A stable code the UI can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            RepliesError::EmptyInput => "empty_input",
            RepliesError::TooManyMessages { .. } => "too_many_messages",
            RepliesError::TextTooLong { .. } => "text_too_long",
            RepliesError::InvalidUtf8 { .. } => "invalid_utf8",
            RepliesError::CsvMissingColumn(_) => "csv_missing_column",
            RepliesError::CsvBadRow { .. } => "csv_bad_row",
            RepliesError::BadDate { .. } => "bad_date",
            RepliesError::UnknownVariable(_) => "unknown_variable",
            RepliesError::EmptyTemplate => "empty_template",
            RepliesError::UnclosedBrace => "unclosed_brace",
            RepliesError::StrayClosingBrace => "stray_closing_brace",
        }
    }
}

/// The header names accepted for the column `what` ("author", "text", "date", "post").
fn accepted_headers(what: &str) -> String {
    let names: &[&str] = match what {
        "author" => &AUTHOR_HEADERS,
        "text" => &TEXT_HEADERS,
        "date" => &DATE_HEADERS,
        "post" => &POST_HEADERS,
        _ => &[],
    };
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn known_variables() -> String {
    TEMPLATE_VARIABLES
        .iter()
        .map(|v| format!("{{{v}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_and_where() {
        assert_eq!(
            RepliesError::EmptyInput.to_string(),
            "there are no messages in the input"
        );
        let e = RepliesError::CsvMissingColumn("text".into());
        assert_eq!(e.code(), "csv_missing_column");
        let s = e.to_string();
        for h in TEXT_HEADERS {
            assert!(s.contains(h), "{s}");
        }
        let s = RepliesError::UnknownVariable("frist_name".into()).to_string();
        assert!(
            s.contains("{frist_name}") && s.contains("{first_name}"),
            "{s}"
        );
        let s = RepliesError::TextTooLong { line: 7, max: 2200 }.to_string();
        assert!(s.contains("line 7") && s.contains("2200"), "{s}");
        assert!(RepliesError::UnclosedBrace.to_string().contains('{'));
        assert_eq!(
            RepliesError::BadDate {
                line: 3,
                value: "yesterday".into()
            }
            .code(),
            "bad_date"
        );
    }
}
