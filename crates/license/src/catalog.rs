//! The catalogue: what is sold (plans, add-ons, one-time products), under which Stripe prices, and
//! what each grants. `catalog.toml` beside this crate's `Cargo.toml` is the default, embedded as
//! [`DEFAULT_CATALOG`]; its header documents the file's format and feature flags.
//!
//! # Rules [`Catalog::parse`] enforces
//! - Unknown fields are refused, so a typo never silently grants nothing (or everything).
//! - Ids (plans, add-ons, one-time products) are lower-case letters, digits and underscores and
//!   unique across all three lists; feature flags and credit kinds follow the same spelling.
//! - Every Stripe price id sells exactly one thing; a plan may have several (monthly, yearly).
//! - Every plan has `seats ≥ 1`, and a price or `trial_days` (else nobody could have it).
//! - `max_active_clients` is a number or `"unlimited"`.
//! - Every add-on grants something; every one-time product grants credits.
//!
//! # Entitlements
//! [`Catalog::entitlements`] starts from the plan and adds each add-on times its quantity
//! (2 × `extra_clients_10` = +20 clients; unlimited stays unlimited; any white-label add-on turns
//! white label on; features are the union), then turns one-time products times their quantities
//! into credits by kind. The same id given twice counts its quantities together; a quantity of 0
//! counts as not bought. Sums saturate at `u32::MAX` instead of wrapping.
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::entitlements::{Credit, Entitlements};
use crate::error::CatalogError;

/// The default catalogue (`catalog.toml`), embedded.
pub const DEFAULT_CATALOG: &str = include_str!("../catalog.toml");

/// The plan the app issues for its own trial.
pub const TRIAL_PLAN: &str = "trial";

/// What a Stripe price sells: the id of a plan, an add-on or a one-time product.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CatalogItem {
    Plan(String),
    AddOn(String),
    OneTime(String),
}

impl CatalogItem {
    /// The id of the plan, add-on or product.
    pub fn id(&self) -> &str {
        match self {
            CatalogItem::Plan(id) | CatalogItem::AddOn(id) | CatalogItem::OneTime(id) => id,
        }
    }
}

/// A plan: a subscription, or the app's trial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub id: String,
    pub label: String,
    /// The Stripe prices that sell it (none for the trial).
    pub prices: Vec<String>,
    /// Set for a trial plan: how long the app's trial lasts.
    pub trial_days: Option<u32>,
    /// None = unlimited.
    pub max_active_clients: Option<u32>,
    pub seats: u32,
    pub white_label: bool,
    pub monthly_ai_credits: u32,
    /// Sorted, unique.
    pub features: Vec<String>,
}

/// An add-on: extra items on a subscription; what it adds is per unit of quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddOn {
    pub id: String,
    pub label: String,
    pub prices: Vec<String>,
    pub extra_clients: u32,
    pub extra_seats: u32,
    pub monthly_ai_credits: u32,
    pub white_label: bool,
    /// Sorted, unique.
    pub features: Vec<String>,
}

/// A one-time product: credits per unit of quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneTimeProduct {
    pub id: String,
    pub label: String,
    pub prices: Vec<String>,
    /// Sorted by kind, one per kind, counts ≥ 1.
    pub credits: Vec<Credit>,
}

/// A parsed, checked catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    plans: Vec<Plan>,
    add_ons: Vec<AddOn>,
    one_time: Vec<OneTimeProduct>,
    by_price: BTreeMap<String, CatalogItem>,
}

/// The default catalogue, parsed once.
pub fn default_catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::parse(DEFAULT_CATALOG)
            .expect("the shipped catalog.toml is checked by a unit test and always parses")
    })
}

