//! The JSON shape the UI and the AI path see.
mod common;

use common::*;
use instagrowth_content::{draft, Formula, Hook, Item, Kind, Request};
use serde_json::{json, Value};

#[test]
fn a_hashtag_item_has_top_level_tags() {
    let d = draft(
        &client("beauty"),
        &Request::new(Kind::Hashtags, 2, Some("retinol".into()), 1),
    )
    .unwrap();
    let v: Value = serde_json::to_value(&d).unwrap();
    assert_eq!(v["kind"], "hashtags");
    let item = &v["items"][0];
    assert_eq!(item["type"], "hashtags");
    let tags = item["tags"].as_array().unwrap();
    assert_eq!(tags.len(), 5);
    assert!(tags.iter().all(|t| t.as_str().unwrap().starts_with('#')));
    assert!(tags.contains(&json!("#retinol")), "{tags:?}");
    let back: instagrowth_content::Draft = serde_json::from_value(v).unwrap();
    assert_eq!(back, d);
}

#[test]
fn items_and_enums_look_natural() {
    let hook = Item::Hook(Hook {
        text: "Most people skip this.".into(),
        formula: Formula::CuriosityGap,
    });
    assert_eq!(
        serde_json::to_value(&hook).unwrap(),
        json!({"type": "hook", "text": "Most people skip this.", "formula": "curiosity_gap"})
    );
    assert_eq!(serde_json::to_value(Kind::Reels).unwrap(), json!("reels"));
    assert_eq!(Kind::parse("Hashtags").unwrap(), Kind::Hashtags);
    assert_eq!(Kind::parse("carousels").unwrap_err().code(), "unknown_kind");
    let r: Request =
        serde_json::from_value(json!({"kind": "captions", "count": 3, "topic": null, "seed": 9}))
            .unwrap();
    assert_eq!(r, Request::new(Kind::Captions, 3, None, 9));
}

#[test]
fn every_kind_round_trips() {
    for kind in Kind::ALL {
        let d = draft(&client("travel"), &Request::new(kind, 3, None, 4)).unwrap();
        let text = serde_json::to_string(&d).unwrap();
        let back: instagrowth_content::Draft = serde_json::from_str(&text).unwrap();
        assert_eq!(back, d);
    }
}
