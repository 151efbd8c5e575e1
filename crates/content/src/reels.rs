//! Reel ideas from the formats of `library/reels.toml`. Each idea builds on one of the client's
//! top posts in turn (best first) — the `why` names it and its real engagement rate — or, without
//! posts, on a pillar. Formats whose post format matches a top post come sooner; formats like the
//! client's bottom posts come later; a format is not reused until every format has had a turn.
use crate::error::ContentError;
use crate::grounding::{norm, topic_order, Context, Goal, Seen};
use crate::library::{library, ReelFormat};
use crate::model::{Item, Kind, PostRef, ReelIdea};
use crate::rng::Rng;
use crate::template::{fill, Vars};

pub(crate) fn draft(ctx: &Context, count: usize, rng: &mut Rng) -> Result<Vec<Item>, ContentError> {
    let formats = &library().reels.formats;
    let mut uses = vec![0u32; formats.len()];
    let mut seen = Seen::default();
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        let anchor = (!ctx.top.is_empty()).then(|| ctx.top[i % ctx.top.len()]);
        let mut order: Vec<(i64, usize)> = formats
            .iter()
            .enumerate()
            .map(|(k, f)| (score(ctx, f, anchor, uses[k]) * 4 + rng.below(4) as i64, k))
            .collect();
        order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let reel = topic_order(ctx, i)
            .find_map(|t| {
                order.iter().find_map(|&(_, k)| {
                    let topic = ctx.topic(t);
                    let mut titles: Vec<&String> = formats[k].titles.iter().collect();
                    rng.shuffle(&mut titles);
                    let vars = ctx.vars(topic);
                    let title = titles
                        .into_iter()
                        .map(|t| fill(t, &vars))
                        .find(|t| seen.fresh(ctx, t))?;
                    Some((k, build(ctx, &formats[k], title, topic, anchor, i, rng)))
                })
            })
            .ok_or(ContentError::NotEnough {
                kind: Kind::Reels,
                wanted: count as u32,
                got: i as u32,
            })?;
        let (k, reel) = reel;
        uses[k] += 1;
        seen.add(&reel.title);
        items.push(Item::Reel(reel));
    }
    Ok(items)
}

/// How well a format fits this client now (higher first).
fn score(ctx: &Context, f: &ReelFormat, anchor: Option<&PostRef>, uses: u32) -> i64 {
    let mut s = -10 * i64::from(uses);
    if anchor.is_some_and(|p| p.format.eq_ignore_ascii_case(&f.echoes)) {
        s += 3;
    }
    let signals = |p: &PostRef| {
        let caption = p.caption.to_lowercase();
        f.signals.iter().any(|w| caption.contains(w.as_str()))
    };
    if ctx.top.iter().any(|p| signals(p)) {
        s += 1;
    }
    let bottom = &ctx.g.bottom_posts;
    if bottom
        .iter()
        .any(|p| p.format.eq_ignore_ascii_case(&f.echoes))
    {
        s -= 2;
    }
    if bottom.iter().any(signals) {
        s -= 1;
    }
    s
}

fn build(
    ctx: &Context,
    f: &ReelFormat,
    title: String,
    topic: &str,
    anchor: Option<&PostRef>,
    i: usize,
    rng: &mut Rng,
) -> ReelIdea {
    let mut vars: Vars = ctx.vars(topic);
    vars.result = rng.pick(ctx.results).cloned().unwrap_or_default();
    let fill_all = |lines: &[String]| lines.iter().map(|l| fill(l, &vars)).collect();
    let hook = rng
        .pick(&f.hooks)
        .map(|h| fill(h, &vars))
        .unwrap_or_default();
    let ctas = &library().captions.ctas;
    let cta = match ctx.goal {
        Goal::Leads if i.is_multiple_of(2) => rng.pick(&ctas.leads),
        Goal::Sales if i.is_multiple_of(2) => rng.pick(&ctas.sales),
        _ => rng.pick(&f.ctas),
    };
    let [lo, hi] = f.length;
    let secs = rng.range(lo, hi);
    let length_secs = ((secs + 2) / 5 * 5).clamp(lo, hi);
    ReelIdea {
        title,
        concept: fill(&f.concept, &vars),
        hook,
        beats: fill_all(&f.beats),
        on_screen_text: fill_all(&f.on_screen_text),
        caption_angle: fill(&f.caption_angle, &vars),
        cta: cta.map(|c| fill(c, &vars)).unwrap_or_default(),
        length_secs,
        why: why(ctx, f, topic, anchor),
        format: f.id.clone(),
    }
}

/// Which top post or pillar the idea builds on — only numbers from the grounding.
fn why(ctx: &Context, f: &ReelFormat, topic: &str, anchor: Option<&PostRef>) -> String {
    if let Some(p) = anchor {
        let kind = match p.format.trim().to_lowercase().as_str() {
            "" => "post".to_string(),
            k => k.to_string(),
        };
        let quote = excerpt(&p.caption);
        let named = if quote.is_empty() {
            format!("builds on one of your top {kind}s")
        } else {
            format!("builds on your {kind} “{quote}”")
        };
        return match p.engagement_rate.filter(|r| r.is_finite()) {
            Some(rate) => format!("{named} — {:.1} % engagement", rate * 100.0),
            None => format!("{named}, one of your top posts"),
        };
    }
    let pillar = ctx.g.pillars.iter().find(|p| norm(p) == norm(topic));
    match pillar {
        Some(p) => format!(
            "builds on your pillar “{}” as a {} reel",
            p.trim(),
            f.label.to_lowercase()
        ),
        None if ctx.fixed_topic => {
            "the topic you asked for; no top posts imported yet to build on".to_string()
        }
        None => format!(
            "from the {} topic ideas; no top posts imported yet to build on",
            ctx.niche.map_or("general", |n| n.label.as_str())
        ),
    }
}

/// The caption's first line without hashtags, cut at about 40 characters on a word.
pub(crate) fn excerpt(caption: &str) -> String {
    let line = caption
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| !w.starts_with('#'))
        .collect();
    let mut out = String::new();
    for w in &words {
        if out.chars().count() + w.chars().count() > 40 {
            return format!("{}…", out.trim_end_matches([',', '.', ':', ';', ' ']));
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpt_cuts_on_a_word() {
        assert_eq!(
            excerpt("3 ways to fix dry skin #skincare"),
            "3 ways to fix dry skin"
        );
        assert_eq!(
            excerpt("The one thing I tell every new client before their first facial appointment"),
            "The one thing I tell every new client…"
        );
    }
}