impl Catalog {
    /// Parses and checks a catalogue in the format of `catalog.toml`.
    pub fn parse(toml: &str) -> Result<Catalog, CatalogError> {
        let file: CatalogFile =
            toml::from_str(toml).map_err(|e| CatalogError::Syntax(e.to_string().trim().into()))?;
        if file.plan.is_empty() {
            return Err(CatalogError::NoPlans);
        }
        let mut ids = BTreeSet::new();
        let mut by_price = BTreeMap::new();
        let mut claim = |id: &str, prices: &[String], item: CatalogItem| {
            check_id(id)?;
            if !ids.insert(id.to_string()) {
                return Err(CatalogError::DuplicateId(id.into()));
            }
            for price in prices {
                if price.is_empty() || price.chars().any(char::is_whitespace) {
                    return Err(CatalogError::BadPrice {
                        item: id.into(),
                        price: price.clone(),
                    });
                }
                if let Some(first) = by_price.insert(price.clone(), item.clone()) {
                    return Err(CatalogError::DuplicatePrice {
                        price: price.clone(),
                        first: first.id().into(),
                        second: id.into(),
                    });
                }
            }
            Ok(())
        };

        let mut plans = Vec::with_capacity(file.plan.len());
        for p in file.plan {
            claim(&p.id, &p.prices, CatalogItem::Plan(p.id.clone()))?;
            if p.seats == 0 {
                return Err(CatalogError::NoSeats(p.id));
            }
            if p.prices.is_empty() && p.trial_days.is_none() {
                return Err(CatalogError::Unobtainable(p.id));
            }
            let max_active_clients = p.max_active_clients.resolve(&p.id)?;
            let features = features(&p.id, p.features)?;
            plans.push(Plan {
                id: p.id,
                label: p.label,
                prices: p.prices,
                trial_days: p.trial_days,
                max_active_clients,
                seats: p.seats,
                white_label: p.white_label,
                monthly_ai_credits: p.monthly_ai_credits,
                features,
            });
        }

        let mut add_ons = Vec::with_capacity(file.add_on.len());
        for a in file.add_on {
            claim(&a.id, &a.prices, CatalogItem::AddOn(a.id.clone()))?;
            let features = features(&a.id, a.features)?;
            if a.extra_clients == 0
                && a.extra_seats == 0
                && a.monthly_ai_credits == 0
                && !a.white_label
                && features.is_empty()
            {
                return Err(CatalogError::EmptyAddOn(a.id));
            }
            add_ons.push(AddOn {
                id: a.id,
                label: a.label,
                prices: a.prices,
                extra_clients: a.extra_clients,
                extra_seats: a.extra_seats,
                monthly_ai_credits: a.monthly_ai_credits,
                white_label: a.white_label,
                features,
            });
        }

        let mut one_time = Vec::with_capacity(file.one_time.len());
        for o in file.one_time {
            claim(&o.id, &o.prices, CatalogItem::OneTime(o.id.clone()))?;
            let mut credits = Vec::new();
            for (kind, count) in o.credits {
                if !is_identifier(&kind) {
                    return Err(CatalogError::BadCreditKind { item: o.id, kind });
                }
                if count > 0 {
                    credits.push(Credit { kind, count });
                }
            }
            if credits.is_empty() {
                return Err(CatalogError::EmptyProduct(o.id));
            }
            one_time.push(OneTimeProduct {
                id: o.id,
                label: o.label,
                prices: o.prices,
                credits,
            });
        }

        Ok(Catalog {
            plans,
            add_ons,
            one_time,
            by_price,
        })
    }

    /// What the Stripe price sells, if anything in this catalogue.
    pub fn item_for_price(&self, price_id: &str) -> Option<CatalogItem> {
        self.by_price.get(price_id).cloned()
    }

    /// The plan ids, in catalogue order.
    pub fn plan_ids(&self) -> Vec<String> {
        self.plans.iter().map(|p| p.id.clone()).collect()
    }

    /// Whether the catalogue has the plan.
    pub fn has_plan(&self, id: &str) -> bool {
        self.plan(id).is_some()
    }

    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// The add-on with this id.
    pub fn add_on(&self, id: &str) -> Option<&AddOn> {
        self.add_ons.iter().find(|a| a.id == id)
    }

    /// The one-time product with this id.
    pub fn one_time_product(&self, id: &str) -> Option<&OneTimeProduct> {
        self.one_time.iter().find(|o| o.id == id)
    }

    /// Every plan, in catalogue order.
    pub fn plans(&self) -> &[Plan] {
        &self.plans
    }

    /// Every add-on, in catalogue order.
    pub fn add_ons(&self) -> &[AddOn] {
        &self.add_ons
    }

    /// Every one-time product, in catalogue order.
    pub fn one_time_products(&self) -> &[OneTimeProduct] {
        &self.one_time
    }

