//! The library as shipped: it parses, keeps its rules, and every niche has what drafting needs.
use instagrowth_content::{
    caption_frameworks, library_problems, match_niche, niche_info, niches, reel_formats,
};

#[test]
fn the_library_parses_and_keeps_its_rules() {
    let problems = library_problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_required_niche_is_there_with_enough_material() {
    let ids: Vec<&str> = niches().iter().map(|(id, _)| *id).collect();
    for id in [
        "fitness",
        "beauty",
        "food",
        "real_estate",
        "coaching",
        "fashion_ecommerce",
        "travel",
        "photography",
        "saas_b2b",
        "local_restaurants",
        "wellness",
        "parenting",
        "personal_finance",
        "pets",
        "education",
    ] {
        assert!(ids.contains(&id), "{id} is missing");
        let n = niche_info(id).unwrap();
        assert!(
            n.pillars.len() >= 5 && n.topics.len() >= 15 && n.results.len() >= 5,
            "{id}"
        );
        assert!(
            n.broad.len() >= 8 && n.mid.len() >= 12 && n.niche.len() >= 15,
            "{id}"
        );
        assert!(!n.aliases.is_empty() && !n.audience.is_empty(), "{id}");
    }
    assert!(reel_formats().len() >= 12);
    assert_eq!(caption_frameworks().len(), 8);
}

#[test]
fn free_text_niches_map_to_the_library() {
    for (text, id) in [
        ("skincare studio", "beauty"),
        ("Hair salon", "beauty"),
        ("nail studio", "beauty"),
        ("Online fitness coach", "fitness"),
        ("personal trainer", "fitness"),
        ("business coach", "coaching"),
        ("food truck", "local_restaurants"),
        ("coffee shop & bakery", "local_restaurants"),
        ("vegan recipes", "food"),
        ("Realtor in Austin", "real_estate"),
        ("mortgage broker", "real_estate"),
        ("dog grooming salon", "pets"),
        ("newborn photographer", "photography"),
        ("boutique hotel", "travel"),
        ("streetwear brand", "fashion_ecommerce"),
        ("B2B SaaS", "saas_b2b"),
        ("yoga teacher", "wellness"),
        ("maths tutor", "education"),
        ("mum blogger", "parenting"),
        ("budget travel", "travel"),
        ("financial coach", "personal_finance"),
    ] {
        assert_eq!(match_niche(text), Some(id), "{text}");
    }
    assert_eq!(match_niche("underwater basket weaving"), None);
    assert_eq!(match_niche(""), None);
}
