//! The work running now — the import (one at a time) and AI generations by the run id the UI
//! chose — so each can be cancelled, and so a backup restore can refuse while anything runs.
//!
//! A run is registered by a guard ([`ImportRun`], [`AiRun`]) that ends it when dropped. The
//! app's commands used to end runs by hand after the work, so an early return in between (the
//! workspace not open, `?` on an error, a panic) left the run registered: `has_running_work()`
//! stayed true and restoring a backup was refused until the app restarted. With the guard no
//! path out of a command can skip the end. No tauri here, so it is tested on its own; the app's
//! `AppState` holds one [`RunningWork`].
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use instagrowth_ai::CancellationToken;
use instagrowth_import::{Control, Progress};

/// What is running now. Each registration gets its own number, so a guard only ever ends its
/// own run: an older run under a reused id (or an import replaced by a newer one) ending late
/// leaves the newer one registered.
#[derive(Default)]
pub struct RunningWork {
    next: AtomicU64,
    import: Mutex<Option<(u64, Control)>>,
    ai_runs: Mutex<HashMap<String, (u64, CancellationToken)>>,
}

/// A lock that a panic elsewhere did not poison for good: the maps stay consistent (every
/// change is one insert or remove), so the data is still right.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl RunningWork {
    pub fn new() -> Self {
        Self::default()
    }

    fn number(&self) -> u64 {
        self.next.fetch_add(1, Ordering::Relaxed)
    }

    /// Registers a new import reporting to `on_progress`; it runs until the guard is dropped.
    /// `cancel_import` cancels its [`Control`].
    pub fn begin_import(
        &self,
        on_progress: impl Fn(Progress) + Send + Sync + 'static,
    ) -> ImportRun<'_> {
        let control = Control::new().on_progress(on_progress);
        let id = self.number();
        *lock(&self.import) = Some((id, control.clone()));
        ImportRun {
            work: self,
            id,
            control,
        }
    }

    /// Cancels the running import, if any (it stops with nothing saved).
    pub fn cancel_import(&self) {
        if let Some((_, control)) = lock(&self.import).as_ref() {
            control.cancel();
        }
    }

    /// Registers an AI generation under `run_id`; it runs until the guard is dropped, and
    /// `cancel_ai_run(run_id)` cancels its token.
    pub fn begin_ai_run(&self, run_id: &str) -> AiRun<'_> {
        let token = CancellationToken::new();
        let id = self.number();
        lock(&self.ai_runs).insert(run_id.to_string(), (id, token.clone()));
        AiRun {
            work: self,
            run_id: run_id.to_string(),
            id,
            token,
        }
    }

    /// Cancels the AI generation registered under `run_id`, if it still runs.
    pub fn cancel_ai_run(&self, run_id: &str) {
        if let Some((_, token)) = lock(&self.ai_runs).get(run_id) {
            token.cancel();
        }
    }

    /// True while an import or an AI generation runs.
    pub fn has_running_work(&self) -> bool {
        lock(&self.import).is_some() || !lock(&self.ai_runs).is_empty()
    }
}

/// A running import: ends when dropped.
#[must_use = "the import ends when this guard is dropped: keep it for the length of the work"]
pub struct ImportRun<'a> {
    work: &'a RunningWork,
    id: u64,
    control: Control,
}

impl ImportRun<'_> {
    /// The import's progress and cancel control, to hand to the import.
    pub fn control(&self) -> Control {
        self.control.clone()
    }
}

impl Drop for ImportRun<'_> {
    fn drop(&mut self) {
        let mut import = lock(&self.work.import);
        if import.as_ref().is_some_and(|(id, _)| *id == self.id) {
            *import = None;
        }
    }
}

/// A running AI generation: ends when dropped.
#[must_use = "the run ends when this guard is dropped: keep it for the length of the work"]
pub struct AiRun<'a> {
    work: &'a RunningWork,
    run_id: String,
    id: u64,
    token: CancellationToken,
}

impl AiRun<'_> {
    /// Cancelled by `cancel_ai_run(run_id)`.
    pub fn token(&self) -> &CancellationToken {
        &self.token
    }
}

impl Drop for AiRun<'_> {
    fn drop(&mut self) {
        let mut runs = lock(&self.work.ai_runs);
        if runs.get(&self.run_id).is_some_and(|(id, _)| *id == self.id) {
            runs.remove(&self.run_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ApiError, ApiResult, ErrorCode};

    fn no_workspace() -> ApiResult<()> {
        Err(ApiError::new(ErrorCode::Busy, "a backup is being restored"))
    }

    /// What an AI command does: register, get the workspace with `?`, run.
    fn ai_command(work: &RunningWork, workspace: ApiResult<()>) -> ApiResult<()> {
        let run = work.begin_ai_run("run-1");
        workspace?;
        assert!(!run.token().is_cancelled());
        Ok(())
    }

    /// What the import command does.
    fn import_command(work: &RunningWork, workspace: ApiResult<()>) -> ApiResult<()> {
        let run = work.begin_import(|_| {});
        workspace?;
        let _control = run.control();
        Ok(())
    }

    #[test]
    fn an_early_return_ends_the_run() {
        let work = RunningWork::new();
        let e = ai_command(&work, no_workspace()).unwrap_err();
        assert_eq!(e.code, ErrorCode::Busy);
        assert!(
            !work.has_running_work(),
            "an AI run stayed registered after `?` returned early"
        );
        import_command(&work, no_workspace()).unwrap_err();
        assert!(
            !work.has_running_work(),
            "an import stayed registered after `?` returned early"
        );
        ai_command(&work, Ok(())).unwrap();
        import_command(&work, Ok(())).unwrap();
        assert!(!work.has_running_work());
    }

    #[test]
    fn a_panic_inside_a_run_ends_it() {
        let work = RunningWork::new();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _run = work.begin_ai_run("run-1");
            let _import = work.begin_import(|_| {});
            panic!("the work failed");
        }));
        assert!(caught.is_err());
        assert!(!work.has_running_work());
    }

    #[test]
    fn runs_are_cancelled_by_id_while_they_run() {
        let work = RunningWork::new();
        let a = work.begin_ai_run("a");
        let b = work.begin_ai_run("b");
        let import = work.begin_import(|_| {});
        assert!(work.has_running_work());
        work.cancel_ai_run("a");
        work.cancel_ai_run("unknown");
        assert!(a.token().is_cancelled());
        assert!(!b.token().is_cancelled());
        work.cancel_import();
        assert!(import.control().is_cancelled());
        drop((a, import));
        assert!(work.has_running_work(), "b still runs");
        drop(b);
        assert!(!work.has_running_work());
        // Nothing registered: cancelling is a no-op.
        work.cancel_ai_run("b");
        work.cancel_import();
    }

    #[test]
    fn an_older_run_ending_leaves_a_newer_one_under_the_same_id() {
        let work = RunningWork::new();
        let old = work.begin_ai_run("same");
        let new = work.begin_ai_run("same");
        drop(old);
        assert!(work.has_running_work());
        work.cancel_ai_run("same");
        assert!(new.token().is_cancelled());
        drop(new);

        let old = work.begin_import(|_| {});
        let new = work.begin_import(|_| {});
        drop(old);
        assert!(work.has_running_work());
        work.cancel_import();
        assert!(new.control().is_cancelled());
        drop(new);
        assert!(!work.has_running_work());
    }
}
