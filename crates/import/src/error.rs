use std::path::PathBuf;

/// Why an import was refused. Every variant says what the user can do about it; nothing is
/// written when any of them happens.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0} does not exist")]
    NotFound(PathBuf),

    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "this is the HTML version of the Instagram data download; request it again in Accounts \
         Center → Your information and permissions → Download your information, choosing the JSON format"
    )]
    HtmlExport,

    #[error("{0} is empty")]
    Empty(String),

    #[error("{0} is not a zip archive that can be read: {1}")]
    BadZip(String, String),

    #[error("the archive contains an unsafe path ({0}); it was not imported")]
    UnsafeEntry(String),

    #[error(
        "the archive has more than {limit} entries; it does not look like an Instagram export"
    )]
    TooManyEntries { limit: usize },

    #[error(
        "{entry} is larger than {limit_mb} MB unpacked; no file of an Instagram export is that \
         large, so it was not imported"
    )]
    TooLarge { entry: String, limit_mb: u64 },

    #[error(
        "the export's JSON files come to more than {limit_mb} MB unpacked; it does not look like \
         an Instagram export"
    )]
    TotalTooLarge { limit_mb: u64 },

    #[error(
        "{file} holds more values than any Instagram export file (over {limit_mb} MB once \
         read); it was not imported"
    )]
    TooComplex { file: String, limit_mb: u64 },

    #[error(
        "{file} nests more than {limit} levels deep, which no Instagram export file does; it was \
         not imported"
    )]
    TooDeep { file: String, limit: usize },

    #[error("{file} is not valid JSON: {detail}")]
    BadJson { file: String, detail: String },

    #[error("{file} does not have the expected shape: {detail}")]
    BadShape { file: String, detail: String },

    #[error(
        "no Instagram data found in {0}: expected the JSON data download (a zip or its folder) \
         or a Meta Business Suite content CSV"
    )]
    NotAnExport(String),

    #[error(
        "the CSV has no {0} column; export it again from Meta Business Suite → Insights → Content"
    )]
    CsvMissingColumn(String),

    #[error(
        "{file} is larger than {limit_mb} MB, far more than a Business Suite content CSV; export \
         a shorter period"
    )]
    CsvTooLarge { file: String, limit_mb: u64 },

    #[error(
        "the CSV has more than {limit} rows, far more than a Business Suite content CSV (one row \
         per post); export a shorter period"
    )]
    CsvTooManyRows { limit: usize },

    #[error("line {line} of the CSV cannot be read: {detail}")]
    Csv { line: u64, detail: String },

    #[error("the import was cancelled; nothing was saved")]
    Cancelled,
}

impl ImportError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ImportError::Io {
            path: path.into(),
            source,
        }
    }
}

pub type ImportResult<T> = Result<T, ImportError>;
