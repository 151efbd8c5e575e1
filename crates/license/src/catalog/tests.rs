//! The catalogue's tests: the shipped file's defaults, quantities, and refused catalogues.
use super::*;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn bought(items: &[(&str, u32)]) -> Vec<(String, u32)> {
    items.iter().map(|(id, q)| (id.to_string(), *q)).collect()
}

const MINIMAL: &str = r#"
    [[plan]]
    id = "solo"
    label = "Solo"
    prices = ["price_solo"]
    max_active_clients = 1
    seats = 1
    white_label = false
    monthly_ai_credits = 0
    features = []
"#;

fn refused(toml: &str) -> CatalogError {
    Catalog::parse(toml).expect_err("the catalogue should be refused")
}

#[test]
fn the_shipped_catalogue_parses_with_the_documented_defaults() {
    let c = Catalog::parse(DEFAULT_CATALOG).unwrap();
    assert_eq!(
        c.plan_ids(),
        strings(&["trial", "starter", "pro", "agency", "enterprise"])
    );
    let limits: Vec<(Option<u32>, u32, bool, u32)> = ["starter", "pro", "agency", "enterprise"]
        .iter()
        .map(|id| {
            let p = c.plan(id).unwrap();
            (
                p.max_active_clients,
                p.seats,
                p.white_label,
                p.monthly_ai_credits,
            )
        })
        .collect();
    assert_eq!(
        limits,
        vec![
            (Some(3), 1, false, 100),
            (Some(10), 2, false, 500),
            (Some(40), 5, true, 2000),
            (None, 20, true, 10000),
        ]
    );
    let trial = c.plan(TRIAL_PLAN).unwrap();
    let starter = c.plan("starter").unwrap();
    assert_eq!(trial.trial_days, Some(14));
    assert!(trial.prices.is_empty());
    assert_eq!(
        (trial.max_active_clients, trial.seats, &trial.features),
        (starter.max_active_clients, starter.seats, &starter.features)
    );
    for p in c.plans() {
        for core in [
            "ai",
            "audit",
            "content",
            "pdf_reports",
            "planner",
            "replies",
        ] {
            assert!(
                p.features.iter().any(|f| f == core),
                "{} lacks {core}",
                p.id
            );
        }
    }
    assert_eq!(default_catalog(), &c);
}

#[test]
fn every_example_price_maps_to_its_item() {
    let c = default_catalog();
    let expect = [
        ("price_starter_monthly", CatalogItem::Plan("starter".into())),
        ("price_pro_monthly", CatalogItem::Plan("pro".into())),
        ("price_agency_monthly", CatalogItem::Plan("agency".into())),
        (
            "price_enterprise_monthly",
            CatalogItem::Plan("enterprise".into()),
        ),
        (
            "price_extra_clients_10",
            CatalogItem::AddOn("extra_clients_10".into()),
        ),
        (
            "price_white_label",
            CatalogItem::AddOn("white_label".into()),
        ),
        (
            "price_report_single",
            CatalogItem::OneTime("report_single".into()),
        ),
        (
            "price_content_pack",
            CatalogItem::OneTime("content_pack".into()),
        ),
    ];
    for (price, item) in expect {
        assert_eq!(c.item_for_price(price), Some(item), "{price}");
    }
    assert_eq!(c.item_for_price("price_unknown"), None);
    assert_eq!(c.item_for_price(""), None);
    assert!(c.has_plan("agency"));
    assert!(!c.has_plan("Agency"));
}

#[test]
fn plan_alone_gives_its_limits() {
    let e = default_catalog().entitlements("pro", &[], &[]).unwrap();
    assert_eq!(e.max_active_clients, Some(10));
    assert_eq!(e.seats, 2);
    assert!(!e.white_label);
    assert_eq!(e.monthly_ai_credits, 500);
    assert!(e.has_feature("pdf_reports") && e.has_feature("ai"));
    assert!(e.one_time_credits.is_empty());
    assert!(e.add_ons.is_empty());
    let mut sorted = e.features.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, e.features);
}

