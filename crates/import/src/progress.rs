//! Progress reports and cancellation for a running import.
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{ImportError, ImportResult};

/// How far an import has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    pub files_read: u32,
    pub items_parsed: u32,
}

type Listener = Arc<dyn Fn(Progress) + Send + Sync>;

/// Shared between the importer and whoever started it: progress out, cancellation in.
#[derive(Clone, Default)]
pub struct Control {
    cancelled: Arc<AtomicBool>,
    files: Arc<AtomicU64>,
    items: Arc<AtomicU64>,
    listener: Option<Listener>,
}

impl Control {
    pub fn new() -> Self {
        Self::default()
    }

    /// Calls `f` with each progress report (from the importing thread).
    pub fn on_progress(mut self, f: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        self.listener = Some(Arc::new(f));
        self
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }

    /// Fails with [`ImportError::Cancelled`] once cancelled.
    pub fn check(&self) -> ImportResult<()> {
        if self.is_cancelled() {
            Err(ImportError::Cancelled)
        } else {
            Ok(())
        }
    }

    pub fn file_read(&self) -> ImportResult<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.report();
        self.check()
    }

    pub fn items_parsed(&self, n: usize) -> ImportResult<()> {
        self.items.fetch_add(n as u64, Ordering::Relaxed);
        self.report();
        self.check()
    }

    pub fn progress(&self) -> Progress {
        Progress {
            files_read: self.files.load(Ordering::Relaxed) as u32,
            items_parsed: self.items.load(Ordering::Relaxed) as u32,
        }
    }

    fn report(&self) {
        if let Some(l) = &self.listener {
            l(self.progress());
        }
    }
}

impl std::fmt::Debug for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Control")
            .field("cancelled", &self.is_cancelled())
            .field("progress", &self.progress())
            .finish()
    }
}
