//! The client's known posts in memory for one import, so matching 10,000 incoming posts costs
//! no query each: by source key, and by time for the same post seen through another source.
use std::collections::{HashMap, HashSet};

use chrono::DateTime;
use instagrowth_model::{ParsedPost, SourceKind};

use crate::imports::MATCH_WINDOW_SECS;
use crate::model::instagram::StoredPost;

pub(crate) struct PostIndex {
    rows: Vec<StoredPost>,
    by_key: HashMap<String, usize>,
    /// (published_at in Unix seconds, row) for rows present before this import, sorted.
    by_time: Vec<(i64, usize)>,
    /// Rows this import already matched: a time-window match never takes one twice.
    claimed: HashSet<usize>,
}

impl PostIndex {
    pub(crate) fn new(rows: Vec<StoredPost>) -> Self {
        let by_key = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.source_key.clone(), i))
            .collect();
        let mut by_time: Vec<(i64, usize)> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                DateTime::parse_from_rfc3339(&r.published_at)
                    .ok()
                    .map(|d| (d.timestamp(), i))
            })
            .collect();
        by_time.sort();
        PostIndex {
            rows,
            by_key,
            by_time,
            claimed: HashSet::new(),
        }
    }

    /// The known row for `p`: same key, else the nearest unclaimed row of the same kind within
    /// the match window that another source first saw. Claims it.
    pub(crate) fn find(&mut self, key: &str, p: &ParsedPost, source: SourceKind) -> Option<usize> {
        if let Some(&i) = self.by_key.get(key) {
            self.claimed.insert(i);
            return Some(i);
        }
        let lo = self
            .by_time
            .partition_point(|(t, _)| *t < p.published_at - MATCH_WINDOW_SECS);
        let best = self.by_time[lo..]
            .iter()
            .take_while(|(t, _)| *t <= p.published_at + MATCH_WINDOW_SECS)
            .filter(|(_, i)| {
                let r = &self.rows[*i];
                r.kind == p.kind && r.source != source && !self.claimed.contains(i)
            })
            .min_by_key(|(t, i)| {
                (
                    (t - p.published_at).abs(),
                    self.rows[*i].published_at.clone(),
                    self.rows[*i].id.clone(),
                )
            })
            .map(|(_, i)| *i)?;
        self.claimed.insert(best);
        Some(best)
    }

    pub(crate) fn get(&self, i: usize) -> &StoredPost {
        &self.rows[i]
    }

    pub(crate) fn replace(&mut self, i: usize, row: StoredPost) {
        self.rows[i] = row;
    }

    /// Adds a row this import created (never a time-window candidate: same source).
    pub(crate) fn push(&mut self, row: StoredPost) -> usize {
        let i = self.rows.len();
        self.by_key.insert(row.source_key.clone(), i);
        self.rows.push(row);
        self.claimed.insert(i);
        i
    }
}