    /// The entitlements of `plan` with `add_ons` and `one_time` products bought, each as
    /// `(id, quantity)`; see the module docs for how they add up.
    pub fn entitlements(
        &self,
        plan: &str,
        add_ons: &[(String, u32)],
        one_time: &[(String, u32)],
    ) -> Result<Entitlements, CatalogError> {
        let p = self
            .plan(plan)
            .ok_or_else(|| CatalogError::UnknownPlan(plan.into()))?;
        let mut max_active_clients = p.max_active_clients;
        let mut seats = p.seats;
        let mut white_label = p.white_label;
        let mut monthly_ai_credits = p.monthly_ai_credits;
        let mut features: BTreeSet<String> = p.features.iter().cloned().collect();

        for (id, quantity) in merge(add_ons) {
            let a = self
                .add_on(id)
                .ok_or_else(|| CatalogError::UnknownAddOn(id.into()))?;
            if quantity == 0 {
                continue;
            }
            max_active_clients = max_active_clients
                .map(|m| m.saturating_add(a.extra_clients.saturating_mul(quantity)));
            seats = seats.saturating_add(a.extra_seats.saturating_mul(quantity));
            monthly_ai_credits =
                monthly_ai_credits.saturating_add(a.monthly_ai_credits.saturating_mul(quantity));
            white_label |= a.white_label;
            features.extend(a.features.iter().cloned());
        }

        let mut credits: BTreeMap<String, u32> = BTreeMap::new();
        for (id, quantity) in merge(one_time) {
            let o = self
                .one_time_product(id)
                .ok_or_else(|| CatalogError::UnknownProduct(id.into()))?;
            for c in &o.credits {
                let n = credits.entry(c.kind.clone()).or_default();
                *n = n.saturating_add(c.count.saturating_mul(quantity));
            }
        }

        Ok(Entitlements {
            max_active_clients,
            seats,
            white_label,
            features: features.into_iter().collect(),
            monthly_ai_credits,
            one_time_credits: credits
                .into_iter()
                .filter(|(_, count)| *count > 0)
                .map(|(kind, count)| Credit { kind, count })
                .collect(),
            add_ons: merge(add_ons)
                .into_iter()
                .filter(|(_, q)| *q > 0)
                .map(|(id, _)| id.to_string())
                .collect(),
        })
    }
}

/// Quantities per id, the same id added up, sorted by id.
fn merge(items: &[(String, u32)]) -> BTreeMap<&str, u32> {
    let mut out: BTreeMap<&str, u32> = BTreeMap::new();
    for (id, q) in items {
        let n = out.entry(id.as_str()).or_default();
        *n = n.saturating_add(*q);
    }
    out
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn check_id(id: &str) -> Result<(), CatalogError> {
    if is_identifier(id) {
        Ok(())
    } else {
        Err(CatalogError::BadId(id.into()))
    }
}

/// Checked, sorted, unique feature flags.
fn features(item: &str, list: Vec<String>) -> Result<Vec<String>, CatalogError> {
    let mut set = BTreeSet::new();
    for feature in list {
        if !is_identifier(&feature) {
            return Err(CatalogError::BadFeature {
                item: item.into(),
                feature,
            });
        }
        set.insert(feature);
    }
    Ok(set.into_iter().collect())
}

/// `catalog.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    plan: Vec<PlanFile>,
    #[serde(default)]
    add_on: Vec<AddOnFile>,
    #[serde(default)]
    one_time: Vec<OneTimeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    id: String,
    label: String,
    #[serde(default)]
    prices: Vec<String>,
    #[serde(default)]
    trial_days: Option<u32>,
    max_active_clients: LimitFile,
    seats: u32,
    white_label: bool,
    monthly_ai_credits: u32,
    features: Vec<String>,
}

/// `max_active_clients`: a number or `"unlimited"`; anything else is refused with the plan named.
#[derive(Deserialize)]
#[serde(untagged)]
enum LimitFile {
    Count(i64),
    Word(String),
    Float(f64),
    Flag(bool),
}

impl LimitFile {
    fn resolve(&self, plan: &str) -> Result<Option<u32>, CatalogError> {
        let bad = |value: String| CatalogError::BadLimit {
            plan: plan.into(),
            value,
        };
        match self {
            LimitFile::Count(n) => u32::try_from(*n).map(Some).map_err(|_| bad(n.to_string())),
            LimitFile::Word(w) if w == "unlimited" => Ok(None),
            LimitFile::Word(w) => Err(bad(w.clone())),
            LimitFile::Float(f) => Err(bad(f.to_string())),
            LimitFile::Flag(b) => Err(bad(b.to_string())),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddOnFile {
    id: String,
    label: String,
    prices: Vec<String>,
    #[serde(default)]
    extra_clients: u32,
    #[serde(default)]
    extra_seats: u32,
    #[serde(default)]
    monthly_ai_credits: u32,
    #[serde(default)]
    white_label: bool,
    #[serde(default)]
    features: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OneTimeFile {
    id: String,
    label: String,
    prices: Vec<String>,
    credits: BTreeMap<String, u32>,
}

#[cfg(test)]
mod tests {
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
        assert!(e.has_feature("exports"));
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
}
