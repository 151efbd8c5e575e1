//! The audit as a branded PDF: the document the agency hands its client. Built from the stored
//! audit; every number is formatted here from the audit itself.
use instagrowth_audit::{Audit, RiskLevel, Severity, Verdict, WEEKDAYS};
use instagrowth_pdf::{Align, Badge, Block, Document, Series, Tone, ValueFormat};

use super::document::AuditDocument;
use crate::report_format::{col, in_unit, long_date, opt_pct, pct, short_date};

fn tone_of(s: Severity) -> Tone {
    match s {
        Severity::Critical => Tone::Danger,
        Severity::Major => Tone::Warning,
        Severity::Minor => Tone::Info,
        Severity::Strength => Tone::Good,
    }
}

fn badges(a: &Audit) -> Vec<Badge> {
    let mut out = Vec::new();
    let (caption, tone) = match &a.tier_benchmark {
        Some(b) => {
            let tone = match b.verdict {
                Some(Verdict::Below) => Tone::Warning,
                Some(Verdict::Above) => Tone::Good,
                _ => Tone::Neutral,
            };
            (
                format!("median for {} followers: {}", b.tier, pct(b.median)),
                tone,
            )
        }
        None => ("no follower count".to_string(), Tone::Neutral),
    };
    out.push(Badge {
        label: "Engagement rate".into(),
        value: opt_pct(a.engagement_rate),
        caption,
        tone,
    });
    let score = a.content_score.score;
    out.push(Badge {
        label: "Content score".into(),
        value: score.to_string(),
        caption: "out of 100".into(),
        tone: if score >= 75 {
            Tone::Good
        } else if score >= 50 {
            Tone::Neutral
        } else {
            Tone::Warning
        },
    });
    let r = &a.shadowban_risk;
    let (level, tone) = match r.level {
        RiskLevel::Low => ("Low", Tone::Good),
        RiskLevel::Medium => ("Medium", Tone::Warning),
        RiskLevel::High => ("High", Tone::Danger),
    };
    out.push(Badge {
        label: "Reach risk".into(),
        value: level.into(),
        caption: format!("{} of 100 (estimate)", r.score),
        tone,
    });
    out.push(Badge {
        label: "Posts analysed".into(),
        value: a.posts_analysed.to_string(),
        caption: a
            .window
            .as_ref()
            .map(|(f, l)| format!("{} – {}", short_date(f), short_date(l)))
            .unwrap_or_else(|| "no posts yet".into()),
        tone: Tone::Neutral,
    });
    out
}