#[test]
fn add_on_quantities_add_up() {
    let c = default_catalog();
    let e = c
        .entitlements("starter", &bought(&[("extra_clients_10", 2)]), &[])
        .unwrap();
    assert_eq!(e.max_active_clients, Some(23));
    assert_eq!(e.add_ons, strings(&["extra_clients_10"]));
    // The same add-on twice counts together.
    let e = c
        .entitlements(
            "pro",
            &bought(&[
                ("extra_clients_10", 1),
                ("white_label", 1),
                ("extra_clients_10", 2),
            ]),
            &[],
        )
        .unwrap();
    assert_eq!(e.max_active_clients, Some(40));
    assert!(e.white_label);
    assert_eq!(e.add_ons, strings(&["extra_clients_10", "white_label"]));
    // Quantity 0 is not bought.
    let e = c
        .entitlements("starter", &bought(&[("extra_clients_10", 0)]), &[])
        .unwrap();
    assert_eq!(e.max_active_clients, Some(3));
    assert!(e.add_ons.is_empty());
}

#[test]
fn unlimited_stays_unlimited() {
    let e = default_catalog()
        .entitlements("enterprise", &bought(&[("extra_clients_10", 5)]), &[])
        .unwrap();
    assert_eq!(e.max_active_clients, None);
    assert_eq!(e.add_ons, strings(&["extra_clients_10"]));
}

#[test]
fn one_time_products_become_credits_by_kind() {
    let e = default_catalog()
        .entitlements(
            "starter",
            &[],
            &bought(&[
                ("report_single", 3),
                ("content_pack", 1),
                ("report_single", 1),
            ]),
        )
        .unwrap();
    assert_eq!(
        e.one_time_credits,
        vec![
            Credit {
                kind: "audit_report".into(),
                count: 4
            },
            Credit {
                kind: "content_pack".into(),
                count: 1
            },
        ]
    );
    let none = default_catalog()
        .entitlements("starter", &[], &bought(&[("report_single", 0)]))
        .unwrap();
    assert!(none.one_time_credits.is_empty());
}

#[test]
fn sums_saturate_instead_of_wrapping() {
    let e = default_catalog()
        .entitlements("starter", &bought(&[("extra_clients_10", u32::MAX)]), &[])
        .unwrap();
    assert_eq!(e.max_active_clients, Some(u32::MAX));
}

#[test]
fn unknown_ids_are_named() {
    let c = default_catalog();
    assert_eq!(
        c.entitlements("gold", &[], &[]),
        Err(CatalogError::UnknownPlan("gold".into()))
    );
    assert_eq!(
        c.entitlements("pro", &bought(&[("extra_seats", 1)]), &[]),
        Err(CatalogError::UnknownAddOn("extra_seats".into()))
    );
    assert_eq!(
        c.entitlements("pro", &[], &bought(&[("poster", 1)])),
        Err(CatalogError::UnknownProduct("poster".into()))
    );
    assert_eq!(
        c.entitlements("gold", &[], &[]).unwrap_err().code(),
        "PLAN_NOT_FOUND"
    );
}

#[test]
fn a_minimal_catalogue_parses() {
    let c = Catalog::parse(MINIMAL).unwrap();
    assert_eq!(c.plan_ids(), strings(&["solo"]));
    assert!(c.add_ons().is_empty());
    assert!(c.one_time_products().is_empty());
}

#[test]
fn duplicate_prices_are_refused() {
    let toml = format!(
        "{MINIMAL}\n[[add_on]]\nid = \"more\"\nlabel = \"More\"\nprices = [\"price_solo\"]\nextra_clients = 1\n"
    );
    let e = refused(&toml);
    assert_eq!(
        e,
        CatalogError::DuplicatePrice {
            price: "price_solo".into(),
            first: "solo".into(),
            second: "more".into()
        }
    );
    assert!(e.to_string().contains("price_solo"));
    assert!(e.to_string().contains("exactly one thing"));
}

#[test]
fn unknown_fields_are_refused() {
    let e = refused(&MINIMAL.replace("seats = 1", "seats = 1\nseets = 2"));
    assert!(matches!(e, CatalogError::Syntax(_)));
    assert!(e.to_string().contains("seets"), "{e}");
    let e = refused(&format!("{MINIMAL}\n[[addon]]\nid = \"x\"\n"));
    assert!(e.to_string().contains("addon"), "{e}");
}

