//! Days, capacity and which days get feed posts.
//!
//! Posts are spread evenly with a running total: by day `k` the plan has posted
//! `round(posts_per_week × (k + phase) / 7)` minus its value at day 0. Any seven consecutive days
//! then hold exactly `posts_per_week` posts and any shorter run (a partial ISO week at either end)
//! its pro-rated share, rounded — never more than the weekly capacity. Gaps are as even as they
//! can be (no adjacent post days at three a week or fewer; one post a day at most up to seven).
//! The phase (0–6) is the one that puts the most posts on the audit's best weekdays.
use chrono::{Datelike, Duration, NaiveDate};

use crate::error::PlanError;
use crate::model::PlanRequest;

pub const DAY_CHOICES: [u32; 3] = [7, 14, 30];
pub const MAX_POSTS_PER_WEEK: u32 = 14;
pub const MAX_STORIES_PER_DAY: u32 = 10;

/// One plan day and how many feed posts it gets.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// Days since the plan's start.
    pub offset: u32,
    pub date: NaiveDate,
    /// 0 = Monday.
    pub weekday: usize,
    pub posts: u32,
}

impl Day {
    /// The plan week (0-based, seven days from the start) the day is in.
    pub fn week(&self) -> u32 {
        self.offset / 7
    }

    /// The ISO week (year, week) the day is in.
    pub fn iso_week(&self) -> (i32, u32) {
        let w = self.date.iso_week();
        (w.year(), w.week())
    }
}

pub fn validate(req: &PlanRequest) -> Result<(), PlanError> {
    if !DAY_CHOICES.contains(&req.days) {
        return Err(PlanError::BadDays(req.days));
    }
    if !(1..=MAX_POSTS_PER_WEEK).contains(&req.posts_per_week) {
        return Err(PlanError::BadPostsPerWeek(req.posts_per_week));
    }
    if req.stories_per_day > MAX_STORIES_PER_DAY {
        return Err(PlanError::BadStoriesPerDay(req.stories_per_day));
    }
    req.start
        .checked_add_signed(Duration::days(req.days as i64))
        .ok_or(PlanError::DateOutOfRange)?;
    Ok(())
}

/// Posts by the start of day `k` with phase `phase`: `round(ppw × (k + phase) / 7)`.
fn running(ppw: u32, k: u32, phase: u32) -> u32 {
    (2 * ppw * (k + phase) + 7) / 14
}

fn post_counts(ppw: u32, days: u32, phase: u32) -> Vec<u32> {
    (0..days)
        .map(|k| running(ppw, k + 1, phase) - running(ppw, k, phase))
        .collect()
}

/// The plan's days with their post counts; `preferred` marks weekdays (Monday first) the audit
/// found best, and the phase that lands the most posts on them wins (the earliest on a tie).
pub fn days(req: &PlanRequest, preferred: &[bool; 7]) -> Vec<Day> {
    let dates: Vec<NaiveDate> = (0..req.days)
        .map(|k| req.start + Duration::days(k as i64))
        .collect();
    let score = |counts: &[u32]| -> (u32, u32) {
        let hits = counts
            .iter()
            .zip(&dates)
            .filter(|(_, d)| preferred[d.weekday().num_days_from_monday() as usize])
            .map(|(c, _)| *c)
            .sum();
        (hits, counts.iter().sum())
    };
    let mut best = post_counts(req.posts_per_week, req.days, 0);
    let mut best_score = score(&best);
    for phase in 1..7 {
        let counts = post_counts(req.posts_per_week, req.days, phase);
        let s = score(&counts);
        if s > best_score {
            best = counts;
            best_score = s;
        }
    }
    dates
        .into_iter()
        .zip(best)
        .enumerate()
        .map(|(k, (date, posts))| Day {
            offset: k as u32,
            date,
            weekday: date.weekday().num_days_from_monday() as usize,
            posts,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_days_hold_the_weekly_capacity_and_shorter_runs_no_more() {
        for ppw in 1..=MAX_POSTS_PER_WEEK {
            for phase in 0..7 {
                let c = post_counts(ppw, 44, phase);
                for len in 1..=7 {
                    for s in 0..=44 - len {
                        let n: u32 = c[s..s + len].iter().sum();
                        assert!(n <= ppw, "ppw {ppw} phase {phase}");
                        if len == 7 {
                            assert_eq!(n, ppw);
                        }
                    }
                }
                let max = if ppw > 7 { 2 } else { 1 };
                assert!(c.iter().all(|n| *n <= max));
                if ppw <= 3 {
                    assert!(c.windows(2).all(|w| w[0] + w[1] <= 1), "adjacent at {ppw}");
                }
            }
        }
    }
}
