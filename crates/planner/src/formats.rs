//! Which feed format each post takes. With an audit, formats are ranked by their engagement rate
//! (by followers, else by reach) and rotate best, second, best, third, so the best is most
//! frequent; formats the audit could not measure follow in the goal's order. Without an audit
//! the goal picks the mix. Growth and recovery plans get at least one reel every ISO week.
use instagrowth_audit::Audit;

use crate::model::{Goal, ItemType};

/// The goal's formats, most wanted first, and its rotation without an audit.
fn goal_mix(goal: Goal) -> [ItemType; 4] {
    use ItemType::*;
    match goal {
        Goal::Growth => [Reel, Carousel, Reel, Image],
        Goal::Engagement => [Carousel, Reel, Carousel, Image],
        Goal::Leads => [Carousel, Reel, Image, Carousel],
        Goal::Recovery => [Reel, Carousel, Image, Reel],
    }
}

fn parse(format: &str) -> Option<ItemType> {
    match format {
        "reel" => Some(ItemType::Reel),
        "carousel" => Some(ItemType::Carousel),
        "image" => Some(ItemType::Image),
        _ => None,
    }
}

/// Formats the audit measured, best first.
pub fn ranked(audit: Option<&Audit>) -> Vec<ItemType> {
    let Some(a) = audit else {
        return Vec::new();
    };
    let mut rated: Vec<(ItemType, f64)> = a
        .engagement
        .by_format
        .iter()
        .filter(|f| f.posts > 0)
        .filter_map(|f| {
            let rate = f.engagement_rate.or(f.engagement_rate_by_reach)?;
            Some((parse(&f.format)?, rate))
        })
        .collect();
    rated.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut out: Vec<ItemType> = Vec::new();
    for (k, _) in rated {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The rotation posts follow in turn.
pub fn rotation(ranked: &[ItemType], goal: Goal) -> Vec<ItemType> {
    if ranked.is_empty() {
        return goal_mix(goal).to_vec();
    }
    let mut order = ranked.to_vec();
    for k in goal_mix(goal) {
        if !order.contains(&k) {
            order.push(k);
        }
    }
    vec![order[0], order[1], order[0], order[2]]
}

/// The format of each post; `weeks` gives each post's ISO week (posts in plan order).
pub fn assign(rotation: &[ItemType], weeks: &[(i32, u32)], goal: Goal) -> Vec<ItemType> {
    let mut out: Vec<ItemType> = (0..weeks.len())
        .map(|i| rotation[i % rotation.len()])
        .collect();
    if matches!(goal, Goal::Growth | Goal::Recovery) {
        let mut i = 0;
        while i < weeks.len() {
            let end = (i..weeks.len())
                .find(|&j| weeks[j] != weeks[i])
                .unwrap_or(weeks.len());
            if !out[i..end].contains(&ItemType::Reel) {
                // The week's last post that is not its best format, else its first.
                let pick = (i..end).rev().find(|&j| out[j] != rotation[0]).unwrap_or(i);
                out[pick] = ItemType::Reel;
            }
            i = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_weeks_get_a_reel_and_the_best_format_leads() {
        let rot = rotation(&[ItemType::Image], Goal::Growth);
        assert_eq!(rot.iter().filter(|k| **k == ItemType::Image).count(), 2);
        let weeks = [(2026, 1), (2026, 2), (2026, 2), (2026, 3)];
        let got = assign(&[ItemType::Image], &weeks, Goal::Growth);
        use ItemType::{Image, Reel};
        assert_eq!(got, vec![Reel, Reel, Image, Reel]);
        let got = assign(&rot, &weeks, Goal::Engagement);
        assert_eq!(got[0], ItemType::Image);
    }
}
