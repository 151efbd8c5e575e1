//! When each item goes out, as local clock times. Posts take the audit's best slots (its top
//! slots when the weekday matches, else that weekday's best hour in the heatmap), else defaults:
//! weekdays 09:00, 12:00 or 18:00 in turn, weekends 10:00 (a second post 16:00). Stories spread
//! over the day; the engagement task follows the day's first post, or runs at 17:00.
use instagrowth_audit::Audit;

pub const BEST_TIMES: &str = "best_times";
pub const DEFAULT: &str = "default";

const WEEKDAY_HOURS: [u32; 3] = [9, 12, 18];
const WEEKEND_HOURS: [u32; 3] = [10, 16, 19];

/// A time of day in minutes since midnight, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub minutes: u32,
    pub source: &'static str,
}

impl Slot {
    pub fn hhmm(&self) -> String {
        hhmm(self.minutes)
    }
}

pub fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

/// The best hours per weekday (Monday first), best first.
#[derive(Debug, Clone, Default)]
pub struct Times {
    hours: [Vec<u32>; 7],
    top_weekdays: [bool; 7],
}

/// Hours a post may be scheduled at: a night-time "best" slot is usually a few posts made at
/// odd hours, not advice to give a client.
const DAYTIME: std::ops::RangeInclusive<u32> = 6..=22;

impl Times {
    pub fn new(audit: Option<&Audit>) -> Times {
        let mut t = Times::default();
        let Some(best) = audit.map(|a| &a.best_times) else {
            return t;
        };
        for s in &best.top {
            let d = s.weekday as usize;
            if d < 7
                && DAYTIME.contains(&u32::from(s.hour))
                && !t.hours[d].contains(&(s.hour as u32))
            {
                t.hours[d].push(s.hour as u32);
                t.top_weekdays[d] = true;
            }
        }
        for (d, row) in best.cells.iter().enumerate().take(7) {
            let mut cells: Vec<(u32, f64)> = row
                .iter()
                .enumerate()
                .take(24)
                .filter(|(h, _)| best.counts.get(d).and_then(|c| c.get(*h)).copied() >= Some(1))
                .filter_map(|(h, rate)| rate.map(|r| (h as u32, r)))
                .filter(|(h, _)| DAYTIME.contains(h))
                .collect();
            cells.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            for (h, _) in cells {
                if !t.hours[d].contains(&h) {
                    t.hours[d].push(h);
                }
            }
        }
        t
    }

    /// Whether the audit gave any time at all.
    pub fn has_data(&self) -> bool {
        self.hours.iter().any(|h| !h.is_empty())
    }

    /// The weekdays of the audit's top slots (or, without top slots, any with heatmap data).
    pub fn preferred(&self) -> [bool; 7] {
        if self.top_weekdays.iter().any(|b| *b) {
            self.top_weekdays
        } else {
            std::array::from_fn(|d| !self.hours[d].is_empty())
        }
    }

    /// Times for `n` posts on `weekday`; `index` is the plan's running post number (it turns the
    /// default times).
    pub fn posts(&self, weekday: usize, n: u32, index: usize) -> Vec<Slot> {
        let mut out: Vec<Slot> = self.hours[weekday]
            .iter()
            .take(n as usize)
            .map(|h| Slot {
                minutes: h * 60,
                source: BEST_TIMES,
            })
            .collect();
        let defaults = if weekday >= 5 {
            WEEKEND_HOURS
        } else {
            let k = index % 3;
            [
                WEEKDAY_HOURS[k],
                WEEKDAY_HOURS[(k + 2) % 3],
                WEEKDAY_HOURS[(k + 1) % 3],
            ]
        };
        let spare: Vec<u32> = defaults
            .into_iter()
            .filter(|h| out.iter().all(|s| s.minutes.abs_diff(h * 60) >= 180))
            .collect();
        let mut spare = spare.into_iter();
        while out.len() < n as usize {
            let h = spare.next().unwrap_or(defaults[0] + 2 * out.len() as u32);
            out.push(Slot {
                minutes: h * 60,
                source: DEFAULT,
            });
        }
        out.sort_by_key(|s| s.minutes);
        out
    }
}

/// `n` story times spread from 08:00 to 21:00, on the quarter hour.
pub fn stories(n: u32) -> Vec<Slot> {
    let (from, span) = (8 * 60, 13 * 60);
    (0..n)
        .map(|j| Slot {
            minutes: (from + span * (2 * j + 1) / (2 * n)) / 15 * 15,
            source: DEFAULT,
        })
        .collect()
}

/// The engagement task: half an hour after the day's first post, else 17:00.
pub fn engagement(first_post: Option<Slot>) -> Slot {
    match first_post {
        Some(p) if p.minutes + 30 < 24 * 60 => Slot {
            minutes: p.minutes + 30,
            source: p.source,
        },
        _ => Slot {
            minutes: 17 * 60,
            source: DEFAULT,
        },
    }
}
