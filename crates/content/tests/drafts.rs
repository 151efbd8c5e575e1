//! Every niche × every kind × a few seeds: the rules every draft keeps.
mod common;

use std::collections::BTreeSet;

use common::*;
use instagrowth_content::{
    check_draft, check_hashtag_set, draft, is_generic_tag, niche_info, niches, Formula, Item, Kind,
    Request,
};

fn req(kind: Kind, count: u32, topic: Option<&str>, seed: u64) -> Request {
    Request::new(kind, count, topic.map(String::from), seed)
}

#[test]
fn every_niche_every_kind_keeps_the_rules() {
    for (id, _) in niches() {
        let info = niche_info(id).unwrap();
        let g = client(id);
        let tiers: BTreeSet<String> = info
            .broad
            .iter()
            .chain(&info.mid)
            .chain(&info.niche)
            .map(|t| format!("#{t}"))
            .collect();
        for kind in Kind::ALL {
            for seed in SEEDS {
                for count in [1, 7, 30] {
                    for topic in [None, Some("a topic of our own")] {
                        let r = req(kind, count, topic, seed);
                        let d =
                            draft(&g, &r).unwrap_or_else(|e| panic!("{id} {kind:?} {seed}: {e}"));
                        let at = format!("{id} {kind:?} seed {seed} count {count} topic {topic:?}");
                        assert_eq!(d.niche, id, "{at}");
                        assert_eq!(d.items.len(), count as usize, "{at}");
                        check_draft(&d, &g, &r).unwrap_or_else(|e| panic!("{at}: {e}"));
                        let texts = main_texts(&d);
                        let unique: BTreeSet<_> = texts.iter().collect();
                        assert_eq!(unique.len(), texts.len(), "{at}: duplicates");
                        for item in &d.items {
                            let text = all_text(item);
                            assert!(!has_placeholder(&text), "{at}: unfilled in {text}");
                            let lower = text.to_lowercase();
                            match topic {
                                Some(t) => {
                                    assert!(lower.contains(t), "{at}: topic missing in {text}")
                                }
                                None => assert!(
                                    info.topics
                                        .iter()
                                        .any(|t| lower.contains(&t.to_lowercase())),
                                    "{at}: no library topic in {text}"
                                ),
                            }
                            match item {
                                Item::Hashtags(s) => {
                                    check_hashtag_set(&s.tags).unwrap();
                                    assert_eq!(s.tags.len(), 5, "{at}");
                                    for t in &s.tags {
                                        assert!(!is_generic_tag(t), "{at}: {t}");
                                        assert!(tiers.contains(t), "{at}: {t} is off-niche");
                                    }
                                    for tier in ["broad", "mid", "niche"] {
                                        assert!(
                                            s.tiers.iter().any(|x| x == tier),
                                            "{at}: no {tier}"
                                        );
                                    }
                                }
                                Item::Hook(h) if h.formula == Formula::Statistic => {
                                    assert!(
                                        !h.text.chars().any(|c| c.is_ascii_digit()),
                                        "{at}: {}",
                                        h.text
                                    );
                                }
                                _ => {}
                            }
                        }
                        if kind == Kind::Hashtags {
                            let sets = tag_sets(&d);
                            for pair in sets.windows(2) {
                                let shared = pair[0].iter().filter(|t| pair[1].contains(t)).count();
                                assert!(shared <= 2, "{at}: consecutive sets share {shared}");
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_draft_and_another_seed_another() {
    for (id, _) in niches() {
        let g = client(id);
        for kind in Kind::ALL {
            for topic in [None, Some("morning light")] {
                let a = draft(&g, &req(kind, 5, topic, 7)).unwrap();
                let b = draft(&g, &req(kind, 5, topic, 7)).unwrap();
                let c = draft(&g, &req(kind, 5, topic, 8)).unwrap();
                assert_eq!(a, b, "{id} {kind:?}");
                assert_ne!(a.items, c.items, "{id} {kind:?} {topic:?}");
            }
        }
    }
}

#[test]
fn avoid_is_honoured() {
    for (id, _) in niches() {
        for kind in Kind::ALL {
            let mut g = client(id);
            let first = draft(&g, &req(kind, 10, Some("weekend plans"), 3)).unwrap();
            g.avoid = first.items.iter().take(6).map(|i| i.main_text()).collect();
            let again = draft(&g, &req(kind, 10, Some("weekend plans"), 3)).unwrap();
            assert_eq!(again.items.len(), 10);
            let avoided: BTreeSet<String> = g.avoid.iter().map(|t| norm(t)).collect();
            for t in main_texts(&again) {
                assert!(!avoided.contains(&t), "{id} {kind:?}: {t} was avoided");
            }
        }
    }
}

#[test]
fn avoided_tag_sets_match_in_any_order() {
    let mut g = client("beauty");
    let first = draft(&g, &req(Kind::Hashtags, 3, None, 5)).unwrap();
    let mut reversed = tag_sets(&first)[0].clone();
    reversed.reverse();
    g.avoid = vec![reversed.join(" ")];
    let again = draft(&g, &req(Kind::Hashtags, 3, None, 5)).unwrap();
    let key = |v: &Vec<String>| v.iter().cloned().collect::<BTreeSet<_>>();
    let banned = key(&tag_sets(&first)[0]);
    assert!(tag_sets(&again).iter().all(|s| key(s) != banned));
}

#[test]
fn a_topic_appears_in_every_item() {
    let g = client("beauty");
    for kind in Kind::ALL {
        let d = draft(&g, &req(kind, 12, Some("glass skin"), 11)).unwrap();
        for item in &d.items {
            assert!(
                all_text(item).to_lowercase().contains("glass skin"),
                "{item:?}"
            );
        }
    }
}

#[test]
fn no_identical_hashtag_set_twice() {
    for (id, _) in niches() {
        let d = draft(&client(id), &req(Kind::Hashtags, 30, None, 4)).unwrap();
        let sets: BTreeSet<BTreeSet<String>> = tag_sets(&d)
            .into_iter()
            .map(|s| s.into_iter().collect())
            .collect();
        assert_eq!(sets.len(), 30, "{id}");
    }
}

#[test]
fn statistic_hooks_take_digits_only_from_the_request() {
    let g = client("fitness");
    let d = draft(&g, &req(Kind::Hooks, 30, Some("5am workouts"), 2)).unwrap();
    let stats: Vec<_> = d
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Hook(h) if h.formula == Formula::Statistic => Some(h.text.clone()),
            _ => None,
        })
        .collect();
    assert!(!stats.is_empty());
    for s in stats {
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        assert!(digits.is_empty() || digits == "5", "{s}");
    }
}

#[test]
fn every_formula_appears_in_eight_hooks() {
    let d = draft(&client("pets"), &req(Kind::Hooks, 8, Some("recall"), 1)).unwrap();
    let formulas: BTreeSet<Formula> = d
        .items
        .iter()
        .map(|i| match i {
            Item::Hook(h) => h.formula,
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(formulas.len(), 8);
}

#[test]
fn count_is_checked() {
    let g = client("food");
    for bad in [0, 31] {
        let e = draft(&g, &req(Kind::Hooks, bad, None, 1)).unwrap_err();
        assert_eq!(e.code(), "bad_count");
    }
    let e = draft(&g, &req(Kind::Hooks, 3, Some("  "), 1)).unwrap_err();
    assert_eq!(e.code(), "empty_topic");
}
