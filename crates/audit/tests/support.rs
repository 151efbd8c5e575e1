//! Crafted accounts for the engine tests.
#![allow(dead_code)]
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use instagrowth_audit::{AuditInput, AuditPost};
use instagrowth_model::{Metrics, PostKind};

/// 2026-11-26 12:00 UTC, a Thursday.
pub fn as_of() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

pub struct Account {
    pub input: AuditInput,
}

impl Account {
    pub fn new(followers: i64) -> Self {
        Account {
            input: AuditInput {
                as_of: as_of(),
                time_zone: chrono_tz::Europe::Berlin,
                followers: vec![(as_of().date_naive(), followers)],
                following: Some(300),
                posts: vec![],
            },
        }
    }

    pub fn no_followers(mut self) -> Self {
        self.input.followers.clear();
        self
    }

    pub fn snapshot(mut self, date: NaiveDate, n: i64) -> Self {
        self.input.followers.push((date, n));
        self.input.followers.sort();
        self
    }

    pub fn post(mut self, p: AuditPost) -> Self {
        self.input.posts.push(p);
        self
    }
}

pub struct P {
    pub days_ago: f64,
    pub kind: PostKind,
    pub likes: Option<i64>,
    pub comments: Option<i64>,
    pub reach: Option<i64>,
    pub caption: String,
    pub tags: Vec<String>,
    pub no_caption: bool,
}

impl P {
    pub fn at(days_ago: f64) -> P {
        P {
            days_ago,
            kind: PostKind::Carousel,
            likes: Some(450),
            comments: Some(50),
            reach: Some(3000),
            caption: String::new(),
            tags: vec![],
            no_caption: false,
        }
    }

    pub fn kind(mut self, k: PostKind) -> P {
        self.kind = k;
        self
    }

    pub fn engagement(mut self, likes: i64, comments: i64) -> P {
        self.likes = Some(likes);
        self.comments = Some(comments);
        self
    }

    pub fn reach(mut self, r: Option<i64>) -> P {
        self.reach = r;
        self
    }

    pub fn caption(mut self, c: &str) -> P {
        self.caption = c.into();
        self.no_caption = c.is_empty();
        self
    }

    pub fn tags(mut self, t: &[&str]) -> P {
        self.tags = t.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn build(mut self, id: usize) -> AuditPost {
        if self.caption.is_empty() && !self.no_caption {
            self.caption = format!("{} ways to fix dry skin this winter (part {id})\nNumber two changed everything for me. Save this for later!", id % 5 + 2);
        }
        AuditPost {
            id: format!("p{id:03}"),
            kind: self.kind,
            published_at: as_of() - Duration::minutes((self.days_ago * 24.0 * 60.0) as i64),
            caption: self.caption,
            hashtags: self.tags,
            metrics: Metrics {
                likes: self.likes,
                comments: self.comments,
                reach: self.reach,
                ..Default::default()
            },
        }
    }
}

pub const TOPICS: [&[&str]; 4] = [
    &["skincare", "dryskin", "winterskincare"],
    &["skincareroutine", "glowingskin", "berlinbeauty"],
    &["spf", "sunscreen", "skintips", "dermatologist"],
    &["serum", "vitaminc", "skincarecommunity"],
];

/// 24 posts over 84 days (one every 3.5 days), formats in turn, 500 interactions on 10,000
/// followers (5 %), reach 3,000, good captions, 3–4 varied hashtags.
pub fn healthy() -> Account {
    let mut a = Account::new(10_000);
    for i in 0..24 {
        let kind = [PostKind::Reel, PostKind::Carousel, PostKind::Image][i % 3];
        a = a.post(
            P::at(1.0 + 3.5 * i as f64)
                .kind(kind)
                .tags(TOPICS[i % 4])
                .build(i),
        );
    }
    a
}