fn engagement(a: &Audit, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading {
        level: 1,
        text: "Engagement".into(),
    });
    let e = &a.engagement;
    if e.timeline.iter().any(|p| p.engagement_rate.is_some()) {
        blocks.push(Block::LineChart {
            title: "Engagement rate per post".into(),
            labels: e.timeline.iter().map(|p| short_date(&p.date)).collect(),
            series: vec![Series {
                name: "Engagement rate".into(),
                values: e.timeline.iter().map(|p| p.engagement_rate).collect(),
            }],
            y_format: ValueFormat::Percent,
            note: Some("(likes + comments) / followers, per post".into()),
        });
    }
    let bars: Vec<(String, f64)> = e
        .by_format
        .iter()
        .filter_map(|f| {
            Some((
                format!("{}s ({})", capitalise(&f.format), f.posts),
                f.engagement_rate?,
            ))
        })
        .collect();
    if bars.len() > 1 {
        blocks.push(Block::BarChart {
            title: "Engagement rate by format".into(),
            bars,
            y_format: ValueFormat::Percent,
            note: None,
        });
    }
    let mut kv = vec![
        (
            "Engagement rate by followers".to_string(),
            opt_pct(a.engagement_rate),
        ),
        (
            "Engagement rate by reach".to_string(),
            opt_pct(a.engagement_rate_by_reach),
        ),
        (
            format!("Last 30 days ({} posts)", e.last_30_days.posts),
            opt_pct(e.last_30_days.engagement_rate),
        ),
        (
            format!("The 30 days before ({} posts)", e.previous_30_days.posts),
            opt_pct(e.previous_30_days.engagement_rate),
        ),
    ];
    if let Some(b) = &a.tier_benchmark {
        kv.push((
            format!("Median for {} followers", b.tier),
            format!("{} ({})", pct(b.median), b.source),
        ));
    }
    blocks.push(Block::KeyValues(kv));
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub fn document(doc: &AuditDocument, branding: instagrowth_pdf::Branding) -> Document {
    let a = &doc.audit;
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: "Summary".into(),
        },
        Block::Badges(badges(a)),
    ];
    for para in doc.narrative.summary.split("\n\n") {
        blocks.push(Block::Paragraph(para.to_string()));
    }

    if !a.findings.is_empty() {
        blocks.push(Block::Heading {
            level: 1,
            text: "What matters most".into(),
        });
        for (i, f) in a.findings.iter().enumerate() {
            let rec = doc
                .narrative
                .recommendations
                .get(i)
                .cloned()
                .unwrap_or_else(|| f.recommendation.clone());
            blocks.push(Block::Callout {
                tone: tone_of(f.severity),
                title: format!("{}. {}", i + 1, f.title),
                text: format!("{}\nWhat to do: {rec}", f.evidence.join(" ")),
            });
        }
    }

    engagement(a, &mut blocks);

    blocks.push(Block::Heading {
        level: 1,
        text: format!("Content score: {} of 100", a.content_score.score),
    });
    blocks.push(Block::Table {
        columns: vec![
            col("Part", 2.0, Align::Left),
            col("Weight", 1.0, Align::Right),
            col("Score", 1.0, Align::Right),
            col("How it was scored", 5.0, Align::Left),
        ],
        rows: a
            .content_score
            .parts
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    format!("{} %", p.weight),
                    p.score
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| "n/a".into()),
                    p.detail.clone(),
                ]
            })
            .collect(),
        row_tones: vec![],
    });

    let r = &a.shadowban_risk;
    blocks.push(Block::Heading {
        level: 1,
        text: "Recommendation eligibility (reach-restriction risk)".into(),
    });
    blocks.push(Block::Callout {
        tone: Tone::Info,
        title: format!("Estimated risk: {:?}, {} of 100", r.level, r.score),
        text: r.note.clone(),
    });
    blocks.push(Block::Table {
        columns: vec![
            col("Signal", 3.0, Align::Left),
            col("Measured", 2.2, Align::Right),
            col("Threshold", 2.6, Align::Left),
            col("Weight", 1.0, Align::Right),
            col("Status", 1.4, Align::Left),
        ],
        rows: r
            .signals
            .iter()
            .map(|s| {
                vec![
                    s.name.clone(),
                    s.value_text.clone(),
                    s.threshold_text.clone(),
                    s.weight.to_string(),
                    if s.value.is_none() {
                        "not measured".into()
                    } else if s.triggered {
                        "flagged".into()
                    } else {
                        "ok".into()
                    },
                ]
            })
            .collect(),
        row_tones: r
            .signals
            .iter()
            .map(|s| s.triggered.then_some(Tone::Warning))
            .collect(),
    });
    let flagged: Vec<String> = r
        .signals
        .iter()
        .filter(|s| s.triggered)
        .map(|s| format!("{}: {}", s.name, s.explanation))
        .collect();
    if !flagged.is_empty() {
        blocks.push(Block::Bullets(flagged));
    }

    let bt = &a.best_times;
    if bt.sample_size > 0 {
        blocks.push(Block::Heading {
            level: 1,
            text: "Best times to post".into(),
        });
        blocks.push(Block::Heatmap {
            title: format!("Mean {} by weekday and hour ({})", bt.measure, bt.time_zone),
            row_labels: WEEKDAYS.iter().map(|d| d[..3].to_string()).collect(),
            col_labels: (0..24).map(|h| format!("{h:02}")).collect(),
            values: bt.cells.clone(),
            note: Some(format!(
                "From {} posts; empty cells had no posts.",
                bt.sample_size
            )),
        });
        if !bt.top.is_empty() {
            blocks.push(Block::Bullets(
                bt.top
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {:02}:00 — {} average over {} post(s)",
                            WEEKDAYS[s.weekday as usize],
                            s.hour,
                            if bt.measure.starts_with("engagement rate") {
                                pct(s.rate)
                            } else {
                                format!("{:.1}×", s.rate)
                            },
                            s.posts
                        )
                    })
                    .collect(),
            ));
        }
    }

    blocks.push(Block::Heading {
        level: 1,
        text: "Your 30-day roadmap".into(),
    });
    for w in &a.roadmap.weeks {
        blocks.push(Block::Heading {
            level: 3,
            text: format!(
                "Week {} · {} – {} · {}",
                w.week,
                short_date(&w.start),
                short_date(&w.end),
                w.focus
            ),
        });
        blocks.push(Block::Numbered(
            w.actions.iter().map(|x| x.text.clone()).collect(),
        ));
    }
    if !a.roadmap.kpis.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "KPIs to watch".into(),
        });
        blocks.push(Block::Table {
            columns: vec![
                col("KPI", 3.0, Align::Left),
                col("Now", 1.5, Align::Right),
                col("Target in 30 days", 1.8, Align::Right),
            ],
            rows: a
                .roadmap
                .kpis
                .iter()
                .map(|k| {
                    let f = |v: f64| in_unit(v, &k.unit);
                    vec![
                        k.name.clone(),
                        k.baseline.map(f).unwrap_or_else(|| "—".into()),
                        f(k.target),
                    ]
                })
                .collect(),
            row_tones: vec![],
        });
    }

    if let Some(c) = &doc.changes {
        blocks.push(Block::Heading {
            level: 1,
            text: format!(
                "Since the last audit ({})",
                long_date(&c.previous_created_at)
            ),
        });
        blocks.push(Block::Table {
            columns: vec![
                col("Measure", 3.0, Align::Left),
                col("Then", 1.5, Align::Right),
                col("Now", 1.5, Align::Right),
            ],
            rows: c
                .metrics
                .iter()
                .map(|m| {
                    let f = |v: Option<f64>| match (v, m.unit.as_str()) {
                        (None, _) => "—".to_string(),
                        (Some(v), "percent") => pct(v),
                        (Some(v), _) => format!("{v:.0}"),
                    };
                    vec![m.name.clone(), f(m.before), f(m.after)]
                })
                .collect(),
            row_tones: vec![],
        });
        let mut lines: Vec<String> = c
            .resolved_findings
            .iter()
            .map(|t| format!("Resolved: {t}"))
            .collect();
        lines.extend(c.new_findings.iter().map(|t| format!("New: {t}")));
        if !lines.is_empty() {
            blocks.push(Block::Bullets(lines));
        }
    }

    if !a.not_assessed.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "What could not be assessed".into(),
        });
        blocks.push(Block::Table {
            columns: vec![col("What", 2.0, Align::Left), col("Why", 3.0, Align::Left)],
            rows: a
                .not_assessed
                .iter()
                .map(|n| vec![n.what.clone(), n.why.clone()])
                .collect(),
            row_tones: vec![],
        });
    }

    Document {
        title: "Instagram account audit".into(),
        client_name: doc.client_name.clone(),
        client_handle: doc.client_handle.clone(),
        date: long_date(&doc.created_at),
        branding,
        blocks,
    }
}
