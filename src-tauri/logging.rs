//! Logs go to stderr and to a daily file in the OS log directory, keeping about a week.
//! Nothing secret is logged: commands skip their inputs' contents.
use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter, Layer};

/// Days of log files kept.
const KEEP_FILES: usize = 7;

/// Starts logging; keep the guard alive for the app's lifetime so the file gets flushed.
pub fn init() -> Option<WorkerGuard> {
    let filter = || {
        EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| EnvFilter::new("info,tao=warn,wry=warn,sqlx=warn"))
    };
    let stderr = fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter());

    let file = instagrowth_api::paths::default_log_dir().and_then(|dir| {
        std::fs::create_dir_all(&dir)
            .map_err(|e| eprintln!("cannot create the log folder {}: {e}", dir.display()))
            .ok()?;
        Builder::new()
            .rotation(Rotation::DAILY)
            .filename_prefix("instagrowth")
            .filename_suffix("log")
            .max_log_files(KEEP_FILES)
            .build(&dir)
            .map_err(|e| eprintln!("cannot log to {}: {e}", dir.display()))
            .ok()
    });
    match file {
        Some(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let file_layer = fmt::layer()
                .with_ansi(false)
                .with_writer(writer)
                .with_filter(filter());
            tracing_subscriber::registry()
                .with(stderr)
                .with(file_layer)
                .init();
            Some(guard)
        }
        None => {
            tracing_subscriber::registry().with(stderr).init();
            None
        }
    }
}
