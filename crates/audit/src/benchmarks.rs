//! Engagement benchmarks by follower tier: HypeAuditor's 2018 study of ~37,000 accounts over 90
//! days (average / median engagement rate by followers). See formats.md §4.
use crate::report::{TierBenchmark, Verdict};

struct Tier {
    label: &'static str,
    up_to: i64,
    average: f64,
    median: f64,
}

const TIERS: [Tier; 6] = [
    Tier {
        label: "0–1K",
        up_to: 1_000,
        average: 0.1058,
        median: 0.1699,
    },
    Tier {
        label: "1K–5K",
        up_to: 5_000,
        average: 0.0426,
        median: 0.0645,
    },
    Tier {
        label: "5K–20K",
        up_to: 20_000,
        average: 0.0228,
        median: 0.0376,
    },
    Tier {
        label: "20K–100K",
        up_to: 100_000,
        average: 0.0162,
        median: 0.0263,
    },
    Tier {
        label: "100K–1M",
        up_to: 1_000_000,
        average: 0.0155,
        median: 0.0257,
    },
    Tier {
        label: ">1M",
        up_to: i64::MAX,
        average: 0.0154,
        median: 0.0256,
    },
];

pub const SOURCE: &str = "HypeAuditor, 2018: ~37,000 accounts over 90 days";

/// Within ±25 % of the median is "around".
pub const AROUND: f64 = 0.25;

pub fn for_followers(followers: i64, rate: Option<f64>) -> TierBenchmark {
    let tier = TIERS
        .iter()
        .find(|t| followers < t.up_to)
        .unwrap_or(&TIERS[5]);
    let verdict = rate.map(|r| {
        if r < tier.median * (1.0 - AROUND) {
            Verdict::Below
        } else if r > tier.median * (1.0 + AROUND) {
            Verdict::Above
        } else {
            Verdict::Around
        }
    });
    TierBenchmark {
        tier: tier.label.to_string(),
        median: tier.median,
        average: tier.average,
        verdict,
        source: SOURCE.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_and_verdicts() {
        let b = for_followers(999, Some(0.10));
        assert_eq!((b.tier.as_str(), b.verdict), ("0–1K", Some(Verdict::Below)));
        let b = for_followers(1_000, Some(0.0645));
        assert_eq!(
            (b.tier.as_str(), b.verdict),
            ("1K–5K", Some(Verdict::Around))
        );
        assert_eq!(
            for_followers(12_000, Some(0.05)).verdict,
            Some(Verdict::Above)
        );
        assert_eq!(for_followers(5_000_000, None).tier, ">1M");
    }
}
