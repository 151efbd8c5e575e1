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
pub const DEFAULT_CATALOG: &str = include_str!("../../catalog.toml");

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

/// The feature flags the app knows (see `catalog.toml` for what each gates). A catalogue naming
/// any other is refused: a misspelt flag would otherwise sell a feature that never switches on.
pub const FEATURES: &[&str] = &[
    "ai",
    "audit",
    "content",
    "pdf_reports",
    "planner",
    "priority_support",
    "replies",
];

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
        if !FEATURES.contains(&feature.as_str()) {
            return Err(CatalogError::UnknownFeature {
                item: item.into(),
                feature,
                known: FEATURES.join(", "),
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
mod tests;
