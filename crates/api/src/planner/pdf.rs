//! A plan as the agency's branded PDF: an overview calendar table, the weekly targets, then the
//! daily detail.
use instagrowth_pdf::{Align, Block, Document, Tone};

use crate::report_format::{col, in_unit, long_date};

use super::StoredPlan;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

fn kind(i: &instagrowth_planner::PlanItem) -> &'static str {
    i.kind.as_str()
}

pub async fn plan_pdf(ws: &Workspace, p: &StoredPlan) -> ApiResult<Vec<u8>> {
    let client = crate::clients::show(ws, &p.client_id).await?;
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: p.name.clone(),
    }];
    for n in &p.plan.notes {
        blocks.push(Block::Callout {
            tone: Tone::Info,
            title: "Note".into(),
            text: n.clone(),
        });
    }
    blocks.push(Block::Heading {
        level: 2,
        text: "Calendar".into(),
    });
    blocks.push(Block::Table {
        columns: vec![
            col("Day", 1.6, Align::Left),
            col("Feed post", 3.4, Align::Left),
            col("Stories", 1.0, Align::Right),
            col("Engagement", 2.6, Align::Left),
        ],
        rows: p
            .plan
            .days
            .iter()
            .map(|d| {
                let post: Vec<String> = d
                    .items
                    .iter()
                    .filter(|i| !matches!(kind(i), "story" | "engagement"))
                    .map(|i| format!("{} {} · {}", i.time, kind(i), i.topic))
                    .collect();
                let stories = d.items.iter().filter(|i| kind(i) == "story").count();
                let tasks: Vec<String> = d
                    .items
                    .iter()
                    .filter(|i| kind(i) == "engagement")
                    .map(|i| i.topic.clone())
                    .collect();
                let short = chrono::NaiveDate::parse_from_str(&d.date, "%Y-%m-%d")
                    .map(|x| x.format("%a %-d %b").to_string())
                    .unwrap_or_else(|_| d.date.clone());
                vec![
                    short,
                    if post.is_empty() {
                        "—".into()
                    } else {
                        post.join("\n")
                    },
                    stories.to_string(),
                    tasks.join("\n"),
                ]
            })
            .collect(),
        row_tones: vec![],
    });
    if !p.plan.targets.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "Weekly targets".into(),
        });
        blocks.push(Block::Table {
            columns: vec![
                col("Week", 0.8, Align::Left),
                col("Dates", 2.0, Align::Left),
                col("Measure", 2.6, Align::Left),
                col("Now", 1.2, Align::Right),
                col("Target", 1.2, Align::Right),
            ],
            rows: p
                .plan
                .targets
                .iter()
                .map(|t| {
                    let f = |v: f64| in_unit(v, &t.unit);
                    vec![
                        t.week.to_string(),
                        format!("{} – {}", t.start, t.end),
                        t.metric.clone(),
                        t.baseline.map(f).unwrap_or_else(|| "—".into()),
                        f(t.target),
                    ]
                })
                .collect(),
            row_tones: vec![],
        });
    }
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading {
        level: 1,
        text: "Day by day".into(),
    });
    for d in &p.plan.days {
        blocks.push(Block::Heading {
            level: 3,
            text: format!("{} · {}", d.weekday, long_date(&d.date)),
        });
        let lines: Vec<String> = d
            .items
            .iter()
            .map(|i| {
                let mut s = format!("{} {} — {}", i.time, kind(i), i.topic);
                if !i.hook.is_empty() {
                    s.push_str(&format!("\nHook: {}", i.hook));
                }
                if !i.brief.is_empty() {
                    s.push_str(&format!("\n{}", i.brief));
                }
                if !i.hashtags.is_empty() {
                    s.push_str(&format!("\n{}", i.hashtags.join(" ")));
                }
                s
            })
            .collect();
        blocks.push(Block::Bullets(lines));
    }
    let doc = Document {
        title: format!("{}-day growth plan", p.plan.days.len()),
        client_name: client.name,
        client_handle: client.handle,
        date: long_date(&p.plan.start),
        branding: crate::audit::pdf_branding(ws).await?,
        blocks,
    };
    instagrowth_pdf::render(&doc).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("the PDF could not be made: {e}"),
        )
    })
}
