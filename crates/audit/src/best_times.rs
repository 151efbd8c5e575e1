//! When this account's posts do best: a weekday × hour grid (the workspace's time zone) of the
//! mean engagement rate of posts published in each slot, with how many posts each cell holds.
use chrono::{Datelike, Timelike};

use crate::context::Ctx;
use crate::report::{BestTimes, TimeSlot};
use crate::stats::mean;

pub fn best_times(ctx: &Ctx) -> BestTimes {
    let tz = ctx.input.time_zone;
    let by_followers = ctx.window.iter().any(|p| ctx.rate(p).is_some());
    // Without follower counts, each post's engagement relative to the account's mean.
    let engagements: Vec<f64> = ctx
        .window
        .iter()
        .filter_map(|p| p.full_engagement())
        .map(|e| e as f64)
        .collect();
    let account_mean = mean(&engagements).filter(|m| *m > 0.0);
    let mut sums = vec![vec![Vec::<f64>::new(); 24]; 7];
    let mut sample = 0;
    for p in &ctx.window {
        let value = if by_followers {
            ctx.rate(p)
        } else {
            account_mean.and_then(|m| p.full_engagement().map(|e| e as f64 / m))
        };
        if let Some(v) = value {
            let local = p.published_at.with_timezone(&tz);
            sums[local.weekday().num_days_from_monday() as usize][local.hour() as usize].push(v);
            sample += 1;
        }
    }
    let cells: Vec<Vec<Option<f64>>> = sums
        .iter()
        .map(|row| row.iter().map(|c| mean(c)).collect())
        .collect();
    let counts: Vec<Vec<u32>> = sums
        .iter()
        .map(|row| row.iter().map(|c| c.len() as u32).collect())
        .collect();
    let min_posts = if sample < 10 { 1 } else { 2 };
    let mut top: Vec<TimeSlot> = Vec::new();
    for (d, row) in cells.iter().enumerate() {
        for (h, cell) in row.iter().enumerate() {
            if let Some(rate) = cell {
                if counts[d][h] >= min_posts {
                    top.push(TimeSlot {
                        weekday: d as u8,
                        hour: h as u8,
                        rate: *rate,
                        posts: counts[d][h],
                    });
                }
            }
        }
    }
    top.sort_by(|a, b| b.rate.total_cmp(&a.rate).then(b.posts.cmp(&a.posts)));
    top.truncate(3);
    BestTimes {
        cells,
        counts,
        sample_size: sample,
        top,
        time_zone: tz.name().to_string(),
        measure: if by_followers {
            "engagement rate by followers".into()
        } else {
            "engagement relative to the account's average post".into()
        },
    }
}

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
