//! How the client's data shapes a draft.
mod common;

use std::collections::BTreeSet;

use common::*;
use instagrowth_content::{draft, niche_info, Item, Kind, Request};

fn items(d: &instagrowth_content::Draft) -> &[Item] {
    &d.items
}

#[test]
fn reel_why_names_the_top_post_and_its_real_rate() {
    let mut g = client("beauty");
    g.top_posts = vec![
        post(
            "3 ways to calm irritated skin\nmore text",
            "carousel",
            &["skincare"],
            Some(0.0614),
        ),
        post("Our studio tour", "reel", &[], None),
    ];
    let d = draft(&g, &Request::new(Kind::Reels, 4, None, 1)).unwrap();
    let whys: Vec<&str> = items(&d)
        .iter()
        .map(|i| match i {
            Item::Reel(r) => r.why.as_str(),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(
        whys[0],
        "builds on your carousel “3 ways to calm irritated skin” — 6.1 % engagement"
    );
    assert_eq!(
        whys[1],
        "builds on your reel “Our studio tour”, one of your top posts"
    );
    assert!(!whys[1].contains('%'));
    assert_eq!(whys[2], whys[0]);
}

#[test]
fn reel_why_names_the_pillar_without_posts() {
    let mut g = client("fitness");
    g.pillars = vec!["Kettlebell basics".into()];
    let d = draft(&g, &Request::new(Kind::Reels, 1, None, 1)).unwrap();
    match &d.items[0] {
        Item::Reel(r) => assert!(r.why.contains("pillar “Kettlebell basics”"), "{}", r.why),
        _ => unreachable!(),
    }
}

#[test]
fn bottom_post_formats_come_later() {
    let carousel_like = [
        "talking_head_tips",
        "three_mistakes",
        "tutorial",
        "myth_vs_fact",
        "wish_i_knew",
        "checklist",
    ];
    let mut g = client("food");
    g.bottom_posts = vec![post("Recipe carousel", "carousel", &[], Some(0.002))];
    for seed in SEEDS {
        let d = draft(&g, &Request::new(Kind::Reels, 6, None, seed)).unwrap();
        for i in items(&d) {
            if let Item::Reel(r) = i {
                assert!(!carousel_like.contains(&r.format.as_str()), "{}", r.format);
            }
        }
    }
}

#[test]
fn lead_goals_get_lead_calls_to_action() {
    let mut g = client("coaching");
    g.goals = "More discovery-call leads via DM".into();
    let d = draft(
        &g,
        &Request::new(Kind::Captions, 12, Some("time blocking".into()), 3),
    )
    .unwrap();
    let leads = items(&d)
        .iter()
        .filter(|i| match i {
            Item::Caption(c) => {
                let cta = c.cta.to_lowercase();
                cta.contains("dm")
                    || cta.contains("book")
                    || cta.contains("“")
                    || cta.contains("message")
            }
            _ => false,
        })
        .count();
    assert!(leads >= 9, "{leads} of 12");
    let any_keyword = items(&d)
        .iter()
        .any(|i| matches!(i, Item::Caption(c) if c.cta.contains("“BLOCKING”")));
    assert!(any_keyword);
}

#[test]
fn voice_decides_emoji() {
    const EMOJI: [&str; 6] = ["✨", "🙌", "💡", "👇", "🔥", "💛"];
    let mut g = client("travel");
    g.brand_voice = "Playful and cheeky".into();
    let d = draft(&g, &Request::new(Kind::Captions, 6, None, 1)).unwrap();
    assert!(items(&d)
        .iter()
        .all(|i| EMOJI.iter().any(|e| i.main_text().contains(e))));
    g.brand_voice = "Professional".into();
    let d = draft(&g, &Request::new(Kind::Captions, 6, None, 1)).unwrap();
    assert!(items(&d)
        .iter()
        .all(|i| !EMOJI.iter().any(|e| i.main_text().contains(e))));
}

#[test]
fn audience_and_pillars_come_from_the_client() {
    let mut g = client("parenting");
    g.audience = "Working dads".into();
    g.pillars = vec!["Bedtime wins".into(), "Weekend adventures".into()];
    let d = draft(&g, &Request::new(Kind::Hooks, 2, None, 5)).unwrap();
    let text: String = items(&d)
        .iter()
        .map(|i| i.main_text().to_lowercase())
        .collect();
    assert!(
        text.contains("bedtime wins") && text.contains("weekend adventures"),
        "{text}"
    );
    let d = draft(&g, &Request::new(Kind::Reels, 3, Some("sleep".into()), 5)).unwrap();
    let text = serde_json::to_string(&d).unwrap();
    assert!(text.contains("working dads"), "{text}");
}

#[test]
fn hashtags_prefer_tags_that_beat_the_clients_average() {
    let mut g = client("beauty");
    g.tag_stats = vec![
        stat("glassskinclub", 5, 0.09),
        stat("retinol", 4, 0.05),
        stat("skincare", 10, 0.01),
        stat("makeup", 6, 0.008),
        stat("onceonly", 1, 0.2),
        stat("explorepage", 9, 0.2),
    ];
    let info = niche_info("beauty").unwrap();
    let mut allowed: BTreeSet<String> = info
        .broad
        .iter()
        .chain(&info.mid)
        .chain(&info.niche)
        .map(|t| format!("#{t}"))
        .collect();
    allowed.insert("#glassskinclub".into());
    for seed in SEEDS {
        let d = draft(&g, &Request::new(Kind::Hashtags, 10, None, seed)).unwrap();
        for s in tag_sets(&d) {
            assert!(s.iter().all(|t| allowed.contains(t)), "{s:?}");
            assert!(
                !s.contains(&"#skincare".to_string()) && !s.contains(&"#makeup".to_string()),
                "{s:?}"
            );
            assert!(
                !s.contains(&"#explorepage".to_string()) && !s.contains(&"#onceonly".to_string())
            );
            assert!(
                s.contains(&"#glassskinclub".to_string()) && s.contains(&"#retinol".to_string()),
                "{s:?}"
            );
        }
    }
}

#[test]
fn an_unknown_niche_falls_back_to_the_clients_own_material() {
    let mut g = client("beauty");
    g.niche = "Underwater basket weaving".into();
    g.pillars = vec!["Weaving technique".into(), "Dive safety".into()];
    g.top_posts = vec![
        post(
            "My first basket",
            "image",
            &["basketweaving", "explore", "handwoven", "fyp"],
            Some(0.05),
        ),
        post(
            "Underwater!",
            "reel",
            &["scubadiving", "viral", "basketry", "weaving"],
            Some(0.04),
        ),
    ];
    g.tag_stats = vec![stat("handwoven", 3, 0.06), stat("weaving", 4, 0.01)];
    for kind in Kind::ALL {
        let d = draft(&g, &Request::new(kind, 5, None, 2)).unwrap();
        assert_eq!(d.niche, "general");
        assert!(
            d.notes.iter().any(|n| n.contains("not in the library")),
            "{:?}",
            d.notes
        );
        if kind == Kind::Hashtags {
            let own: BTreeSet<&str> = [
                "#basketweaving",
                "#handwoven",
                "#scubadiving",
                "#basketry",
                "#weavingtechnique",
                "#divesafety",
            ]
            .into();
            for s in tag_sets(&d) {
                assert!(s.iter().all(|t| own.contains(t.as_str())), "{s:?}");
                assert!(s.len() >= 3);
            }
        }
    }
    g.top_posts.clear();
    g.tag_stats.clear();
    g.pillars.clear();
    let e = draft(&g, &Request::new(Kind::Hashtags, 2, None, 1)).unwrap_err();
    assert_eq!(e.code(), "no_hashtag_source");
    assert!(draft(&g, &Request::new(Kind::Hooks, 30, None, 1)).is_ok());
}
