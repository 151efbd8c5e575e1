//! Captions from the frameworks of `library/captions.toml` (AIDA, PAS, story–lesson–CTA…): a
//! first-line hook, body lines for the length, and a call to action in the style of the client's
//! goal (leads → "DM me KEYWORD", sales → shop links; every fourth caption asks for a save or
//! comment instead, so the feed is not all asks). A playful voice adds one emoji to the first line.
use crate::error::ContentError;
use crate::grounding::{topic_order, Context, Goal, Seen, Tone};
use crate::library::{library, Framework};
use crate::model::{Caption, CaptionLength, Item, Kind};
use crate::rng::Rng;
use crate::template::fill;

pub(crate) fn draft(
    ctx: &Context,
    count: usize,
    length: Option<CaptionLength>,
    rng: &mut Rng,
) -> Result<Vec<Item>, ContentError> {
    let lib = &library().captions;
    let mut frameworks: Vec<&Framework> = lib.frameworks.iter().collect();
    rng.shuffle(&mut frameworks);
    let offset = rng.below(CaptionLength::ALL.len());
    let mut seen = Seen::default();
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        let len = length.unwrap_or(CaptionLength::ALL[(i + offset) % CaptionLength::ALL.len()]);
        let ctas = ctas_for(ctx.goal, i);
        let emoji = match ctx.tone {
            Tone::Playful => rng.pick(&lib.playful_emoji).map(String::as_str),
            Tone::Professional | Tone::Neutral => None,
        };
        let caption = topic_order(ctx, i)
            .find_map(|t| {
                (0..frameworks.len()).find_map(|k| {
                    let fw = frameworks[(i + k) % frameworks.len()];
                    let mut cands = candidates(ctx, ctx.topic(t), fw, len, ctas);
                    rng.shuffle(&mut cands);
                    // Judged without the emoji too: the client may have saved it either way.
                    cands
                        .into_iter()
                        .find(|c| seen.fresh(ctx, &c.text))
                        .map(|c| with_emoji(c, emoji))
                        .filter(|c| seen.fresh(ctx, &c.text))
                })
            })
            .ok_or(ContentError::NotEnough {
                kind: Kind::Captions,
                wanted: count as u32,
                got: i as u32,
            })?;
        seen.add(&caption.text);
        if let Some(e) = emoji {
            seen.add(&caption.text.replacen(&format!(" {e}"), "", 1));
        }
        items.push(Item::Caption(caption));
    }
    Ok(items)
}

/// The calls to action for item `i`: the goal's own, with every fourth an engagement one.
fn ctas_for(goal: Goal, i: usize) -> &'static [String] {
    let c = &library().captions.ctas;
    match goal {
        Goal::Leads if i % 4 != 3 => &c.leads,
        Goal::Sales if i % 4 != 3 => &c.sales,
        _ => &c.engagement,
    }
}

fn lines(fw: &Framework, len: CaptionLength) -> &[String] {
    match len {
        CaptionLength::Short => &fw.short,
        CaptionLength::Medium => &fw.medium,
        CaptionLength::Long => &fw.long,
    }
}

fn candidates(
    ctx: &Context,
    topic: &str,
    fw: &Framework,
    len: CaptionLength,
    ctas: &[String],
) -> Vec<Caption> {
    let body_lines = lines(fw, len);
    let uses_result = fw
        .hooks
        .iter()
        .chain(body_lines)
        .any(|l| l.contains("{result}"));
    let results: Vec<&str> = if uses_result {
        ctx.results.iter().map(String::as_str).collect()
    } else {
        vec![""]
    };
    let mut out = Vec::new();
    for result in results {
        let mut vars = ctx.vars(topic);
        vars.result = result.to_string();
        let body = body_lines
            .iter()
            .map(|l| fill(l, &vars))
            .collect::<Vec<_>>()
            .join("\n");
        for hook in &fw.hooks {
            let hook = fill(hook, &vars);
            for cta in ctas {
                let cta = fill(cta, &vars);
                out.push(caption(len, hook.clone(), body.clone(), cta, &fw.id));
            }
        }
    }
    out
}

fn caption(length: CaptionLength, hook: String, body: String, cta: String, fw: &str) -> Caption {
    let text = format!("{hook}\n\n{body}\n\n{cta}");
    Caption {
        length,
        hook,
        body,
        cta,
        text,
        framework: fw.to_string(),
    }
}

fn with_emoji(c: Caption, emoji: Option<&str>) -> Caption {
    match emoji {
        Some(e) => {
            let hook = format!("{} {e}", c.hook);
            caption(c.length, hook, c.body, c.cta, &c.framework)
        }
        None => c,
    }
}