#[test]
fn plans_need_seats() {
    let e = refused(&MINIMAL.replace("seats = 1", "seats = 0"));
    assert_eq!(e, CatalogError::NoSeats("solo".into()));
    assert!(e.to_string().contains("at least 1"));
}

#[test]
fn missing_fields_are_refused() {
    let e = refused(&MINIMAL.replace("seats = 1", ""));
    assert!(e.to_string().contains("seats"), "{e}");
}

#[test]
fn limits_are_numbers_or_unlimited() {
    let unlimited = Catalog::parse(&MINIMAL.replace(
        "max_active_clients = 1",
        "max_active_clients = \"unlimited\"",
    ))
    .unwrap();
    assert_eq!(unlimited.plan("solo").unwrap().max_active_clients, None);
    for bad in ["\"lots\"", "-1", "2.5", "true"] {
        let e = refused(&MINIMAL.replace(
            "max_active_clients = 1",
            &format!("max_active_clients = {bad}"),
        ));
        assert!(matches!(e, CatalogError::BadLimit { .. }), "{bad}: {e}");
        assert!(e.to_string().contains("unlimited"));
    }
}

#[test]
fn other_rules_are_enforced() {
    assert_eq!(refused(""), CatalogError::NoPlans);
    assert_eq!(
        refused(&MINIMAL.replace("id = \"solo\"", "id = \"Solo Plan\"")),
        CatalogError::BadId("Solo Plan".into())
    );
    assert_eq!(
        refused(&MINIMAL.replace("prices = [\"price_solo\"]", "prices = []")),
        CatalogError::Unobtainable("solo".into())
    );
    assert!(matches!(
        refused(&MINIMAL.replace("prices = [\"price_solo\"]", "prices = [\"price solo\"]")),
        CatalogError::BadPrice { .. }
    ));
    assert!(matches!(
        refused(&MINIMAL.replace("features = []", "features = [\"PDF\"]")),
        CatalogError::BadFeature { .. }
    ));
    let twice = format!("{MINIMAL}{}", MINIMAL.replace("price_solo", "price_solo_2"));
    assert_eq!(refused(&twice), CatalogError::DuplicateId("solo".into()));
    let empty_add_on =
        format!("{MINIMAL}\n[[add_on]]\nid = \"nothing\"\nlabel = \"Nothing\"\nprices = [\"price_nothing\"]\n");
    assert_eq!(
        refused(&empty_add_on),
        CatalogError::EmptyAddOn("nothing".into())
    );
    let empty_product = format!(
        "{MINIMAL}\n[[one_time]]\nid = \"air\"\nlabel = \"Air\"\nprices = [\"price_air\"]\ncredits = {{ audit_report = 0 }}\n"
    );
    assert_eq!(
        refused(&empty_product),
        CatalogError::EmptyProduct("air".into())
    );
}

#[test]
fn a_plan_may_have_several_prices() {
    let c = Catalog::parse(&MINIMAL.replace(
        "prices = [\"price_solo\"]",
        "prices = [\"price_solo_monthly\", \"price_solo_yearly\"]",
    ))
    .unwrap();
    assert_eq!(
        c.item_for_price("price_solo_yearly"),
        Some(CatalogItem::Plan("solo".into()))
    );
    assert_eq!(
        c.item_for_price("price_solo_monthly"),
        Some(CatalogItem::Plan("solo".into()))
    );
}

#[test]
fn a_feature_the_app_does_not_know_is_refused() {
    let toml = DEFAULT_CATALOG.replacen("\"audit\", ", "\"adit\", ", 1);
    assert_ne!(toml, DEFAULT_CATALOG);
    let e = Catalog::parse(&toml).unwrap_err();
    assert!(matches!(e, CatalogError::UnknownFeature { ref feature, .. } if feature == "adit"));
    assert!(
        e.to_string()
            .contains("not a feature the app knows: use ai, audit"),
        "{e}"
    );
}
