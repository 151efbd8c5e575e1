//! Hooks: the first line of a post or the first words of a reel, from the eight formulas of
//! `library/hooks.toml`. Items cycle through the formulas in a seed-shuffled order, so a draft of
//! eight or more has every formula once before any repeats.
use crate::error::ContentError;
use crate::grounding::{topic_order, Context, Seen};
use crate::library::library;
use crate::model::{Formula, Hook, Item, Kind};
use crate::rng::Rng;
use crate::template::fill;

pub(crate) fn draft(ctx: &Context, count: usize, rng: &mut Rng) -> Result<Vec<Item>, ContentError> {
    let mut formulas = Formula::ALL.to_vec();
    rng.shuffle(&mut formulas);
    let mut seen = Seen::default();
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        let hook = topic_order(ctx, i)
            .find_map(|t| {
                (0..formulas.len()).find_map(|k| {
                    let formula = formulas[(i + k) % formulas.len()];
                    let mut cands = candidates(ctx, ctx.topic(t), formula);
                    rng.shuffle(&mut cands);
                    cands.into_iter().find(|h| seen.fresh(ctx, &h.text))
                })
            })
            .ok_or(ContentError::NotEnough {
                kind: Kind::Hooks,
                wanted: count as u32,
                got: i as u32,
            })?;
        seen.add(&hook.text);
        items.push(Item::Hook(hook));
    }
    Ok(items)
}

/// Every hook of `formula` about `topic`: each template with each safe count and result it takes.
pub(crate) fn candidates(ctx: &Context, topic: &str, formula: Formula) -> Vec<Hook> {
    let lib = &library().hooks;
    let base = ctx.vars(topic);
    let mut out = Vec::new();
    for template in lib.templates(formula) {
        let counts: Vec<&str> = if template.contains("{number}") {
            lib.counts.iter().map(String::as_str).collect()
        } else {
            vec![""]
        };
        let results: Vec<&str> = if template.contains("{result}") {
            ctx.results.iter().map(String::as_str).collect()
        } else {
            vec![""]
        };
        for number in &counts {
            for result in &results {
                let mut vars = base.clone();
                vars.number = number.to_string();
                vars.result = result.to_string();
                out.push(Hook {
                    text: fill(template, &vars),
                    formula,
                });
            }
        }
    }
    out
}
