//! Instagram's "Download your information" export, JSON format.
mod accounts;
mod archive;
mod bounded;
mod insights;
mod json;
mod paths;
mod people;
mod posts;

use std::collections::{BTreeMap, BTreeSet};

use instagrowth_model::{FollowerSnapshot, ParsedImport, PostKind, SourceKind};

pub use archive::{Archive, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_JSON_BYTES};
pub use bounded::{MAX_DEPTH, MAX_TREE_BYTES};
use paths::Role;
use posts::Feed;

use crate::error::{ImportError, ImportResult};
use crate::progress::Control;

/// Reads an export already loaded into an [`Archive`]. `name` is how errors refer to it.
pub fn parse(archive: &Archive, name: &str, ctl: &Control) -> ImportResult<ParsedImport> {
    if archive.is_empty() {
        return Err(if archive.saw_html() {
            ImportError::HtmlExport
        } else {
            ImportError::NotAnExport(name.to_string())
        });
    }
    let mut out = ParsedImport {
        source: Some(SourceKind::IgExport),
        ..Default::default()
    };
    let mut profile = people::Profile::default();
    let mut followers = BTreeSet::new();
    let mut following = BTreeSet::new();
    let mut follower_dates: Vec<String> = Vec::new();
    let mut threads = BTreeMap::new();
    let mut insight_files = Vec::new();
    let mut recognised = false;

    for (path, bytes) in archive.files() {
        let role = paths::role(path);
        if role == Role::Other {
            continue;
        }
        recognised = true;
        if matches!(
            role,
            Role::InsightsPosts | Role::InsightsReels | Role::InsightsStories
        ) {
            // Joined once every post is known; parsed then, so one parsed file at a time is
            // held (each is only bounded on its own).
            insight_files.push((path, role, bytes));
            continue;
        }
        if matches!(role, Role::Followers | Role::Following) {
            // Read straight into the usernames, not into a tree: millions of followers fit.
            let set = if role == Role::Followers {
                &mut followers
            } else {
                &mut following
            };
            let newest = accounts::read(path, bytes, set)?;
            let date = archive.date_of(path).map(str::to_string).or_else(|| {
                newest
                    .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                    .map(|d| d.format("%Y-%m-%d").to_string())
            });
            follower_dates.extend(date);
            continue;
        }
        let v = json::parse(path, bytes)?;
        let feed = match role {
            Role::Posts => Some(Feed::Posts),
            Role::Reels => Some(Feed::Reels),
            Role::Stories => Some(Feed::Stories),
            Role::Archived => Some(Feed::Archived),
            _ => None,
        };
        if let Some(feed) = feed {
            let found = posts::parse(path, &v, feed, &mut out.warnings, &mut out.skipped)?;
            ctl.items_parsed(found.len())?;
            out.posts.extend(found);
            continue;
        }
        match role {
            Role::Profile => profile = people::profile(path, &v)?,
            Role::DmThread(key) => people::dm_page(path, &key, &v, &mut threads)?,
            _ => {}
        }
    }
    if !recognised {
        return Err(if archive.saw_html() {
            ImportError::HtmlExport
        } else {
            ImportError::NotAnExport(name.to_string())
        });
    }
    dedupe_posts(&mut out);

    let mut unknown = BTreeMap::new();
    for (path, role, bytes) in insight_files {
        let v = json::parse(path, bytes)?;
        // Reel and story insights join only to reels and stories; post insights to anything
        // (older exports list reels among posts).
        let (key, kind) = match role {
            Role::InsightsPosts => ("organic_insights_posts", None),
            Role::InsightsReels => ("organic_insights_reels", Some(PostKind::Reel)),
            _ => ("organic_insights_stories", Some(PostKind::Story)),
        };
        insights::apply(
            path,
            &v,
            key,
            kind,
            &mut out.posts,
            &mut unknown,
            &mut out.warnings,
        )?;
        ctl.check()?;
    }
    for (label, n) in unknown {
        out.warnings.push(format!(
            "insight label \"{label}\" is not known and was ignored ({n} times)"
        ));
    }

    if !followers.is_empty() || !following.is_empty() {
        let date = follower_dates
            .into_iter()
            .max()
            .unwrap_or_else(|| chrono::Utc::now().format("%Y-%m-%d").to_string());
        out.follower_snapshots.push(FollowerSnapshot {
            date,
            followers: (!followers.is_empty()).then_some(followers.len() as i64),
            following: (!following.is_empty()).then_some(following.len() as i64),
        });
    }
    out.dm_threads = people::finish_threads(threads, &profile);
    out.username = profile.username;
    out.posts.sort_by_key(|p| p.published_at);
    Ok(out)
}

/// A post listed in both the content and the archive (or twice across part-zips) is kept once.
fn dedupe_posts(out: &mut ParsedImport) {
    let mut seen = BTreeSet::new();
    out.posts.retain(|p| seen.insert(p.source_key.clone()));
}
